// The per-document cap at small sizes, where each boundary shows: which findings are kept (errors first, then by
// place in the file), what the summary counts, and how severe it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capDiagnostics } from '../../language-server/src/validate/cap';
import type { ConfigDiagnostic, Severity } from '../../language-server/src/validate/diagnostic';

const d = (severity: Severity, start: number): ConfigDiagnostic => ({ severity, code: `${severity}@${start}`, message: '', path: '', start, end: start + 1 });
const shown = (list: ConfigDiagnostic[]) => list.map((x) => x.code === 'more-problems' ? `${x.severity} summary: ${x.message}` : x.code);

test('exactly at the cap nothing is dropped and no summary is added', () => {
  const list = [d('warning', 5), d('error', 9), d('information', 1)];
  assert.equal(capDiagnostics(list, 3), list, 'the same list, in its own order');
});

test('one over the cap: the worst and earliest are kept, the rest counted in one summary', () => {
  const list = [d('information', 1), d('warning', 8), d('error', 30), d('warning', 2), d('error', 4)];
  assert.deepEqual(shown(capDiagnostics(list, 4)), ['error@4', 'error@30', 'warning@2', 'warning summary: 2 more problems in this file are not listed (3 are).']);
});

test('the summary is as severe as the worst finding it hides', () => {
  const errors = [d('error', 3), d('error', 1), d('error', 2), d('error', 0)];
  assert.deepEqual(shown(capDiagnostics(errors, 3)), ['error@0', 'error@1', 'error summary: 2 more problems in this file are not listed (2 are).']);
  const mixed = [d('error', 10), d('information', 7), d('information', 0), d('information', 5)];
  assert.deepEqual(shown(capDiagnostics(mixed, 3)), ['error@10', 'information@0', 'information summary: 2 more problems in this file are not listed (2 are).']);
  const summary = capDiagnostics(mixed, 3)[2];
  assert.deepEqual([summary.path, summary.start, summary.end], ['', 0, 0]);
});

test('the caller\'s list is left as it was', () => {
  const list = [d('warning', 2), d('error', 1), d('warning', 0)];
  const before = list.map((x) => x.code);
  capDiagnostics(list, 2);
  assert.deepEqual(list.map((x) => x.code), before);
});
