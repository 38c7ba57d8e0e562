// Hostile input, functionally (times are figures for npm run bench, not for tests): the per-document cap with its
// summary, and a check that gives way to a newer version of the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../language-server/src/parse/tree';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';
import { capDiagnostics, MAX_DIAGNOSTICS } from '../../language-server/src/validate/cap';
import { checkParsed, checkParsedInSlices, checkText } from '../../language-server/src/validate/check';

const schema = bundledSchemaInUse();
const unknownKeys = (n: number) => `{\n${Array.from({ length: n }, (_, i) => `  "k${i}": ${i},`).join('\n')}\n}\n`;

test('a file with more problems than the cap gets the first ones and one summary of the rest, as severe as they are', () => {
  const all = checkText(unknownKeys(MAX_DIAGNOSTICS + 500), schema).diagnostics;
  assert.equal(all.length, MAX_DIAGNOSTICS + 500 + 1, 'every unknown key and the gateway.mode warning');
  const shown = capDiagnostics(all);
  assert.equal(shown.length, MAX_DIAGNOSTICS);
  const summary = shown[shown.length - 1];
  assert.equal(summary.code, 'more-problems');
  assert.equal(summary.severity, 'error');
  assert.match(summary.message, new RegExp(`^${all.length - (MAX_DIAGNOSTICS - 1)} more problems`));
  assert.deepEqual(capDiagnostics(all.slice(0, 10)), all.slice(0, 10), 'under the cap nothing changes');
});

test('repeated keys and tens of thousands of unknown keys are all reported, each on its own key', () => {
  const text = `{\n${Array.from({ length: 5000 }, () => '  "gateway": { "port": 1 },').join('\n')}\n  "zz": 1\n}\n`;
  const d = checkText(text, schema).diagnostics;
  assert.equal(d.filter((x) => x.code === 'duplicate-key').length, 4999);
  const unknown = d.find((x) => x.code === 'unknown-key')!;
  assert.equal(text.slice(unknown.start, unknown.end), '"zz"');
});

test('a check in slices gives the same findings as one in a piece', async () => {
  const parsed = parseConfig(JSON.stringify({ gateway: { port: 'x', bogus: 1 }, logging: { level: 'loud' }, zz: 1 }));
  const sliced = await checkParsedInSlices(parsed, schema, () => true, 0);
  assert.deepEqual(sliced?.diagnostics, checkParsed(parsed, schema).diagnostics);
});

test('a check that a newer version superseded stops at its next pause and reports nothing', async () => {
  const parsed = parseConfig(JSON.stringify({ gateway: { port: 'x' }, logging: {}, agents: {}, tools: {} }));
  let version = 1;
  const mine = version;
  let asked = 0;
  // The "editor" types while the check pauses: the version moves on after the first pause.
  const result = await checkParsedInSlices(parsed, schema, () => { asked++; version = 2; return version === mine; }, 0);
  assert.equal(result, undefined);
  assert.equal(asked, 1, 'the check went on after it learnt it was superseded');
});

test('a check in slices: a text that is no object answers at once, and one superseded while it ran gives nothing', async () => {
  for (const text of ['{', '[1]']) {
    const parsed = parseConfig(text);
    assert.deepEqual(await checkParsedInSlices(parsed, schema, () => false, 0), checkParsed(parsed, schema), text);
  }
  const parsed = parseConfig(JSON.stringify({ gateway: { mode: 'local' }, zz: 1 }));
  // A slice long enough for the whole check: no pause on the way, one question at the end.
  let asked = 0;
  const whole = await checkParsedInSlices(parsed, schema, () => { asked++; return true; }, 60_000);
  assert.deepEqual(whole?.diagnostics.map((d) => d.code), ['unknown-key']);
  assert.equal(asked, 1);
  assert.equal(await checkParsedInSlices(parsed, schema, () => false, 60_000), undefined, 'superseded by the time it finished');
});

test('a check with no time to spare pauses before every section and gives up at the first pause after it is superseded', async () => {
  const parsed = parseConfig(JSON.stringify({ gateway: { mode: 'local' }, logging: {}, agents: {}, tools: {} }));
  let asked = 0;
  const whole = await checkParsedInSlices(parsed, schema, () => { asked++; return true; }, -1);
  assert.deepEqual(whole?.diagnostics, checkParsed(parsed, schema).diagnostics);
  assert.ok(asked > 2, `asked ${asked} times: once per section and once at the end`);
  asked = 0;
  assert.equal(await checkParsedInSlices(parsed, schema, () => { asked++; return false; }, -1), undefined);
  assert.equal(asked, 1, 'nothing more was checked after the first pause');
});
