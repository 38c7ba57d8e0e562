// Finding every profile on the host: the ~/.openclaw[-name] convention, the environment VS Code was started
// with, instances declared in settings, and gateways started by hand that only their lock file tells of. Folders
// the CLI cannot address are kept with the reason, so none vanishes without a word. Reads directory listings and
// lock files only; configs are read by the model.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { DeclaredInstance, ProfileOrigin, SkippedFolder } from '../protocol';
import { gatewayLockDir, lockIsLive, readLocksIn, type GatewayLock } from './liveness';
import { expandHome, samePathKey } from './paths';
import { folderVerdict, NEWEST_RULES, resolveInvocation, type ProfileRules } from './profile-rules';
import { t } from '../l10n';

export interface ProfileSource {
  name: string;
  origin: ProfileOrigin;
  configPath: string;
  stateDir: string;
  /** Environment this profile runs with (not set for convention profiles, which run with --profile). */
  env: Record<string, string>;
  /** Name the CLI hashes for the default port: the profile name, or OPENCLAW_PROFILE for other instances. */
  portProfile?: string;
  /** How a profile outside the convention was found, in words ("the lock file … of pid 4242"). */
  foundBy?: string;
}

export interface Discovery { sources: ProfileSource[]; skipped: SkippedFolder[] }

export interface DiscoveryOptions {
  rules?: ProfileRules;
  /** Look for gateways started by hand in the lock dirs (on by default). */
  locks?: boolean;
  uid?: number;
}

async function isDir(p: string): Promise<boolean> {
  try { return (await fs.stat(p)).isDirectory(); } catch { return false; }
}

export async function discoverProfiles(home: string, env: NodeJS.ProcessEnv, declared: DeclaredInstance[], opts: DiscoveryOptions = {}): Promise<ProfileSource[]> {
  return (await discoverHost(home, env, declared, opts)).sources;
}

export async function discoverHost(home: string, env: NodeJS.ProcessEnv, declared: DeclaredInstance[], opts: DiscoveryOptions = {}): Promise<Discovery> {
  const rules = opts.rules ?? NEWEST_RULES;
  const found: ProfileSource[] = [];
  const skipped: SkippedFolder[] = [];
  const defaultDir = path.join(home, '.openclaw');
  const legacyDir = path.join(home, '.clawdbot');
  if (await isDir(defaultDir)) found.push(conventional('default', defaultDir, home, rules));
  else if (await isDir(legacyDir)) found.push(conventional('default', legacyDir, home, rules));

  let entries: string[] = [];
  try { entries = await fs.readdir(home); } catch { /* a missing home has no profiles */ }
  const folders: string[] = [];
  for (const entry of entries.sort()) {
    const verdict = folderVerdict(entry);
    if (!verdict || entry === '.openclaw') continue;
    const dir = path.join(home, entry);
    if (!(await isDir(dir))) continue;
    folders.push(dir);
    if ('reason' in verdict) skipped.push({ dir, reason: verdict.reason });
    else found.push(conventional(verdict.profile, dir, home, rules));
  }

  if (env.OPENCLAW_STATE_DIR || env.OPENCLAW_CONFIG_PATH) {
    const stateDir = path.resolve(expandHome(env.OPENCLAW_STATE_DIR || defaultDir, home));
    const configPath = path.resolve(expandHome(env.OPENCLAW_CONFIG_PATH || path.join(stateDir, 'openclaw.json'), home));
    const already = found.some((p) => samePathKey(p.configPath) === samePathKey(configPath) && samePathKey(p.stateDir) === samePathKey(stateDir));
    if (!already) {
      const runEnv: Record<string, string> = { OPENCLAW_STATE_DIR: stateDir, OPENCLAW_CONFIG_PATH: configPath };
      if (env.OPENCLAW_PROFILE) runEnv.OPENCLAW_PROFILE = env.OPENCLAW_PROFILE;
      // Commands run from this environment see its port too, and the profile's terminals are given it.
      if (env.OPENCLAW_GATEWAY_PORT) runEnv.OPENCLAW_GATEWAY_PORT = env.OPENCLAW_GATEWAY_PORT;
      found.push(instance(uniqueName(env.OPENCLAW_PROFILE || 'env', found), 'env', runEnv, home, rules));
    }
  }

  for (const d of declared) {
    if (!d || typeof d.name !== 'string' || typeof d.configPath !== 'string' || typeof d.stateDir !== 'string') continue;
    const stateDir = path.resolve(expandHome(d.stateDir, home));
    const configPath = path.resolve(expandHome(d.configPath, home));
    const extra = Object.fromEntries(Object.entries(d.env ?? {}).filter(([k, v]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) && typeof v === 'string'));
    found.push(instance(uniqueName(d.name, found), 'setting', { ...extra, OPENCLAW_STATE_DIR: stateDir, OPENCLAW_CONFIG_PATH: configPath }, home, rules));
  }

  if (opts.locks !== false) {
    const dirs = new Set([defaultDir, ...folders, ...found.map((p) => p.stateDir)]);
    for (const lock of await liveLocks(dirs, rules, opts)) {
      if (!lock.configPath || found.some((p) => samePathKey(p.configPath) === samePathKey(lock.configPath!))) continue;
      found.push(await fromLock(lock, found, home, rules));
    }
  }
  return { sources: found, skipped };
}

function conventional(name: string, stateDir: string, home: string, rules: ProfileRules): ProfileSource {
  // Run with `--profile NAME` and none of the variables that would redirect it (see command-lines.ts).
  const r = resolveInvocation({ profile: name, env: {}, home }, rules);
  return { name, origin: 'convention', stateDir, configPath: path.join(stateDir, 'openclaw.json'), env: {}, portProfile: r.portProfile };
}

function instance(name: string, origin: ProfileOrigin, runEnv: Record<string, string>, home: string, rules: ProfileRules, foundBy?: string): ProfileSource {
  const r = resolveInvocation({ env: runEnv, home }, rules);
  return { name, origin, stateDir: r.stateDir, configPath: r.configPath, env: runEnv, portProfile: r.portProfile, ...(foundBy ? { foundBy } : {}) };
}

/** Live gateway locks in the lock dir of each state dir, and for releases that kept them there, in the temp dir. */
async function liveLocks(stateDirs: Set<string>, rules: ProfileRules, opts: DiscoveryOptions): Promise<(GatewayLock & { file: string })[]> {
  // Without opts.uid, gatewayLockDir takes this process's own.
  const dirs = [...stateDirs].map((d) => gatewayLockDir(d, opts.uid));
  if (rules.lockDir === 'tmpdir') dirs.push(gatewayLockDir('', opts.uid, rules));
  const locks = (await Promise.all(dirs.map(readLocksIn))).flat();
  // Two locks of one config are told apart by the caller, which skips a config it already has.
  return (await Promise.all(locks.map(async (l) => ((await lockIsLive(l)) ? l : undefined)))).filter((l) => l !== undefined);
}

/** The state dir a running process was given, for locks that do not name theirs (releases before 2026.8.1). */
async function stateDirOfPid(pid: number, home: string): Promise<string | undefined> {
  let environ: string;
  try { environ = await fs.readFile(`/proc/${pid}/environ`, 'utf8'); } catch { return undefined; }
  const vars = new Map(environ.split('\0').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  const dir = vars.get('OPENCLAW_STATE_DIR')?.trim();
  return dir ? path.resolve(expandHome(dir, vars.get('HOME') || home)) : path.join(vars.get('OPENCLAW_HOME') || vars.get('HOME') || home, '.openclaw');
}

async function fromLock(lock: GatewayLock & { file: string }, taken: ProfileSource[], home: string, rules: ProfileRules): Promise<ProfileSource> {
  const configPath = path.resolve(lock.configPath!);
  const stateDir = path.resolve(lock.stateDir ?? (await stateDirOfPid(lock.pid, home)) ?? path.dirname(configPath));
  const base = path.basename(configPath).replace(/\.json5?$/i, '');
  const name = base && base !== 'openclaw' ? base : path.basename(stateDir).replace(/^\.openclaw-?/, '') || 'gateway';
  const runEnv: Record<string, string> = { OPENCLAW_STATE_DIR: stateDir, OPENCLAW_CONFIG_PATH: configPath };
  // It was started with `--port`, which the CLI's status commands would not know: its terminals pass the port on.
  if (lock.port !== undefined && Number.isInteger(lock.port)) runEnv.OPENCLAW_GATEWAY_PORT = String(lock.port);
  return instance(uniqueName(name, taken), 'lock', runEnv, home, rules, t('the lock file {0} of the running gateway (pid {1})', lock.file, lock.pid));
}

function uniqueName(name: string, taken: ProfileSource[]): string {
  let candidate = name;
  for (let i = 2; taken.some((p) => p.name === candidate); i++) candidate = `${name} (${i})`;
  return candidate;
}
