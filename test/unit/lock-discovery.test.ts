// Gateways started by hand, found from their live lock files: the name each gets (from its config file's name,
// else its state dir's), the state dir when the lock does not name one, and locks that add no profile; for releases
// before 2026.8.1, the lock in the temp dir.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverHost, type ProfileSource } from '../../language-server/src/host/discovery';
import { gatewayLockDir } from '../../language-server/src/host/liveness';
import { loadHost } from '../../language-server/src/host/model';
import { rulesFor } from '../../language-server/src/host/profile-rules';
import { HostWatcher } from '../../language-server/src/host/watcher';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';
import { idleChild } from '../support/orphan-guard';

const skip = (process.platform !== 'linux' || !process.getuid) && 'reads /proc, needs uids';

async function withHome(fn: (home: string) => Promise<void>): Promise<void> {
  const home = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'oc-lockdisc-')));
  try { await fn(home); } finally { await fs.rm(home, { recursive: true, force: true }); }
}

/** A live lock (this test's own pid) in the lock dir of `stateDir`, for the config `configPath`. */
async function lock(stateDir: string, body: Record<string, unknown>): Promise<void> {
  const dir = gatewayLockDir(stateDir);
  await fs.mkdir(dir, { recursive: true });
  const name = typeof body.configPath === 'string' ? `gateway.${createHash('sha256').update(body.configPath).digest('hex').slice(0, 8)}.lock` : 'gateway.state.lock';
  await fs.writeFile(path.join(dir, name), JSON.stringify({ pid: process.pid, ...body }));
}

test('names: the config file\'s name without .json or .json5, else the state dir\'s profile name, else "gateway"', { skip }, async () => {
  await withHome(async (home) => {
    await fs.mkdir(path.join(home, '.openclaw'));
    await lock(path.join(home, '.openclaw'), { configPath: path.join(home, 'bots', 'Helper.JSON5'), stateDir: path.join(home, 'bots') });
    await lock(path.join(home, '.openclaw'), { configPath: path.join(home, '.openclaw-side', 'openclaw.json'), stateDir: path.join(home, '.openclaw-side') });
    await lock(path.join(home, '.openclaw'), { configPath: path.join(home, 'plain', 'openclaw.json'), stateDir: path.join(home, '.openclaw'), port: 19999.5 });
    // Only a whole ending or a leading .openclaw is taken off a name.
    await lock(path.join(home, '.openclaw'), { configPath: path.join(home, 'bots', 'bot.json.old'), stateDir: path.join(home, 'bots') });
    await lock(path.join(home, '.openclaw'), { configPath: path.join(home, 'my.openclaw-side', 'openclaw.json'), stateDir: path.join(home, 'my.openclaw-side') });
    const { sources } = await discoverHost(home, {}, []);
    const found = sources.filter((s) => s.origin === 'lock').map((s) => [s.name, s.stateDir, s.configPath, s.env.OPENCLAW_GATEWAY_PORT ?? null]);
    assert.deepEqual(found.sort(), [
      ['Helper', path.join(home, 'bots'), path.join(home, 'bots', 'Helper.JSON5'), null],
      ['bot.json.old', path.join(home, 'bots'), path.join(home, 'bots', 'bot.json.old'), null],
      ['my.openclaw-side', path.join(home, 'my.openclaw-side'), path.join(home, 'my.openclaw-side', 'openclaw.json'), null],
      ['gateway', path.join(home, '.openclaw'), path.join(home, 'plain', 'openclaw.json'), null],
      ['side', path.join(home, '.openclaw-side'), path.join(home, '.openclaw-side', 'openclaw.json'), null],
    ].sort());
    assert.match(sources.find((s) => s.name === 'side')!.foundBy!, new RegExp(`^the lock file .*gateway\\.[0-9a-f]{8}\\.lock of the running gateway \\(pid ${process.pid}\\)$`));
  });
});

test('a lock that names no state dir: the state dir the running process was given, else its home\'s .openclaw', { skip }, async () => {
  await withHome(async (home) => {
    await fs.mkdir(path.join(home, '.openclaw'));
    const configPath = path.join(home, 'x', 'bot.json');
    await lock(path.join(home, '.openclaw'), { configPath });
    const { sources } = await discoverHost(home, {}, []);
    const bot = sources.find((s) => s.origin === 'lock')!;
    // This test's process has no OPENCLAW_STATE_DIR: the CLI would use ~/.openclaw of its HOME (or OPENCLAW_HOME).
    const expected = process.env.OPENCLAW_STATE_DIR ? path.resolve(process.env.OPENCLAW_STATE_DIR) : path.join(process.env.OPENCLAW_HOME || process.env.HOME || home, '.openclaw');
    assert.deepEqual([bot.name, bot.stateDir, bot.configPath], ['bot', expected, configPath]);
  });
});

test('locks that add no profile: one without a config path, one of a config a profile already has, the second of two for one config', { skip }, async () => {
  await withHome(async (home) => {
    const state = path.join(home, '.openclaw-a');
    await fs.mkdir(state);
    await lock(state, { stateDir: state });
    await lock(state, { configPath: path.join(state, 'openclaw.json') });
    await lock(state, { configPath: path.join(home, 'twice.json') });
    await fs.mkdir(path.join(home, '.openclaw-b'));
    await lock(path.join(home, '.openclaw-b'), { configPath: path.join(home, 'twice.json') });
    const { sources } = await discoverHost(home, {}, []);
    assert.deepEqual(sources.map((s) => [s.name, s.origin]), [['a', 'convention'], ['b', 'convention'], ['twice', 'lock']]);
    assert.deepEqual((await discoverHost(home, {}, [], { locks: false })).sources.map((s) => s.name), ['a', 'b'], 'locks not looked at');
  });
});

test('a gateway of a release before 2026.8.1: its lock in the temp dir, its state dir from its environment', { skip }, async () => {
  await withHome(async (home) => {
    const tmp = path.join(home, 'tmp');
    await fs.mkdir(tmp);
    const savedTmp = process.env.TMPDIR;
    const children: ChildProcess[] = [];
    // A gateway started by hand, as the CLI of that release ran it: only its environment says where its state is.
    const gateway = async (env: Record<string, string>, configPath: string) => {
      const child = await idleChild({ env });
      children.push(child);
      const dir = path.join(tmp, `openclaw-${process.getuid!()}`);
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(path.join(dir, `gateway.${createHash('sha256').update(configPath).digest('hex').slice(0, 8)}.lock`), JSON.stringify({ pid: child.pid, configPath }));
    };
    try {
      process.env.TMPDIR = tmp;
      const elsewhere = path.join(home, 'elsewhere');
      await gateway({ HOME: elsewhere, OPENCLAW_STATE_DIR: '  ~/old-state  ' }, path.join(home, 'bots', 'old.json'));
      await gateway({ HOME: elsewhere, OPENCLAW_HOME: path.join(home, 'oc-home') }, path.join(home, 'bots', 'older.json'));
      const rules = rulesFor('2026.7.1');
      const byLock = (sources: ProfileSource[]) => sources.filter((s) => s.origin === 'lock').map((s) => [s.name, s.stateDir]).sort();
      const expected = [['old', path.join(elsewhere, 'old-state')], ['older', path.join(home, 'oc-home', '.openclaw')]];
      assert.deepEqual(byLock((await discoverHost(home, {}, [], { rules })).sources), expected);
      assert.deepEqual(byLock((await discoverHost(home, {}, [])).sources), [], 'newer releases keep no lock in the temp dir');
      const watcher = new HostWatcher({ home, env: {}, declared: [], rules }, () => {}, () => {});
      try {
        await watcher.reread();
        assert.deepEqual(byLock(watcher.snapshot().sources), expected, 'the watcher reads with the rules of the release in use');
      } finally {
        watcher.dispose();
      }
      const host = await loadHost({ home, env: {}, declared: [], schema: bundledSchemaInUse(), rules });
      assert.deepEqual(byLock(host.profiles.map((p) => p.source)), expected, 'and so does the host model');
    } finally {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
      for (const c of children) c.kill('SIGKILL');
    }
  });
});
