// Paths as OpenClaw reads them: the home, `~`, and the form two paths are compared in (profile-rules.ts holds
// where a profile lives; real-paths.ts resolves links).
import * as os from 'node:os';
import * as path from 'node:path';

/** OPENCLAW_HOME wins over $HOME, as in the CLI; a setting can point the extension elsewhere. */
export function resolveHome(setting: string | undefined, env: NodeJS.ProcessEnv): string {
  const raw = setting?.trim() || env.OPENCLAW_HOME?.trim() || os.homedir();
  return path.resolve(expandHome(raw, os.homedir()));
}

export function expandHome(p: string, home: string): string {
  if (p === '~') return home;
  if (p.startsWith('~/') || p.startsWith('~\\')) return path.join(home, p.slice(2));
  return p;
}

/** Paths compared for isolation: resolved, without trailing separators, case-folded where the file system is. */
export function samePathKey(p: string): string {
  const resolved = path.resolve(p).replace(/[\\/]+$/, '');
  return process.platform === 'win32' || process.platform === 'darwin' ? resolved.toLowerCase() : resolved;
}
