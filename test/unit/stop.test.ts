// Stopping one profile's gateway: the pid comes from that profile's lock and is signalled only while the lock names
// this config and a live process; each outcome is told in words. The "gateways" are child processes of this test.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stopGateway } from '../../language-server/src/host/stop';
import type { ProfileSummary } from '../../language-server/src/protocol';
import { idleChild } from '../support/orphan-guard';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-stop-'));
const children: ChildProcess[] = [];
after(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  fs.rmSync(tmp, { recursive: true, force: true });
});

let n = 0;
function profile(): ProfileSummary {
  const stateDir = path.join(tmp, `state-${++n}`);
  fs.mkdirSync(stateDir);
  return { name: `p${n}`, stateDir, configPath: path.join(stateDir, 'openclaw.json') } as ProfileSummary;
}

function writeLock(p: ProfileSummary, lock: object): void {
  const dir = path.join(p.stateDir, 'tmp', `openclaw-${process.getuid!()}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `gateway.${createHash('sha256').update(p.configPath).digest('hex').slice(0, 8)}.lock`), JSON.stringify(lock));
}

/** A child that runs until signalled; with `stubborn` it ignores SIGTERM. Resolves once it is running. */
async function gateway(stubborn = false, options: SpawnOptions = {}): Promise<ChildProcess> {
  const child = await idleChild(options, stubborn ? "process.on('SIGTERM', () => {});" : '');
  children.push(child);
  return child;
}

const uids = !process.getuid && 'no uids';

test('no lock: nothing runs, nothing is signalled', { skip: uids }, async () => {
  const p = profile();
  assert.deepEqual(await stopGateway(p, 1000), { stopped: false, message: `The gateway of "${p.name}" is not running (no lock file).` });
});

test('a live gateway of this config is stopped with SIGTERM, and the answer waits until it is gone', { skip: uids }, async () => {
  const p = profile();
  const child = await gateway();
  writeLock(p, { pid: child.pid, configPath: p.configPath });
  const exited = new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  assert.deepEqual(await stopGateway(p, 5000), { stopped: true, pid: child.pid, message: `Stopped the gateway of "${p.name}" (pid ${child.pid}).` });
  assert.equal(await exited, 'SIGTERM');
});

test('a lock that names another config is left alone, whatever runs under its pid', { skip: uids }, async () => {
  const p = profile();
  const child = await gateway();
  writeLock(p, { pid: child.pid, configPath: path.join(tmp, 'other.json') });
  assert.deepEqual(await stopGateway(p, 1000), { stopped: false, pid: child.pid, message: `The lock of "${p.name}" names another config (${path.join(tmp, 'other.json')}); nothing was stopped.` });
  assert.equal(child.exitCode, null);
  assert.equal(child.signalCode, null);
  // The same config written another way is this config.
  writeLock(p, { pid: child.pid, configPath: `${p.stateDir}//openclaw.json` });
  assert.equal((await stopGateway(p, 5000)).stopped, true);
});

test('a stale lock (its process gone) is reported with its pid', { skip: uids }, async () => {
  const p = profile();
  const dead = spawnSync(process.execPath, ['-e', '']).pid;
  writeLock(p, { pid: dead, configPath: p.configPath });
  assert.deepEqual(await stopGateway(p, 1000), { stopped: false, pid: dead, message: `The gateway of "${p.name}" is not running (stale lock of pid ${dead}).` });
});

test('a gateway that outlives the timeout is reported, in whole seconds', { skip: uids }, async () => {
  const p = profile();
  const child = await gateway(true);
  writeLock(p, { pid: child.pid });
  const t0 = Date.now();
  assert.deepEqual(await stopGateway(p, 1400), { stopped: false, pid: child.pid, message: `The gateway of "${p.name}" (pid ${child.pid}) did not exit within 1 s.` });
  assert.ok(Date.now() - t0 >= 1400, 'it waited the whole timeout');
  assert.equal(child.exitCode, null);
});

// Run as root (as CI here is), the test can take another user's place for one call; as anyone else it cannot.
const asOtherUser = !(process.getuid?.() === 0 && process.seteuid) && 'needs root, to act as another user';

test('a gateway of another user cannot be signalled: the answer says so, and the process runs on', { skip: asOtherUser }, async () => {
  const p = profile();
  // The test acts as uid 65534 and reads the lock; the gateway runs as a third user, so that one may not signal it.
  fs.chmodSync(tmp, 0o755);
  const child = await gateway(false, { uid: 12345, gid: 12345 });
  writeLock(p, { pid: child.pid, configPath: p.configPath });
  let result;
  process.seteuid!(65534);
  try {
    result = await stopGateway(p, 1000);
  } finally {
    process.seteuid!(0);
  }
  assert.deepEqual(result, { stopped: false, pid: child.pid, message: `Could not signal pid ${child.pid}: kill EPERM` });
  assert.equal(child.exitCode, null);
  assert.equal(child.signalCode, null);
});
