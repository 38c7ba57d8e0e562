// Is the CLI usable, and which version is it? Asked once per CLI path; a failure says what is wrong (not found,
// not executable, a Node too old for it) instead of a stack trace.
import { runCli } from './run';
import { VERSION_ARGS } from './command-lines';

/** The oldest Node the OpenClaw CLI runs on. */
export const MIN_NODE: [number, number] = [24, 16];

/** "OpenClaw 2026.9.6 (eb377ac)" -> "2026.9.6". */
export function parseCliVersion(stdout: string): string | undefined {
  return /(\d{4}\.\d+\.\d+(?:[-.][0-9A-Za-z.]+)?)/.exec(stdout)?.[1];
}

export async function cliVersion(cliPath: string, env: NodeJS.ProcessEnv, timeoutMs = 15000): Promise<{ version?: string; error?: string }> {
  const r = await runCli(cliPath, VERSION_ARGS, { env, timeoutMs });
  if (r.error) return { error: r.error };
  if (r.exitCode !== 0) return { error: `"${cliPath} --version" exited with ${r.exitCode}` };
  const version = parseCliVersion(r.stdout);
  return version ? { version } : { error: `"${cliPath} --version" printed no OpenClaw version` };
}

/** "v22.3.0" -> a message when that Node is older than the CLI needs. */
export function nodeTooOld(nodeVersion: string): string | undefined {
  const m = /^v(\d+)\.(\d+)/.exec(nodeVersion.trim());
  if (!m) return undefined;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1])) return undefined;
  return `OpenClaw needs Node ${MIN_NODE.join('.')} or newer, but "node" on PATH is ${nodeVersion.trim()}.`;
}

export type CliProbe = { ok: true; path: string; version: string } | { ok: false; message: string };

export async function probeCli(cliPath: string, env: NodeJS.ProcessEnv): Promise<CliProbe> {
  const r = await runCli(cliPath, VERSION_ARGS, { env, timeoutMs: 20000 });
  const version = r.exitCode === 0 ? parseCliVersion(r.stdout) : undefined;
  if (version) return { ok: true, path: cliPath, version };
  if (r.error) return { ok: false, message: r.error };
  const node = await runCli('node', ['--version'], { env, timeoutMs: 5000 });
  const old = nodeTooOld(node.stdout);
  if (old) return { ok: false, message: old };
  return { ok: false, message: `"${cliPath} --version" failed (exit ${r.exitCode ?? '?'}): ${firstLine(r.stderr || r.stdout)}` };
}

function firstLine(s: string): string {
  return s.trim().split('\n')[0]?.slice(0, 200) || 'no output';
}

/** One probe per CLI path, kept while it succeeds; a failed one is asked again next time. */
export class CliProbes {
  private readonly byPath = new Map<string, Promise<CliProbe>>();

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  get(cliPath: string): Promise<CliProbe> {
    let p = this.byPath.get(cliPath);
    if (!p) {
      p = probeCli(cliPath, this.env);
      this.byPath.set(cliPath, p);
      void p.then((r) => { if (!r.ok && this.byPath.get(cliPath) === p) this.byPath.delete(cliPath); });
    }
    return p;
  }
}
