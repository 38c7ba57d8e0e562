import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSON5 from 'json5';
import { dotPath, hitAt, MAX_DEPTH, nodeAt, parseConfig, pathOf, toValue } from '../../language-server/src/parse/tree';
import { LineIndex } from '../../language-server/src/parse/lines';
import { offsetOf } from '../support/text';

test('JSON5 features parse: comments, trailing commas, unquoted keys, single quotes, hex', () => {
  const text = "// c\n{ $schema: 'x', gateway: { port: 0x4965, /* b */ 'mode': 'local', }, list: [1, 2,], n: +Infinity, }";
  const p = parseConfig(text);
  assert.equal(p.syntaxError, undefined);
  assert.deepEqual(toValue(p.root!), JSON5.parse(text));
});

test('a syntax error has the line and column json5 (and so the CLI) reports', () => {
  const text = '{\n  gateway: {\n    port: 18789,,\n  },\n}\n';
  const p = parseConfig(text);
  assert.equal(p.syntaxError?.message, "JSON5: invalid character ',' at 3:17");
  assert.deepEqual(new LineIndex(text).positionAt(p.syntaxError!.offset), { line: 2, character: 16 });
});

test('an empty file and binary junk are syntax errors, not crashes', () => {
  assert.match(parseConfig('').syntaxError!.message, /invalid end of input/);
  assert.ok(parseConfig('\u0000\u0001\uFFFD{{').syntaxError);
});

test('nesting beyond the limit is refused before parsing', () => {
  const deep = '['.repeat(MAX_DEPTH + 5) + ']'.repeat(MAX_DEPTH + 5);
  assert.match(parseConfig(deep).syntaxError!.message, /Nesting deeper/);
  const ok = '['.repeat(50) + ']'.repeat(50);
  assert.equal(parseConfig(ok).syntaxError, undefined);
});

test('duplicate keys: the last wins, earlier ones are reported', () => {
  const text = '{ a: 1, b: 2, a: 3 }';
  const p = parseConfig(text);
  assert.deepEqual(toValue(p.root!), { a: 3, b: 2 });
  assert.equal(p.duplicates.length, 1);
  assert.equal(p.duplicates[0].member.keyStart, offsetOf(text, 'a'));
  assert.equal(p.duplicates[0].winner.keyStart, offsetOf(text, 'a', 1));
});

test('paths and hits map between offsets and nodes', () => {
  const text = "{ gateway: { port: 18789, auth: { mode: 'token' } }, list: [10, 20] }";
  const p = parseConfig(text);
  const node = nodeAt(p.root, ['gateway', 'auth', 'mode'])!;
  assert.equal(text.slice(node.start, node.end), "'token'");
  assert.deepEqual(pathOf(node), ['gateway', 'auth', 'mode']);
  assert.equal(dotPath(pathOf(nodeAt(p.root, ['list', 1])!)), 'list.1');
  const hit = hitAt(p.root, offsetOf(text, 'port') + 1);
  assert.equal(hit?.where, 'key');
  assert.deepEqual(hit?.path, ['gateway', 'port']);
  const v = hitAt(p.root, offsetOf(text, '18789') + 2);
  assert.equal(v?.where, 'value');
  assert.deepEqual(v?.path, ['gateway', 'port']);
});

test('__proto__ keys stay data', () => {
  const v = toValue(parseConfig('{ "__proto__": { polluted: true } }').root!) as Record<string, unknown>;
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.deepEqual(Object.keys(v), ['__proto__']);
});

test('json5 corner cases: octal escapes, raw line breaks, odd numbers are errors where the CLI says so', () => {
  const cases: [string, string][] = [
    ["{a: '\\01'}", "JSON5: invalid character '1' at 1:8"],
    ['{a: 0x4965.5}', "JSON5: invalid character '.' at 1:11"],
    ['{a: "x\ny"}', "JSON5: invalid character '\\n' at 2:0"],
    ['{a: .e5}', "JSON5: invalid character 'e' at 1:6"],
  ];
  for (const [text, message] of cases) assert.equal(parseConfig(text).syntaxError?.message, message, text);
  assert.deepEqual(toValue(parseConfig('{a: "line\\\ncont", b: \'\\0\'}').root!), { a: 'linecont', b: '\0' });
});

test('reserved words are valid unquoted keys, as json5 takes them, and offsets stay exact', () => {
  const text = '{ null: 1, true: { false: 2 }, x: 3 }';
  const p = parseConfig(text);
  assert.equal(p.syntaxError, undefined);
  assert.deepEqual(toValue(p.root!), { null: 1, true: { false: 2 }, x: 3 });
  const hit = hitAt(p.root, offsetOf(text, 'false') + 1);
  assert.deepEqual(hit?.path, ['true', 'false']);
});
