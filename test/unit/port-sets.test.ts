// A profile's port set at the edges of the port space (the CLI's fallbacks for the control port and the CDP range),
// explicit cdpPorts, the pre-2026.8.1 cdpPortRangeStart key, and the search for a free base around all of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cdpRangeFor, controlPortFor, layoutEnd, MAX_BASE_PORT, portMapSummary, portSpans, roleLabel, wireSpans } from '../../language-server/src/host/ports';
import { rulesFor } from '../../language-server/src/host/profile-rules';
import { findFreeBase } from '../../language-server/src/host/free-port';
import { searchStart } from '../../language-server/src/host/new-profile';
import type { ProfileSummary } from '../../language-server/src/protocol';

const roles = (spans: ReturnType<typeof portSpans>) => spans.map((s) => `${s.role}=${s.from}${s.to !== s.from ? `-${s.to}` : ''}${s.key ? ` @${s.key}` : ''}`);

test('the control port is B+2 while that is a port, else 18791; the CDP range B+11..B+110 while it fits, else 18800-18899', () => {
  assert.deepEqual([65532, 65533, 65534, 65535].map(controlPortFor), [65534, 65535, 18791, 18791]);
  assert.deepEqual(cdpRangeFor(65425), [65436, 65535]);
  assert.deepEqual(cdpRangeFor(65426), [18800, 18899]);
  assert.deepEqual(cdpRangeFor(1), [12, 111]);
  assert.equal(MAX_BASE_PORT, 65425);
});

test('each span carries the key that puts it there: gateway.port for a configured base, the cdpPort for its own port', () => {
  assert.deepEqual(roles(portSpans({ base: 20000, baseKey: 'gateway.port', cdpPorts: [{ profile: 'w', port: 20500 }] })), [
    'gateway=20000 @gateway.port', 'browser-control=20002 @gateway.port', 'relay=20010 @gateway.port', 'cdp-range=20011-20110 @gateway.port',
    'cdp:w=20500 @browser.profiles.w.cdpPort',
  ]);
  assert.deepEqual(roles(portSpans({ base: 20000, cdpPorts: [] })), ['gateway=20000', 'browser-control=20002', 'relay=20010', 'cdp-range=20011-20110']);
});

test('cdpPorts that are no port are left out; 1 and 65535 are ports', () => {
  const spans = portSpans({ base: 20000, cdpPorts: [{ profile: 'a', port: 0 }, { profile: 'b', port: 1 }, { profile: 'c', port: 65535 }, { profile: 'd', port: 65536 }, { profile: 'e', port: -3 }] });
  assert.deepEqual(roles(spans).slice(4), ['cdp:b=1 @browser.profiles.b.cdpPort', 'cdp:c=65535 @browser.profiles.c.cdpPort']);
});

test('cdpPortRangeStart moves the range before 2026.8.1 only when the whole range fits; it is then the key of the range', () => {
  const july = rulesFor('2026.7.1');
  const rangeWith = (start: number) => roles(portSpans({ base: 18789, baseKey: 'gateway.port', cdpPorts: [], cdpRangeStart: start, rules: july })).at(-1);
  assert.equal(rangeWith(30000), 'cdp-range=30000-30099 @browser.cdpPortRangeStart');
  assert.equal(rangeWith(1), 'cdp-range=1-100 @browser.cdpPortRangeStart');
  assert.equal(rangeWith(65436), 'cdp-range=65436-65535 @browser.cdpPortRangeStart');
  for (const bad of [65437, 0, -5, 1.5]) assert.equal(rangeWith(bad), 'cdp-range=18800-18899 @gateway.port', String(bad));
});

test('labels of the roles, and the derived map as the hover of gateway.port shows it', () => {
  assert.deepEqual(['gateway', 'browser-control', 'relay', 'cdp-range', 'cdp:work', 'canvas'].map(roleLabel),
    ['gateway', 'browser control', 'relay', 'CDP range', 'CDP port (work)', 'canvas']);
  assert.equal(portMapSummary(20000), 'browser control 20002 · relay 20010 · CDP range 20011-20110');
  assert.equal(portMapSummary(20000, rulesFor('2026.6.35')), 'browser control 20002 · CDP range 20011-20110');
});

test('the wire form keeps a span\'s key and the range of that key, and nothing for a span without one', () => {
  const spans = portSpans({ base: 20000, baseKey: 'gateway.port', cdpPorts: [] });
  const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 6 } };
  const wired = wireSpans([spans[0], portSpans({ base: 20000, cdpPorts: [] })[0]], (k) => (k === 'gateway.port' ? range : undefined));
  assert.deepEqual(wired, [
    { from: 20000, to: 20000, role: 'gateway', label: 'gateway', key: 'gateway.port', range },
    { from: 20000, to: 20000, role: 'gateway', label: 'gateway' },
  ]);
  assert.deepEqual(wireSpans([spans[0]])[0], { from: 20000, to: 20000, role: 'gateway', label: 'gateway', key: 'gateway.port' });
});

test('where a profile\'s set ends, and where the search for a new profile starts', () => {
  const summary = (basePort: number) => ({ basePort, ports: portSpans({ base: basePort, cdpPorts: [] }) }) as unknown as ProfileSummary;
  assert.equal(layoutEnd(summary(18789)), 18899);
  assert.equal(layoutEnd({ basePort: 5, ports: [] }), 5, 'no CDP range: the base itself');
  assert.equal(searchStart([]), 18789);
  assert.equal(searchStart([summary(18789), summary(30000)]), 30111);
  assert.equal(searchStart([summary(10000)]), 18789, 'never below the default base');
  assert.equal(searchStart([summary(18789), summary(30000)], summary(18789)), 18900, 'right after the profile a rescue bot goes next to');
});

test('a free base: never below 1024 unless asked, never one whose CDP range would fall back, own cdpPorts kept clear', () => {
  assert.equal(findFreeBase({ near: 10, taken: [] }), 1024);
  assert.equal(findFreeBase({ near: 10, taken: [], min: 10 }), 10);
  assert.equal(findFreeBase({ near: 65500, taken: [] }), MAX_BASE_PORT);
  // A profile's own cdpPort moves only when the user moves it: inside its own CDP range it is no clash, inside
  // another profile's set it is one wherever the base goes.
  assert.equal(findFreeBase({ near: 24950, taken: [], ownCdpPorts: [{ profile: 'w', port: 25000 }] }), 24950);
  assert.equal(findFreeBase({ near: 24950, taken: portSpans({ base: 24900, cdpPorts: [] }), ownCdpPorts: [{ profile: 'w', port: 25000 }] }), undefined);
  // A port in use rules out every base whose set holds it; 20041 holds 20041, 20043, 20051 and up, so 20050 falls
  // in the gap between its control port and its relay.
  assert.equal(findFreeBase({ near: 20000, taken: [], inUse: new Set([20050]) }), 20041);
});

test('a free base at the far end of the range is found when every nearer one is taken', () => {
  const taken = (from: number, to: number) => [{ from, to, role: 'gateway', label: 'gateway' }];
  // Every base from 1024 to MAX_BASE_PORT - 1 holds a taken port; MAX_BASE_PORT's set starts right after them.
  assert.equal(findFreeBase({ near: 1024, taken: taken(1024, MAX_BASE_PORT - 1) }), MAX_BASE_PORT);
  // From the top down: 1024's set ends at 1134, every higher base's set reaches 1135.
  assert.equal(findFreeBase({ near: MAX_BASE_PORT, taken: taken(1135, 65535) }), 1024);
  assert.equal(findFreeBase({ near: MAX_BASE_PORT, taken: taken(1134, 65535) }), undefined);
});
