// Finding every profile on the host: the ~/.openclaw[-name] convention, the environment VS Code was started
// with, and instances declared in settings. Reads directory listings only; configs are read by the model.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { DeclaredInstance, ProfileOrigin } from '../protocol';
import { expandHome, isValidProfileName, samePathKey, stateDirFor } from './paths';

export interface ProfileSource {
  name: string;
  origin: ProfileOrigin;
  configPath: string;
  stateDir: string;
  /** Environment this profile runs with (not set for convention profiles, which run with --profile). */
  env: Record<string, string>;
  /** Name the CLI hashes for the default port: the profile name, or OPENCLAW_PROFILE for other instances. */
  portProfile?: string;
}

async function isDir(p: string): Promise<boolean> {
  try { return (await fs.stat(p)).isDirectory(); } catch { return false; }
}

export async function discoverProfiles(home: string, env: NodeJS.ProcessEnv, declared: DeclaredInstance[]): Promise<ProfileSource[]> {
  const found: ProfileSource[] = [];
  const defaultDir = stateDirFor('default', home);
  const legacyDir = path.join(home, '.clawdbot');
  if (await isDir(defaultDir)) found.push(conventional('default', defaultDir));
  else if (await isDir(legacyDir)) found.push(conventional('default', legacyDir));

  let entries: string[] = [];
  try { entries = await fs.readdir(home); } catch { /* a missing home has no profiles */ }
  for (const entry of entries.sort()) {
    const m = /^\.openclaw-(.+)$/.exec(entry);
    if (!m || !isValidProfileName(m[1]) || m[1] === 'default') continue;
    const dir = path.join(home, entry);
    if (await isDir(dir)) found.push(conventional(m[1], dir));
  }

  if (env.OPENCLAW_STATE_DIR || env.OPENCLAW_CONFIG_PATH) {
    const stateDir = path.resolve(expandHome(env.OPENCLAW_STATE_DIR || defaultDir, home));
    const configPath = path.resolve(expandHome(env.OPENCLAW_CONFIG_PATH || path.join(stateDir, 'openclaw.json'), home));
    const already = found.some((p) => samePathKey(p.configPath) === samePathKey(configPath) && samePathKey(p.stateDir) === samePathKey(stateDir));
    if (!already) {
      const runEnv: Record<string, string> = { OPENCLAW_STATE_DIR: stateDir, OPENCLAW_CONFIG_PATH: configPath };
      if (env.OPENCLAW_PROFILE) runEnv.OPENCLAW_PROFILE = env.OPENCLAW_PROFILE;
      found.push({ name: uniqueName(env.OPENCLAW_PROFILE || 'env', found), origin: 'env', configPath, stateDir, env: runEnv, portProfile: env.OPENCLAW_PROFILE });
    }
  }

  for (const d of declared) {
    if (!d || typeof d.name !== 'string' || typeof d.configPath !== 'string' || typeof d.stateDir !== 'string') continue;
    const stateDir = path.resolve(expandHome(d.stateDir, home));
    const configPath = path.resolve(expandHome(d.configPath, home));
    const extra = Object.fromEntries(Object.entries(d.env ?? {}).filter(([k, v]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) && typeof v === 'string'));
    const runEnv = { ...extra, OPENCLAW_STATE_DIR: stateDir, OPENCLAW_CONFIG_PATH: configPath };
    found.push({ name: uniqueName(d.name, found), origin: 'setting', configPath, stateDir, env: runEnv, portProfile: extra.OPENCLAW_PROFILE });
  }
  return found;
}

function conventional(name: string, stateDir: string): ProfileSource {
  return { name, origin: 'convention', stateDir, configPath: path.join(stateDir, 'openclaw.json'), env: {}, portProfile: name };
}

function uniqueName(name: string, taken: ProfileSource[]): string {
  let candidate = name;
  for (let i = 2; taken.some((p) => p.name === candidate); i++) candidate = `${name} (${i})`;
  return candidate;
}
