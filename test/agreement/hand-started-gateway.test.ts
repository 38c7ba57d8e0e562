// A gateway started by hand the way the multiple-gateways guide shows (OPENCLAW_CONFIG_PATH and OPENCLAW_STATE_DIR
// exported, `gateway --port N`), by the pinned CLI and by 2026.7.1, whose lock lives in the temp dir rather than the
// state dir: our discovery finds it from its lock file with that release's rules, and its pid stops it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { discoverHost } from '../../language-server/src/host/discovery';
import { lockIsLive, probeReady, readGatewayLock } from '../../language-server/src/host/liveness';
import { ephemeralPortRange } from '../../language-server/src/host/ephemeral-ports';
import { isPortFree } from '../../language-server/src/host/listeners';
import { rulesFor } from '../../language-server/src/host/profile-rules';
import { waitFor } from '../support/wait';
import { OPENCLAW } from '../support/paths';
import { isolatedEnv, makeTempHome, olderReleases, requireOpenclaw } from './cli-tools';

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

// Outside the system's ephemeral range: there, any loopback client of the run (a /readyz probe, another test's CLI)
// can hold the port as its local end and make the gateway's bind fail with EADDRINUSE. That happened once with 47400.
async function freePort(from: number): Promise<number> {
  const [low, high] = await ephemeralPortRange();
  for (let p = from; p < from + 500; p += 111) {
    if (p + 2 >= low && p <= high) continue;
    if (await isPortFree(p) && await isPortFree(p + 2)) return p;
  }
  throw new Error(`no free port from ${from} outside the ephemeral range ${low}-${high}`);
}

async function handStarted(version: string, bin: string, portFrom: number): Promise<void> {
  const home = await makeTempHome('openclaw-hand-');
  const tmp = path.join(home.dir, 'tmp');
  const configPath = path.join(home.dir, '.openclaw', 'rescue.json');
  const stateDir = path.join(home.dir, '.openclaw-rescue');
  await fs.mkdir(tmp);
  await fs.mkdir(stateDir);
  await fs.mkdir(path.dirname(configPath));
  await fs.writeFile(configPath, "{ gateway: { mode: 'local', bind: 'loopback' } }\n");
  const port = await freePort(portFrom);
  const env = isolatedEnv(home.dir, { OPENCLAW_CONFIG_PATH: configPath, OPENCLAW_STATE_DIR: stateDir, TMPDIR: tmp });
  const log = await fs.open(path.join(home.dir, 'gateway.log'), 'w');
  const child = spawn(bin, ['gateway', '--port', String(port), '--bind', 'loopback'], { env, stdio: ['ignore', log.fd, log.fd] });
  const savedTmp = process.env.TMPDIR;
  try {
    await waitFor(`${version}'s gateway ready on ${port}`, 150_000, async () => (await probeReady(port, 1000)).ready)
      .catch(async (e) => { throw new Error(`${(e as Error).message}: ${(await fs.readFile(path.join(home.dir, 'gateway.log'), 'utf8')).slice(-1500)}`); });
    const rules = rulesFor(version);
    // Releases before 2026.8.1 keep the lock in the temp dir, which is this gateway's TMPDIR.
    process.env.TMPDIR = tmp;
    const { sources } = await discoverHost(home.dir, {}, [], { rules });
    const found = sources.find((s) => s.origin === 'lock');
    assert.ok(found, `${version}: no profile from a lock file among ${sources.map((s) => s.name).join(', ')}`);
    assert.deepEqual([found.name, found.configPath, found.stateDir, found.env.OPENCLAW_GATEWAY_PORT], ['rescue (2)', configPath, stateDir, String(port)]);
    assert.match(found.foundBy!, rules.lockDir === 'tmpdir' ? new RegExp(`^the lock file ${tmp}`) : new RegExp(`^the lock file ${stateDir}`));
    const lock = await readGatewayLock(stateDir, configPath, undefined, rules);
    assert.ok(lock && (await lockIsLive(lock)), `${version}: the lock does not read as live`);
    // The newest rules look in the state dir only: they do not see an older release's lock.
    if (rules.lockDir === 'tmpdir') assert.equal(await readGatewayLock(stateDir, configPath), undefined);
    process.kill(lock.pid, 'SIGTERM');
    await waitFor(`pid ${lock.pid} to exit`, 20_000, () => !alive(lock.pid));
    assert.ok(!(await discoverHost(home.dir, {}, [], { rules })).sources.some((s) => s.origin === 'lock'), 'the profile outlives its gateway');
  } finally {
    process.env.TMPDIR = savedTmp;
    if (savedTmp === undefined) delete process.env.TMPDIR;
    if (child.pid && alive(child.pid)) {
      child.kill('SIGTERM');
      await waitFor('the gateway to exit', 20_000, () => !alive(child.pid!)).catch(() => child.kill('SIGKILL'));
    }
    await log.close();
    await home.remove();
  }
}

test('a hand-started gateway of the pinned CLI is found from its lock in the state dir, and stopped by its pid', { timeout: 240_000 }, async () => {
  requireOpenclaw();
  await handStarted('2026.9.6', OPENCLAW, 27400);
});

test('a hand-started gateway of 2026.7.1 is found from its lock in the temp dir, and stopped by its pid', { timeout: 240_000 }, async () => {
  requireOpenclaw();
  const r = olderReleases().find((x) => x.version === '2026.7.1')!;
  await handStarted(r.version, r.bin, 27900);
});
