// Type names in Italian. Each JSON type is a whole phrase with its article ("una stringa", "un intero"), and a
// type name schemaDiagnostics has no phrase for is spelled as zod spells it, in English: only a translated
// message tells the two apart, so every type is checked here, as the expected type and as the value's. (Each test
// file runs in its own process, so the bundle loaded here does not leak into the English tests.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { bundleFromEnv, useBundle } from '../../language-server/src/l10n';
import { checkText } from '../../language-server/src/validate/check';
import { schemaFromJson } from '../../language-server/src/schema/in-use';
import { REPO } from '../support/paths';

const bundle = bundleFromEnv({ LANG: 'it_IT.UTF-8' }, path.join(REPO, 'l10n'));
assert.ok(bundle, 'the Italian bundle loads');
useBundle(bundle);

const schema = schemaFromJson({
  type: 'object',
  additionalProperties: false,
  properties: {
    gateway: { type: 'object', properties: { mode: { type: 'string' } } },
    name: { type: 'string' },
    count: { type: 'integer' },
    ratio: { type: 'number' },
    flag: { type: 'boolean' },
    obj: { type: 'object' },
    arr: { type: 'array' },
    paired: { type: 'object', allOf: [{ if: { required: ['a'] }, then: { required: ['b'] } }] },
    combo: { type: 'object', not: { required: ['m'], properties: { m: { const: 'x' } } } },
    few: { type: 'object', minProperties: 2 },
    tags: { type: 'array', uniqueItems: true },
  },
}, 'bundled', '2026.9.6');

// [config members after "gateway: { mode: 'local' }, ", the message]
const CASES: [string, string][] = [
  ['name: 5', '"name" deve essere una stringa, non un intero.'],
  ['count: 1.5', '"count" deve essere un intero, non un numero.'],
  ['ratio: true', '"ratio" deve essere un numero, non un booleano.'],
  ['flag: {}', '"flag" deve essere un booleano, non un oggetto.'],
  ['obj: []', '"obj" deve essere un oggetto, non un array.'],
  ["arr: 'x'", '"arr" deve essere un array, non una stringa.'],
  ['name: null', '"name" deve essere una stringa, non null.'],
];

for (const [members, message] of CASES) {
  test(`${members} → ${message}`, () => {
    const text = `{ gateway: { mode: 'local' }, ${members} }`;
    assert.deepEqual(checkText(text, schema).diagnostics.map((d) => [d.code, d.message]), [['invalid-type', message]]);
  });
}

test('the rules between settings, key counts and repeated items, in Italian', () => {
  const cases: [string, string][] = [
    ['paired: { a: 1 }', '"paired" richiede "b" quando ha "a".'],
    ["combo: { m: 'x' }", '"combo" non può avere tutti questi valori insieme: m: "x".'],
    ['few: { a: 1 }', '"few" deve avere almeno 2 chiavi.'],
    ["tags: ['a', 'a']", 'L\'elemento 1 di "tags" ripete l\'elemento 0; ogni elemento può comparire una sola volta.'],
  ];
  for (const [members, message] of cases) {
    assert.deepEqual(checkText(`{ gateway: { mode: 'local' }, ${members} }`, schema).diagnostics.map((d) => d.message), [message], members);
  }
});
