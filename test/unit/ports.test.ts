import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { cdpRangeFor, portMapSummary, portSpans, formatPorts } from '../../language-server/src/host/ports';
import { hashedBasePort, resolveBasePort } from '../../language-server/src/host/profile-rules';
import { findFreeBase } from '../../language-server/src/host/free-port';
import { defaultEphemeralRange, ephemeralPortRange, parsePortRange } from '../../language-server/src/host/ephemeral-ports';
import { serviceNames } from '../../language-server/src/host/services';

test('the profile-name hash gives the CLI\'s default ports', () => {
  assert.equal(hashedBasePort('X'), 58887);
  assert.equal(hashedBasePort('ops'), 55291);
  assert.equal(hashedBasePort('rescue'), 23532);
});

test('base port order: env > config > name hash > 18789', () => {
  assert.deepEqual(resolveBasePort({ envPort: '127.0.0.1:19001', configPort: 20000, portProfile: 'ops' }), { port: 19001, source: 'env' });
  assert.deepEqual(resolveBasePort({ configPort: 20000, portProfile: 'ops' }), { port: 20000, source: 'config' });
  assert.deepEqual(resolveBasePort({ configPort: 'nope', portProfile: 'ops' }), { port: 55291, source: 'hash' });
  assert.deepEqual(resolveBasePort({ portProfile: 'default' }), { port: 18789, source: 'default' });
  assert.deepEqual(resolveBasePort({}), { port: 18789, source: 'default' });
});

test('derived ports: control B+2, relay B+10, CDP B+11..B+110 with the CLI fallback', () => {
  assert.deepEqual(cdpRangeFor(18789), [18800, 18899]);
  assert.deepEqual(cdpRangeFor(65500), [18800, 18899]);
  assert.equal(portMapSummary(18789), 'browser control 18791 · relay 18799 · CDP range 18800-18899');
  const spans = portSpans({ base: 20000, baseKey: 'gateway.port', cdpPorts: [{ profile: 'work', port: 20050 }] });
  assert.deepEqual(spans.map((s) => [s.role, s.from, s.to]), [
    ['gateway', 20000, 20000], ['browser-control', 20002, 20002], ['relay', 20010, 20010],
    ['cdp-range', 20011, 20110], ['cdp:work', 20050, 20050],
  ]);
});

test('a free base keeps the whole derived set clear of others and of ports in use', () => {
  const taken = portSpans({ base: 18789, cdpPorts: [] });
  assert.equal(findFreeBase({ near: 18789, taken }), 18900);
  // 18678 (111 below) is as near as 18900 (111 above); with 18900 busy the search goes below.
  assert.equal(findFreeBase({ near: 18789, taken, inUse: new Set([18900]) }), 18678);
  assert.equal(findFreeBase({ near: 18789, taken, inUse: new Set([18900, 18700]) }), 18901);
  const below = findFreeBase({ near: 18700, taken })!;
  assert.ok(below + 110 < 18789, `got ${below}`);
});

test('service names per service manager', () => {
  assert.deepEqual(serviceNames('default'), { systemd: 'openclaw-gateway.service', launchd: 'ai.openclaw.gateway', windowsTask: 'OpenClaw Gateway' });
  assert.deepEqual(serviceNames('rescue'), { systemd: 'openclaw-gateway-rescue.service', launchd: 'ai.openclaw.rescue', windowsTask: 'OpenClaw Gateway (rescue)' });
});

test('port lists print as ranges', () => {
  assert.equal(formatPorts([5, 1, 2, 3, 9, 10]), '1-3, 5, 9-10');
});

test('a free base stays out of the ephemeral port range while a base outside it fits', () => {
  const avoid: [number, number] = [32768, 60999];
  const taken = portSpans({ base: 55291, cdpPorts: [] });
  // Right after 55291's set would be 55402, inside the range; the nearest base whose whole set is outside it is 61000.
  assert.equal(findFreeBase({ near: 55402, taken }), 55402);
  assert.equal(findFreeBase({ near: 55402, taken, avoid }), 61000);
  // Below the range, the whole set (base..base+110) must end before it.
  assert.equal(findFreeBase({ near: 32700, taken, avoid }), 32657);
  assert.equal(findFreeBase({ near: 18789, taken, avoid }), 18789);
  // When nothing outside fits, the range is used after all rather than finding nothing.
  assert.equal(findFreeBase({ near: 40000, taken, avoid: [1024, 65535] }), 40000);
});

test('the ephemeral range as the system states it', () => {
  assert.deepEqual(parsePortRange('32768\t60999\n'), [32768, 60999]);
  assert.deepEqual(parsePortRange(' 1024 65535'), [1024, 65535]);
  for (const bad of ['', 'x y', '60999 32768', '0 100', '1 70000', '1 2 3']) assert.equal(parsePortRange(bad), undefined, bad);
  assert.deepEqual(defaultEphemeralRange('darwin'), [49152, 65535]);
  assert.deepEqual(defaultEphemeralRange('linux'), [32768, 60999]);
  // Any run of blanks between the two, a range from port 1, a range of one port.
  assert.deepEqual(parsePortRange('1024 \t 65000'), [1024, 65000]);
  assert.deepEqual(parsePortRange('1 1024'), [1, 1024]);
  assert.deepEqual(parsePortRange('40000 40000'), [40000, 40000]);
});

test('the ephemeral range of this system: read from /proc on Linux only, the platform default elsewhere', async () => {
  assert.deepEqual(await ephemeralPortRange('darwin'), [49152, 65535]);
  assert.deepEqual(await ephemeralPortRange('win32'), [49152, 65535]);
  const text = await fs.readFile('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').catch(() => '');
  assert.deepEqual(await ephemeralPortRange('linux'), parsePortRange(text) ?? [32768, 60999]);
});

test('a Linux system configured to another range, or whose setting cannot be read or parsed', async (t) => {
  // This machine has the default range, so the setting is stood in for: what the file says must decide.
  const setting = (answer: () => Promise<string>) => t.mock.method(fs, 'readFile', async (file: unknown, ...rest: unknown[]) => {
    assert.equal(file, '/proc/sys/net/ipv4/ip_local_port_range');
    assert.deepEqual(rest, ['utf8']);
    return answer();
  });
  setting(async () => '1024\t2048\n');
  assert.deepEqual(await ephemeralPortRange('linux'), [1024, 2048]);
  assert.deepEqual(await ephemeralPortRange('darwin'), [49152, 65535], 'only Linux has the file');
  t.mock.restoreAll();
  setting(async () => { throw Object.assign(new Error('EACCES'), { code: 'EACCES' }); });
  assert.deepEqual(await ephemeralPortRange('linux'), [32768, 60999]);
  t.mock.restoreAll();
  setting(async () => 'garbled');
  assert.deepEqual(await ephemeralPortRange('linux'), [32768, 60999]);
});
