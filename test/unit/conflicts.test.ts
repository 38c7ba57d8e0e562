// Conflicts between profiles from their facts alone (no disk): shared files and dirs as the tree words them, one
// browser endpoint written in different ways, port sets that meet at one port and ones that only touch, and the
// diagnostics each conflict puts on the keys of one config.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { findConflicts } from '../../language-server/src/host/conflicts';
import { isolationDiagnostics } from '../../language-server/src/host/isolation';
import { EMPTY_HOST, type HostState } from '../../language-server/src/host/model';
import { profileFacts, type ProfileFacts } from '../../language-server/src/host/profile';
import type { ProfileSource } from '../../language-server/src/host/discovery';
import { parseConfig } from '../../language-server/src/parse/tree';

const HOME = path.resolve('/home/u');

/** A convention profile `name` with this config text (its state dir ~/.openclaw-name unless told otherwise). */
function profile(name: string, text: string, over: Partial<ProfileSource> = {}): ProfileFacts {
  const stateDir = path.join(HOME, name === 'default' ? '.openclaw' : `.openclaw-${name}`);
  const source: ProfileSource = { name, origin: 'convention', stateDir, configPath: path.join(stateDir, 'openclaw.json'), env: {}, portProfile: name === 'default' ? undefined : name, ...over };
  return profileFacts(source, parseConfig(text), HOME, { valid: true, errors: 0 });
}

const gw = (port: number, extra = '') => `{ gateway: { mode: 'local', port: ${port} }${extra ? `, ${extra}` : ''} }`;
const hostOf = (profiles: ProfileFacts[]): HostState => ({ ...EMPTY_HOST, home: HOME, profiles, conflicts: findConflicts(profiles, HOME) });

test('a port set that ends where the other begins clashes on that one port; one port apart, no clash', () => {
  // 18789's set ends at 18899; a base of 18899 starts there.
  const [c] = findConflicts([profile('default', gw(18789)), profile('b', gw(18899))], HOME);
  assert.deepEqual([c.kind, c.profiles, c.ports], ['port', ['default', 'b'], [18899]]);
  assert.equal(c.message, 'Port clash between "b" and "default": b\'s gateway 18899 lies inside default\'s CDP range 18800-18899.');
  assert.deepEqual(findConflicts([profile('default', gw(18789)), profile('b', gw(18900))], HOME), []);
  // The same from below: a set ending at 18788 is clear of 18789, one ending at 18789 is not.
  assert.deepEqual(findConflicts([profile('default', gw(18789)), profile('b', gw(18678))], HOME), []);
  const [below] = findConflicts([profile('default', gw(18789)), profile('b', gw(18679))], HOME);
  assert.deepEqual(below.ports, [18789]);
  assert.equal(below.message, 'Port clash between "default" and "b": default\'s gateway 18789 lies inside b\'s CDP range 18690-18789.');
});

test('explicit cdpPorts clash with each other and with derived ports, each marked on its own key', () => {
  const a = profile('a', gw(30000, 'browser: { profiles: { w: { cdpPort: 40000 } } }'));
  const b = profile('b', gw(31000, 'browser: { profiles: { v: { cdpPort: 40000 } } }'));
  const [c] = findConflicts([a, b], HOME);
  assert.deepEqual([c.ports, c.sides.map((s) => s.map((x) => x.path))], [[40000], [['browser.profiles.w.cdpPort'], ['browser.profiles.v.cdpPort']]]);
  assert.deepEqual(c.detail, ["CDP port (w) 40000 is also b's CDP port (v) 40000", "CDP port (v) 40000 is also a's CDP port (w) 40000"]);
  const text = gw(30000, 'browser: { profiles: { w: { cdpPort: 40000 } } }');
  const ds = isolationDiagnostics(hostOf([a, b]), a.summary.configPath, parseConfig(text));
  assert.deepEqual(ds.map((d) => [d.severity, d.code, d.path, text.slice(d.start, d.end), d.message, d.fixes]), [
    ['error', 'port-conflict', 'browser.profiles.w.cdpPort', 'cdpPort', 'Port clash with profile "b": this CDP port 40000 is also b\'s CDP port (v) 40000.', [{ kind: 'move-base-port', profile: 'a' }]],
  ]);
});

test('one browser endpoint, however it is written: localhost, ::1 and 127.0.0.1, a default port, a trailing slash, the case of the host', () => {
  const same = [
    ['http://localhost:9222/', 'http://127.0.0.1:9222'],
    ['http://[::1]:9222', 'http://127.0.0.1:9222/'],
    ['http://Chrome.Example:80/x/', 'http://chrome.example/x'],
    ['https://h.example', 'https://h.example:443'],
    ['wss://h.example/devtools', 'wss://h.example:443/devtools//'],
    ['not a url/', ' NOT A URL'],
    // No scheme, so no URL to parse: written with two slashes at the end or none.
    ['127.0.0.1:9222/json//', '127.0.0.1:9222/json'],
  ];
  for (const [ua, ub] of same) {
    const a = profile('a', gw(30000, `browser: { cdpUrl: '${ua}' }`));
    const b = profile('b', gw(31000, `browser: { profiles: { w: { cdpUrl: '${ub}' } } }`));
    const found = findConflicts([a, b], HOME);
    assert.deepEqual(found.map((c) => [c.kind, c.sides.map((s) => s.map((x) => x.path))]), [['cdpUrl', [['browser.cdpUrl'], ['browser.profiles.w.cdpUrl']]]], `${ua} / ${ub}`);
    assert.equal(found[0].message, `Profiles "a" (browser.cdpUrl) and "b" (browser.profiles.w.cdpUrl) drive the same browser endpoint ${ua}.`);
    assert.deepEqual(found[0].detail, ["browser.cdpUrl drives the browser endpoint of b's browser.profiles.w.cdpUrl", "browser.profiles.w.cdpUrl drives the browser endpoint of a's browser.cdpUrl"]);
  }
  const different = [
    ['http://127.0.0.1:9222', 'http://127.0.0.1:9223'],
    ['http://h.example', 'https://h.example'],
    ['http://h.example:8080', 'http://h.example'],
    ['http://h.example/a', 'http://h.example/b'],
    ['http://a.example:9222', 'http://b.example:9222'],
    // The other scheme's default port is another port.
    ['http://h.example', 'http://h.example:443'],
    ['https://h.example', 'https://h.example:80'],
    ['ws://h.example', 'ws://h.example:443'],
    ['wss://h.example', 'wss://h.example:80'],
    ['127.0.0.1:9222/a', '127.0.0.1:9222a'],
  ];
  for (const [ua, ub] of different) {
    const found = findConflicts([profile('a', gw(30000, `browser: { cdpUrl: '${ua}' }`)), profile('b', gw(31000, `browser: { cdpUrl: '${ub}' }`))], HOME);
    assert.deepEqual(found, [], `${ua} / ${ub}`);
  }
});

test('a cdpUrl conflict is marked on the key of each side, with its own code and no fix', () => {
  const text = gw(30000, "browser: { cdpUrl: 'http://127.0.0.1:9222' }");
  const a = profile('a', text);
  const b = profile('b', gw(31000, "browser: { cdpUrl: 'http://localhost:9222' }"));
  const ds = isolationDiagnostics(hostOf([a, b]), a.summary.configPath, parseConfig(text));
  assert.deepEqual(ds.map((d) => [d.code, d.path, text.slice(d.start, d.end), d.fixes]), [['cdp-url-conflict', 'browser.cdpUrl', 'cdpUrl', undefined]]);
});

test('shared files and dirs: written from ~ in messages, with a code per kind, on the key that names the dir', () => {
  const dir = path.join(HOME, 'shared');
  const a = profile('a', gw(30000, `agents: { defaults: { workspace: '${dir}' } }`));
  const b = profile('b', gw(31000, `agents: { entries: { x: { workspace: '~/shared' } } }`), { stateDir: a.summary.stateDir, configPath: a.summary.configPath });
  const found = findConflicts([a, b], HOME);
  assert.deepEqual(found.map((c) => [c.kind, c.message]), [
    ['configPath', 'Profiles "a" and "b" share the config file ~/.openclaw-a/openclaw.json: two gateways writing one config file race each other.'],
    ['stateDir', 'Profiles "a" and "b" share the state dir ~/.openclaw-a: two gateways writing one state dir race each other.'],
    ['workspace', 'Profiles "a" and "b" share the workspace ~/shared: two gateways writing one workspace race each other.'],
  ]);
  assert.deepEqual(found.map((c) => c.detail), [
    ['shares the config file ~/.openclaw-a/openclaw.json with b', 'shares the config file ~/.openclaw-a/openclaw.json with a'],
    ['shares the state dir ~/.openclaw-a with b', 'shares the state dir ~/.openclaw-a with a'],
    ['shares the workspace ~/shared with b', 'shares the workspace ~/shared with a'],
  ]);
  assert.deepEqual(found[2].sides.map((s) => s.map((x) => x.path)), [['agents.defaults.workspace'], ['agents.entries.x.workspace']]);
  assert.deepEqual(found.map((c) => [c.ports, c.pairs]), [[[], []], [[], []], [[], []]]);
  // Seen from the file both profiles read: no "shares the config file" with itself, the other kinds on their keys.
  const text = gw(30000, `agents: { defaults: { workspace: '${dir}' } }`);
  const ds = isolationDiagnostics(hostOf([a, b]), a.summary.configPath, parseConfig(text));
  assert.deepEqual(ds.map((d) => [d.code, d.path, text.slice(d.start, d.end)]), [
    ['shared-state-dir', '', 'gateway'],
    ['shared-workspace', 'agents.defaults.workspace', 'workspace'],
    ['shared-workspace', 'agents.entries.x.workspace', 'gateway'],
  ]);
});

test('a path outside the home is written in full, and one that only begins with the home\'s letters too', () => {
  const a = profile('a', gw(30000), { stateDir: '/srv/one', configPath: '/srv/one/openclaw.json' });
  const b = profile('b', gw(31000), { stateDir: '/srv/one', configPath: `${HOME}x/openclaw.json` });
  const c = profile('c', gw(32000), { stateDir: '/srv/two', configPath: `${HOME}x/openclaw.json` });
  const found = findConflicts([a, b, c], HOME);
  assert.deepEqual(found.map((x) => x.message), [
    `Profiles "a" and "b" share the state dir ${path.resolve('/srv/one')}: two gateways writing one state dir race each other.`,
    `Profiles "a" and "b" share the workspace ${path.resolve('/srv/one/workspace')}: two gateways writing one workspace race each other.`,
    `Profiles "b" and "c" share the config file ${HOME}x/openclaw.json: two gateways writing one config file race each other.`,
  ]);
  const underHome = profile('d', gw(33000), { stateDir: path.join(HOME, 'x'), configPath: path.join(HOME, 'x', 'openclaw.json') });
  const twin = profile('e', gw(34000), { stateDir: path.join(HOME, 'x'), configPath: path.join(HOME, 'y.json') });
  for (const written of [`${HOME}/`, `${HOME}//`]) {
    assert.equal(findConflicts([underHome, twin], written)[0].message, 'Profiles "d" and "e" share the state dir ~/x: two gateways writing one state dir race each other.', written);
  }
  assert.equal(findConflicts([underHome, twin])[0].message, `Profiles "d" and "e" share the state dir ${path.join(HOME, 'x')}: two gateways writing one state dir race each other.`);
});

test('no conflict is found twice, and a profile with no usable base holds no ports to clash over', () => {
  const profiles = [profile('default', gw(18789)), profile('b', gw(18809)), profile('c', gw(1.5)), profile('d', gw(70000))];
  const found = findConflicts(profiles, HOME);
  assert.deepEqual(found.map((c) => `${c.kind}:${c.profiles.join('/')}`), ['port:default/b']);
  assert.deepEqual([profiles[2].spans, profiles[3].spans], [[], []]);
});

test('the message is told from the side whose spans lie inside the other\'s ranges', () => {
  // b's gateway, control and relay lie inside default's CDP range; default's range does not lie inside any of b's.
  const [c] = findConflicts([profile('default', gw(18789)), profile('b', gw(18850))], HOME);
  assert.equal(c.message, 'Port clash between "b" and "default": b\'s gateway 18850, browser control 18852, relay 18860 and CDP range 18861-18960 overlap default\'s CDP range 18800-18899.');
  const [d] = findConflicts([profile('b', gw(18850)), profile('default', gw(18789))], HOME);
  assert.equal(d.message, c.message, 'whichever comes first on the host');
});

test('a clash where each side has as many spans inside the other\'s is told from the profile listed first; its ports in order', () => {
  // a's CDP range holds b's cdpPort 30050, and a's cdpPort 18800 lies inside b's CDP range, at its first port.
  const a = profile('a', gw(30000, 'browser: { profiles: { w: { cdpPort: 18800 } } }'));
  const b = profile('b', gw(18789, 'browser: { profiles: { v: { cdpPort: 30050 } } }'));
  const [c] = findConflicts([a, b], HOME);
  assert.deepEqual(c.ports, [18800, 30050]);
  assert.equal(c.message, 'Port clash between "a" and "b": a\'s CDP port (w) 18800 lies inside b\'s CDP range 18800-18899; a\'s CDP range 30011-30110 covers b\'s CDP port (v) 30050.');
  assert.match(findConflicts([b, a], HOME)[0].message, /^Port clash between "b" and "a": /);
  // e's relay lies inside d's CDP range and d's cdpPort 18900 inside e's; e's CDP range starts inside d's but runs past
  // it, which is inside neither, so one each again.
  const d = profile('d', gw(18789, 'browser: { profiles: { w: { cdpPort: 18900 } } }'));
  const e = profile('e', gw(18795));
  assert.match(findConflicts([d, e], HOME)[0].message, /^Port clash between "d" and "e": /);
  assert.match(findConflicts([e, d], HOME)[0].message, /^Port clash between "e" and "d": /);
});

test('a clash on a base no key sets says where the base comes from, on "gateway" or else the first character', () => {
  const b = profile('b', gw(18809));
  const bare = profile('default', '{}');
  const withGateway = profile('default', "{ gateway: { mode: 'local' } }");
  const fromEnv = profile('side', '{}', { origin: 'setting', stateDir: '/srv/side', configPath: '/srv/side/openclaw.json', env: { OPENCLAW_GATEWAY_PORT: '18789' } });
  const words = (me: ProfileFacts, text: string) => isolationDiagnostics(hostOf([me, b]), me.summary.configPath, parseConfig(text)).map((d) => [d.path, text.slice(d.start, d.end), d.message]);
  const clash = 'CDP range 18800-18899 overlaps b\'s gateway 18809, browser control 18811, relay 18819 and CDP range 18820-18919';
  assert.deepEqual(words(bare, ' {}'), [['', '{', `Port clash with profile "b": ${clash}. The base port 18789 is OpenClaw's default; set gateway.port to move it.`]]);
  assert.deepEqual(words(withGateway, "{ gateway: { mode: 'local' } }"), [['', 'gateway', `Port clash with profile "b": ${clash}. The base port 18789 is OpenClaw's default; set gateway.port to move it.`]]);
  assert.deepEqual(words(fromEnv, '{}'), [['', '{', `Port clash with profile "b": ${clash}. The base port 18789 is from OPENCLAW_GATEWAY_PORT; set gateway.port to move it.`]]);
});

test('isolation diagnostics only for the profiles of the file asked about, and none for a text that is no object', () => {
  const a = profile('a', gw(18789));
  const b = profile('b', gw(18809));
  const host = hostOf([a, b]);
  assert.deepEqual(isolationDiagnostics(host, path.join(HOME, 'elsewhere.json'), parseConfig(gw(18789))), []);
  assert.deepEqual(isolationDiagnostics(host, a.summary.configPath, parseConfig('[]')), []);
  assert.deepEqual(isolationDiagnostics(host, a.summary.configPath, parseConfig('{')), []);
  assert.deepEqual(isolationDiagnostics(host, b.summary.configPath, parseConfig(gw(18809))).map((d) => d.code), ['port-conflict']);
});

test('sets whose outer bounds meet but that share no port are no clash', () => {
  // a spans 10000 (a cdpPort far below) to 20110; b's whole set 15000-15110 lies in a's gap.
  const a = profile('a', gw(20000, 'browser: { profiles: { w: { cdpPort: 10000 } } }'));
  assert.deepEqual(findConflicts([a, profile('b', gw(15000))], HOME), []);
});
