// A short fixed-seed run of the fuzzer (the long one is `npm run fuzz -- --count N`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFailure, MUTATION_KINDS, runFuzz, summaryLine } from './fuzz-core';

test('60 mutated configs: the server stays up, answers in time and keeps every range inside the document', { timeout: 120000 }, async () => {
  const report = await runFuzz({ count: 60, seed: 1 });
  console.log(summaryLine(report));
  assert.equal(report.inputs, 60);
  assert.deepEqual(MUTATION_KINDS.filter((k) => !report.ops[k]), [], 'every kind of mutation ran at least once');
  assert.deepEqual(report.failures.map((f) => formatFailure(report.seed, f)), []);
});
