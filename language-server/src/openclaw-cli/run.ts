// Runs the OpenClaw CLI with a hard timeout and no shell; never throws, so a missing, hanging or broken CLI
// becomes a message instead of a crash.
import { execa } from 'execa';

export interface CliRun { stdout: string; stderr: string; exitCode?: number; error?: string }

export async function runCli(cliPath: string, args: string[], opts: { env?: NodeJS.ProcessEnv; timeoutMs: number; maxBuffer?: number; cwd?: string }): Promise<CliRun> {
  try {
    const r = await execa(cliPath, args, {
      env: { ...opts.env, OPENCLAW_DISABLE_BONJOUR: '1', NO_COLOR: '1' },
      extendEnv: false,
      timeout: opts.timeoutMs,
      maxBuffer: opts.maxBuffer ?? 16 * 1024 * 1024,
      reject: false,
      stdin: 'ignore',
      cwd: opts.cwd,
      forceKillAfterDelay: 2000,
    });
    const base = { stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? ''), exitCode: r.exitCode };
    if (r.timedOut) return { ...base, error: `"${cliPath} ${args.join(' ')}" did not answer within ${Math.round(opts.timeoutMs / 1000)} s` };
    if (r.failed && r.exitCode === undefined) {
      const code = (r as unknown as { code?: string }).code;
      return { ...base, error: code === 'ENOENT' ? `OpenClaw CLI not found at "${cliPath}"` : code === 'EACCES' ? `OpenClaw CLI at "${cliPath}" is not executable` : `could not run "${cliPath}": ${r.shortMessage ?? code}` };
    }
    return base;
  } catch (e) {
    return { stdout: '', stderr: '', error: `could not run "${cliPath}": ${(e as Error).message}` };
  }
}
