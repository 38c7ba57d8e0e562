// The real OpenClaw CLI and our built checker, run as child processes with an isolated environment: the agreement
// tests compare our answers with OpenClaw's own, so OpenClaw must be the real thing and must not see the real home.
import { spawn } from 'node:child_process';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { CHECKER, NODE24_BIN, OPENCLAW, REPO } from '../support/paths';

/** Called first in every test that needs the CLI: a missing CLI is a failure, never a skip, or the agreement
 *  would silently stop being checked. */
export function requireOpenclaw(): void {
  const missing = [OPENCLAW, path.join(NODE24_BIN, 'node')].filter((p) => !existsSync(p));
  if (missing.length) {
    throw new Error(`the real OpenClaw CLI is required but ${missing.map((p) => path.relative(REPO, p)).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing: run \`npm run install-tools\``);
  }
}

/** The older releases scripts/install-tools.sh installs side by side (its OLDER_OPENCLAW_VERSIONS), each required
 *  like the pinned one: the profile rules keyed to them are checked against them. */
export function olderReleases(): { version: string; bin: string }[] {
  const script = readFileSync(path.join(REPO, 'scripts', 'install-tools.sh'), 'utf8');
  const list = /^OLDER_OPENCLAW_VERSIONS="([^"]*)"/m.exec(script)?.[1].trim().split(/\s+/) ?? [];
  if (list.length < 3) throw new Error('scripts/install-tools.sh names fewer than three older OpenClaw releases');
  const releases = list.map((version) => ({ version, bin: path.join(REPO, '.tools', `openclaw-${version}`, 'node_modules', '.bin', 'openclaw') }));
  const missing = releases.filter((r) => !existsSync(r.bin));
  if (missing.length) throw new Error(`older OpenClaw releases ${missing.map((r) => r.version).join(', ')} are missing: run \`npm run install-tools\``);
  return releases;
}

export function requireChecker(): void {
  if (!existsSync(CHECKER)) throw new Error(`${path.relative(REPO, CHECKER)} is missing: run \`node esbuild.mjs\` first`);
}

export interface TempHome { dir: string; remove(): Promise<void> }

export async function makeTempHome(prefix = 'openclaw-agreement-'): Promise<TempHome> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rm(dir, { recursive: true, force: true }) };
}

/** The environment for the CLI (and for our checker when it calls the CLI): inherited OPENCLAW_* variables are
 *  dropped because an exported OPENCLAW_STATE_DIR or OPENCLAW_CONFIG_PATH would silently win over the test's own;
 *  HOME moves too, so neither OpenClaw nor our schema cache (~/.cache) writes into the real home. */
export function isolatedEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  // The checker speaks the locale's language: the tests pin English unless they ask for another.
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('OPENCLAW_') && !/^(LC_ALL|LC_MESSAGES|LANGUAGE)$/.test(k)) env[k] = v;
  return {
    ...env,
    LANG: 'C.UTF-8',
    PATH: `${NODE24_BIN}${path.delimiter}${process.env.PATH ?? ''}`,
    HOME: home,
    OPENCLAW_HOME: home,
    OPENCLAW_DISABLE_BONJOUR: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...extra,
  };
}

export interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }

export function run(cmd: string, args: string[], opts: { env: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number }): Promise<Run> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: opts.env, cwd: opts.cwd ?? REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code, signal) => { clearTimeout(timer); resolve({ code, signal, stdout, stderr, ms: Date.now() - t0 }); });
  });
}

/** Runs `openclaw ARGS` (the pinned CLI, or `bin`) against a home of its own (made and removed here unless `home`
 *  is given). */
export async function runOpenclaw(args: string[], opts: { home?: string; env?: Record<string, string>; timeoutMs?: number; bin?: string } = {}): Promise<Run> {
  const temp = opts.home ? undefined : await makeTempHome('openclaw-cli-');
  try {
    return await run(opts.bin ?? OPENCLAW, args, { env: isolatedEnv(opts.home ?? temp!.dir, opts.env), timeoutMs: opts.timeoutMs ?? 60_000 });
  } finally {
    await temp?.remove();
  }
}

/** The JSON document a `--json` command printed; OpenClaw may print other lines first. */
export function jsonOf<T = unknown>(r: Run, what: string): T {
  const at = r.stdout.search(/^[{[]/m);
  try {
    if (at < 0) throw new Error('no JSON in stdout');
    return JSON.parse(r.stdout.slice(at)) as T;
  } catch (e) {
    throw new Error(`${what}: ${(e as Error).message} (exit ${r.code})\nstdout: ${r.stdout.slice(0, 2000)}\nstderr: ${r.stderr.slice(0, 2000)}`, { cause: e });
  }
}

/** Our built checker as a user runs it (`node dist/cli.js ...`). */
export function runChecker(args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): Promise<Run> {
  return run(process.execPath, [CHECKER, ...args], { env: opts.env ?? process.env, cwd: opts.cwd, timeoutMs: opts.timeoutMs ?? 120_000 });
}

/** fn over items with at most `limit` running at once (the CLI is CPU-bound, ~1.2 s a call), results in order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export interface CliIssue { path: string; message: string }

/** OpenClaw's issue paths in our notation: an unknown key is reported on its parent object, ours on the key. The
 *  core schema says so in zod's words ("Unrecognized key"), plugin and channel schemas in a JSON Schema validator's
 *  ("must not have additional properties"). That validator also sums up a key its pattern refuses on the parent
 *  ("property names … are invalid"), beside the pattern's own issue on the key: both are the key. */
export function cliIssuePaths(issues: readonly CliIssue[]): string[] {
  const out: string[] = [];
  for (const issue of issues) {
    const parent = issue.path === '<root>' ? '' : issue.path;
    const unknown = /^(?:Unrecognized keys?(?:\(s\))?|(?:invalid config: )?must not have additional properties): (.*)$/s.exec(issue.message);
    const badName = /^invalid config: property names (.*) are invalid$/s.exec(issue.message);
    if (badName) {
      out.push(parent ? `${parent}.${badName[1]}` : badName[1]);
    } else if (unknown) {
      for (const [, quoted] of unknown[1].matchAll(/("(?:[^"\\]|\\.)*")/g)) {
        const key = JSON.parse(quoted) as string;
        out.push(parent ? `${parent}.${key}` : key);
      }
    } else {
      out.push(parent);
    }
  }
  return out;
}
