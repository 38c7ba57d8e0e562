// Where the cursor stands in a config being typed (it rarely parses then): the path, whether a key or a value is
// expected, the word a completion replaces and the keys already there. Completion offers what this says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cursorContext, type CursorContext } from '../../language-server/src/parse/cursor';

/** The context with the cursor at the `|` of `marked` (the bar itself is not part of the text). */
function at(marked: string): CursorContext & { text: string; offset: number } {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { ...cursorContext(text, offset), text, offset };
}

function brief(marked: string): { path: (string | number)[]; expecting: string; word: string; inString: boolean } {
  const c = at(marked);
  return { path: c.path, expecting: c.expecting, word: c.text.slice(c.wordStart, c.offset), inString: c.inString };
}

test('in an empty file a value is expected, at the root', () => {
  assert.deepEqual(brief('|'), { path: [], expecting: 'value', word: '', inString: false });
  assert.deepEqual(brief('  tr|'), { path: [], expecting: 'value', word: 'tr', inString: false });
  assert.deepEqual(at('{ a: 1 }|').siblings, new Set());
});

test('after an opening brace or a comma a key is expected; after a colon its value', () => {
  assert.deepEqual(brief('{ |'), { path: [], expecting: 'key', word: '', inString: false });
  assert.deepEqual(brief('{ gateway: { mode: 1, po|'), { path: ['gateway'], expecting: 'key', word: 'po', inString: false });
  assert.deepEqual(brief('{ gateway: { mode: |'), { path: ['gateway', 'mode'], expecting: 'value', word: '', inString: false });
  assert.deepEqual(brief('{ gateway: { mode: lo|'), { path: ['gateway', 'mode'], expecting: 'value', word: 'lo', inString: false });
  assert.deepEqual(brief('{ gateway: { port: -1.5e|'), { path: ['gateway', 'port'], expecting: 'value', word: '-1.5e', inString: false });
});

test('a closed object is left behind: the key after it belongs to the outer object', () => {
  assert.deepEqual(brief('{ gateway: { mode: 1 }, |'), { path: [], expecting: 'key', word: '', inString: false });
  assert.deepEqual(brief('{ gateway: { mode: 1 } |'), { path: [], expecting: 'key', word: '', inString: false });
  assert.deepEqual(brief('{ list: [1, 2] |'), { path: [], expecting: 'key', word: '', inString: false });
  assert.deepEqual(brief('{ a: { b: { c: 1 } }, d: { |'), { path: ['d'], expecting: 'key', word: '', inString: false });
});

test('in an array the path ends in the element\'s index', () => {
  assert.deepEqual(brief('{ list: [|'), { path: ['list', 0], expecting: 'value', word: '', inString: false });
  assert.deepEqual(brief('{ list: [1, 2, |'), { path: ['list', 2], expecting: 'value', word: '', inString: false });
  assert.deepEqual(brief('{ list: [1, { a: 1 }, { |'), { path: ['list', 2], expecting: 'key', word: '', inString: false });
  assert.deepEqual(brief('{ list: [[1], [2, |'), { path: ['list', 1, 1], expecting: 'value', word: '', inString: false });
  assert.deepEqual(at('{ a: 1, list: [|').siblings, new Set(), 'an array has no sibling keys');
});

test('inside a string the word starts at its quote; quoted keys and escapes read as their text', () => {
  assert.deepEqual(brief('{ "gateway": { "mo|'), { path: ['gateway'], expecting: 'key', word: '"mo', inString: true });
  assert.deepEqual(brief("{ gateway: { bind: 'lo|"), { path: ['gateway', 'bind'], expecting: 'value', word: "'lo", inString: true });
  assert.deepEqual(brief('{ "a\\"b": { |'), { path: ['a"b'], expecting: 'key', word: '', inString: false });
  assert.deepEqual(brief("{ 'it\\'s': { |"), { path: ["it's"], expecting: 'key', word: '', inString: false });
  assert.deepEqual(brief('{ "x\\\\": { |'), { path: ['x\\'], expecting: 'key', word: '', inString: false });
  assert.deepEqual(brief('{ a: "}{,:", |'), { path: [], expecting: 'key', word: '', inString: false }, 'punctuation in a string is text');
  assert.deepEqual(brief('{ a: "x", b: |'), { path: ['b'], expecting: 'value', word: '', inString: false });
  // A string not closed on its line ends there (strings cannot hold a raw line break).
  assert.deepEqual(brief('{ a: "x\n  , b: |'), { path: ['b'], expecting: 'value', word: '', inString: false });
});

test('comments are skipped; inside one nothing is offered', () => {
  assert.deepEqual(brief('{ // a: {\n  |'), { path: [], expecting: 'key', word: '', inString: false });
  assert.deepEqual(brief('{ /* a: { */ |'), { path: [], expecting: 'key', word: '', inString: false });
  assert.deepEqual(brief('{ a: /* x */|'), { path: ['a'], expecting: 'value', word: '', inString: false }, 'right after the comment');
  assert.deepEqual(brief('{ a: { // b: |'), { path: ['a'], expecting: 'none', word: '', inString: false });
  assert.deepEqual(brief('{ a: { // b: |\n }'), { path: ['a'], expecting: 'none', word: '', inString: false });
  assert.deepEqual(brief('{ a: { /* b: |'), { path: ['a'], expecting: 'none', word: '', inString: false });
  assert.deepEqual(brief('{ a: { /* b: | */ }'), { path: ['a'], expecting: 'none', word: '', inString: false });
  assert.deepEqual(brief('{ a: { /* b: *|/ }'), { path: ['a'], expecting: 'none', word: '', inString: false });
  assert.deepEqual(at('{ a: 1, /* b: |').siblings, new Set());
  assert.deepEqual(brief('{ a: { /|'), { path: ['a'], expecting: 'key', word: '', inString: false }, 'a lone slash is not a comment yet');
});

test('a cursor past the end of the text stands at the end', () => {
  const c = cursorContext('{ a: { b', 50);
  assert.deepEqual(c.path, ['a']);
  assert.equal(c.expecting, 'key');
  assert.equal(c.wordStart, 7);
});

test('the siblings are the keys before and after the cursor in the same object, not those of nested ones', () => {
  const c = at('{ gateway: { mode: 1, "bind": 2, | port: 3, \'auth\': { token: 1 }, list: [{ inner: 1 }], tls: "x: y" }, other: 1 }');
  assert.deepEqual([...c.siblings].sort(), ['auth', 'bind', 'list', 'mode', 'port', 'tls']);
  const comments = at('{ a: 1, | /* b: 1 */ // c: 1\n d: 1 }');
  assert.deepEqual([...comments.siblings].sort(), ['a', 'd'], 'keys in comments are not keys');
  const quoted = at('{ a: 1, | "b\\"c": 1, e: "f: 1" }');
  assert.deepEqual([...quoted.siblings].sort(), ['a', 'b\\"c', 'e']);
  const nested = at('{ a: { | x: 1 }, y: 2 }');
  assert.deepEqual([...nested.siblings], ['x'], 'the closing brace ends the search');
  const value = at('{ a: { b: | }, c: 1 }');
  assert.deepEqual([...value.siblings], ['b']);
});

test('what follows the cursor does not move it: the context is that of the text before it', () => {
  assert.deepEqual(brief('{ gateway: {|} }'), { path: ['gateway'], expecting: 'key', word: '', inString: false });
  assert.deepEqual(brief('{ a: |, b: 1 }'), { path: ['a'], expecting: 'value', word: '', inString: false });
  assert.deepEqual(brief('{ a: [1, |] }'), { path: ['a', 1], expecting: 'value', word: '', inString: false });
  assert.deepEqual(brief('{ a: 1, |: 2 }'), { path: [], expecting: 'key', word: '', inString: false });
});

test('the word under the cursor starts where its token starts, also at the very start and in an array', () => {
  assert.equal(at('tr|').wordStart, 0);
  assert.equal(at('|').wordStart, 0);
  assert.equal(at('  |').wordStart, 2);
  assert.deepEqual(brief('{ list: [tr|'), { path: ['list', 0], expecting: 'value', word: 'tr', inString: false });
  assert.deepEqual(brief('{ list: ["a|'), { path: ['list', 0], expecting: 'value', word: '"a', inString: true });
});

test('a string that starts with "*" (a glob, an allow-all) is a string, not a comment', () => {
  assert.deepEqual(brief('{ allowFrom: ["*"], b: |'), { path: ['b'], expecting: 'value', word: '', inString: false });
  assert.deepEqual(brief("{ a: '*/', b: |"), { path: ['b'], expecting: 'value', word: '', inString: false });
});

test('comments at the start of a line, back to back, or opened with "/*/"', () => {
  assert.deepEqual(brief('{\n// c\n  |'), { path: [], expecting: 'key', word: '', inString: false });
  assert.deepEqual(brief('{ a: /* x *//* y */ |'), { path: ['a'], expecting: 'value', word: '', inString: false });
  assert.deepEqual(brief('{ /*/ a: { */ |'), { path: [], expecting: 'key', word: '', inString: false });
});

test('stray punctuation: a colon with no key, a comma or a value at the top level, nothing is offered and nothing breaks', () => {
  assert.deepEqual(brief('{ : |'), { path: [], expecting: 'none', word: '', inString: false });
  assert.deepEqual(brief(': |'), { path: [], expecting: 'value', word: '', inString: false });
  assert.deepEqual(brief(', |'), { path: [], expecting: 'value', word: '', inString: false });
  assert.deepEqual(brief('true |'), { path: [], expecting: 'value', word: '', inString: false });
  assert.deepEqual(brief('{ a: 1 } |'), { path: [], expecting: 'value', word: '', inString: false });
});

test('keys after the cursor: a blank before the colon, single-quoted values that look like keys or braces', () => {
  const c = at("{ a: 1, | port : 3, b: 'c: }', d: 'e {', f: 1 }");
  assert.deepEqual([...c.siblings].sort(), ['a', 'b', 'd', 'f', 'port']);
});
