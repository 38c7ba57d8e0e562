// The CLI's profile rules as pure functions: names and folders, one invocation's paths and port, precedence, and
// what each release changed. The same rules are run against the real CLIs in test/agreement/profile-differential.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  folderVerdict, isUsablePort, NEWEST_RULES, parsePortEnv, releaseOf, resolveBasePort, resolveInvocation, rulesFor, stateDirFor,
} from '../../language-server/src/host/profile-rules';
import { portSpans } from '../../language-server/src/host/ports';

const HOME = path.resolve('/home/u');

test('rules per release: the relay from 2026.7.1; hashes, canvasHost, the CDP start key and lock dirs at 2026.8.1', () => {
  const june = rulesFor('2026.6.35');
  assert.deepEqual([june.relay, june.hashedNamedPorts, june.canvasHostRejected, june.cdpRangeStartKey, june.lockDir, june.profileReplacesInheritedPaths],
    [false, false, false, true, 'tmpdir', false]);
  const july = rulesFor('2026.7.1');
  assert.deepEqual([july.since, july.relay, july.hashedNamedPorts], ['2026.7.1', true, false]);
  assert.deepEqual([rulesFor('2026.7.35').since, rulesFor('2026.8.0').since], ['2026.7.1', '2026.7.1']);
  const aug = rulesFor('2026.8.1');
  assert.deepEqual([aug.since, aug.hashedNamedPorts, aug.canvasHostRejected, aug.cdpRangeStartKey, aug.lockDir, aug.profileReplacesInheritedPaths],
    ['2026.8.1', true, true, false, 'state-dir', true]);
  // Unknown and newer releases get the newest rules; older ones than any checked the oldest; suffixes do not count.
  for (const v of [undefined, 'garbage', '2026.9.6', '2027.1.1', 'OpenClaw 2026.9.6 (eb377ac)']) assert.deepEqual(rulesFor(v), NEWEST_RULES, String(v));
  assert.equal(rulesFor('2026.1.30').since, '2026.6.1');
  assert.equal(rulesFor('2026.8.1-beta.2').since, '2026.8.1');
  assert.equal(rulesFor('2026.7.1-2').since, '2026.7.1');
  assert.deepEqual(releaseOf('2026.10.3'), [2026, 10, 3]);
  assert.deepEqual(releaseOf('OpenClaw 2026.9.16 (eb377ac)'), [2026, 9, 16], 'a two-digit patch');
  assert.equal(rulesFor('2026.10.3').since, NEWEST_RULES.since);
});

test('folders: which profile --profile reaches, and why some folders are reached by none', () => {
  assert.deepEqual(folderVerdict('.openclaw'), { profile: 'default' });
  assert.deepEqual(folderVerdict('.openclaw-ops'), { profile: 'ops' });
  assert.deepEqual(folderVerdict('.openclaw-Work'), { profile: 'Work' });
  assert.deepEqual(folderVerdict('.openclaw-dev'), { profile: 'dev' });
  assert.deepEqual(folderVerdict(`.openclaw-${'a'.repeat(64)}`), { profile: 'a'.repeat(64) });
  for (const d of ['Default', 'DEFAULT', 'default', 'dEfAuLt']) {
    const v = folderVerdict(`.openclaw-${d}`);
    assert.ok(v && 'reason' in v && /default profile/.test(v.reason), `${d}: ${JSON.stringify(v)}`);
  }
  for (const bad of ['Bad Name', '-x', '_x', 'a.b', 'é', 'a'.repeat(65)]) {
    const v = folderVerdict(`.openclaw-${bad}`);
    assert.ok(v && 'reason' in v, `${bad}: ${JSON.stringify(v)}`);
  }
  // Too long is said of names over 64 characters only, and quotes their start, not the whole name.
  assert.deepEqual(folderVerdict(`.openclaw-${'b'.repeat(70)}`), { reason: `"${'b'.repeat(20)}…" is longer than the 64 characters the CLI accepts as a profile name` });
  const dotted = `${'c'.repeat(63)}.`;
  assert.deepEqual(folderVerdict(`.openclaw-${dotted}`), { reason: `"${dotted}" is not a name the CLI accepts for --profile (letters, digits, "-" and "_", starting with a letter or digit)` });
  assert.match((folderVerdict(`.openclaw-${'a'.repeat(65)}`) as { reason: string }).reason, /64 characters/);
  assert.ok('reason' in folderVerdict('.openclaw-')!);
  assert.equal(folderVerdict('.config'), undefined);
  assert.equal(folderVerdict('.openclawx'), undefined);
  assert.equal(stateDirFor('DEFAULT', HOME), path.join(HOME, '.openclaw'));
});

test('--profile dev exports OPENCLAW_GATEWAY_PORT=19001 only when it is unset, and only for "dev" exactly', () => {
  assert.equal(resolveInvocation({ profile: 'dev', env: {}, home: HOME }).envPort, '19001');
  assert.equal(resolveInvocation({ profile: 'dev', env: { OPENCLAW_GATEWAY_PORT: '20000' }, home: HOME }).envPort, '20000');
  assert.equal(resolveInvocation({ profile: 'dev', env: { OPENCLAW_GATEWAY_PORT: '  ' }, home: HOME }).envPort, '19001');
  assert.equal(resolveInvocation({ profile: 'DEV', env: {}, home: HOME }).envPort, undefined);
  const dev = resolveInvocation({ profile: 'dev', env: {}, home: HOME });
  assert.deepEqual(resolveBasePort({ envPort: dev.envPort, configPort: 25000, portProfile: dev.portProfile }), { port: 19001, source: 'env' });
});

test('default in any case is no profile: the default paths, no hash, the default service', () => {
  for (const d of ['default', 'Default', 'DEFAULT']) {
    const r = resolveInvocation({ profile: d, env: {}, home: HOME });
    assert.deepEqual([r.stateDir, r.configPath, r.portProfile], [path.join(HOME, '.openclaw'), path.join(HOME, '.openclaw', 'openclaw.json'), undefined], d);
    assert.deepEqual(resolveBasePort({ portProfile: r.portProfile }), { port: 18789, source: 'default' });
  }
});

test('OPENCLAW_PROFILE alone moves the port but not the config', () => {
  const r = resolveInvocation({ env: { OPENCLAW_PROFILE: 'zz' }, home: HOME });
  assert.equal(r.configPath, path.join(HOME, '.openclaw', 'openclaw.json'));
  assert.equal(r.portProfile, 'zz');
  assert.deepEqual(resolveBasePort({ portProfile: r.portProfile }), { port: 52373, source: 'hash' });
  // The config's own port still wins over the hash.
  assert.deepEqual(resolveBasePort({ configPort: 21000, portProfile: r.portProfile }), { port: 21000, source: 'config' });
  // --profile wins over an inherited OPENCLAW_PROFILE.
  assert.equal(resolveInvocation({ profile: 'a', env: { OPENCLAW_PROFILE: 'zz' }, home: HOME }).portProfile, 'a');
});

test('an exported OPENCLAW_STATE_DIR: replaced by --profile from 2026.8.1 when it is the inherited profile\'s, kept before', () => {
  const env = { OPENCLAW_STATE_DIR: path.join(HOME, '.openclaw') };
  assert.equal(resolveInvocation({ profile: 'ops', env, home: HOME }, rulesFor('2026.9.6')).stateDir, path.join(HOME, '.openclaw-ops'));
  assert.equal(resolveInvocation({ profile: 'ops', env, home: HOME }, rulesFor('2026.7.1')).stateDir, path.join(HOME, '.openclaw'));
  // One that points elsewhere wins in every release.
  const other = { OPENCLAW_STATE_DIR: '/srv/bot' };
  assert.equal(resolveInvocation({ profile: 'ops', env: other, home: HOME }, rulesFor('2026.9.6')).configPath, path.resolve('/srv/bot/openclaw.json'));
  assert.equal(resolveInvocation({ profile: 'ops', env: { ...env, OPENCLAW_CONFIG_PATH: '~/.openclaw/openclaw.json' }, home: HOME }).configPath, path.join(HOME, '.openclaw-ops', 'openclaw.json'));
  assert.equal(resolveInvocation({ env: { OPENCLAW_STATE_DIR: '~\\bots' }, home: HOME }).stateDir, path.join(HOME, 'bots'), 'the home written with a backslash');
});

test('precedence: --port > OPENCLAW_GATEWAY_PORT > gateway.port > name hash > 18789; ports as the CLI reads them', () => {
  assert.deepEqual(resolveBasePort({ cliPort: 30001, envPort: '30002', configPort: 30003, portProfile: 'ops' }), { port: 30001, source: 'cli' });
  assert.deepEqual(resolveBasePort({ envPort: '30002', configPort: 30003, portProfile: 'ops' }), { port: 30002, source: 'env' });
  assert.deepEqual(resolveBasePort({ configPort: 30003, portProfile: 'ops' }), { port: 30003, source: 'config' });
  assert.deepEqual(resolveBasePort({ portProfile: 'ops' }), { port: 55291, source: 'hash' });
  assert.deepEqual(resolveBasePort({ portProfile: 'ops' }, rulesFor('2026.7.1')), { port: 18789, source: 'default' });
  // The CLI takes any positive finite number from the config, valid for its schema or not.
  assert.deepEqual(resolveBasePort({ configPort: 70000, portProfile: 'a' }), { port: 70000, source: 'config' });
  assert.deepEqual(resolveBasePort({ configPort: 1.5, portProfile: 'a' }), { port: 1.5, source: 'config' });
  assert.equal(resolveBasePort({ configPort: 0, portProfile: 'a' }).source, 'hash');
  assert.equal(resolveBasePort({ configPort: -5, portProfile: 'a' }).source, 'hash');
  assert.equal(resolveBasePort({ configPort: '18789', portProfile: 'a' }).source, 'hash');
  assert.deepEqual(['19001', ' 19001 ', 'localhost:19001', '[::1]:19001', '0', '70000', 'a:b:3', ':19001', 'x', '19001x', ''].map(parsePortEnv),
    [19001, 19001, 19001, 19001, undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  // A port is all decimal digits up to 65535: no exponent, hex or blank after the colon, nothing around [v6]:port.
  assert.deepEqual(['65535', 'localhost:65535', 'localhost:1e3', 'localhost:0x50', 'localhost: 80', 'x[::1]:19001', '[::1]:19001x'].map(parsePortEnv),
    [65535, 65535, undefined, undefined, undefined, undefined, undefined]);
});

test('derived ports per release: no relay before 2026.7.1, cdpPortRangeStart before 2026.8.1, the CLI\'s fallbacks', () => {
  const roles = (spans: ReturnType<typeof portSpans>) => spans.map((s) => `${s.role}=${s.from}${s.to !== s.from ? `-${s.to}` : ''}`);
  assert.deepEqual(roles(portSpans({ base: 18789, cdpPorts: [], rules: rulesFor('2026.6.35') })), ['gateway=18789', 'browser-control=18791', 'cdp-range=18800-18899']);
  assert.deepEqual(roles(portSpans({ base: 18789, cdpPorts: [], rules: rulesFor('2026.7.1') })), ['gateway=18789', 'browser-control=18791', 'relay=18799', 'cdp-range=18800-18899']);
  assert.deepEqual(roles(portSpans({ base: 18789, cdpPorts: [], cdpRangeStart: 30000, rules: rulesFor('2026.7.1') })).at(-1), 'cdp-range=30000-30099');
  assert.deepEqual(roles(portSpans({ base: 18789, cdpPorts: [], cdpRangeStart: 30000 })).at(-1), 'cdp-range=18800-18899');
  // B+2 past 65535: the control port falls back to 18791, the relay and the CDP range follow it.
  assert.deepEqual(roles(portSpans({ base: 65534, cdpPorts: [] })), ['gateway=65534', 'browser-control=18791', 'relay=18799', 'cdp-range=18800-18899']);
  assert.deepEqual(roles(portSpans({ base: 65425, cdpPorts: [] })).at(-1), 'cdp-range=65436-65535');
});

test('a usable base: a whole number from 1 to 65535', () => {
  assert.deepEqual([1, 65535, 18789, 0, 65536, 1.5, -1, Number.NaN].map(isUsablePort), [true, true, true, false, false, false, false, false]);
});
