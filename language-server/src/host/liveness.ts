// Is a profile's gateway running? Two cheap signals the real CLI gives us: `/readyz` on the base port
// (no auth) and the lock file a gateway holds while it runs. Neither spawns the CLI.
import { createHash } from 'crypto';
import { promises as fsp, realpathSync } from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { GatewayState } from '../protocol';
import { NEWEST_RULES, type ProfileRules } from './profile-rules';

export interface ReadyProbe { ready: boolean; status?: number; body?: unknown }

/** The lock a running gateway writes; every field but `pid` is optional in older and newer CLIs. */
export interface GatewayLock {
  pid: number;
  ownerId?: string;
  createdAt?: string;
  configPath?: string;
  stateDir?: string;
  port?: number;
  /** Field 22 of /proc/<pid>/stat when the gateway started (Linux): tells a reused pid apart. */
  startTime?: number;
}


// /readyz answers a few hundred bytes; a port answering megabytes is not a gateway.
const MAX_BODY = 64 * 1024;

/** GET /readyz on 127.0.0.1; settles within `timeoutMs` whatever the other end does, and never rejects. */
export function probeReady(port: number, timeoutMs = 800): Promise<ReadyProbe> {
  return new Promise((resolve) => {
    let req: http.ClientRequest | undefined;
    let settled = false;
    const finish = (r: ReadyProbe) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req?.destroy();
      resolve(r);
    };
    // One deadline for connect, headers and body alike: a peer that accepts and then stalls must not hang us.
    const timer = setTimeout(() => finish({ ready: false }), timeoutMs);
    try {
      // agent: false so no keep-alive socket outlives the probe.
      req = http.get({ host: '127.0.0.1', port, path: '/readyz', agent: false, headers: { accept: 'application/json' } }, (res) => {
        const status = res.statusCode;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_BODY) finish({ ready: false, status });
          else chunks.push(c);
        });
        res.on('error', () => finish({ ready: false, status }));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: keep the text for the caller to show
          }
          const ready = status !== undefined && status >= 200 && status < 300 && isReadyBody(body);
          finish({ ready, status, body });
        });
      });
      req.on('error', () => finish({ ready: false }));
    } catch {
      // An out-of-range port throws synchronously.
      finish({ ready: false });
    }
  });
}

function isReadyBody(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { ready?: unknown }).ready === true;
}

/**
 * Where the CLI keeps the lock: `<stateDir>/tmp/openclaw-<uid>/` with the state dir's real path (the CLI
 * resolves symlinks there), and plain `openclaw/` where there are no uids (Windows).
 */
export function gatewayLockDir(stateDir: string, uid: number | undefined = process.getuid?.(), rules: ProfileRules = NEWEST_RULES): string {
  // Releases before 2026.8.1 kept every gateway's lock in the temp dir.
  if (rules.lockDir === 'tmpdir') return path.join(os.tmpdir(), uid === undefined ? 'openclaw' : `openclaw-${uid}`);
  let dir = path.resolve(stateDir);
  try {
    dir = realpathSync.native(dir);
  } catch {
    // a state dir that does not exist yet: the CLI falls back to the plain path the same way
  }
  return path.join(dir, 'tmp', uid === undefined ? 'openclaw' : `openclaw-${uid}`);
}

export function gatewayLockPath(stateDir: string, configPath: string, uid: number | undefined = process.getuid?.(), rules: ProfileRules = NEWEST_RULES): string {
  const hash = createHash('sha256').update(path.resolve(configPath)).digest('hex').slice(0, 8);
  return path.join(gatewayLockDir(stateDir, uid, rules), `gateway.${hash}.lock`);
}

/**
 * The lock of the gateway for this config, if one is on disk (live or not). Like the CLI, falls back to
 * the state dir's `gateway.state.lock`, but only when that one names the same config.
 */
export async function readGatewayLock(
  stateDir: string,
  configPath: string,
  uid: number | undefined = process.getuid?.(),
  rules: ProfileRules = NEWEST_RULES,
): Promise<GatewayLock | undefined> {
  const byConfig = await readLockFile(gatewayLockPath(stateDir, configPath, uid, rules));
  if (byConfig) return byConfig;
  if (rules.lockDir === 'tmpdir') return undefined;
  const byState = await readLockFile(path.join(gatewayLockDir(stateDir, uid, rules), 'gateway.state.lock'));
  if (byState && (byState.configPath === undefined || path.resolve(byState.configPath) === path.resolve(configPath))) return byState;
  return undefined;
}

/** Every gateway lock in one lock dir (`gateway.<hash>.lock` and `gateway.state.lock`), live or not. */
export async function readLocksIn(dir: string): Promise<(GatewayLock & { file: string })[]> {
  let names: string[];
  try { names = await fsp.readdir(dir); } catch { return []; }
  const files = names.filter((n) => /^gateway\.(?:[0-9a-f]{8}|state)\.lock$/.test(n)).sort().map((n) => path.join(dir, n));
  const locks = await Promise.all(files.map(async (file) => {
    const lock = await readLockFile(file);
    return lock ? { ...lock, file } : undefined;
  }));
  return locks.filter((l): l is GatewayLock & { file: string } => !!l);
}

async function readLockFile(file: string): Promise<GatewayLock | undefined> {
  let raw: unknown;
  try {
    raw = JSON.parse(await fsp.readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const o = raw as Record<string, unknown>;
  if (!Number.isSafeInteger(o.pid) || (o.pid as number) <= 0) return undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const lock: GatewayLock = {
    pid: o.pid as number,
    ownerId: str(o.ownerId),
    createdAt: str(o.createdAt),
    configPath: str(o.configPath),
    stateDir: str(o.stateDir),
    port: num(o.port),
    startTime: num(o.startTime),
  };
  for (const k of Object.keys(lock) as (keyof GatewayLock)[]) if (lock[k] === undefined) delete lock[k];
  return lock;
}

/**
 * Field 22 (starttime) of a /proc/<pid>/stat text. Field 2 is the command name in parentheses and may
 * itself hold spaces and parentheses, so counting starts after the last ')'.
 */
export function parseStatStartTime(stat: string): number | undefined {
  const close = stat.lastIndexOf(')');
  if (close < 0) return undefined;
  const fields = stat.slice(close + 1).trim().split(/\s+/);
  // fields[0] is field 3 (state), so field 22 sits at index 19.
  const v = Number(fields[19]);
  return fields.length > 19 && Number.isSafeInteger(v) ? v : undefined;
}

/** Whether the lock's owner still runs: the pid exists and, where we can tell, is the same process. */
export async function lockIsLive(lock: GatewayLock): Promise<boolean> {
  // pid 0 and negatives would signal process groups, not a process.
  if (!Number.isSafeInteger(lock.pid) || lock.pid <= 0) return false;
  try {
    process.kill(lock.pid, 0);
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (process.platform !== 'linux' || lock.startTime === undefined) return true;
  let stat: string;
  try {
    stat = await fsp.readFile(`/proc/${lock.pid}/stat`, 'utf8');
  } catch (e) {
    // Gone since the signal: dead. Hidden (hidepid mounts): we cannot tell, and the pid does exist.
    return (e as NodeJS.ErrnoException).code !== 'ENOENT';
  }
  const now = parseStatStartTime(stat);
  return now === undefined || now === lock.startTime;
}

export interface ProfileLiveness {
  state: GatewayState;
  pid?: number;
  /** Set when the gateway answers on the port its lock names rather than the configured one (`--port`). */
  port?: number;
}

export interface ObserveArgs { port: number; stateDir: string; configPath: string; rules?: ProfileRules }

export async function profileState(args: ObserveArgs): Promise<ProfileLiveness> {
  return (await observeProfile(args)).liveness;
}

/** The state plus the raw signs behind it, for the crash-loop window: who holds the lock and whether /readyz answered. */
export async function observeProfile(args: ObserveArgs): Promise<{ liveness: ProfileLiveness; pid?: number; ready: boolean }> {
  const [probe, lock] = await Promise.all([probeReady(args.port), readGatewayLock(args.stateDir, args.configPath, undefined, args.rules)]);
  const live = lock !== undefined && (await lockIsLive(lock));
  const pid = live ? lock!.pid : undefined;
  const seen = (liveness: ProfileLiveness, ready = probe.ready) => ({ liveness, pid, ready });
  if (probe.ready) return seen(live ? { state: 'running', pid: lock!.pid } : { state: 'running' });
  if (!lock) return seen({ state: 'stopped' });
  if (!live) return seen({ state: 'stale-lock', pid: lock.pid });
  // A gateway started with `gateway run --port N` listens where its lock says, not where the config says.
  if (lock.port !== undefined && lock.port !== args.port && (await probeReady(lock.port)).ready) {
    return seen({ state: 'running', pid: lock.pid, port: lock.port }, true);
  }
  return seen({ state: 'starting', pid: lock.pid });
}
