// The disk watcher behind the Profiles view: what one read of the host holds, a change reported once it happened
// (a new profile folder, an edited config outside the workspace), nothing reported when nothing changed, and the
// process never held open by it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { HostWatcher } from '../../language-server/src/host/watcher';
import { samePathKey } from '../../language-server/src/host/paths';
import type { DeclaredInstance } from '../../language-server/src/protocol';
import { endsWithParent } from '../support/orphan-guard';

const until = async (ok: () => boolean, ms = 5000) => {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > ms) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
};

/** A fresh home and a watcher over it (10 ms debounce), disposed and removed afterwards; `changes()` counts its reports. */
async function watching(fn: (home: string, w: HostWatcher, changes: () => number) => Promise<void>, declared: DeclaredInstance[] = [], pollMs?: number): Promise<void> {
  const home = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'oc-watch-')));
  let changes = 0;
  const w = new HostWatcher({ home, env: {}, declared }, () => changes++, () => {}, 10, pollMs);
  try {
    await fn(home, w, () => changes);
  } finally {
    w.dispose();
    await fs.rm(home, { recursive: true, force: true });
  }
}

test('one read holds the sources, their texts and the service files; a second read of the same disk reports nothing', () => watching(async (home, w, changes) => {
  await fs.mkdir(path.join(home, '.openclaw'));
  const config = path.join(home, '.openclaw', 'openclaw.json');
  await fs.writeFile(config, '{}');
  await fs.mkdir(path.join(home, '.openclaw-Default'));
  await w.reread();
  assert.equal(changes(), 1, 'the first read is a change');
  const snap = w.snapshot();
  assert.equal(snap.home, home);
  assert.deepEqual(snap.sources.map((s) => s.name), ['default']);
  assert.deepEqual([...snap.texts], [[samePathKey(config), '{}']]);
  assert.deepEqual(snap.skipped.map((s) => path.basename(s.dir)), ['.openclaw-Default']);
  assert.deepEqual(snap.services, []);
  await w.reread();
  assert.equal(changes(), 1, 'same disk, no change');
  await fs.writeFile(config, "{ gateway: { mode: 'local' } }");
  await w.reread();
  assert.equal(changes(), 2, 'an edited text is a change');
  await fs.rm(path.join(home, '.openclaw-Default'), { recursive: true });
  await w.reread();
  assert.equal(changes(), 3, 'a skipped folder gone is a change');
  await fs.mkdir(path.join(home, '.config', 'systemd', 'user'), { recursive: true });
  await fs.writeFile(path.join(home, '.config', 'systemd', 'user', 'openclaw-gateway.service'), '[Service]\nExecStart=/bin/node x gateway --port 1\n');
  await w.reread();
  assert.equal(changes(), 4, 'a service installed is a change');
}));

test('watching: a new profile folder and an edit of a watched config are seen without being asked, and not after dispose', () => watching(async (home, w, changes) => {
  await w.start();
  assert.equal(changes(), 0, 'an empty home is no change from nothing');
  await fs.mkdir(path.join(home, '.openclaw-new'));
  assert.ok(await until(() => changes() === 1), 'the new folder was seen');
  assert.deepEqual(w.snapshot().sources.map((s) => s.name), ['new']);
  await fs.writeFile(path.join(home, '.openclaw-new', 'openclaw.json'), '{}');
  assert.ok(await until(() => changes() === 2), 'the config in the profile\'s dir was seen');
  w.dispose();
  await fs.writeFile(path.join(home, '.openclaw-new', 'openclaw.json'), '{ a: 1 }');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(changes(), 2);
}));

test('a read still under way when the view goes away reports nothing and keeps nothing', () => watching(async (home, w, changes) => {
  await fs.mkdir(path.join(home, '.openclaw-late'));
  const reading = w.reread();
  w.dispose();
  await reading;
  assert.equal(changes(), 0);
  assert.deepEqual(w.snapshot().sources, []);
}));

test('a profile folder removed and made again is watched again: an edit of its new config is seen at once', () => watching(async (home, w, changes) => {
  const dir = path.join(home, '.openclaw-again');
  await fs.mkdir(dir);
  await w.start();
  assert.equal(changes(), 1);
  await fs.rm(dir, { recursive: true });
  assert.ok(await until(() => changes() === 2), 'the folder was seen gone');
  await fs.mkdir(dir);
  assert.ok(await until(() => changes() === 3), 'the folder was seen again');
  await fs.writeFile(path.join(dir, 'openclaw.json'), '{}');
  // Well before the 5 s poll: the new folder has a watcher of its own.
  assert.ok(await until(() => changes() === 4, 2000), 'the config in the new folder was seen');
}));

test('a config made where nothing can be watched yet (its folder did not exist) is found by the poll', async () => {
  const elsewhere = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'oc-watch-far-')));
  const config = path.join(elsewhere, 'deep', 'conf', 'openclaw.json');
  const declared = [{ name: 'far', configPath: config, stateDir: path.join(elsewhere, 'deep', 'state') }];
  try {
    await watching(async (_home, w, changes) => {
      await w.start();
      assert.equal(changes(), 1);
      assert.equal(w.snapshot().texts.get(samePathKey(config)), undefined);
      // Nothing watches `elsewhere` itself: only the poll can notice.
      await fs.mkdir(path.dirname(config), { recursive: true });
      await fs.writeFile(config, '{ gateway: { port: 20111 } }');
      assert.ok(await until(() => changes() === 2, 3000), 'the poll saw the new config');
      assert.equal(w.snapshot().texts.get(samePathKey(config)), '{ gateway: { port: 20111 } }');
    }, declared, 50);
  } finally {
    await fs.rm(elsewhere, { recursive: true, force: true });
  }
});

test('a profile folder renamed, with no config in either name, is a change: the sources differ though every text is the same', () => watching(async (home, w, changes) => {
  await fs.mkdir(path.join(home, '.openclaw-before'));
  await w.reread();
  assert.equal(changes(), 1);
  await fs.rename(path.join(home, '.openclaw-before'), path.join(home, '.openclaw-after'));
  await w.reread();
  assert.equal(changes(), 2);
  assert.deepEqual(w.snapshot().sources.map((s) => s.name), ['after']);
}));

test('a started watcher that is never disposed does not keep its process alive', async () => {
  const home = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'oc-watch-')));
  try {
    await fs.mkdir(path.join(home, '.openclaw'));
    await fs.writeFile(path.join(home, '.openclaw', 'openclaw.json'), '{}');
    const script = `const { HostWatcher } = require(${JSON.stringify(require.resolve('../../language-server/src/host/watcher'))});
      new HostWatcher({ home: ${JSON.stringify(home)}, env: {}, declared: [] }, () => console.log('read'), () => {}).start(); ${endsWithParent(false)}`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const ended = await Promise.race([
      new Promise<number | null>((resolve) => child.on('exit', resolve)),
      new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 8000)),
    ]);
    if (ended === 'still running') child.kill();
    assert.equal(out.trim(), 'read', 'the watcher read the home');
    assert.equal(ended, 0, 'the process ended by itself');
  } finally {
    await fs.rm(home, { recursive: true, force: true });
  }
});
