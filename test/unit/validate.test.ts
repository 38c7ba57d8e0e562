import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, isValid } from '../../language-server/src/validate/check';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';
import { offsetOf } from '../support/text';

const schema = bundledSchemaInUse();
const codes = (text: string) => checkText(text, schema).diagnostics.map((d) => d.code);

test('a minimal valid config has no findings', () => {
  const { diagnostics } = checkText("{ gateway: { mode: 'local', port: 18789, bind: 'loopback' } }", schema);
  assert.deepEqual(diagnostics, []);
});

test('an unknown key is marked on the key itself, with its dot path and a suggestion', () => {
  const text = "{ gateway: { mode: 'local', prot: 18789 } }";
  const [d] = checkText(text, schema).diagnostics;
  assert.equal(d.code, 'unknown-key');
  assert.equal(d.path, 'gateway.prot');
  assert.equal(d.start, offsetOf(text, 'prot'));
  assert.equal(d.end, offsetOf(text, 'prot') + 4);
  assert.match(d.message, /Did you mean "port"\?/);
  assert.deepEqual(d.fixes?.[0], { kind: 'rename-key', path: 'gateway.prot', to: 'port' });
});

test('an unknown top-level key is caught', () => {
  const text = "{ gateway: { mode: 'local' }, gatewya: {} }";
  const d = checkText(text, schema).diagnostics.find((x) => x.code === 'unknown-key')!;
  assert.equal(d.path, 'gatewya');
  assert.match(d.message, /Did you mean "gateway"/);
});

test('a wrong value is marked on the value, listing the allowed ones', () => {
  const text = "{ gateway: { mode: 'local', bind: 'everywhere' } }";
  const [d] = checkText(text, schema).diagnostics;
  assert.equal(d.path, 'gateway.bind');
  assert.equal(text.slice(d.start, d.end), "'everywhere'");
  assert.match(d.message, /"loopback"/);
});

test('a port out of range is an error on the value', () => {
  const text = "{ gateway: { mode: 'local', port: 70000 } }";
  const [d] = checkText(text, schema).diagnostics;
  assert.equal(d.code, 'out-of-range');
  assert.equal(text.slice(d.start, d.end), '70000');
});

test('retired keys say what replaced them and are not reported twice', () => {
  const text = "{ gateway: { mode: 'local' }, canvasHost: { enabled: true }, browser: { controlPort: 18791 } }";
  const ds = checkText(text, schema).diagnostics;
  assert.deepEqual(ds.map((d) => d.code), ['retired-key', 'retired-key']);
  assert.match(ds[0].message, /plugins\.entries\.canvas\.config\.host\.enabled/);
  assert.match(ds[1].message, /gateway\.port \+ 2/);
});

test('a browser profile needs cdpPort or cdpUrl unless its driver needs neither', () => {
  const bad = "{ gateway: { mode: 'local' }, browser: { profiles: { work: { headless: true } } } }";
  assert.deepEqual(codes(bad), ['browser-profile-needs-cdp']);
  const ok = "{ gateway: { mode: 'local' }, browser: { profiles: { me: { driver: 'existing-session' }, w: { cdpPort: 18801 } } } }";
  assert.deepEqual(codes(ok), []);
});

test('a missing gateway.mode is a warning: the config validates but the gateway will not start', () => {
  const { diagnostics } = checkText('{ gateway: { port: 18789 } }', schema);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['gateway-mode-missing', 'warning']]);
  assert.ok(isValid(diagnostics));
});

test('duplicate keys warn on the earlier key', () => {
  const text = "{ gateway: { mode: 'local', port: 1, port: 2 } }";
  const d = checkText(text, schema).diagnostics.find((x) => x.code === 'duplicate-key')!;
  assert.equal(d.start, offsetOf(text, 'port'));
  assert.equal(d.severity, 'warning');
});

test('secrets never appear in a message', () => {
  const secret = 'sk-very-secret-token-value';
  const text = `{ gateway: { mode: 'local', auth: { mode: 'token', token: 12345, password: '${secret}', bogus: '${secret}' } } }`;
  const { diagnostics } = checkText(text, schema);
  assert.ok(diagnostics.length > 0);
  for (const d of diagnostics) assert.ok(!d.message.includes(secret), d.message);
});

test('a syntax error is one error on the character it names, or at the very end when the text stops short', () => {
  const at = (text: string) => checkText(text, schema).diagnostics.map((d) => [d.severity, d.code, d.path, d.start, d.end, d.message]);
  assert.deepEqual(at('{ a: @ }'), [['error', 'syntax', '', 5, 6, "JSON5: invalid character '@' at 1:6"]]);
  assert.deepEqual(at('{ gateway: '), [['error', 'syntax', '', 11, 11, 'JSON5: invalid end of input at 1:12']]);
  assert.deepEqual(at(''), [['error', 'syntax', '', 0, 0, 'JSON5: invalid end of input at 1:1']]);
  assert.ok(!isValid(checkText('{', schema).diagnostics));
});

test('a config that is a value but no object is marked whole, and nothing else is said of it', () => {
  const text = '  [1, 2] ';
  const ds = checkText(text, schema).diagnostics;
  assert.deepEqual(ds.map((d) => [d.severity, d.code, d.path, text.slice(d.start, d.end), d.message]), [['error', 'invalid-type', '', '[1, 2]', 'An OpenClaw config must be an object ({ ... }).']]);
  assert.equal(checkText(text, schema).value, undefined);
});

test('the findings come in one order: retired keys, schema issues, cross-field rules, SecretRef ids, repeats, gateway.mode', () => {
  const text = "{ zz: 1, canvasHost: {}, browser: { profiles: { w: {} } }, t: 1, t: 2, gateway: { auth: { token: { source: 'file', provider: 'p', id: 'x' } } } }";
  assert.deepEqual(codes(text), ['retired-key', 'unknown-key', 'unknown-key', 'browser-profile-needs-cdp', 'invalid-format', 'duplicate-key', 'gateway-mode-missing']);
  assert.deepEqual(checkText(text, schema).value, { zz: 1, canvasHost: {}, browser: { profiles: { w: {} } }, t: 2, gateway: { auth: { token: { source: 'file', provider: 'p', id: 'x' } } } });
});

test('cross-field rules stand down where a wrong type or value (not an unknown key) sits inside their object, as zod skips them', () => {
  const base = "{ gateway: { mode: 'local' }, ";
  assert.deepEqual(codes(`${base}browser: { profiles: { w: { headless: 'yes' } } } }`), ['invalid-type']);
  assert.deepEqual(codes(`${base}browser: { profiles: { w: { bogus: 1 } } } }`), ['unknown-key', 'browser-profile-needs-cdp']);
  assert.deepEqual(codes(`${base}browser: { profiles: { a: { headless: 'yes' }, b: {} } } }`), ['invalid-type', 'browser-profile-needs-cdp'], 'a sibling profile is still checked');
  // A profile name the schema refuses: the issue sits on the profile itself.
  assert.deepEqual(codes(`${base}browser: { profiles: { 'W!': {} } } }`), ['schema']);
  assert.deepEqual(codes(`${base}agents: { defaults: { workspace: 5 }, entries: { a: {}, b: {} } } }`), ['invalid-type']);
  assert.deepEqual(codes(`${base}agents: { defaults: { bogus: 5 }, entries: { a: {}, b: {} } } }`), ['unknown-key', 'agents-ownership']);
  // The empty roles table is refined as a record of its own: a required key missing beside it does not stop that.
  assert.deepEqual(codes("{ gateway: { mode: 'local', roles: { definitions: {} } } }"), ['invalid-type', 'gateway-roles-empty']);
  // The providers' record is refined as a whole: a wrong value in any provider stands every provider's check down.
  assert.deepEqual(codes(`${base}models: { providers: { a: {}, b: { baseUrl: 5 } } } }`), ['invalid-type']);
  assert.deepEqual(codes(`${base}models: { providers: { a: {}, b: { zz: 5, baseUrl: 'http://h', models: [] } } } }`), ['unknown-key', 'custom-provider-incomplete', 'custom-provider-incomplete']);
});

test('isValid: errors make a config invalid, warnings and information do not', () => {
  const d = (severity: 'error' | 'warning' | 'information') => ({ severity, code: 'x', message: '', path: '', start: 0, end: 0 });
  assert.equal(isValid([]), true);
  assert.equal(isValid([d('warning'), d('information')]), true);
  assert.equal(isValid([d('warning'), d('error')]), false);
});
