// OpenClaw's cross-field rules that its exported schema cannot state (browser profiles, the agent roster, file
// SecretRef ids), as a table: each config with the codes it gets and the text each one marks. The agreement layer
// holds these rules to the CLI; this table pins where each mark sits and which neighbour cases stay quiet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../language-server/src/parse/tree';
import { fileSecretPointerDiagnostics, refinementDiagnostics } from '../../language-server/src/validate/rules';

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
  // Agent ids compare as OpenClaw normalises them: case, rewritten characters, trimmed dashes.
  ["{ agents: { ownership: 'explicit', entries: { Main: {}, main: {} } } }", [['agents-duplicate-id', 'agents.entries.main', 'main']]],
  ["{ agents: { ownership: 'explicit', entries: { 'a b': {}, 'a-b': {} } } }", [['agents-duplicate-id', 'agents.entries.a-b', "'a-b'"]]],
  ["{ agents: { ownership: 'explicit', entries: { '--x--': {}, 'X': {} } } }", [['agents-duplicate-id', 'agents.entries.X', "'X'"]]],
  ["{ agents: { ownership: 'explicit', entries: { '!!!': {}, main: {} } } }", [['agents-duplicate-id', 'agents.entries.main', 'main']]],
  ["{ agents: { ownership: 'explicit', entries: { a: {}, b: {} } } }", []],
  // Several agents need explicit ownership or one legacy default marker, never both, never two markers.
  ['{ agents: { entries: { a: {}, b: {} } } }', [['agents-ownership', 'agents.ownership', 'entries']]],
  ['{ agents: { entries: { a: {} } } }', []],
  ['{ agents: { entries: { a: { default: true }, b: {} } } }', []],
  ['{ agents: { entries: { a: { default: true }, b: { default: true } } } }', [['agents-default-markers', 'agents.entries', 'entries']]],
  ["{ agents: { ownership: 'explicit', entries: { a: { default: true } } } }", [['agents-ownership-with-default', 'agents.ownership', 'ownership']]],
  ["{ agents: { ownership: 'implicit', entries: { a: {}, b: {} } } }", [['agents-ownership', 'agents.ownership', 'entries']]],
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
});
