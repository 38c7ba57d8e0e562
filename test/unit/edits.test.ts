import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig, memberAt, toValue } from '../../language-server/src/parse/tree';
import { removeMember, renameKey, setValue } from '../../language-server/src/parse/edits';
import { applyEdits } from './helpers';
import { fixFor } from '../../language-server/src/features/code-actions';

const TEXT = `{
  // the gateway
  gateway: {
    mode: 'local', // local only
    prot: 18789,
    /* keep me */
    bind: 'loopback',
  },
}
`;

test('removing a key drops its line and keeps every comment', () => {
  const p = parseConfig(TEXT);
  const out = applyEdits(TEXT, [removeMember(TEXT, memberAt(p.root, ['gateway', 'prot'])!)]);
  assert.equal(out, TEXT.replace("    prot: 18789,\n", ''));
  assert.deepEqual(toValue(parseConfig(out).root!), { gateway: { mode: 'local', bind: 'loopback' } });
});

test('renaming keeps the key\'s quoting style', () => {
  const p = parseConfig(TEXT);
  assert.equal(applyEdits(TEXT, [renameKey(TEXT, memberAt(p.root, ['gateway', 'prot'])!, 'port')]), TEXT.replace('prot:', 'port:'));
  const quoted = '{ "gateway": { "prot": 1 } }';
  const q = parseConfig(quoted);
  assert.equal(applyEdits(quoted, [renameKey(quoted, memberAt(q.root, ['gateway', 'prot'])!, 'port')]), '{ "gateway": { "port": 1 } }');
});

test('setting a value replaces it in place or inserts the missing objects', () => {
  const p = parseConfig(TEXT);
  const replaced = applyEdits(TEXT, [setValue(TEXT, p.root!, ['gateway', 'mode'], "'remote'")!]);
  assert.equal(replaced, TEXT.replace("mode: 'local'", "mode: 'remote'"));
  const inserted = applyEdits(TEXT, [setValue(TEXT, p.root!, ['gateway', 'port'], '18900')!]);
  assert.ok(inserted.includes('/* keep me */') && inserted.includes('// local only'));
  assert.equal((toValue(parseConfig(inserted).root!) as any).gateway.port, 18900);
  const deep = applyEdits(TEXT, [setValue(TEXT, p.root!, ['plugins', 'entries', 'canvas'], '{}')!]);
  assert.deepEqual((toValue(parseConfig(deep).root!) as any).plugins, { entries: { canvas: {} } });
  const one = '{ a: 1 }';
  assert.equal(applyEdits(one, [setValue(one, parseConfig(one).root!, ['b'], '2')!]), '{ a: 1, b: 2 }');
  const empty = '{}';
  assert.equal(applyEdits(empty, [setValue(empty, parseConfig(empty).root!, ['gateway', 'port'], '1')!]), '{ gateway: { port: 1 } }');
});

test('the canvasHost migration removes the key and sets the plugin flag', () => {
  const text = "{\n  gateway: { mode: 'local' },\n  canvasHost: { enabled: false },\n}\n";
  const fix = fixFor(parseConfig(text), { kind: 'migrate-canvas-host' })!;
  const out = toValue(parseConfig(applyEdits(text, fix.edits)).root!) as any;
  assert.deepEqual(out, { gateway: { mode: 'local' }, plugins: { entries: { canvas: { config: { host: { enabled: false } } } } } });
  const withPlugins = "{\n  canvasHost: {},\n  // plugins\n  plugins: { entries: {} },\n}\n";
  const fix2 = fixFor(parseConfig(withPlugins), { kind: 'migrate-canvas-host' })!;
  const out2 = applyEdits(withPlugins, fix2.edits);
  assert.ok(out2.includes('// plugins'));
  assert.deepEqual(toValue(parseConfig(out2).root!), { plugins: { entries: { canvas: { config: { host: { enabled: true } } } } } });
});

test('move to a free base port writes gateway.port', () => {
  const text = "{ gateway: { mode: 'local', port: 18809 } }";
  const fix = fixFor(parseConfig(text), { kind: 'move-base-port', profile: 'rescue' }, () => 18900)!;
  assert.equal(fix.title, 'Move to a free base port (18900)');
  assert.equal(applyEdits(text, fix.edits), "{ gateway: { mode: 'local', port: 18900 } }");
});
