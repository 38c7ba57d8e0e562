// OpenClaw's cross-field rules that its exported schema cannot state (browser profiles, the agent roster, file
// SecretRef ids), as a table: each config with the codes it gets and the text each one marks. The agreement layer
// holds these rules to the CLI; this table pins where each mark sits and which neighbour cases stay quiet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../language-server/src/parse/tree';
import { duplicateKeyDiagnostics, fileSecretPointerDiagnostics, gatewayModeDiagnostic, refinementDiagnostics, retiredKeyDiagnostics } from '../../language-server/src/validate/rules';
import { offsetOf } from '../support/text';

const marks = (text: string, skipped?: (path: readonly (string | number)[]) => boolean) =>
  refinementDiagnostics(parseConfig(text).root!, skipped).map((d) => [d.code, d.path, text.slice(d.start, d.end)]);

const CASES: [string, string[][]][] = [
  // A profile needs a way to reach Chrome unless its driver brings one; 0 and "" count as unset, as in OpenClaw.
  ['{ browser: { profiles: { w: {} } } }', [['browser-profile-needs-cdp', 'browser.profiles.w', 'w']]],
  ['{ browser: { profiles: { w: { cdpPort: 0 } } } }', [['browser-profile-needs-cdp', 'browser.profiles.w', 'w']]],
  ["{ browser: { profiles: { w: { cdpUrl: '' } } } }", [['browser-profile-needs-cdp', 'browser.profiles.w', 'w']]],
  ['{ browser: { profiles: { w: { cdpPort: 18850 } } } }', []],
  ["{ browser: { profiles: { w: { cdpUrl: 'http://127.0.0.1:9222' } } } }", []],
  ["{ browser: { profiles: { w: { driver: 'existing-session' } } } }", []],
  ["{ browser: { profiles: { w: { driver: 'extension' } } } }", []],
  ["{ browser: { profiles: { w: { driver: 'other' } } } }", [['browser-profile-needs-cdp', 'browser.profiles.w', 'w']]],
  // userDataDir belongs to existing-session alone, cdpUrl never to the extension driver: marked on the key.
  ["{ browser: { profiles: { w: { cdpPort: 1, userDataDir: '/u' } } } }", [['browser-profile-user-data-dir', 'browser.profiles.w', 'userDataDir']]],
  ["{ browser: { profiles: { w: { driver: 'existing-session', userDataDir: '/u' } } } }", []],
  ["{ browser: { profiles: { w: { driver: 'extension', cdpUrl: 'http://x' } } } }", [['browser-profile-extension-cdp-url', 'browser.profiles.w', 'cdpUrl']]],
  // A repeated profile is checked once, as its last spelling (the one JSON5 keeps).
  ['{ browser: { profiles: { w: {}, w: { cdpPort: 1 } } } }', []],
  ['{ browser: { profiles: { w: 5 } } }', []],
  // An empty userDataDir or cdpUrl is no value, as OpenClaw tests them for truth.
  ["{ browser: { profiles: { w: { cdpPort: 1, userDataDir: '' } } } }", []],
  ["{ browser: { profiles: { w: { driver: 'extension', cdpUrl: '' } } } }", []],
  ['{ browser: { profiles: [] } }', []],
  // A model provider OpenClaw does not bring declares baseUrl (a non-empty one) and a models list, marked on its key;
  // one of its own (case and spaces aside) may only overlay settings. The last spelling of a repeated one counts.
  ["{ models: { providers: { mine: {} } } }", [['custom-provider-incomplete', 'models.providers.mine.baseUrl', 'mine'], ['custom-provider-incomplete', 'models.providers.mine.models', 'mine']]],
  ["{ models: { providers: { mine: { baseUrl: '', models: [] } } } }", [['custom-provider-incomplete', 'models.providers.mine.baseUrl', 'mine']]],
  ["{ models: { providers: { mine: { baseUrl: 'http://h', models: {} } } } }", [['custom-provider-incomplete', 'models.providers.mine.models', 'mine']]],
  ["{ models: { providers: { mine: { baseUrl: 'http://h', models: [] } } } }", []],
  ["{ models: { providers: { anthropic: {}, ' OpenAI ': {} } } }", []],
  ["{ models: { providers: { mine: {}, mine: { baseUrl: 'http://h', models: [] } } } }", []],
  ['{ models: { providers: { mine: 5 } } }', []],
  // A roles table, once written, must define a role.
  ['{ gateway: { roles: { definitions: {} } } }', [['gateway-roles-empty', 'gateway.roles.definitions', 'definitions']]],
  ["{ gateway: { roles: { definitions: { admin: { scopes: [] } } } } }", []],
  ['{ gateway: { roles: { definitions: [] } } }', []],
  ['{ gateway: { roles: {} } }', []],
  // Agent ids compare as OpenClaw normalises them: case, rewritten characters, trimmed dashes.
  ["{ agents: { ownership: 'explicit', entries: { Main: {}, main: {} } } }", [['agents-duplicate-id', 'agents.entries.main', 'main']]],
  ["{ agents: { ownership: 'explicit', entries: { 'a b': {}, 'a-b': {} } } }", [['agents-duplicate-id', 'agents.entries.a-b', "'a-b'"]]],
  ["{ agents: { ownership: 'explicit', entries: { '--x--': {}, 'X': {} } } }", [['agents-duplicate-id', 'agents.entries.X', "'X'"]]],
  ["{ agents: { ownership: 'explicit', entries: { '!!!': {}, main: {} } } }", [['agents-duplicate-id', 'agents.entries.main', 'main']]],
  ["{ agents: { ownership: 'explicit', entries: { a: {}, b: {} } } }", []],
  // Past the length OpenClaw accepts as an id, it keeps the first 64 characters; runs of other characters become one
  // dash, and only dashes at the ends are dropped (read off the CLI's normalizeAgentId).
  [`{ agents: { ownership: 'explicit', entries: { ${'A'.repeat(64)}: {}, ${'a'.repeat(65)}: {} } } }`, [['agents-duplicate-id', `agents.entries.${'a'.repeat(65)}`, 'a'.repeat(65)]]],
  [`{ agents: { ownership: 'explicit', entries: { ${'a'.repeat(63)}: {}, ${'a'.repeat(64)}: {} } } }`, []],
  ["{ agents: { ownership: 'explicit', entries: { 'x-y': {}, 'x-y!': {} } } }", [['agents-duplicate-id', 'agents.entries.x-y!', "'x-y!'"]]],
  ["{ agents: { ownership: 'explicit', entries: { x: {}, 'x--!': {} } } }", [['agents-duplicate-id', 'agents.entries.x--!', "'x--!'"]]],
  // A valid id is only lower-cased: a trailing dash stays, so "ab-" and "ab" are two agents.
  ["{ agents: { ownership: 'explicit', entries: { 'ab-': {}, ab: {} } } }", []],
  ["{ agents: { ownership: 'explicit', entries: { ' ab- ': {}, ab: {} } } }", []],
  ["{ agents: { ownership: 'explicit', entries: { 'a-b': {}, 'a!!b': {} } } }", [['agents-duplicate-id', 'agents.entries.a!!b', "'a!!b'"]]],
  ["{ agents: { ownership: 'explicit', entries: { 'a_b': {}, 'a-b': {}, ' A_B ': {} } } }", [['agents-duplicate-id', 'agents.entries. A_B ', "' A_B '"]]],
  // Several agents need explicit ownership or one legacy default marker, never both, never two markers.
  ['{ agents: { entries: { a: {}, b: {} } } }', [['agents-ownership', 'agents.ownership', 'entries']]],
  ['{ agents: { entries: { a: {} } } }', []],
  ['{ agents: { entries: { a: { default: true }, b: {} } } }', []],
  ['{ agents: { entries: { a: { default: true }, b: { default: true } } } }', [['agents-default-markers', 'agents.entries', 'entries']]],
  ["{ agents: { ownership: 'explicit', entries: { a: { default: true } } } }", [['agents-ownership-with-default', 'agents.ownership', 'ownership']]],
  ["{ agents: { ownership: 'implicit', entries: { a: {}, b: {} } } }", [['agents-ownership', 'agents.ownership', 'entries']]],
  // Only `default: true` is a marker; a repeated agent counts once; no entries object, no roster.
  ["{ agents: { entries: { a: { default: 'yes' }, b: { default: true }, c: { default: false } } } }", []],
  ['{ agents: { entries: { a: { default: true }, a: { default: true }, b: {} } } }', []],
  ['{ agents: { entries: { a: {}, a: {} } } }', []],
  ['{ agents: { entries: [] } }', []],
  ['{ agents: { entries: { a: 1, b: 2 } } }', [['agents-ownership', 'agents.ownership', 'entries']]],
];

for (const [text, expected] of CASES) {
  test(`${text} → ${expected.map((e) => e[0]).join(', ') || 'nothing'}`, () => {
    assert.deepEqual(marks(text), expected);
  });
}

test('rules stand down where OpenClaw skips an object\'s refinements', () => {
  const text = '{ browser: { profiles: { w: {} } }, agents: { entries: { a: {}, b: {} } } }';
  assert.deepEqual(marks(text, (p) => p.join('.') === 'browser.profiles.w'), [['agents-ownership', 'agents.ownership', 'entries']]);
  assert.deepEqual(marks(text, (p) => p.join('.') === 'agents'), [['browser-profile-needs-cdp', 'browser.profiles.w', 'w']]);
});

test('a file SecretRef id must be an absolute JSON pointer or "value", wherever the ref sits', () => {
  const at = (text: string) => fileSecretPointerDiagnostics(parseConfig(text).root!).map((d) => [d.path, text.slice(d.start, d.end)]);
  const ref = (id: string) => `{ source: 'file', provider: 'p', id: '${id}' }`;
  assert.deepEqual(at(`{ gateway: { auth: { token: ${ref('gateway/token')} } } }`), [['gateway.auth.token.id', "'gateway/token'"]]);
  assert.deepEqual(at(`{ list: [${ref('x')}] }`), [['list.0.id', "'x'"]]);
  for (const good of ['value', '/gateway/token', '/a~1b/~0c', '/']) assert.deepEqual(at(`{ t: ${ref(good)} }`), [], good);
  assert.deepEqual(at("{ t: { source: 'env', provider: 'p', id: 'x' } }"), []);
  assert.deepEqual(at("{ t: { source: 'file', id: 'x' } }"), []);
  assert.deepEqual(at(`{ t: ${ref('/a~2')} }`), [['t.id', "'/a~2'"]]);
  const [d] = fileSecretPointerDiagnostics(parseConfig(`{ a: { b: ${ref('x')} } }`).root!);
  assert.deepEqual([d.severity, d.code, d.message], ['error', 'invalid-format', '"a.b.id" must be an absolute JSON pointer such as "/gateway/token", or "value".']);
});

test('the messages of the cross-field rules, word for word', () => {
  const words = (text: string) => refinementDiagnostics(parseConfig(text).root!).map((d) => [d.severity, d.message]);
  assert.deepEqual(words("{ browser: { profiles: { w: { userDataDir: '/u', driver: 'extension', cdpUrl: 'http://x' } } } }"), [
    ['error', 'Browser profile "w": userDataDir is only used with the "existing-session" driver.'],
    ['error', 'Browser profile "w": the "extension" driver takes no cdpUrl (the extension relay owns the endpoint).'],
  ]);
  assert.deepEqual(words('{ browser: { profiles: { w: {} } } }'), [
    ['error', 'Browser profile "w" must set cdpPort or cdpUrl (only the "existing-session" and "extension" drivers need neither).'],
  ]);
  assert.deepEqual(words("{ agents: { ownership: 'explicit', entries: { Main: {}, main: { default: true }, b: { default: true } } } }"), [
    ['error', 'Agents "Main" and "main" are the same agent: ids are compared as "main". Rename one of them.'],
    ['error', 'Only one agent may be marked "default": true; 2 are ("main", "b").'],
    ['error', '"agents.ownership": "explicit" cannot be combined with a legacy "default": true marker on an agent.'],
  ]);
  assert.deepEqual(words('{ agents: { entries: { a: {}, b: {} } } }'), [['error', 'Several agents in "agents.entries" need "agents.ownership": "explicit".']]);
});

test('retired keys: marked on the key, worded with what replaced them, each with its fix', () => {
  const text = "{ browser: { controlPort: 18791 }, canvasHost: { enabled: true } }";
  const ds = retiredKeyDiagnostics(parseConfig(text).root!);
  assert.deepEqual(ds.map((d) => [d.severity, d.code, d.path, text.slice(d.start, d.end), d.message, d.fixes]), [
    ['error', 'retired-key', 'canvasHost', 'canvasHost',
      '"canvasHost" was retired in OpenClaw 2026.8.1: the canvas is now served on the gateway port and switched by "plugins.entries.canvas.config.host.enabled". OpenClaw rejects this key.',
      [{ kind: 'migrate-canvas-host' }]],
    ['error', 'retired-key', 'browser.controlPort', 'controlPort',
      '"browser.controlPort" was retired: the browser control port is always gateway.port + 2. OpenClaw rejects this key.',
      [{ kind: 'remove-key', path: 'browser.controlPort' }]],
  ]);
  assert.deepEqual(retiredKeyDiagnostics(parseConfig('{ controlPort: 1, plugins: { canvasHost: {} } }').root!), [], 'only at their own paths');
});

test('a repeated key warns on each earlier spelling, with its dot path, and keeps quiet about the last', () => {
  const text = "{ gateway: { mode: 'local', port: 1, port: 2, port: 3 }, list: [{ a: 1, a: 2 }] }";
  const parsed = parseConfig(text);
  const ds = duplicateKeyDiagnostics(parsed.duplicates);
  assert.deepEqual(ds.map((d) => [d.severity, d.code, d.path, d.start, d.end - d.start, d.fixes]), [
    ['warning', 'duplicate-key', 'gateway.port', offsetOf(text, 'port'), 4, []],
    ['warning', 'duplicate-key', 'gateway.port', offsetOf(text, 'port', 1), 4, []],
    ['warning', 'duplicate-key', 'list.0.a', offsetOf(text, 'a: 1'), 1, []],
  ]);
  assert.equal(ds[0].message, '"port" appears again later in this object; OpenClaw keeps only the last one, so this value is ignored.');
});

test('the missing gateway.mode warning: on the gateway key whatever its value holds, on the first character without one', () => {
  const at = (text: string) => {
    const d = gatewayModeDiagnostic(parseConfig(text).root!);
    return d && [d.severity, d.code, d.path, d.start, d.end, text.slice(d.start, d.end)];
  };
  assert.deepEqual(at("{ gateway: 'local' }"), ['warning', 'gateway-mode-missing', 'gateway', 2, 9, 'gateway']);
  assert.deepEqual(at('{ gateway: { port: 1, mode: null } }'), undefined, 'a mode of any value is there');
  assert.deepEqual(at('  { }'), ['warning', 'gateway-mode-missing', '', 2, 3, '{']);
  assert.equal(at('[]'), undefined, 'a root that is no object is reported as such, not as a missing mode');
  assert.equal(gatewayModeDiagnostic(parseConfig('{}').root!)!.message, '"gateway.mode" is not set: the config validates, but the gateway refuses to start (exit 78). Set it to "local" or "remote".');
});
