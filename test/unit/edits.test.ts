import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig, memberAt, toValue } from '../../language-server/src/parse/tree';
import { formatKey, removeMember, renameKey, setValue } from '../../language-server/src/parse/edits';
import { applyEdits } from '../support/text';
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

function removeAt(text: string, path: string[]): string {
  return applyEdits(text, [removeMember(text, memberAt(parseConfig(text).root, path)!)]);
}

test('removing a key with a block comment before its comma leaves a config that parses and keeps the comment', () => {
  const text = "{ gateway: { mode: 'local', prot: 18789 /* typo */, bind: 'loopback' } }";
  const out = removeAt(text, ['gateway', 'prot']);
  assert.equal(out, "{ gateway: { mode: 'local', /* typo */ bind: 'loopback' } }");
  assert.deepEqual(toValue(parseConfig(out).root!), { gateway: { mode: 'local', bind: 'loopback' } });
});

test('removing a key whose comma follows a line comment on the next line keeps the comment and the next key', () => {
  const text = "{\n  a: 1, b: 2 // why\n  , c: 3,\n}\n";
  const out = removeAt(text, ['b']);
  assert.equal(out, "{\n  a: 1, // why\n  c: 3,\n}\n");
  assert.deepEqual(toValue(parseConfig(out).root!), { a: 1, c: 3 });
});

test('removing a key alone on its line with a block comment before the comma keeps the comment on that line', () => {
  const text = "{\n  a: 1,\n  b: 2 /* old */,\n  c: 3,\n}\n";
  assert.equal(removeAt(text, ['b']), "{\n  a: 1,\n  /* old */\n  c: 3,\n}\n");
});

test('removing a key keeps its trailing line comment', () => {
  const text = "{\n  gateway: {\n    prot: 18789, // typo of port\n    bind: 'loopback',\n  },\n}\n";
  assert.equal(removeAt(text, ['gateway', 'prot']), "{\n  gateway: {\n    // typo of port\n    bind: 'loopback',\n  },\n}\n");
});

test('removing a key from a one-line object keeps the rest of the object and the comments around it', () => {
  const text = "{ gateway: { /* a */ mode: 'local', prot: 18789, bind: 'loopback' /* b */ } } // end";
  assert.equal(removeAt(text, ['gateway', 'prot']), "{ gateway: { /* a */ mode: 'local', bind: 'loopback' /* b */ } } // end");
  assert.equal(removeAt(text, ['gateway', 'bind']), "{ gateway: { /* a */ mode: 'local', prot: 18789, /* b */ } } // end");
  assert.equal(removeAt(text, ['gateway', 'mode']), "{ gateway: { /* a */ prot: 18789, bind: 'loopback' /* b */ } } // end");
});

test('setting a value in an empty one-line object that holds a comment keeps the comment', () => {
  const text = '{ gateway: { /* none yet */ } }';
  const out = applyEdits(text, [setValue(text, parseConfig(text).root!, ['gateway', 'port'], '18900')!]);
  assert.equal(out, '{ gateway: { /* none yet */ port: 18900 } }');
});

function setAt(text: string, path: string[], value: string): string | undefined {
  const edit = setValue(text, parseConfig(text).root!, path, value);
  return edit && applyEdits(text, [edit]);
}

test('a key is written bare when it can be, else quoted; single quotes are escaped for single-quoted keys', () => {
  assert.equal(formatKey('port', 'bare'), 'port');
  assert.equal(formatKey('$a_1', 'bare'), '$a_1');
  assert.equal(formatKey('x-y', 'bare'), '"x-y"');
  assert.equal(formatKey('1a', 'bare'), '"1a"');
  assert.equal(formatKey('', 'bare'), '""');
  assert.equal(formatKey('port', '"'), '"port"');
  assert.equal(formatKey('a"b\\', '"'), '"a\\"b\\\\"');
  assert.equal(formatKey("it's\\", "'"), "'it\\'s\\\\'");
  assert.deepEqual(toValue(parseConfig(`{ ${formatKey("it's\\", "'")}: 1 }`).root!), { "it's\\": 1 });
});

test('renaming keeps single quotes, and quotes a new name that cannot be bare', () => {
  const single = "{ 'prot': 1 }";
  assert.equal(applyEdits(single, [renameKey(single, memberAt(parseConfig(single).root, ['prot'])!, "it's")]), "{ 'it\\'s': 1 }");
  const bare = '{ prot: 1 }';
  assert.equal(applyEdits(bare, [renameKey(bare, memberAt(parseConfig(bare).root, ['prot'])!, 'x-y')]), '{ "x-y": 1 }');
});

test('an inserted key is quoted like the first key of its object', () => {
  assert.equal(setAt('{ "a": 1 }', ['b'], '2'), '{ "a": 1, "b": 2 }');
  assert.equal(setAt("{ 'a': 1 }", ['b'], '2'), "{ 'a': 1, 'b': 2 }");
  assert.equal(setAt('{ a: 1, "q": 1 }', ['b'], '2'), '{ a: 1, "q": 1, b: 2 }');
  assert.equal(setAt('{ "a": 1 }', ['x', 'y'], '2'), '{ "a": 1, "x": { "y": 2 } }');
  assert.equal(setAt('{ a: 1 }', ['x-y', 'z'], '2'), '{ a: 1, "x-y": { z: 2 } }');
});

test('a value cannot be set under an array or a scalar', () => {
  assert.equal(setAt('{ a: [1] }', ['a', 'b'], '2'), undefined);
  assert.equal(setAt('{ a: 1 }', ['a', 'b'], '2'), undefined);
  assert.equal(setAt('[1]', ['a'], '2'), undefined);
  assert.equal(setAt('{ a: 1 }', ['a'], '{ b: 2 }'), '{ a: { b: 2 } }', 'but a scalar can be replaced');
});

test('an inserted member follows the layout of the object it goes in', () => {
  assert.equal(setAt('{\n  a: 1,\n}\n', ['b'], '2'), '{\n  a: 1,\n  b: 2,\n}\n', 'multi-line, trailing comma');
  assert.equal(setAt('{\n  a: 1\n}\n', ['b'], '2'), '{\n  a: 1,\n  b: 2\n}\n', 'multi-line, no trailing comma');
  assert.equal(setAt('{\n\tg: {\n\t\ta: 1 // c\n\t},\n}', ['g', 'b'], '2'), '{\n\tg: {\n\t\ta: 1, // c\n\t\tb: 2\n\t},\n}', 'tabs');
  assert.equal(setAt('{\r  a: 1\r}', ['b'], '2'), '{\r  a: 1,\n  b: 2\r}', 'lone \\r line breaks');
  assert.equal(setAt('{ a: 1, }', ['b'], '2'), '{ a: 1, b: 2 }', 'one line, trailing comma');
  assert.equal(setAt('{ a: 1 /* c */ }', ['b'], '2'), '{ a: 1, b: 2 /* c */ }');
  assert.equal(setAt('{\n  g: {\n  },\n}', ['g', 'port'], '1'), '{\n  g: {\n    port: 1,\n  },\n}', 'empty, multi-line');
  assert.equal(setAt('{ g: { } }', ['g', 'port'], '1'), '{ g: { port: 1 } }', 'empty, blank inside');
  assert.equal(setAt('{ g: { /* c */   } }', ['g', 'port'], '1'), '{ g: { /* c */ port: 1   } }', 'empty, a comment inside');
});

test('removing the last member, without a comma, drops its line', () => {
  assert.equal(removeAt('{\n  a: 1,\n  b: 2\n}\n', ['b']), '{\n  a: 1,\n}\n');
  assert.equal(removeAt('{\n  a: 1,\n  b: 2\n}\n', ['a']), '{\n  b: 2\n}\n');
  assert.equal(removeAt('{ a: 1, b: 2 }', ['b']), '{ a: 1, }');
});

test('removing a member keeps the file\'s line breaks (\\r\\n) and takes the blanks after its comma', () => {
  assert.equal(removeAt('{\r\n  a: 1,\r\n  b: 2,\r\n}\r\n', ['a']), '{\r\n  b: 2,\r\n}\r\n');
  assert.equal(removeAt('{\r\n  a: 1, b: 2 // why\r\n  , c: 3,\r\n}', ['b']), '{\r\n  a: 1, // why\r\n  c: 3,\r\n}');
  assert.equal(removeAt('{ a: 1,\t b: 2 }', ['a']), '{ b: 2 }');
  assert.equal(removeAt('{\n  a: 1,\t \n  b: 2,\n}', ['a']), '{\n  b: 2,\n}', 'blanks before the line break');
  assert.equal(removeAt('{\n  a: 1, // x\n  b: 2,\n}', ['a']), '{\n  // x\n  b: 2,\n}');
  assert.equal(removeAt('{\n  a: 1 /* x */ , b: 2,\n}', ['a']), '{\n  /* x */ b: 2,\n}');
  assert.equal(removeAt('{\n  x: 0, a: 1 /* x */ ,\n  b: 2,\n}', ['a']), '{\n  x: 0, /* x */\n  b: 2,\n}');
});

test('an inserted member goes below the comments that end the line before it, which stay where they were', () => {
  assert.equal(setAt('{\n  a: 1, // about a\n}', ['b'], '2'), '{\n  a: 1, // about a\n  b: 2,\n}');
  assert.equal(setAt('{\n  a: 1 // about a\n}', ['b'], '2'), '{\n  a: 1, // about a\n  b: 2\n}');
  assert.equal(setAt('{\n  a: 1 /* x */ /* y */\n}', ['b'], '2'), '{\n  a: 1, /* x */ /* y */\n  b: 2\n}');
  assert.equal(setAt('{\n  a: 1, /* x */ // y\r\n}', ['b'], '2'), '{\n  a: 1, /* x */ // y\n  b: 2,\r\n}');
  assert.equal(setAt('{ // none yet\n}', ['b'], '2'), '{ // none yet\n  b: 2,\n}');
  // A comment that runs on to the next line, or anything else after the member on its line, stays after the new one.
  assert.equal(setAt('{\n  a: 1 /* x\n  y */\n}', ['b'], '2'), '{\n  a: 1,\n  b: 2 /* x\n  y */\n}');
  assert.equal(setAt('{\n  a: 1 }', ['b'], '2'), '{\n  a: 1,\n  b: 2 }');
});

test('edits around blanks and comments the mutation run found unpinned', () => {
  // A comma after blanks is the member's own: the new member goes after it, no second comma.
  assert.equal(setAt('{ a: 1 , }', ['b'], '2'), '{ a: 1 , b: 2 }');
  assert.equal(setAt('{\n  a: 1\n  ,\n}', ['b'], '2'), '{\n  a: 1\n  ,\n  b: 2,\n}');
  // A tab before the trailing comment, back-to-back comments, \r and \r\n line ends.
  assert.equal(setAt('{\n  a: 1,\t// x\n}', ['b'], '2'), '{\n  a: 1,\t// x\n  b: 2,\n}');
  assert.equal(setAt('{\n  a: 1, /* x *//* y */\n}', ['b'], '2'), '{\n  a: 1, /* x *//* y */\n  b: 2,\n}');
  assert.equal(setAt('{\r  a: 1, /* x */\r}', ['b'], '2'), '{\r  a: 1, /* x */\n  b: 2,\r}');
  // An empty object: blanks inside are replaced; a comment over two lines stays after the new member.
  assert.equal(setAt('{ g: {   } }', ['g', 'p'], '1'), '{ g: { p: 1 } }');
  assert.equal(setAt('{ g: { /* a\n b */ } }', ['g', 'p'], '1'), '{ g: {\n  p: 1, /* a\n b */ } }');
  // Removal: a member on the first line, a blank line after the removed one, a lone \r.
  assert.equal(removeAt('{ a: 1,\n  b: 2,\n}', ['a']), '{ \n  b: 2,\n}');
  assert.equal(removeAt('{\n  a: 1,\n\n  b: 2,\n}', ['a']), '{\n\n  b: 2,\n}');
  assert.equal(removeAt('{\r  a: 1,\r  b: 2,\r}', ['a']), '{\r  b: 2,\r}');
  // Comments between a removed value and its comma: kept as written, blanks around them trimmed to one.
  assert.equal(removeAt('{\n  a: 1, b: 2// why\n  , c: 3,\n}', ['b']), '{\n  a: 1, // why\n  c: 3,\n}');
  assert.equal(removeAt('{ a: 1  /* x */, b: 2 }', ['a']), '{ /* x */ b: 2 }');
  assert.equal(removeAt('{ a: 1 /* x\n y */  , b: 2 }', ['a']), '{ /* x\n y */ b: 2 }');
  assert.equal(removeAt('{ a: 1 /* x *//* y */, b: 2 }', ['a']), '{ /* x *//* y */ b: 2 }');
});
