// The Profiles view's live states over several polls: what systemd says of a profile's unit (asked only when the unit
// is installed, through a stand-in `systemctl` on the PATH of this test), and a gateway whose /readyz keeps dropping
// and coming back is called a crash loop, with the last error of its log; a stop on purpose wipes that memory.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { ObservationWindows, liveStates, systemdObservation } from '../../language-server/src/host/live-state';
import { loadHost, type HostState } from '../../language-server/src/host/model';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';

const onLinux = process.platform === 'linux';
const unit = 'openclaw-gateway-a.service';
const ARGS = `--user show ${unit} -p NRestarts -p ActiveState -p SubState -p LoadState`;
let tmp: string;
let bin: string;
let xdg: string;
let ready = true;
let server: http.Server;
let port: number;

before(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'oc-live-state-')));
  bin = path.join(tmp, 'bin');
  xdg = path.join(tmp, 'xdg');
  await fs.mkdir(bin);
  await fs.mkdir(path.join(xdg, 'systemd', 'user'), { recursive: true });
  // The stand-in answers only the exact question asked of the real one, so a changed question shows up as no answer.
  await fs.writeFile(path.join(bin, 'systemctl'), [
    '#!/bin/sh',
    `[ "$*" = "${ARGS}" ] || exit 9`,
    'printf "NRestarts=%s\\nActiveState=activating\\nSubState=auto-restart\\nLoadState=loaded\\n" "${RESTARTS:-4}"',
    'exit "${EXIT:-0}"',
  ].join('\n'), { mode: 0o755 });
  server = http.createServer((_req, res) => res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ ready })));
  port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await fs.rm(tmp, { recursive: true, force: true });
});

const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ PATH: `${bin}:/usr/bin:/bin`, XDG_CONFIG_HOME: xdg, ...extra });

test('systemd is asked only about an installed unit, and its answer is read', { skip: !onLinux && 'systemd is Linux only' }, async () => {
  assert.equal(await systemdObservation(unit, env()), undefined, 'no unit file: systemctl is not run at all');
  await fs.writeFile(path.join(xdg, 'systemd', 'user', unit), '[Service]\n');
  try {
    assert.deepEqual(await systemdObservation(unit, env()), { unit, restarts: 4, state: 'activating/auto-restart' });
    assert.equal(await systemdObservation(unit, env({ EXIT: '1' })), undefined, 'systemctl failed: no observation');
    assert.equal(await systemdObservation('openclaw-gateway-b.service', env()), undefined, 'another unit, not installed');
  } finally {
    await fs.rm(path.join(xdg, 'systemd', 'user', unit));
  }
});

test('without XDG_CONFIG_HOME the units are looked for under ~/.config', { skip: !onLinux && 'systemd is Linux only' }, async () => {
  const home = path.join(tmp, 'home');
  await fs.mkdir(path.join(home, '.config', 'systemd', 'user'), { recursive: true });
  await fs.writeFile(path.join(home, '.config', 'systemd', 'user', unit), '[Service]\n');
  const saved = process.env.HOME;
  // os.homedir() follows HOME, which is the only way to point it at a temp dir.
  process.env.HOME = home;
  try {
    assert.deepEqual(await systemdObservation(unit, { PATH: env().PATH, RESTARTS: '2' }), { unit, restarts: 2, state: 'activating/auto-restart' });
  } finally {
    process.env.HOME = saved;
  }
});

async function hostOf(name: string, extra = ''): Promise<HostState> {
  const home = path.join(tmp, `home-${name}`);
  await fs.mkdir(path.join(home, `.openclaw-${name}`), { recursive: true });
  await fs.writeFile(path.join(home, `.openclaw-${name}`, 'openclaw.json'), `{ gateway: { mode: 'local', port: ${port} }${extra} }`);
  return loadHost({ home, env: {}, declared: [], schema: bundledSchemaInUse() });
}

test('a /readyz that keeps dropping and coming back is a crash loop, told with the last error of its log', async () => {
  const log = path.join(tmp, 'a.log');
  await fs.writeFile(log, `${JSON.stringify({ _meta: { logLevelName: 'ERROR' }, message: 'EADDRINUSE on the canvas port' })}\n`);
  const host = await hostOf('a', `, logging: { file: ${JSON.stringify(log)} }`);
  const windows = new ObservationWindows();
  let at = 1_000_000;
  const poll = async (up: boolean) => {
    ready = up;
    at += 5000;
    return (await liveStates(host, windows, { trusted: false, now: () => at })).a;
  };
  assert.deepEqual(await poll(true), { state: 'running' });
  assert.deepEqual(await poll(false), { state: 'stopped' });
  assert.deepEqual(await poll(true), { state: 'running' });
  await poll(false);
  assert.deepEqual(await poll(true), { state: 'running' }, 'two flaps are not yet a loop');
  assert.deepEqual(await poll(false), { state: 'stopped' });
  assert.deepEqual(await poll(true), { state: 'running', crashLoop: { restarts: 3, signs: ['/readyz flapped 3×'], lastError: 'EADDRINUSE on the canvas port' } });
  // Stopped on purpose: the flaps before the stop say nothing about the next start.
  windows.forget('a');
  assert.deepEqual(windows.verdict('a'), { looping: false, restarts: 0, signs: [] });
  assert.deepEqual(await poll(true), { state: 'running' });
});

test('in a trusted workspace the unit\'s restart counter counts, and the loop names the unit', { skip: !onLinux && 'systemd is Linux only' }, async () => {
  const host = await hostOf('a');
  assert.equal(host.profiles[0].summary.services.systemd, unit);
  await fs.writeFile(path.join(xdg, 'systemd', 'user', unit), '[Service]\n');
  const saved = { PATH: process.env.PATH, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };
  // systemdObservation reads the server's own environment here: point it at the stand-in for this test only.
  Object.assign(process.env, env());
  try {
    ready = true;
    const a = (await liveStates(host, new ObservationWindows(), { trusted: true, now: () => 1 })).a;
    assert.deepEqual(a, { state: 'running', crashLoop: { restarts: 4, signs: [`${unit} restarted 4×, waiting to restart again`], service: unit } });
    const untrusted = (await liveStates(host, new ObservationWindows(), { trusted: false, now: () => 1 })).a;
    assert.deepEqual(untrusted, { state: 'running' }, 'untrusted: systemctl is not run');
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    await fs.rm(path.join(xdg, 'systemd', 'user', unit));
  }
});

test('profiles no longer on the host are dropped from the windows', async () => {
  const windows = new ObservationWindows({ windowMs: 60_000, minRestarts: 1 });
  windows.record('gone', { at: 1, ready: true });
  windows.record('gone', { at: 2, ready: false });
  windows.record('gone', { at: 3, ready: true });
  assert.equal(windows.verdict('gone').looping, true);
  windows.retain(new Set(['a']));
  assert.equal(windows.verdict('gone').looping, false);
});
