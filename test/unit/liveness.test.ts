import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  GatewayLock,
  gatewayLockDir,
  gatewayLockPath,
  lockIsLive,
  parseStatStartTime,
  probeReady,
  profileState,
  readGatewayLock,
  readLocksIn,
} from '../../language-server/src/host/liveness';
import { rulesFor } from '../../language-server/src/host/profile-rules';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-live-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const onLinux = process.platform === 'linux';

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
}

async function close(server: net.Server): Promise<void> {
  if (server instanceof http.Server) server.closeAllConnections();
  await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
}

function readyServer(status: number, body: string): http.Server {
  return http.createServer((req, res) => {
    if (req.url !== '/readyz') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
}

async function withServer<T>(server: net.Server, fn: (port: number) => Promise<T>): Promise<T> {
  const port = await listen(server);
  try {
    return await fn(port);
  } finally {
    await close(server);
  }
}

// A port nothing listens on: bind one, note it, let it go.
async function closedPort(): Promise<number> {
  const s = net.createServer();
  const port = await listen(s);
  await close(s);
  return port;
}

test('probeReady: {ready:true} on /readyz is ready', async () => {
  const r = await withServer(readyServer(200, '{"ready":true,"uptimeMs":5}'), (port) => probeReady(port));
  assert.deepEqual(r, { ready: true, status: 200, body: { ready: true, uptimeMs: 5 } });
});

test('probeReady: {ready:false}, a 503 and a non-JSON body are not ready', async () => {
  assert.deepEqual(await withServer(readyServer(503, '{"ready":false}'), (p) => probeReady(p)), {
    ready: false,
    status: 503,
    body: { ready: false },
  });
  assert.equal((await withServer(readyServer(503, '{"ready":true}'), (p) => probeReady(p))).ready, false);
  assert.deepEqual(await withServer(readyServer(200, 'OK'), (p) => probeReady(p)), { ready: false, status: 200, body: 'OK' });
});

test('probeReady: a server that never answers is not ready, within the timeout', async () => {
  const hung = http.createServer(() => {
    // accept the request and never respond
  });
  await withServer(hung, async (port) => {
    const t0 = Date.now();
    const r = await probeReady(port, 200);
    const took = Date.now() - t0;
    assert.deepEqual(r, { ready: false });
    assert.ok(took >= 150 && took < 1000, `took ${took} ms`);
  });
});

test('probeReady: a server that sends headers then stalls is cut off too', async () => {
  const stall = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"ready":');
  });
  await withServer(stall, async (port) => {
    const t0 = Date.now();
    assert.equal((await probeReady(port, 200)).ready, false);
    assert.ok(Date.now() - t0 < 1000);
  });
});

test('probeReady: a closed port and an impossible port are not ready and do not throw', async () => {
  const t0 = Date.now();
  assert.deepEqual(await probeReady(await closedPort()), { ready: false });
  assert.ok(Date.now() - t0 < 800, 'a refused connection should not wait for the timeout');
  assert.deepEqual(await probeReady(0), { ready: false });
  assert.deepEqual(await probeReady(70000), { ready: false });
  assert.deepEqual(await probeReady(Number.NaN), { ready: false });
});

test('parseStatStartTime counts fields after the last parenthesis', () => {
  const tail = 'S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 987654 20 21';
  assert.equal(parseStatStartTime(`4242 (node) ${tail}`), 987654);
  assert.equal(parseStatStartTime(`4242 (a) b (c) d) ${tail}`), 987654);
  assert.equal(parseStatStartTime(`4242 (with space ) ${tail}`), 987654);
  assert.equal(parseStatStartTime('4242 (short) S 1 2'), undefined);
  assert.equal(parseStatStartTime('garbage'), undefined);
});

// Read independently of the module under test: everything after the last ") " is fields 3 onwards.
function ownStartTime(): number {
  const stat = fs.readFileSync(`/proc/${process.pid}/stat`, 'utf8');
  return Number(stat.replace(/^[\s\S]*\) /, '').split(' ')[19]);
}

function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  assert.ok(r.pid && r.status === 0);
  return r.pid;
}

function writeLock(stateDir: string, configPath: string, lock: object, name?: string): string {
  const hash = createHash('sha256').update(configPath).digest('hex').slice(0, 8);
  const dir = path.join(stateDir, 'tmp', `openclaw-${process.getuid!()}`);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name ?? `gateway.${hash}.lock`);
  fs.writeFileSync(file, JSON.stringify(lock));
  return file;
}

let profiles = 0;
function newProfile(): { stateDir: string; configPath: string } {
  const stateDir = path.join(tmp, `state-${++profiles}`);
  fs.mkdirSync(stateDir);
  return { stateDir, configPath: path.join(stateDir, 'openclaw.json') };
}

function lockFor(pid: number, extra: Partial<GatewayLock> = {}): GatewayLock {
  return { pid, ownerId: 'test', createdAt: new Date().toISOString(), port: 18789, ...extra };
}

test('readGatewayLock finds the lock by the sha256 of the config path', { skip: !process.getuid && 'no uids' }, async () => {
  const { stateDir, configPath } = newProfile();
  assert.equal(await readGatewayLock(stateDir, configPath), undefined);
  const lock = lockFor(process.pid, { configPath, stateDir, startTime: 123 });
  writeLock(stateDir, configPath, lock);
  assert.deepEqual(await readGatewayLock(stateDir, configPath), lock);
  // Another config in the same state dir has its own lock.
  assert.equal(await readGatewayLock(stateDir, path.join(stateDir, 'other.json')), undefined);
});

test('readGatewayLock ignores corrupt locks and falls back to a matching gateway.state.lock', { skip: !process.getuid && 'no uids' }, async () => {
  const { stateDir, configPath } = newProfile();
  const file = writeLock(stateDir, configPath, {});
  fs.writeFileSync(file, '{not json');
  assert.equal(await readGatewayLock(stateDir, configPath), undefined);
  fs.writeFileSync(file, JSON.stringify({ pid: -3 }));
  assert.equal(await readGatewayLock(stateDir, configPath), undefined);
  fs.rmSync(file);
  writeLock(stateDir, configPath, lockFor(7, { configPath: path.join(stateDir, 'elsewhere.json') }), 'gateway.state.lock');
  assert.equal(await readGatewayLock(stateDir, configPath), undefined);
  writeLock(stateDir, configPath, lockFor(7, { configPath }), 'gateway.state.lock');
  assert.equal((await readGatewayLock(stateDir, configPath))?.pid, 7);
});

test('lockIsLive: our own pid with its real start time is live', { skip: !onLinux && 'reads /proc' }, async () => {
  assert.equal(await lockIsLive(lockFor(process.pid, { startTime: ownStartTime() })), true);
  assert.equal(await lockIsLive(lockFor(process.pid)), true);
});

test('lockIsLive: a reused pid (wrong start time) is not live', { skip: !onLinux && 'reads /proc' }, async () => {
  assert.equal(await lockIsLive(lockFor(process.pid, { startTime: ownStartTime() + 1 })), false);
});

test('lockIsLive: a dead pid, pid 0 and negative pids are not live', async () => {
  assert.equal(await lockIsLive(lockFor(deadPid())), false);
  assert.equal(await lockIsLive(lockFor(0)), false);
  assert.equal(await lockIsLive(lockFor(-1)), false);
});

test('lockIsLive: a process of another user (EPERM) counts as alive', { skip: !onLinux && 'uids' }, async () => {
  if (process.getuid!() !== 0) {
    assert.equal(await lockIsLive(lockFor(1)), true);
    return;
  }
  // Root may signal anything: ask as nobody about this root-owned process instead.
  const script = `const [mod, pid, start] = process.argv.slice(1).map((a, i) => (i ? Number(a) : a));
    let code = 'none'; try { process.kill(pid, 0); } catch (e) { code = e.code; }
    require(mod).lockIsLive({ pid, startTime: start }).then((live) => console.log(JSON.stringify({ code, live })));`;
  const mod = path.join(__dirname, '../../language-server/src/host/liveness.js');
  const r = spawnSync(process.execPath, ['-e', script, mod, String(process.pid), String(ownStartTime())], {
    uid: 65534,
    gid: 65534,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { code: 'EPERM', live: true });
});

test('profileState: stopped, stale-lock, starting, running', { skip: (!onLinux || !process.getuid) && 'reads /proc' }, async () => {
  const { stateDir, configPath } = newProfile();
  const port = await closedPort();
  assert.deepEqual(await profileState({ port, stateDir, configPath }), { state: 'stopped' });

  const dead = deadPid();
  const file = writeLock(stateDir, configPath, lockFor(dead, { port }));
  assert.deepEqual(await profileState({ port, stateDir, configPath }), { state: 'stale-lock', pid: dead });

  writeLock(stateDir, configPath, lockFor(process.pid, { port, startTime: ownStartTime() }));
  assert.deepEqual(await profileState({ port, stateDir, configPath }), { state: 'starting', pid: process.pid });

  await withServer(readyServer(200, '{"ready":true}'), async (readyPort) => {
    writeLock(stateDir, configPath, lockFor(process.pid, { port: readyPort, startTime: ownStartTime() }));
    assert.deepEqual(await profileState({ port: readyPort, stateDir, configPath }), { state: 'running', pid: process.pid });
    // Launched with --port elsewhere: still running, and we say where.
    assert.deepEqual(await profileState({ port, stateDir, configPath }), { state: 'running', pid: process.pid, port: readyPort });
    fs.rmSync(file);
    // Something answers ready but holds no lock: running, owner unknown.
    assert.deepEqual(await profileState({ port: readyPort, stateDir, configPath }), { state: 'running' });
  });
});

test('probeReady: a body past 64 KiB is not a gateway, however ready it claims to be; 64 KiB exactly still is', async () => {
  const padded = (size: number) => {
    const head = '{"ready":true,"pad":"';
    return `${head}${'x'.repeat(size - head.length - 2)}"}`;
  };
  const edge = await withServer(readyServer(200, padded(64 * 1024)), (p) => probeReady(p, 5000));
  assert.equal(edge.ready, true);
  assert.deepEqual(await withServer(readyServer(200, padded(64 * 1024 + 1)), (p) => probeReady(p, 5000)), { ready: false, status: 200 });
  assert.deepEqual(await withServer(readyServer(200, padded(1024 * 1024)), (p) => probeReady(p, 5000)), { ready: false, status: 200 });
});

test('probeReady: only a 2xx with a JSON object whose ready is true counts', async () => {
  for (const [status, body] of [[300, '{"ready":true}'], [200, 'null'], [200, '[]'], [200, '"ready"'], [200, '{"ready":"yes"}'], [200, '{"ready":1}']] as const) {
    assert.equal((await withServer(readyServer(status, body), (p) => probeReady(p))).ready, false, `${status} ${body}`);
  }
  assert.equal((await withServer(readyServer(299, '{"ready":true}'), (p) => probeReady(p))).ready, true);
});

test('probeReady asks for JSON: a server that answers a browser with HTML is read as JSON', async () => {
  const negotiating = http.createServer((req, res) => {
    if (req.url === '/readyz' && req.headers.accept === 'application/json') res.writeHead(200, { 'content-type': 'application/json' }).end('{"ready":true}');
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<html>ready</html>');
  });
  assert.deepEqual(await withServer(negotiating, (p) => probeReady(p)), { ready: true, status: 200, body: { ready: true } });
});

test('probeReady: a response cut off mid-body is not ready, at once and with its status', async () => {
  const cut = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"ready":true', () => res.destroy());
  });
  await withServer(cut, async (port) => {
    const t0 = Date.now();
    assert.deepEqual(await probeReady(port, 10_000), { ready: false, status: 200 });
    assert.ok(Date.now() - t0 < 5000, 'the broken response, not the timeout, ended the probe');
  });
});

test('probeReady: an impossible port is answered at once, not at the timeout', async () => {
  const t0 = Date.now();
  assert.deepEqual(await Promise.race([probeReady(70000, 10_000), new Promise((r) => setTimeout(() => r('timed out'), 3000).unref())]), { ready: false });
  assert.ok(Date.now() - t0 < 3000);
});

test('parseStatStartTime: a command name alone in its parentheses, runs of blanks, and a field 22 that is no number', () => {
  const tail = 'S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 987654 20 21';
  assert.equal(parseStatStartTime(`) ${tail}`), 987654);
  assert.equal(parseStatStartTime(`4242 (node)  ${tail.replace(/ /g, '  ')}`), 987654);
  assert.equal(parseStatStartTime(`4242 (node) ${tail.replace('987654', 'soon')}`), undefined);
  assert.equal(parseStatStartTime(tail.replace('S', '1 2')), undefined, 'no parenthesis: no command, no fields to count');
});

test('gatewayLockDir: releases before 2026.8.1 share the temp dir; without uids the folder is plain "openclaw"', () => {
  const old = rulesFor('2026.7.1');
  assert.equal(gatewayLockDir('/srv/state', 1234, old), path.join(os.tmpdir(), 'openclaw-1234'));
  // An undefined uid falls back to process.getuid(): only without one, as on Windows, is there no uid at all.
  const getuid = process.getuid;
  (process as { getuid?: () => number }).getuid = undefined;
  try {
    assert.equal(gatewayLockDir('/srv/state', undefined, old), path.join(os.tmpdir(), 'openclaw'));
    assert.equal(gatewayLockDir(path.join(tmp, 'no-such-state')), path.join(tmp, 'no-such-state', 'tmp', 'openclaw'));
  } finally {
    process.getuid = getuid;
  }
});

test('readGatewayLock under the temp-dir rules: no fallback to gateway.state.lock, which those releases never wrote', async () => {
  const saved = process.env.TMPDIR;
  const fakeTmp = path.join(tmp, 'fake-tmp');
  // os.tmpdir() follows TMPDIR: the shared lock dir of the old releases lands inside this test's own folder.
  process.env.TMPDIR = fakeTmp;
  try {
    const uid = 4242;
    const { stateDir, configPath } = newProfile();
    const old = rulesFor('2026.7.1');
    fs.mkdirSync(path.join(fakeTmp, `openclaw-${uid}`), { recursive: true });
    fs.writeFileSync(path.join(fakeTmp, `openclaw-${uid}`, 'gateway.state.lock'), JSON.stringify({ pid: 5 }));
    assert.equal(await readGatewayLock(stateDir, configPath, uid, old), undefined);
    fs.writeFileSync(gatewayLockPath(stateDir, configPath, uid, old), JSON.stringify({ pid: 6 }));
    assert.deepEqual(await readGatewayLock(stateDir, configPath, uid, old), { pid: 6 });
  } finally {
    if (saved === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = saved;
  }
});

test('readLocksIn lists lock files only, in name order', async () => {
  const dir = path.join(tmp, 'lock-order');
  fs.mkdirSync(dir);
  // Written out of order: callers show them in this order, whatever order the directory keeps.
  for (const h of ['33333333', '11111111', '44444444', '00000000', '22222222']) fs.writeFileSync(path.join(dir, `gateway.${h}.lock`), JSON.stringify({ pid: Number(h[0]) + 1 }));
  fs.writeFileSync(path.join(dir, 'old-gateway.55555555.lock'), JSON.stringify({ pid: 9 }));
  assert.deepEqual((await readLocksIn(dir)).map((l) => l.pid), [1, 2, 3, 4, 5]);
});

test('lockIsLive: a lock without a start time is live while its pid runs', async () => {
  assert.equal(await lockIsLive({ pid: process.pid }), true);
});
