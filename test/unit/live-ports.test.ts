// The live check against real sockets: a profile's single ports held by a server of this test are reported with
// who holds them (a process, or another profile's gateway by its lock), on the key that sets the port, and not at
// all when the holder is this profile's own gateway.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { ListenerCache, livePortDiagnostics } from '../../language-server/src/host/live-ports';
import { gatewayLockDir } from '../../language-server/src/host/liveness';
import { loadHost, type HostState } from '../../language-server/src/host/model';
import { parseConfig } from '../../language-server/src/parse/tree';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';
import type { ConfigDiagnostic } from '../../language-server/src/validate/diagnostic';

const schema = bundledSchemaInUse();
const onLinux = process.platform === 'linux' && !!process.getuid;
let home: string;
let server: net.Server;
let port: number;

before(async () => {
  home = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'oc-live-ports-')));
  server = net.createServer();
  port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await fs.rm(home, { recursive: true, force: true });
});

async function hostWith(configs: Record<string, string>): Promise<HostState> {
  for (const [dir, text] of Object.entries(configs)) {
    await fs.mkdir(path.join(home, dir), { recursive: true });
    await fs.writeFile(path.join(home, dir, 'openclaw.json'), text);
  }
  return loadHost({ home, env: {}, declared: [], schema });
}

async function lock(dir: string, pid: number): Promise<void> {
  const stateDir = path.join(home, dir);
  const configPath = path.join(stateDir, 'openclaw.json');
  const lockDir = gatewayLockDir(stateDir);
  await fs.mkdir(lockDir, { recursive: true });
  await fs.writeFile(path.join(lockDir, `gateway.${createHash('sha256').update(configPath).digest('hex').slice(0, 8)}.lock`), JSON.stringify({ pid, configPath }));
}

const mine = (ds: ConfigDiagnostic[]) => ds.filter((d) => d.message.startsWith(`Port ${port} `));

test('a held gateway port: a warning on gateway.port naming the process, with the fix that moves the base', { skip: !onLinux && 'reads /proc' }, async () => {
  const text = `{ gateway: { mode: 'local', port: ${port} } }`;
  const host = await hostWith({ '.openclaw-a': text });
  const configPath = path.join(home, '.openclaw-a', 'openclaw.json');
  const ds = mine(await livePortDiagnostics(host, configPath, parseConfig(text), new ListenerCache()));
  assert.deepEqual(ds.map((d) => [d.severity, d.code, d.path, text.slice(d.start, d.end), d.message, d.fixes]), [
    ['warning', 'port-in-use', 'gateway.port', 'port', `Port ${port} (gateway) is in use right now by process ${process.pid}, not by this profile's gateway.`, [{ kind: 'move-base-port', profile: 'a' }]],
  ]);
  // The text being edited has lost the key: the mark falls back to "gateway", then to the first character.
  const noKey = "{ gateway: { mode: 'local' } }";
  assert.equal(mine(await livePortDiagnostics(host, configPath, parseConfig(noKey), new ListenerCache())).map((d) => noKey.slice(d.start, d.end)).join(), 'gateway');
  const bare = mine(await livePortDiagnostics(host, configPath, parseConfig(' {}'), new ListenerCache()));
  assert.deepEqual(bare.map((d) => [d.start, d.end]), [[1, 2]]);
  assert.deepEqual(await livePortDiagnostics(host, path.join(home, 'elsewhere.json'), parseConfig(text), new ListenerCache()), [], 'no profile of that file');
  assert.deepEqual(await livePortDiagnostics(host, configPath, parseConfig('{'), new ListenerCache()), [], 'no text to mark');
});

test('held by this profile\'s own gateway: nothing; by another profile\'s gateway: that profile is named', { skip: !onLinux && 'reads /proc' }, async () => {
  const text = `{ gateway: { mode: 'local', port: ${port} } }`;
  const host = await hostWith({ '.openclaw-b': text, '.openclaw-c': `{ gateway: { mode: 'local', port: ${port - 1000} } }` });
  const configPath = path.join(home, '.openclaw-b', 'openclaw.json');
  await lock('.openclaw-c', process.pid);
  assert.deepEqual(mine(await livePortDiagnostics(host, configPath, parseConfig(text), new ListenerCache())).map((d) => d.message),
    [`Port ${port} (gateway) is in use right now by the gateway of profile "c", not by this profile's gateway.`]);
  await lock('.openclaw-b', process.pid);
  assert.deepEqual(mine(await livePortDiagnostics(host, configPath, parseConfig(text), new ListenerCache())), []);
});

test('a cdpPort or a port inside the CDP range is not checked: Chrome holds those while the gateway runs', { skip: !onLinux && 'reads /proc' }, async () => {
  // A base 11 below the held port puts it first in the CDP range, and the cdpPort names it too.
  const text = `{ gateway: { mode: 'local', port: ${port - 11} }, browser: { profiles: { w: { cdpPort: ${port} } } } }`;
  const host = await hostWith({ '.openclaw-d': text });
  assert.deepEqual(mine(await livePortDiagnostics(host, path.join(home, '.openclaw-d', 'openclaw.json'), parseConfig(text), new ListenerCache())), []);
});

test('the listener cache: ports in use, less a profile\'s own single ports, read once per time-to-live', { skip: !onLinux && 'reads /proc' }, async () => {
  const cache = new ListenerCache(60_000);
  const inUse = await cache.portsInUse();
  assert.deepEqual(inUse.ports.get(port), [process.pid]);
  const host = await hostWith({ '.openclaw-e': `{ gateway: { mode: 'local', port: ${port} } }` });
  const e = host.profiles.find((p) => p.summary.name === 'e')!;
  assert.equal(inUse.excluding(e).has(port), false);
  assert.equal(inUse.excluding(undefined).has(port), true);
  const extra = net.createServer();
  const extraPort = await new Promise<number>((resolve) => extra.listen(0, '127.0.0.1', () => resolve((extra.address() as net.AddressInfo).port)));
  try {
    assert.equal((await cache.portsInUse()).ports.has(extraPort), false, 'within the time-to-live, the first reading');
    assert.equal((await new ListenerCache(0).portsInUse()).ports.has(extraPort), true);
  } finally {
    await new Promise((resolve) => extra.close(resolve));
  }
});

/** A reading of the listeners given by the test: who holds what is then exactly known, /proc or not. */
function fixedCache(ports: Map<number, number[]>): ListenerCache {
  return { portsInUse: async () => ({ ports, excluding: () => new Set(ports.keys()) }) } as unknown as ListenerCache;
}

test('a port held where no owner can be seen: "another process"; a port no key sets: on the whole gateway section', async () => {
  // No gateway.port: the base comes from the profile's name, and no key puts it there.
  const text = "{ gateway: { mode: 'local' } }";
  const host = await hostWith({ '.openclaw-f': text });
  const f = host.profiles.find((p) => p.summary.name === 'f')!;
  const ds = await livePortDiagnostics(host, f.summary.configPath, parseConfig(text), fixedCache(new Map([[f.summary.basePort, []]])));
  assert.deepEqual(ds.map((d) => [d.path, text.slice(d.start, d.end), d.message]), [
    ['', 'gateway', `Port ${f.summary.basePort} (gateway) is in use right now by another process, not by this profile's gateway.`],
  ]);
  const two = await livePortDiagnostics(host, f.summary.configPath, parseConfig(text), fixedCache(new Map([[f.summary.basePort, [1, 2]]])));
  assert.match(two[0].message, /by process 1, 2, not/);
});

test('the listener cache: a port that is the first of a CDP range is not one of the profile\'s own single ports', { skip: !onLinux && 'reads /proc' }, async () => {
  const host = await hostWith({ '.openclaw-g': `{ gateway: { mode: 'local', port: ${port - 11} } }` });
  const g = host.profiles.find((p) => p.summary.name === 'g')!;
  assert.ok(g.spans.some((s) => s.from === port && s.to > port), 'the held port opens the CDP range');
  assert.equal((await new ListenerCache(60_000).portsInUse()).excluding(g).has(port), true);
});

test('the listener cache reads again once the time-to-live has passed, not before', { skip: !onLinux && 'reads /proc' }, async (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: 1_000_000 });
  const cache = new ListenerCache(1000);
  await cache.portsInUse();
  const extra = net.createServer();
  const extraPort = await new Promise<number>((resolve) => extra.listen(0, '127.0.0.1', () => resolve((extra.address() as net.AddressInfo).port)));
  try {
    t.mock.timers.tick(1000);
    assert.equal((await cache.portsInUse()).ports.has(extraPort), false, 'exactly the time-to-live: still the first reading');
    t.mock.timers.tick(1);
    assert.equal((await cache.portsInUse()).ports.has(extraPort), true);
  } finally {
    await new Promise((resolve) => extra.close(resolve));
  }
});
