import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSON5 from 'json5';
import { dotPath, hitAt, MAX_DEPTH, memberAt, memberOf, nodeAt, parseConfig, pathOf, toValue, type ObjectNode } from '../../language-server/src/parse/tree';
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

/** The syntax error of `text`: its message and the text from its offset on (where the squiggle starts). */
function errorAt(text: string): { message: string; line: number; column: number; rest: string } {
  const e = parseConfig(text).syntaxError;
  assert.ok(e, `no syntax error in ${JSON.stringify(text)}`);
  return { message: e.message, line: e.line, column: e.column, rest: text.slice(e.offset) };
}

test('a syntax error\'s offset is the character json5 names, on any line', () => {
  assert.deepEqual(errorAt('{\n  a: 1,\n  b: 2\n  c: 3\n}'), { message: "JSON5: invalid character 'c' at 4:3", line: 4, column: 3, rest: 'c: 3\n}' });
  assert.deepEqual(errorAt('{ a: 1 }\n\n  ]'), { message: "JSON5: invalid character ']' at 3:3", line: 3, column: 3, rest: ']' });
  assert.deepEqual(errorAt('\r\n{ a: 1 }}'), { message: "JSON5: invalid character '}' at 2:9", line: 2, column: 9, rest: '}' });
  assert.deepEqual(errorAt('{ a:'), { message: 'JSON5: invalid end of input at 1:5', line: 1, column: 5, rest: '' });
  // json5 puts a raw line break in a string at column 0 of the next line: the offset is the break itself.
  assert.deepEqual(errorAt('{ a: "x\ny" }'), { message: "JSON5: invalid character '\\n' at 2:0", line: 2, column: 0, rest: '\ny" }' });
});

test('a byte order mark is read as a blank: offsets and error columns stay those of the file', () => {
  const text = '\ufeff{ a: 1 }';
  const p = parseConfig(text);
  assert.equal(p.syntaxError, undefined);
  assert.deepEqual(toValue(p.root!), { a: 1 });
  const a = nodeAt(p.root, ['a'])!;
  assert.equal(text.slice(a.start, a.end), '1');
  assert.deepEqual(errorAt('\ufeff{ a: }'), { message: "JSON5: invalid character '}' at 1:7", line: 1, column: 7, rest: '}' });
});

test('keys outside ASCII: json5 has the last word, with its own message', () => {
  const p = parseConfig('{ café: 1, café: 2 }');
  assert.equal(p.syntaxError, undefined);
  assert.deepEqual(toValue(p.root!), { café: 2 });
  assert.equal(p.duplicates.length, 1, 'duplicates are reported for such keys too');
  // U+0560 is a letter in today's Unicode but not in the tables json5 (and so OpenClaw) uses.
  assert.deepEqual(errorAt('{ \u0560: 1 }'), { message: "JSON5: invalid character '\u0560' at 1:3", line: 1, column: 3, rest: '\u0560: 1 }' });
});

test('the nesting limit: its message, and the bracket it is put on', () => {
  const ok = '['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH);
  assert.equal(parseConfig(ok).syntaxError, undefined, 'exactly the limit is fine');
  const text = '{\n  a: ' + '['.repeat(MAX_DEPTH - 1) + ']'.repeat(MAX_DEPTH - 1) + ',\n}';
  assert.equal(parseConfig(text).syntaxError, undefined, 'the limit counts brackets, both kinds');
  const deep = '// x\n  ' + '['.repeat(MAX_DEPTH + 1) + ']'.repeat(MAX_DEPTH + 1);
  const e = parseConfig(deep).syntaxError!;
  assert.equal(e.message, `Nesting deeper than ${MAX_DEPTH} levels`);
  assert.equal(e.offset, 7 + MAX_DEPTH);
  assert.deepEqual([e.line, e.column], [2, 3 + MAX_DEPTH]);
  assert.deepEqual([parseConfig(deep).duplicates, parseConfig(deep).root], [[], undefined]);
  const braces = '{a:'.repeat(MAX_DEPTH) + '{}' + '}'.repeat(MAX_DEPTH);
  assert.equal(parseConfig(braces).syntaxError?.offset, 3 * MAX_DEPTH);
});

test('brackets in strings and comments do not count toward the nesting limit', () => {
  const many = '['.repeat(MAX_DEPTH + 1);
  const cases = [
    `{ a: "${many}" }`, `{ a: '${many}' }`, `{ a: "\\"${many}" }`, `{ a: '\\'${many}' }`,
    `{ a: 1 } // ${many}`, `// it's\n{ a: 1 } // ${many}`, `{ a: /* ${many} */ 1 }`, `{ /* it's */ a: 1 } /* ${many} */`,
  ];
  for (const text of cases) assert.equal(parseConfig(text).syntaxError, undefined, text);
  // The text right after a comment's end is counted again.
  const after = `/* x */${many}`;
  assert.equal(parseConfig(after).syntaxError?.offset, after.length - 1);
  const afterLine = `// x\n${many}`;
  assert.equal(parseConfig(afterLine).syntaxError?.offset, afterLine.length - 1);
  // An unterminated comment or string hides the rest of the file (and json5 says what is wrong).
  assert.match(parseConfig(`/* ${many}`).syntaxError!.message, /^JSON5: invalid end of input/);
  assert.match(parseConfig(`"${many}`).syntaxError!.message, /^JSON5: invalid end of input/);
  assert.match(parseConfig(`// ${many}`).syntaxError!.message, /^JSON5: invalid end of input/);
});

test('the plain value is an ordinary object: keys can be set and deleted', () => {
  const v = toValue(parseConfig('{ a: { b: 1 }, list: [1, "x", null, true] }').root!) as Record<string, any>;
  v.a.b = 2;
  delete v.list;
  assert.deepEqual(v, { a: { b: 2 } });
  assert.deepEqual(Object.getOwnPropertyDescriptor(v, 'a'), { value: { b: 2 }, writable: true, enumerable: true, configurable: true });
});

test('memberOf finds the winning member in small and large objects', () => {
  for (const n of [1, 2, 16, 17, 40]) {
    const keys = Array.from({ length: n }, (_, i) => `k${i}`);
    const text = `{ ${keys.map((k, i) => `${k}: ${i}`).join(', ')}, k0: 'last' }`;
    const root = parseConfig(text).root as ObjectNode;
    assert.equal(text.slice(memberOf(root, 'k0')!.value.start, memberOf(root, 'k0')!.value.end), "'last'", `${n} keys`);
    for (let i = 1; i < n; i++) assert.equal(memberOf(root, `k${i}`)!.key, `k${i}`);
    assert.equal(memberOf(root, `k${n}`), undefined);
    assert.equal(memberOf(root, 'toString'), undefined);
  }
});

test('nodeAt and memberAt follow objects by key and arrays by index, and nothing else', () => {
  const root = parseConfig('{ a: { b: [10, { c: 1 }] }, s: "x" }').root;
  assert.equal((nodeAt(root, ['a', 'b', 1, 'c']) as { value: unknown }).value, 1);
  assert.equal(nodeAt(root, []), root);
  assert.equal(nodeAt(root, ['a', 'b', '1']), undefined, 'an array is not indexed by a string');
  assert.equal(nodeAt(root, ['a', 0]), undefined, 'an object is not indexed by a number');
  assert.equal(nodeAt(root, ['s', 'x']), undefined);
  assert.equal(nodeAt(root, ['missing', 'deeper', 'still']), undefined);
  assert.equal(nodeAt(undefined, ['a']), undefined);
  assert.equal(memberAt(root, ['a', 'b'])?.key, 'b');
  assert.equal(memberAt(root, []), undefined);
  assert.equal(memberAt(root, ['a', 'b', 0]), undefined, 'an element is not a member');
  assert.equal(memberAt(root, ['missing', 'b']), undefined);
  assert.deepEqual(pathOf(nodeAt(root, ['a', 'b', 1, 'c'])!), ['a', 'b', 1, 'c']);
  assert.deepEqual(pathOf(root!), []);
  assert.equal(dotPath(['a', 'b', 1, 'c']), 'a.b.1.c');
});

test('hitAt: keys and values count up to and including their last character, blanks belong to the container', () => {
  const text = '{ ab: [1, 22], c: { d: 3 } }';
  const root = parseConfig(text).root;
  const where = (o: number) => { const h = hitAt(root, o); return h && [h.where, h.path]; };
  const ab = text.indexOf('ab');
  assert.deepEqual(where(ab), ['key', ['ab']]);
  assert.deepEqual(where(ab + 2), ['key', ['ab']], 'just after the key');
  assert.deepEqual(where(ab - 1), ['value', []]);
  const list = text.indexOf('[');
  assert.deepEqual(where(list), ['value', ['ab']]);
  assert.deepEqual(where(list + 1), ['value', ['ab', 0]]);
  assert.deepEqual(where(list + 2), ['value', ['ab', 0]], 'just after the element');
  assert.deepEqual(where(list + 3), ['value', ['ab']], 'between elements');
  assert.deepEqual(where(text.indexOf('22') + 2), ['value', ['ab', 1]]);
  assert.deepEqual(where(text.indexOf('3')), ['value', ['c', 'd']]);
  assert.deepEqual(where(text.indexOf('d')), ['key', ['c', 'd']]);
  assert.deepEqual(where(text.length), ['value', []], 'the end of the root');
  assert.equal(hitAt(root, text.length + 1), undefined);
  assert.equal(hitAt(undefined, 0), undefined);
  const h = hitAt(root, text.indexOf('d'));
  assert.equal(h?.where === 'key' && h.object, nodeAt(root, ['c']));
  const v = hitAt(root, text.indexOf('3'));
  assert.equal(v?.where === 'value' && v.node, nodeAt(root, ['c', 'd']));
  const padded = '  { a: 1 }  ';
  assert.equal(hitAt(parseConfig(padded).root, 0), undefined, 'before the root');
});

test('the nesting limit sees every bracket outside strings and comments, wherever those end', () => {
  const many = '['.repeat(MAX_DEPTH + 1);
  const refusedAt = (text: string) => parseConfig(text).syntaxError?.offset;
  // On the first line the column counts from 1, as on any other.
  assert.deepEqual([parseConfig(many).syntaxError?.line, parseConfig(many).syntaxError?.column], [1, MAX_DEPTH + 1]);
  const cases = [
    // (Not valid JSON5 around the brackets: the limit is checked before the file is parsed.)
    `"abc" 'd\\'e' "f\\"g" ${many}`, // strings of odd and even length, escaped quotes, before the brackets
    `1\n// c\n${many}`, // a line comment at the start of a line
    `/* x *//* y */${many}`, // block comments back to back
    `/*/ x */${many}`, // a block comment opened with "/*/"
    '[// c\n'.repeat(MAX_DEPTH + 1), // every bracket followed by a comment
  ];
  for (const text of cases) assert.equal(refusedAt(text), text.lastIndexOf('['), JSON.stringify(text.slice(0, 40)));
  // Closing brackets of either kind take a level off: many siblings are no nesting.
  assert.equal(parseConfig('[' + '[[]],'.repeat(MAX_DEPTH + 10) + ']').syntaxError, undefined);
  assert.equal(parseConfig('[' + '{a:{}},'.repeat(MAX_DEPTH + 10) + ']').syntaxError, undefined);
});

test('a file that fails has no duplicates, even if json5 is the one that refused it', () => {
  assert.deepEqual(parseConfig('{ a: 1, a: 2, \u0560: 1 }').duplicates, []);
  assert.deepEqual(parseConfig('{ a: 1, a: 2,, }').duplicates, []);
});

test('hitAt: the offset just after a member\'s value is still in that value', () => {
  const text = '{ ab: [1, 22], c: 1 }';
  const h = hitAt(parseConfig(text).root, text.indexOf(']') + 1);
  assert.deepEqual(h && [h.where, h.path], ['value', ['ab']]);
});
