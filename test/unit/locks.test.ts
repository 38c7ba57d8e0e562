// Where a gateway's lock lives for each release, which files of a lock dir are locks, what a lock file yields, and
// what one look at a profile (lock plus /readyz) answers.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { gatewayLockDir, gatewayLockPath, observeProfile, readGatewayLock, readLocksIn } from '../../language-server/src/host/liveness';
import { rulesFor } from '../../language-server/src/host/profile-rules';

const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'oc-locks-')));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const hash8 = (p: string) => createHash('sha256').update(p).digest('hex').slice(0, 8);

test('the lock dir: <real state dir>/tmp/openclaw-<uid> from 2026.8.1, the temp dir before', () => {
  const real = path.join(tmp, 'real-state');
  fs.mkdirSync(real);
  fs.symlinkSync(real, path.join(tmp, 'linked-state'));
  assert.equal(gatewayLockDir(path.join(tmp, 'linked-state'), 1000), path.join(real, 'tmp', 'openclaw-1000'));
  assert.equal(gatewayLockDir(path.join(tmp, 'not-yet'), 1000), path.join(tmp, 'not-yet', 'tmp', 'openclaw-1000'));
  const july = rulesFor('2026.7.1');
  assert.equal(gatewayLockDir(real, 1000, july), path.join(os.tmpdir(), 'openclaw-1000'));
  assert.equal(gatewayLockPath(real, 'rel.json', 7), path.join(real, 'tmp', 'openclaw-7', `gateway.${hash8(path.resolve('rel.json'))}.lock`));
});

test('a lock dir\'s locks: gateway.<8 hex>.lock and gateway.state.lock, in name order, unreadable ones left out, fields cleaned', async () => {
  const dir = path.join(tmp, 'dir');
  fs.mkdirSync(dir);
  const write = (name: string, body: unknown) => fs.writeFileSync(path.join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  write('gateway.0123abcd.lock', { pid: 5, port: 18789, configPath: '/c.json', stateDir: '/s', ownerId: 'o', createdAt: 'now', startTime: 77, extra: 1 });
  write('gateway.state.lock', { pid: 6, port: 'x', configPath: 3, startTime: Infinity });
  write('gateway.ABCDEF01.lock', { pid: 7 });
  write('gateway.0123abc.lock', { pid: 8 });
  write('gateway.00000000.lock.bak', { pid: 9 });
  write('gateway.11111111.lock', '{ nope');
  write('gateway.22222222.lock', { pid: 1.5 });
  write('gateway.33333333.lock', [1]);
  write('gateway.44444444.lock', 'null');
  write('gateway.55555555.lock', { pid: 0 });
  const locks = await readLocksIn(dir);
  assert.deepEqual(locks, [
    { pid: 5, ownerId: 'o', createdAt: 'now', configPath: '/c.json', stateDir: '/s', port: 18789, startTime: 77, file: path.join(dir, 'gateway.0123abcd.lock') },
    { pid: 6, file: path.join(dir, 'gateway.state.lock') },
  ]);
  assert.deepEqual(await readLocksIn(path.join(tmp, 'no-such-dir')), []);
});

test('before 2026.8.1 only the lock of the config counts: no gateway.state.lock fallback', async () => {
  const july = rulesFor('2026.7.1');
  const stateDir = path.join(tmp, 'old');
  const configPath = path.join(stateDir, 'openclaw.json');
  const uid = 4242;
  const newDir = gatewayLockDir(stateDir, uid);
  fs.mkdirSync(newDir, { recursive: true });
  fs.writeFileSync(path.join(newDir, 'gateway.state.lock'), JSON.stringify({ pid: 11 }));
  assert.deepEqual(await readGatewayLock(stateDir, configPath, uid), { pid: 11 }, 'a state lock that names no config is this one\'s');
  assert.equal(await readGatewayLock(stateDir, configPath, uid, july), undefined);
});

test('one look at a profile: the pid of a live lock and whether /readyz answered, besides the state', async () => {
  const stateDir = path.join(tmp, 'look');
  const configPath = path.join(stateDir, 'openclaw.json');
  const closed = await new Promise<number>((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as net.AddressInfo).port; s.close(() => resolve(p)); }); });
  assert.deepEqual(await observeProfile({ port: closed, stateDir, configPath }), { liveness: { state: 'stopped' }, pid: undefined, ready: false });
  const server = http.createServer((_q, r) => r.writeHead(200, { 'content-type': 'application/json' }).end('{"ready":true}'));
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
  try {
    assert.deepEqual(await observeProfile({ port, stateDir, configPath }), { liveness: { state: 'running' }, pid: undefined, ready: true });
    if (process.getuid) {
      const dir = gatewayLockDir(stateDir);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `gateway.${hash8(configPath)}.lock`), JSON.stringify({ pid: process.pid, configPath, port: closed }));
      assert.deepEqual(await observeProfile({ port, stateDir, configPath }), { liveness: { state: 'running', pid: process.pid }, pid: process.pid, ready: true });
      // A live lock whose port answers nothing either: still starting.
      assert.deepEqual(await observeProfile({ port: closed, stateDir, configPath }), { liveness: { state: 'starting', pid: process.pid }, pid: process.pid, ready: false });
      // The lock names the port that does answer: running there, and ready.
      fs.writeFileSync(path.join(dir, `gateway.${hash8(configPath)}.lock`), JSON.stringify({ pid: process.pid, configPath, port }));
      assert.deepEqual(await observeProfile({ port: closed, stateDir, configPath }), { liveness: { state: 'running', pid: process.pid, port }, pid: process.pid, ready: true });
    }
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
