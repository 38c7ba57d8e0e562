// Where OpenClaw puts a profile, resolved the way the CLI resolves it.
import * as os from 'node:os';
import * as path from 'node:path';

export const PROFILE_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/i;

export function isValidProfileName(name: string): boolean {
  return PROFILE_NAME.test(name);
}

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

export function stateDirFor(profile: string, home: string): string {
  return path.join(home, profile === 'default' ? '.openclaw' : `.openclaw-${profile}`);
}

/** Paths compared for isolation: resolved, without trailing separators, case-folded where the file system is. */
export function samePathKey(p: string): string {
  const resolved = path.resolve(p).replace(/[\\/]+$/, '');
  return process.platform === 'win32' || process.platform === 'darwin' ? resolved.toLowerCase() : resolved;
}
