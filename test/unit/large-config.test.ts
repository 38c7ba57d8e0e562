// A config of 10 MB is checked whole, in a few seconds. Kept apart from validate.test.ts: the mutation run of
// validate/ runs that file for nearly every mutant, and this one case took most of its time there while it can only
// catch a crash or a slowdown, which the bench (npm run bench) measures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../language-server/src/validate/check';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';

test('a 10 MB config is checked without crashing, every one of its keys read', () => {
  const big = `{ gateway: { mode: 'local' }, env: { vars: { ${Array.from({ length: 200000 }, (_, i) => `K${i}: 'v${'x'.repeat(30)}'`).join(', ')} } } }`;
  assert.ok(big.length > 8_000_000);
  const r = checkText(big, bundledSchemaInUse());
  assert.deepEqual(r.diagnostics, []);
  assert.equal(Object.keys((r.value as { env: { vars: object } }).env.vars).length, 200000);
});
