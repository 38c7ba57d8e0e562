// How the OpenClaw CLI turns `--profile NAME`, the environment and a config into a state dir, a config path and a
// base port, and which of these rules hold for which release. Read off the CLI's own code of every release named
// below and checked against the installed releases by test/agreement/profile-differential.test.ts; pure.
//
// Where each rule starts (releases checked: 2026.6.1, 6.35, 7.1, 7.35, 8.1, 8.2, 9.1 by reading their code;
// 2026.6.35, 7.1, 8.1 and 9.6 installed and run):
//   all of them   `--profile NAME` needs /^[a-z0-9][a-z0-9_-]{0,63}$/i; `default` in any case means no profile;
//                 `--profile dev` exports OPENCLAW_GATEWAY_PORT=19001 unless it is set; `--port` > env > config
//   2026.7.1      the extension relay at browser control + 8 (B+10); 2026.6.x has none
//   2026.8.1      a named profile without gateway.port gets 20000 + fnv1a32(name) % 40000 (before: 18789);
//                 `canvasHost` is rejected (before: accepted and ignored; no release checked binds a canvas port);
//                 `browser.cdpPortRangeStart` no longer moves the CDP range; the gateway lock moved from
//                 <tmpdir>/openclaw-<uid> into <state dir>/tmp/openclaw-<uid>; `--profile` replaces an exported
//                 OPENCLAW_STATE_DIR / OPENCLAW_CONFIG_PATH that points at the inherited profile (before: they win)
// Releases older than 2026.6.1 get the oldest rules known here; unknown and newer releases get the newest.
import * as path from 'node:path';
import type { BasePortSource } from '../protocol';
import { t } from '../l10n';

export interface ProfileRules {
  /** The first release these rules hold for. */
  since: string;
  /** A named profile without a port gets a port hashed from its name. */
  hashedNamedPorts: boolean;
  /** The extension relay listens at browser control + 8. */
  relay: boolean;
  /** `browser.cdpPortRangeStart` moves the CDP range. */
  cdpRangeStartKey: boolean;
  /** `canvasHost` is an error rather than an ignored legacy key. */
  canvasHostRejected: boolean;
  /** Where a running gateway keeps its lock. */
  lockDir: 'tmpdir' | 'state-dir';
  /** `--profile` replaces an exported state dir or config path that points at the inherited profile's. */
  profileReplacesInheritedPaths: boolean;
}

const OLDEST: ProfileRules = {
  since: '2026.6.1', hashedNamedPorts: false, relay: false, cdpRangeStartKey: true, canvasHostRejected: false,
  lockDir: 'tmpdir', profileReplacesInheritedPaths: false,
};

/** Each release that changed a rule, oldest first, with what it changed. */
export const RULE_CHANGES: { version: string; changes: Partial<ProfileRules> }[] = [
  { version: '2026.7.1', changes: { relay: true } },
  { version: '2026.8.1', changes: { hashedNamedPorts: true, canvasHostRejected: true, cdpRangeStartKey: false, lockDir: 'state-dir', profileReplacesInheritedPaths: true } },
];

/** "2026.8.1", "2026.8.1-beta.2", "OpenClaw 2026.9.6 (eb377ac)" -> [2026, 8, 1]; suffixes do not count. */
export function releaseOf(version: string | undefined): [number, number, number] | undefined {
  const m = /(\d{4})\.(\d+)\.(\d+)/.exec(version ?? '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

function atLeast(a: [number, number, number], b: [number, number, number]): boolean {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}

export function rulesFor(version?: string): ProfileRules {
  const release = releaseOf(version);
  let rules = { ...OLDEST };
  for (const step of RULE_CHANGES) {
    if (!release || atLeast(release, releaseOf(step.version)!)) rules = { ...rules, ...step.changes, since: step.version };
  }
  return rules;
}

export const NEWEST_RULES = rulesFor(undefined);

// ---- names

export const PROFILE_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/i;
export const DEV_PROFILE = 'dev';
export const DEV_PORT = 19001;

export function isValidProfileName(name: string): boolean {
  return PROFILE_NAME.test(name);
}

/** `default` in any case means no profile at all. */
export function isDefaultProfileName(name: string | undefined): boolean {
  return name?.trim().toLowerCase() === 'default';
}

/** The profile the CLI hashes and names services and logs after: trimmed, or none for `default` and invalid names. */
export function namedProfile(name: string | undefined): string | undefined {
  const n = name?.trim();
  return n && !isDefaultProfileName(n) && isValidProfileName(n) ? n : undefined;
}

export function stateDirFor(profile: string, home: string): string {
  return path.join(home, isDefaultProfileName(profile) ? '.openclaw' : `.openclaw-${profile.trim()}`);
}

/** What a `~/.openclaw-<something>` folder is to the CLI: the profile `--profile` reaches it with, or why none does. */
export type FolderVerdict = { profile: string } | { reason: string };

export function folderVerdict(entry: string): FolderVerdict | undefined {
  if (entry === '.openclaw') return { profile: 'default' };
  if (!entry.startsWith('.openclaw-')) return undefined;
  const name = entry.slice('.openclaw-'.length);
  if (!name) return { reason: t('no profile name after ".openclaw-"') };
  if (isDefaultProfileName(name)) {
    return { reason: t('"--profile {0}" means the default profile (~/.openclaw) in any case, so no command reaches this folder', name) };
  }
  if (!isValidProfileName(name)) {
    return {
      reason: name.length > 64
        ? t('"{0}…" is longer than the 64 characters the CLI accepts as a profile name', name.slice(0, 20))
        : t('"{0}" is not a name the CLI accepts for --profile (letters, digits, "-" and "_", starting with a letter or digit)', name),
    };
  }
  return { profile: name };
}

// ---- one invocation: --profile plus the environment

export interface Invocation {
  /** `--profile NAME` (or `--dev`, as "dev"), if given. */
  profile?: string;
  env: Record<string, string | undefined>;
  home: string;
}

export interface Resolved {
  stateDir: string;
  configPath: string;
  /** OPENCLAW_GATEWAY_PORT as the command sees it, `--profile dev` included. */
  envPort?: string;
  /** The profile the port hash, the log name and the service name follow (undefined: none). */
  portProfile?: string;
}

function resolveUserPath(p: string, home: string): string {
  const t = p.trim();
  if (t === '~') return home;
  if (t.startsWith('~/') || t.startsWith('~\\')) return path.resolve(home, t.slice(2));
  return path.resolve(t);
}

const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** The CLI's own resolution of state dir, config path and the environment's port for one command line. */
export function resolveInvocation(inv: Invocation, rules: ProfileRules = NEWEST_RULES): Resolved {
  const env = { ...inv.env };
  const profile = inv.profile?.trim();
  if (profile) {
    const stateDirEnv = trimmed(env.OPENCLAW_STATE_DIR);
    const configEnv = trimmed(env.OPENCLAW_CONFIG_PATH);
    const selected = stateDirFor(profile, inv.home);
    if (rules.profileReplacesInheritedPaths) {
      const inherited = stateDirFor(namedProfile(env.OPENCLAW_PROFILE) ?? 'default', inv.home);
      const switches = inherited !== selected;
      const switchesState = !!stateDirEnv && switches && resolveUserPath(stateDirEnv, inv.home) === inherited;
      const replacesConfig = switches && (!stateDirEnv || switchesState) && !!configEnv && resolveUserPath(configEnv, inv.home) === path.join(inherited, 'openclaw.json');
      const stateDir = stateDirEnv && !switchesState ? stateDirEnv : selected;
      env.OPENCLAW_STATE_DIR = stateDir;
      if (!configEnv || replacesConfig) env.OPENCLAW_CONFIG_PATH = path.join(stateDir, 'openclaw.json');
    } else {
      env.OPENCLAW_STATE_DIR = stateDirEnv ?? selected;
      if (!configEnv) env.OPENCLAW_CONFIG_PATH = path.join(env.OPENCLAW_STATE_DIR, 'openclaw.json');
    }
    env.OPENCLAW_PROFILE = profile;
    if (profile === DEV_PROFILE && !trimmed(env.OPENCLAW_GATEWAY_PORT)) env.OPENCLAW_GATEWAY_PORT = String(DEV_PORT);
  }
  // OPENCLAW_PROFILE alone moves the port, the log and the service name, never the state dir or the config.
  const stateDir = trimmed(env.OPENCLAW_STATE_DIR) ? resolveUserPath(env.OPENCLAW_STATE_DIR!, inv.home) : path.join(inv.home, '.openclaw');
  const configPath = trimmed(env.OPENCLAW_CONFIG_PATH) ? resolveUserPath(env.OPENCLAW_CONFIG_PATH!, inv.home) : path.join(stateDir, 'openclaw.json');
  return { stateDir, configPath, envPort: trimmed(env.OPENCLAW_GATEWAY_PORT), portProfile: namedProfile(env.OPENCLAW_PROFILE) };
}

// ---- the base port

export const DEFAULT_BASE_PORT = 18789;

/** 32-bit FNV-1a over the name's UTF-8 bytes, as the CLI hashes a profile name into its default port. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function hashedBasePort(profile: string): number {
  return 20000 + (fnv1a32(profile) % 40000);
}

function tcpPort(digits: string): number | undefined {
  if (!/^\d+$/.test(digits)) return undefined;
  const n = Number(digits);
  return Number.isSafeInteger(n) && n > 0 && n <= 65535 ? n : undefined;
}

/** OPENCLAW_GATEWAY_PORT: a port, `host:port` (one colon) or `[v6]:port`; anything else is ignored. */
export function parsePortEnv(value: string | undefined): number | undefined {
  const t = value?.trim();
  if (!t) return undefined;
  if (/^\d+$/.test(t)) return tcpPort(t);
  const v6 = /^\[[^\]]+\]:(\d+)$/.exec(t);
  if (v6) return tcpPort(v6[1]);
  const first = t.indexOf(':');
  if (first <= 0 || first !== t.lastIndexOf(':')) return undefined;
  return tcpPort(t.slice(first + 1));
}

export interface PortInputs {
  /** `gateway run --port N`. */
  cliPort?: number;
  envPort?: string;
  /** gateway.port as written: the CLI takes any positive finite number, valid or not. */
  configPort?: unknown;
  portProfile?: string;
}

export function resolveBasePort(args: PortInputs, rules: ProfileRules = NEWEST_RULES): { port: number; source: BasePortSource } {
  if (args.cliPort !== undefined) return { port: args.cliPort, source: 'cli' };
  const fromEnv = parsePortEnv(args.envPort);
  if (fromEnv !== undefined) return { port: fromEnv, source: 'env' };
  const c = args.configPort;
  if (typeof c === 'number' && Number.isFinite(c) && c > 0) return { port: c, source: 'config' };
  const named = namedProfile(args.portProfile);
  if (named && rules.hashedNamedPorts) return { port: hashedBasePort(named), source: 'hash' };
  return { port: DEFAULT_BASE_PORT, source: 'default' };
}

/** A base the derived ports can be computed from (an invalid gateway.port stops the gateway instead). */
export function isUsablePort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}
