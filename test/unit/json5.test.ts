// The ranged JSON5 parser on the corners of the grammar that the differential stream rarely reaches (every kind of
// blank, every escape, every number form), each checked against the json5 package, and on what json5 cannot
// check: the source ranges of every node and member, the duplicates, the flag that asks json5 to confirm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSON5 from 'json5';
import { parseJson5 } from '../../language-server/src/parse/json5';
import { toValue, type ValueNode } from '../../language-server/src/parse/tree';

/** Our verdict and value must be json5's (values compared with Object.is, so -0, NaN and Infinity count). */
function agrees(text: string): void {
  const ours = parseJson5(text);
  let theirs: unknown;
  let failed = false;
  try { theirs = JSON5.parse(text); } catch { failed = true; }
  assert.equal(ours.needsConfirmation, false, `${JSON.stringify(text)} needs no confirmation`);
  assert.equal(ours.ok, !failed, `${JSON.stringify(text)}: json5 ${failed ? 'rejects' : 'accepts'} it`);
  if (ours.ok) assert.deepStrictEqual(toValue(ours.root!), theirs, JSON.stringify(text));
}

test('every blank json5 knows separates tokens; the next code points do not', () => {
  const blanks = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\ufeff', '\u2028', '\u2029', '\u1680', '\u2000', '\u2005', '\u200a', '\u202f', '\u205f', '\u3000'];
  for (const b of blanks) {
    agrees(`${b}{${b}a${b}:${b}1${b},${b}}${b}`);
    assert.equal(parseJson5(`${b}1`).ok, true, `U+${b.charCodeAt(0).toString(16)}`);
  }
  for (const c of ['\u0085', '\u1fff', '\u200b', '\u2027', '\u202e', '\u2030', '\u205e', '\u2060', '\u2fff', '\u3001', '\u0000']) {
    agrees(`${c}1`);
    assert.equal(parseJson5(`${c}1`).ok, false, `U+${c.charCodeAt(0).toString(16)}`);
  }
});

test('comments: a line comment ends at any line terminator, a block comment must be closed, a lone slash is an error', () => {
  for (const end of ['\n', '\r', '\u2028', '\u2029']) agrees(`// c${end}1`);
  for (const text of ['// only', '1 // last', '/* x */1', '1/**/', '/* x', '1 /* x', '/ 1', '1 /', '/', '[1, /* a */ 2 // b\n]']) agrees(text);
  assert.equal(parseJson5('1 /* x').ok, false);
  assert.equal(parseJson5('// c\u20291').ok, true);
});

test('every string escape json5 reads, and those it refuses', () => {
  const cases = [
    '"\\b\\f\\n\\r\\t\\v\\0"', "'\\\"\\'\\\\\\/'", '"\\a\\c\\z\\%"', '"\\x41\\x7a\\xAf\\xfF"', '"\\u0041\\u00e9\\uABCD\\uabcd"',
    '"a\\\nb"', '"a\\\r\nb"', '"a\\\rb"', '"a\\\u2028b"', '"a\\\u2029b"', '"x\u2028y"', '"\\0"', "'\\0'", '"\\0x"',
    '"\\01"', '"\\1"', '"\\5"', '"\\9"', '"\\x4"', '"\\x4g"', '"\\xg4"', '"\\u004"', '"\\u00G1"', '"\\u0g41"', '"\\ug041"',
    '"\\u004g"', '"\\', '"\\"', '"abc', "'abc\"", '"a\nb"', '"a\rb"', '"', "''", '""', '"\'"', "'\"'",
  ];
  const warn = console.warn;
  console.warn = () => undefined; // json5 warns about U+2028 in strings
  try {
    for (const text of cases) agrees(text);
  } finally {
    console.warn = warn;
  }
  assert.equal(toValue(parseJson5('"\\x41\\u0042\\\r\nc\\q"').root!), 'ABcq');
});

test('every number form json5 reads, and those it refuses', () => {
  const cases = [
    '0', '-0', '+0', '7', '-7', '+7', '123', '0.5', '.5', '5.', '-.5', '+.5e1', '1e5', '1E5', '1e+5', '1e-5', '1.5E-2', '0e1', '0.0',
    '0x1F', '0X1f', '0xabcdef', '0xABCDEF', '-0x10', '+0x10', '0x0', 'Infinity', '-Infinity', '+Infinity', 'NaN', '-NaN', '+NaN',
    '00', '01', '01.5', '1.5.5', '.', '+', '-', '.e5', '1e', '1e+', '1E-', '0x', '0xg', '-0x', '0x1.5', 'Infinit', 'NaNx', 'x', '1x',
    '--1', '+-1', '0b1', '1_000', '9007199254740993', '1e400', '[1,2,]', '[,]', '[1 2]',
  ];
  for (const text of cases) agrees(text);
  assert.ok(Object.is(toValue(parseJson5('-0').root!), -0));
  assert.ok(Object.is(toValue(parseJson5('-0x0').root!), -0));
});

test('keys: identifiers with digits after the first letter, escapes, reserved words; not digits first', () => {
  const cases = [
    '{a1: 1}', '{_$9: 1}', '{$: 1}', '{_: 1}', '{Z: 1}', '{zZaA: 1}', '{1a: 1}', '{-a: 1}', '{a-b: 1}', '{a b: 1}', '{: 1}', '{a 1}',
    '{true: 1}', '{Infinity: 1}', '{"a": 1, \'b\': 2}', '{a: 1,, b: 2}', '{,}', '{a: 1 b: 2}', '{\\x61: 1}', '{a\\x61: 1}', '{\\u00: 1}',
    '{@: 1}', '{a@: 1}', '{`a`: 1}', '{[: 1}',
  ];
  for (const text of cases) agrees(text);
});

test('escaped and non-ASCII identifiers are flagged for json5 to confirm, and read as their text', () => {
  const flagged = (text: string) => { const r = parseJson5(text); return [r.ok, r.needsConfirmation, r.ok && toValue(r.root!)]; };
  assert.deepEqual(flagged('{\\u0061b: 1}'), [true, true, { ab: 1 }]);
  assert.deepEqual(flagged('{a\\u0031: 1}'), [true, true, { a1: 1 }]);
  assert.deepEqual(flagged('{café: 1}'), [true, true, { café: 1 }]);
  assert.deepEqual(flagged('{a\u200c: 1}'), [true, true, { 'a\u200c': 1 }]);
  assert.deepEqual(flagged('{\ud835\udc00: 1}'), [true, true, { '\ud835\udc00': 1 }], 'a letter outside the BMP');
  assert.deepEqual(flagged('{ab: 1}'), [true, false, { ab: 1 }]);
  // Refused outright: an escape that is no letter where a key starts, a \x escape, a non-letter first.
  assert.deepEqual(flagged('{\\u0031: 1}'), [false, false, false]);
  assert.deepEqual(flagged('{a\\u002d: 1}'), [false, false, false]);
  assert.deepEqual(flagged('{\\x61: 1}'), [false, false, false]);
  assert.deepEqual(flagged('{\u00b7: 1}'), [false, false, false]);
  assert.deepEqual(flagged('{a\u00d7: 1}'), [false, false, false], 'a non-ASCII character that is no part of a name ends the key');
});

/** Every node in document order, as [kind, its text], members as [key, its key's text, the whole member's text]. */
function ranges(text: string): unknown[] {
  const out: unknown[] = [];
  const walk = (n: ValueNode): void => {
    out.push([n.kind, text.slice(n.start, n.end)]);
    if (n.kind === 'object') for (const m of n.members) {
      out.push([m.key, text.slice(m.keyStart, m.keyEnd), text.slice(m.start, m.end)]);
      assert.equal(m.value.parent, n);
      walk(m.value);
    }
    if (n.kind === 'array') for (const it of n.items) { assert.equal(it.parent, n); walk(it); }
  };
  const r = parseJson5(text);
  assert.ok(r.ok, text);
  assert.equal(r.root!.parent, undefined);
  walk(r.root!);
  return out;
}

test('every node and member carries its exact source range, comments and blanks outside it', () => {
  const text = " /* c */ { 'a b': [ 1 , -0x1F ,'s\\'' ], c : { d: true, e :false,f:null }, // x\n g: +Infinity, h: NaN, i: .5e1, } ";
  assert.deepEqual(ranges(text), [
    ['object', text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)],
    ['a b', "'a b'", "'a b': [ 1 , -0x1F ,'s\\'' ]"],
    ['array', "[ 1 , -0x1F ,'s\\'' ]"],
    ['number', '1'], ['number', '-0x1F'], ['string', "'s\\''"],
    ['c', 'c', 'c : { d: true, e :false,f:null }'],
    ['object', '{ d: true, e :false,f:null }'],
    ['d', 'd', 'd: true'], ['boolean', 'true'],
    ['e', 'e', 'e :false'], ['boolean', 'false'],
    ['f', 'f', 'f:null'], ['null', 'null'],
    ['g', 'g', 'g: +Infinity'], ['number', '+Infinity'],
    ['h', 'h', 'h: NaN'], ['number', 'NaN'],
    ['i', 'i', 'i: .5e1'], ['number', '.5e1'],
  ]);
  assert.deepEqual(ranges('[[],{},""]'), [['array', '[[],{},""]'], ['array', '[]'], ['object', '{}'], ['string', '""']]);
  assert.deepEqual(ranges('{\\u0061: 1}'), [['object', '{\\u0061: 1}'], ['a', '\\u0061', '\\u0061: 1'], ['number', '1']]);
});

test('duplicates: every earlier occurrence is reported with its path, against the one that wins', () => {
  const text = '{ a: 1, b: { x: 1, x: 2 }, a: 2, a: 3 }';
  const r = parseJson5(text);
  const seen = r.duplicates.map((d) => [d.path, text.slice(d.member.start, d.member.end), text.slice(d.winner.start, d.winner.end)]);
  assert.deepEqual(seen, [[['b', 'x'], 'x: 1', 'x: 2'], [['a'], 'a: 1', 'a: 3'], [['a'], 'a: 2', 'a: 3']]);
  const inArray = parseJson5('[{ k: 1, k: 2 }]');
  assert.deepEqual(inArray.duplicates.map((d) => d.path), [[0, 'k']]);
  assert.deepEqual(parseJson5('{ a: { k: 1 }, b: { k: 1 } }').duplicates, [], 'the same key in two objects is no duplicate');
  assert.deepEqual(parseJson5('{ a: 1, a: 2 ').duplicates, [], 'a file that fails has none');
});

test('a file nested too deep for the stack fails instead of throwing', () => {
  // Balanced, so only the stack stands in the way (parseConfig refuses such a file before it gets here).
  const r = parseJson5('['.repeat(200000) + ']'.repeat(200000));
  assert.deepEqual(r, { duplicates: [], ok: false, needsConfirmation: false });
  assert.equal(parseJson5('1 2').ok, false, 'one value only');
  assert.equal(parseJson5('').ok, false);
});
