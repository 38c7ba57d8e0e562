// Every kind of schema issue, word for word, with the text it is marked on: a table over a schema of our own that
// has each JSON Schema constraint once (lengths, bounds inclusive and exclusive, multiples, patterns, formats,
// enums, item and key counts, unique items, unions, record keys, required keys, the rules that tie settings
// together, every type a value can wrongly have).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../language-server/src/validate/check';
import { schemaFromJson } from '../../language-server/src/schema/in-use';
import type { JsonSchema } from '../../language-server/src/schema/json-schema';

const JSON_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    gateway: { type: 'object', properties: { mode: { type: 'string' } } },
    name: { type: 'string', maxLength: 5, minLength: 2 },
    initial: { type: 'string', maxLength: 1, minLength: 1 },
    count: { type: 'integer', minimum: 1, maximum: 10 },
    ratio: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
    step: { type: 'number', multipleOf: 5 },
    id: { type: 'string', pattern: '^[a-z]+$' },
    mode: { type: 'string', enum: ['a', 'b'] },
    list: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 3 },
    one: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 1 },
    shape: {
      anyOf: [
        { type: 'object', properties: { kind: { const: 'x' }, x: { type: 'number' } }, required: ['kind'], additionalProperties: false },
        { type: 'object', properties: { kind: { const: 'y' }, y: { type: 'string' } }, required: ['kind'], additionalProperties: false },
      ],
    },
    either: { anyOf: [{ type: 'string' }, { type: 'number' }] },
    keys: { type: 'object', propertyNames: { pattern: '^[a-z]+$' }, additionalProperties: { type: 'number' } },
    req: { type: 'object', properties: { must: { type: 'string' } }, required: ['must'] },
    obj: { type: 'object' },
    flag: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    few: { type: 'object', minProperties: 2, maxProperties: 3 },
    lone: { type: 'object', minProperties: 1, maxProperties: 1 },
    paired: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, allOf: [{ if: { required: ['a'] }, then: { required: ['b'] } }] },
    combo: {
      type: 'object',
      properties: { m: { type: 'string' }, inner: { type: 'object', properties: { s: { type: 'string' } } } },
      not: { required: ['m', 'inner'], properties: { m: { const: 'x' }, inner: { required: ['s'], properties: { s: { const: 'y' } } } } },
    },
    nope: { type: 'object', not: { required: ['z'] } },
    branch: {
      type: 'object',
      properties: { k: { type: 'string' }, n: { type: 'number' } },
      if: { required: ['k'], properties: { k: { const: 'num' } } }, then: { properties: { n: { minimum: 10 } } }, else: { required: ['k'] },
    },
  },
};
const schema = schemaFromJson(JSON_SCHEMA, 'bundled', '2026.9.6');

// [config text after "{ gateway: { mode: 'local' }, ", code, path, message, the text the diagnostic marks]
const CASES: [string, string, string, string, string][] = [
  ["name: 'toolong'", 'out-of-range', 'name', '"name" must be at most 5 characters long.', "'toolong'"],
  ["name: 'a'", 'out-of-range', 'name', '"name" must be at least 2 characters long.', "'a'"],
  ["initial: 'ab'", 'out-of-range', 'initial', '"initial" must be at most 1 character long.', "'ab'"],
  ["initial: ''", 'out-of-range', 'initial', '"initial" must be at least 1 character long.', "''"],
  ['count: 0', 'out-of-range', 'count', '"count" must be at least 1.', '0'],
  ['count: 11', 'out-of-range', 'count', '"count" must be at most 10.', '11'],
  ['ratio: 1', 'out-of-range', 'ratio', '"ratio" must be less than 1.', '1'],
  ['ratio: 0', 'out-of-range', 'ratio', '"ratio" must be more than 0.', '0'],
  ['step: 7', 'schema', 'step', '"step" must be a multiple of 5.', '7'],
  ["id: 'A1'", 'invalid-format', 'id', '"id" does not match the expected format (/^[a-z]+$/).', "'A1'"],
  ["mode: 'c'", 'invalid-value', 'mode', '"mode" must be one of: "a", "b".', "'c'"],
  ["list: ['a']", 'out-of-range', 'list', '"list" must have at least 2 items.', "['a']"],
  ["list: ['a', 'b', 'c', 'd']", 'out-of-range', 'list', '"list" must have at most 3 items.', "['a', 'b', 'c', 'd']"],
  ['one: []', 'out-of-range', 'one', '"one" must have at least 1 item.', '[]'],
  ["one: ['a', 'b']", 'out-of-range', 'one', '"one" must have at most 1 item.', "['a', 'b']"],
  // The branch the value was meant for words it; OpenClaw reports it on the union, and so does the path.
  ["shape: { kind: 'x', x: 'no' }", 'invalid-type', 'shape', '"shape.x" must be a number, not a string.', "'no'"],
  ['either: true', 'schema', 'either', '"either" matches none of the allowed shapes.', 'true'],
  ['keys: { ABC: 1 }', 'schema', 'keys.ABC', '"keys.ABC" has a key that is not allowed here.', 'ABC'],
  ['req: {}', 'invalid-type', 'req.must', '"req.must" is required.', 'req'],
  ["obj: 'str'", 'invalid-type', 'obj', '"obj" must be an object, not a string.', "'str'"],
  // OpenClaw reports a repeated item on the array; the mark stays on the item that repeats.
  ["tags: ['a', 'b', 'a']", 'repeated-item', 'tags', 'Item 2 of "tags" repeats item 0; each item may appear only once.', "'a'"],
  ['few: { a: 1 }', 'out-of-range', 'few', '"few" must have at least 2 keys.', '{ a: 1 }'],
  ['few: { a: 1, b: 2, c: 3, d: 4 }', 'out-of-range', 'few', '"few" must have at most 3 keys.', '{ a: 1, b: 2, c: 3, d: 4 }'],
  ['lone: {}', 'out-of-range', 'lone', '"lone" must have at least 1 key.', '{}'],
  ['lone: { a: 1, b: 2 }', 'out-of-range', 'lone', '"lone" must have at most 1 key.', '{ a: 1, b: 2 }'],
  // A broken rule between settings is marked on the key of the object that holds them.
  ["paired: { a: 'x' }", 'settings-rule', 'paired', '"paired" needs "b" when it has "a".', 'paired'],
  ["combo: { m: 'x', inner: { s: 'y' } }", 'settings-rule', 'combo', '"combo" cannot have all of these at once: m: "x", inner.s: "y".', 'combo'],
  ['nope: { z: 1 }', 'settings-rule', 'nope', '"nope" has a combination of values that OpenClaw does not allow.', 'nope'],
  ["branch: { k: 'num', n: 5 }", 'settings-rule', 'branch', '"branch" does not meet a rule that ties its settings together.', 'branch'],
  ['branch: { n: 5 }', 'settings-rule', 'branch', '"branch" does not meet a rule that ties its settings together.', 'branch'],
  ['obj: []', 'invalid-type', 'obj', '"obj" must be an object, not an array.', '[]'],
  ['obj: true', 'invalid-type', 'obj', '"obj" must be an object, not a boolean.', 'true'],
  ['name: null', 'invalid-type', 'name', '"name" must be a string, not null.', 'null'],
  ['name: 5', 'invalid-type', 'name', '"name" must be a string, not an integer.', '5'],
  ['name: 2.5', 'invalid-type', 'name', '"name" must be a string, not a number.', '2.5'],
  ['count: 1.5', 'invalid-type', 'count', '"count" must be an integer, not a number.', '1.5'],
  ['count: Infinity', 'invalid-type', 'count', '"count" must be a number, not Infinity.', 'Infinity'],
  ['flag: {}', 'invalid-type', 'flag', '"flag" must be a boolean, not an object.', '{}'],
  ['nmae: 1', 'unknown-key', 'nmae', 'Unknown key "nmae" in the top level: OpenClaw rejects the whole config. Did you mean "name"?', 'nmae'],
  ['zzzzzz: 1', 'unknown-key', 'zzzzzz', 'Unknown key "zzzzzz" in the top level: OpenClaw rejects the whole config.', 'zzzzzz'],
];

for (const [member, code, path, message, marked] of CASES) {
  test(`${member} → ${message}`, () => {
    const text = `{ gateway: { mode: 'local' }, ${member} }`;
    const found = checkText(text, schema).diagnostics.map((d) => [d.code, d.path, d.message, text.slice(d.start, d.end)]);
    assert.deepEqual(found, [[code, path, message, marked]]);
  });
}

test('a rule that is kept gives no diagnostic: each branch of an if, a refused combination one value off', () => {
  for (const member of ["paired: { a: 'x', b: 'y' }", "paired: { b: 'y' }", "combo: { m: 'x', inner: { s: 'z' } }", "combo: { m: 'x' }", 'nope: { y: 1 }', "branch: { k: 'num', n: 10 }", "branch: { k: 'str', n: 5 }"]) {
    assert.deepEqual(checkText(`{ gateway: { mode: 'local' }, ${member} }`, schema).diagnostics, [], member);
  }
});

test('a config that is no object at all', () => {
  const found = checkText('[]', schema).diagnostics.map((d) => [d.code, d.message]);
  assert.deepEqual(found, [['invalid-type', 'An OpenClaw config must be an object ({ ... }).']]);
});
