// The rules zod cannot express (if/then/else, not), judged with JSON Schema's meaning, and found wherever they sit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conditionIssues, matches, unjudgedRules } from '../../language-server/src/schema/conditions';
import type { JsonSchema } from '../../language-server/src/schema/json-schema';

const yes = (schema: JsonSchema | boolean, value: unknown, root: JsonSchema = {}) => matches(root, schema, value, 0);

test('matches: each keyword as JSON Schema defines it', () => {
  const table: [JsonSchema | boolean, unknown, boolean][] = [
    [true, 1, true], [false, 1, false],
    // Keywords about objects, strings, numbers or arrays say nothing of another kind of value.
    [{ required: ['a'] }, 'text', true], [{ required: ['a'] }, {}, false], [{ required: ['a'] }, { a: null }, true],
    [{ properties: { a: { const: 1 } } }, 5, true], [{ properties: { a: { const: 1 } } }, { a: 2 }, false], [{ properties: { a: { const: 1 } } }, {}, true],
    [{ minLength: 2 }, 7, true], [{ minimum: 3 }, 'x', true], [{ minItems: 1 }, {}, true],
    [{ const: { a: [1, { b: 2 }] } }, { a: [1, { b: 2 }] }, true], [{ const: { a: [1, { b: 2 }] } }, { a: [1, { b: 3 }] }, false],
    [{ const: { a: 1 } }, { a: 1, b: 2 }, false], [{ const: [1, 2] }, [1, 2, 3], false], [{ const: 1 }, '1', false],
    [{ enum: ['a', 2] }, 2, true], [{ enum: ['a', 2] }, 'b', false],
    [{ type: 'integer' }, 2, true], [{ type: 'integer' }, 2.5, false], [{ type: 'number' }, 2.5, true], [{ type: 'object' }, [], false],
    [{ type: 'array' }, [], true], [{ type: 'null' }, null, true], [{ type: 'object' }, null, false], [{ type: ['string', 'null'] }, null, true],
    [{ type: 'string' }, 'a', true], [{ type: 'boolean' }, 0, false],
    [{ minimum: 3 }, 3, true], [{ exclusiveMinimum: 3 }, 3, false], [{ maximum: 3 }, 3, true], [{ exclusiveMaximum: 3 }, 3, false], [{ maximum: 3 }, 4, false],
    // Lengths count characters, not UTF-16 units; patterns are Unicode.
    [{ maxLength: 1 }, '😀', true], [{ minLength: 2 }, '😀', false], [{ pattern: '^.$' }, '😀', true], [{ pattern: '^[a-z]+$' }, 'A', false],
    [{ minItems: 2 }, [1], false], [{ maxItems: 1 }, [1, 2], false], [{ items: { type: 'string' } }, ['a', 1], false],
    [{ items: [{ const: 1 }, { const: 2 }] }, [1, 2, 3], true], [{ items: [{ const: 1 }, { const: 2 }] }, [2], false],
    [{ minProperties: 1 }, {}, false], [{ maxProperties: 1 }, { a: 1, b: 2 }, false],
    [{ additionalProperties: false, properties: { a: {} } }, { a: 1 }, true], [{ additionalProperties: false, properties: { a: {} } }, { b: 1 }, false],
    [{ patternProperties: { '^x': { type: 'number' } }, additionalProperties: false }, { x1: 1 }, true],
    [{ patternProperties: { '^x': { type: 'number' } }, additionalProperties: false }, { x1: 'no' }, false],
    [{ patternProperties: { '^x': { type: 'number' } }, additionalProperties: false }, { y: 1 }, false],
    [{ allOf: [{ minimum: 1 }, { maximum: 2 }] }, 3, false], [{ anyOf: [{ const: 1 }, { const: 2 }] }, 2, true], [{ anyOf: [{ const: 1 }] }, 2, false],
    [{ oneOf: [{ minimum: 1 }, { maximum: 5 }] }, 3, false], [{ oneOf: [{ minimum: 1 }, { maximum: 5 }] }, 7, true], [{ oneOf: [{ minimum: 1 }] }, 0, false],
    [{ not: { const: 1 } }, 1, false], [{ not: { const: 1 } }, 2, true],
    [{ if: { const: 1 }, then: { type: 'string' } }, 1, false], [{ if: { const: 1 }, then: { type: 'string' } }, 2, true],
    [{ if: { const: 1 }, else: { type: 'string' } }, 2, false], [{ if: { const: 1 }, else: { type: 'string' } }, 1, true],
  ];
  for (const [schema, value, expected] of table) assert.equal(yes(schema, value), expected, `${JSON.stringify(schema)} ← ${JSON.stringify(value)}`);
  const root: JsonSchema = { definitions: { one: { const: 1 } } };
  assert.equal(yes({ $ref: '#/definitions/one' }, 1, root), true);
  assert.equal(yes({ $ref: '#/definitions/one' }, 2, root), false);
});

const paired: JsonSchema = { type: 'object', if: { required: ['a'] }, then: { required: ['b'] } };
const refused: JsonSchema = { type: 'object', not: { required: ['m'], properties: { m: { const: 'x' } } } };

test('a broken rule is an issue at the object it sits on, wherever that object is', () => {
  const root: JsonSchema = {
    type: 'object',
    properties: {
      top: paired,
      map: { type: 'object', additionalProperties: refused },
      list: { type: 'array', items: paired },
      tuple: { type: 'array', items: [{}, paired] },
      viaRef: { $ref: '#/definitions/paired' },
      patterned: { type: 'object', patternProperties: { '^p': paired } },
      both: { allOf: [paired, refused] },
    },
    definitions: { paired },
  };
  const value = {
    top: { a: 1 }, map: { ok: { m: 'y' }, bad: { m: 'x' } }, list: [{ a: 1, b: 2 }, { a: 1 }], tuple: [{ a: 1 }, { a: 1 }],
    viaRef: { a: 1 }, patterned: { p1: { a: 1 }, q: { a: 1 } }, both: { a: 1, m: 'x' },
  };
  const found = conditionIssues(root, root, value, ['cfg']).map((i) => [i.path.join('.'), (i as unknown as { params: { rule: string } }).params.rule]);
  assert.deepEqual(found, [
    ['cfg.top', 'then'], ['cfg.map.bad', 'not'], ['cfg.list.1', 'then'], ['cfg.tuple.1', 'then'], ['cfg.viaRef', 'then'], ['cfg.patterned.p1', 'then'],
    ['cfg.both', 'then'], ['cfg.both', 'not'],
  ]);
});

test('inside a union only the branch the value fits speaks; a rule with a keyword not judged here says nothing', () => {
  const union: JsonSchema = { anyOf: [{ type: 'string' }, { type: 'object', properties: { inner: paired } }] };
  assert.deepEqual(conditionIssues({}, union, { inner: { a: 1 } }, []).map((i) => i.path.join('.')), ['inner']);
  assert.deepEqual(conditionIssues({}, union, 'text', []), []);
  const unjudged: JsonSchema = { type: 'object', not: { properties: { a: { format: 'email' } } } };
  assert.deepEqual(conditionIssues({}, unjudged, { a: 'x@y.z' }, []), []);
  assert.equal(unjudgedRules({ properties: { u: unjudged, p: paired, r: refused } }), 1);
  assert.equal(unjudgedRules({ properties: { p: paired, r: refused } }), 0);
  // A pattern that is no regular expression names no key and leaves a rule written with it unjudged, never a throw.
  assert.deepEqual(conditionIssues({}, { type: 'object', patternProperties: { '(': paired } }, { '(': { a: 1 } }, []), []);
  assert.deepEqual(conditionIssues({}, { type: 'object', not: { properties: { a: { pattern: '(' } } } }, { a: 'x' }, []), []);
  // Config key names that read like keywords are names, not rules.
  assert.deepEqual(conditionIssues({}, { type: 'object', properties: { not: { type: 'object' }, if: { type: 'string' } } }, { not: {}, if: 'x' }, []), []);
});
