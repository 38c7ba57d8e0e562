// How unions, missing keys and nested keys are reported, word for word and with the text each mark covers: which
// branch of a union speaks for it (the only one still alive, else the one that got furthest, else none), literal
// branches merged into one list, a oneOf value that fits two branches, a missing key on the deepest key the file
// has, a did-you-mean with both fixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../language-server/src/validate/check';
import { schemaFromJson } from '../../language-server/src/schema/in-use';

const schema = schemaFromJson({
  type: 'object',
  additionalProperties: false,
  required: ['gateway'],
  properties: {
    gateway: { type: 'object', properties: { mode: { type: 'string' } } },
    lit: { anyOf: [{ const: 'a' }, { const: 'b' }, { enum: ['c', 'd'] }] },
    mixed: { oneOf: [{ const: 'a' }, { const: 1 }] },
    types: { anyOf: [{ type: 'string' }, { type: 'boolean' }] },
    deep: {
      anyOf: [
        { type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'number' } } } }, additionalProperties: false },
        { type: 'object', properties: { a: { type: 'string' }, c: { type: 'number' } }, additionalProperties: false },
      ],
    },
    tie: {
      anyOf: [
        { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, additionalProperties: false },
        { type: 'object', properties: { a: { type: 'number' }, c: { type: 'number' } }, additionalProperties: false },
      ],
    },
    live: { anyOf: [{ type: 'string', pattern: '^x' }, { type: 'number' }] },
    nest: { anyOf: [{ anyOf: [{ type: 'string', minLength: 3 }, { type: 'boolean' }] }, { type: 'number' }] },
    // oneOf becomes z.xor, which leaves the union rules to schemaDiagnostics: the one branch still alive, nested
    // unions first, and a value that fits two branches.
    xor: { oneOf: [{ type: 'string', pattern: '^x' }, { type: 'number' }] },
    xorTwoLive: { oneOf: [{ type: 'string', pattern: '^x' }, { type: 'string', minLength: 5 }] },
    xorNested: { oneOf: [{ anyOf: [{ type: 'number' }, { type: 'boolean' }] }, { type: 'string', pattern: '^x' }] },
    xorKey: { oneOf: [{ type: 'object', propertyNames: { pattern: '^a' }, additionalProperties: { type: 'number' } }, { type: 'object', properties: { a: { type: 'number' } }, additionalProperties: false }] },
    xorOverlap: { oneOf: [{ type: 'string' }, { type: 'string', minLength: 2 }] },
    // Literal branches merge only when each failed once, on the value itself.
    litOrObj: { anyOf: [{ const: 'a' }, { type: 'object', properties: { k: { const: 'x' } } }] },
    litTwice: { anyOf: [{ allOf: [{ enum: ['ab', 'xyz'] }, { type: 'string', minLength: 3 }] }, { const: 'c' }] },
    // Neither branch got into the value, so none words the union; in strOrObj the object did, so it does.
    litOrNum: { anyOf: [{ const: 'a' }, { type: 'number' }] },
    strOrObj: { anyOf: [{ type: 'string' }, { type: 'object', properties: { a: { type: 'number' } } }] },
    // No value fits these (a string that is an object): zod reports both halves, the wrong type first.
    never: { anyOf: [{ allOf: [{ type: 'string' }, { type: 'object', properties: { a: { type: 'number' } } }] }, { type: 'number' }] },
    never2: {
      anyOf: [
        { allOf: [{ type: 'string' }, { type: 'object', properties: { a: { type: 'number' } } }] },
        { allOf: [{ type: 'boolean' }, { type: 'object', properties: { a: { type: 'number' } } }] },
      ],
    },
    // Which branch words the union: the deepest issue counts, then fewer issues, then the first branch.
    fewer: { anyOf: [{ type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } } }, { type: 'object', properties: { a: { type: 'boolean' } } }] },
    first: { anyOf: [{ type: 'object', properties: { a: { type: 'number' } } }, { type: 'object', properties: { a: { type: 'boolean' } } }] },
    deeper: {
      anyOf: [
        { type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'number' } } }, c: { type: 'number' } } },
        { type: 'object', properties: { c: { type: 'boolean' } } },
      ],
    },
    // Both branches are closed objects: a key one of them lists can still be unknown to the one that speaks.
    conn: { anyOf: [{ type: 'object', properties: { port: { type: 'number' } }, additionalProperties: false }, { type: 'object', properties: { part: { type: 'string' } }, additionalProperties: false }] },
    req: { type: 'object', properties: { inner: { type: 'object', required: ['x'], properties: { x: { type: 'number' } } } } },
    arr: { type: 'array', items: { type: 'number' } },
    ref: { type: 'object', properties: { source: { type: 'string' }, provider: { type: 'string' }, id: { enum: ['a', 'b'] } } },
    rec: { type: 'object', additionalProperties: { type: 'object', properties: { kind: { type: 'number' } }, additionalProperties: false } },
  },
}, 'bundled', '2026.9.6');

// [config members after "gateway: { mode: 'local' }, ", [code, path, message, marked text] of each schema finding]
const CASES: [string, [string, string, string, string][]][] = [
  ["lit: 'z'", [['invalid-value', 'lit', '"lit" must be one of: "a", "b", "c", "d".', "'z'"]]],
  ["mixed: 'z'", [['invalid-value', 'mixed', '"mixed" must be one of: "a", 1.', "'z'"]]],
  ['types: 1', [['schema', 'types', '"types" matches none of the allowed shapes.', '1']]],
  // The branch that got furthest into the value words it; on a tie the one with fewer complaints.
  ["deep: { a: { b: 'x' } }", [['invalid-type', 'deep', '"deep.a.b" must be a number, not a string.', "'x'"]]],
  ["tie: { a: 'x', c: 1 }", [['invalid-type', 'tie', '"tie.a" must be a number, not a string.', "'x'"]]],
  ["tie: { a: 'x', b: 1 }", [['invalid-type', 'tie', '"tie.a" must be a number, not a string.', "'x'"]]],
  // A branch that failed only on a check that lets parsing go on is the union's own answer, nested unions too.
  ["live: 'y'", [['invalid-format', 'live', '"live" does not match the expected format (/^x/).', "'y'"]]],
  ["nest: 'ab'", [['out-of-range', 'nest', '"nest" must be at least 3 characters long.', "'ab'"]]],
  ["xor: 'y'", [['invalid-format', 'xor', '"xor" does not match the expected format (/^x/).', "'y'"]]],
  ["xorTwoLive: 'y'", [['schema', 'xorTwoLive', '"xorTwoLive" matches none of the allowed shapes.', "'y'"]]],
  ["xorNested: 'y'", [['invalid-format', 'xorNested', '"xorNested" does not match the expected format (/^x/).', "'y'"]]],
  // The record refuses the key, which stops parsing; the closed object only calls it unknown, which does not.
  ['xorKey: { b: 1 }', [['unknown-key', 'xorKey.b', 'Unknown key "b" in "xorKey": OpenClaw rejects the whole config. Did you mean "a"?', 'b']]],
  ["xorOverlap: 'ab'", [['schema', 'xorOverlap', '"xorOverlap" matches more than one of the allowed shapes; exactly one must match.', "'ab'"]]],
  ["litOrObj: { k: 'y' }", [['invalid-value', 'litOrObj', '"litOrObj.k" must be one of: "x".', "'y'"]]],
  ["litTwice: 'z'", [['schema', 'litTwice', '"litTwice" matches none of the allowed shapes.', "'z'"]]],
  ["litOrNum: 'z'", [['schema', 'litOrNum', '"litOrNum" matches none of the allowed shapes.', "'z'"]]],
  ["strOrObj: { a: 'x' }", [['invalid-type', 'strOrObj', '"strOrObj.a" must be a number, not a string.', "'x'"]]],
  ["never: { a: 'x' }", [['invalid-type', 'never', '"never" must be a string, not an object.', "{ a: 'x' }"]]],
  ["never2: { a: 'x' }", [['invalid-type', 'never2', '"never2" must be a string, not an object.', "{ a: 'x' }"]]],
  ["fewer: { a: 'x', b: 'y' }", [['invalid-type', 'fewer', '"fewer.a" must be a boolean, not a string.', "'x'"]]],
  ["first: { a: 'x' }", [['invalid-type', 'first', '"first.a" must be a number, not a string.', "'x'"]]],
  ["deeper: { a: { b: 'x' }, c: 'y' }", [['invalid-type', 'deeper', '"deeper.a.b" must be a number, not a string.', "'x'"]]],
  // The second branch fails on a type, so the first speaks; "part" is never offered as its own rename.
  ['conn: { port: 1, part: 1 }', [['unknown-key', 'conn.part', 'Unknown key "part" in "conn": OpenClaw rejects the whole config. Did you mean "port"?', 'part']]],
  ['req: { inner: {} }', [['invalid-type', 'req.inner.x', '"req.inner.x" is required.', 'inner']]],
  ["arr: [1, 'x']", [['invalid-type', 'arr.1', '"arr.1" must be a number, not a string.', "'x'"]]],
  ['arr: -Infinity', [['invalid-type', 'arr', '"arr" must be an array, not -Infinity.', '-Infinity']]],
  ['arr: NaN', [['invalid-type', 'arr', '"arr" must be an array, not NaN.', 'NaN']]],
  ["rec: { a: { kind: 'x' }, b: { knid: 1 } }", [
    ['invalid-type', 'rec.a.kind', '"rec.a.kind" must be a number, not a string.', "'x'"],
    ['unknown-key', 'rec.b.knid', 'Unknown key "knid" in "rec.b": OpenClaw rejects the whole config. Did you mean "kind"?', 'knid'],
  ]],
];

for (const [members, expected] of CASES) {
  test(`${members} → ${expected.map((e) => e[2]).join(' ')}`, () => {
    const text = `{ gateway: { mode: 'local' }, ${members} }`;
    const found = checkText(text, schema).diagnostics.map((d) => [d.code, d.path, d.message, text.slice(d.start, d.end)]);
    assert.deepEqual(found, expected);
  });
}

test('an unknown key offers the rename to its closest known key first, then its removal', () => {
  const text = "{ gateway: { mode: 'local' }, rec: { b: { knid: 1, zzzzzz: 2 } } }";
  const ds = checkText(text, schema).diagnostics;
  assert.deepEqual(ds.map((d) => d.fixes), [
    [{ kind: 'rename-key', path: 'rec.b.knid', to: 'kind' }, { kind: 'remove-key', path: 'rec.b.knid' }],
    [{ kind: 'remove-key', path: 'rec.b.zzzzzz' }],
  ]);
  assert.deepEqual(ds.map((d) => d.severity), ['error', 'error']);
});

test('a key missing at the top level is marked on the opening brace', () => {
  const text = "  { lit: 'a' }";
  const ds = checkText(text, schema).diagnostics;
  assert.deepEqual(ds.map((d) => [d.code, d.path, d.message, d.start, d.end]), [
    ['invalid-type', 'gateway', '"gateway" is required.', 2, 3],
    ['gateway-mode-missing', '', '"gateway.mode" is not set: the config validates, but the gateway refuses to start (exit 78). Set it to "local" or "remote".', 2, 3],
  ]);
});

test('a SecretRef id the schema already refuses by value is reported once, by the schema', () => {
  const text = "{ gateway: { mode: 'local' }, ref: { source: 'file', provider: 'p', id: 'c' } }";
  assert.deepEqual(checkText(text, schema).diagnostics.map((d) => [d.code, d.path]), [['invalid-value', 'ref.id']]);
  const allowed = "{ gateway: { mode: 'local' }, ref: { source: 'file', provider: 'p', id: 'a' } }";
  assert.deepEqual(checkText(allowed, schema).diagnostics.map((d) => [d.code, d.path]), [['invalid-format', 'ref.id']], 'allowed by the schema, still no JSON pointer');
});
