// Every section of the schema, not only the ones someone thought of: configs generated from the committed schema
// data (an unknown key, a wrong type, a value outside an enum or pattern or format, a value past a bound, a missing
// required key, a record key its pattern refuses, and a valid config for each top-level section and each plugin's
// and channel's schema), each compared with `openclaw config validate --json`, with the committed data and with the
// CLI's own schema: the same verdict and the same set of places.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';
import { cliIssuePaths } from './cli-tools';
import { CASE_KINDS, CorpusBuilder, type CorpusFile } from './schema-corpus';
import { agrees, assertSameAnswer, corpusOnDisk, describeCli, testBothSchemas, testOpenclawAnswers } from './verdicts';

/** Where we do not agree with OpenClaw yet, each subject in a file of its own. Each must still disagree: once it
 *  agrees, it leaves this list, so the list stays true. */
const KNOWN_DISAGREEMENTS = new Map<string, string>([
  ...CASE_KINDS.map((k) => [`channel qa-channel/${k}`, 'the CLI lists qa-channel in its schema but rejects the id itself ("unknown channel id")'] as [string, string]),
  ['worktreeRoot/valid', 'OpenClaw requires an absolute or ~ path, a check outside its JSON Schema that we lack'],
]);

const builder = new CorpusBuilder(bundledSchemaInUse().json);
const FILES: CorpusFile[] = builder.files(8, new Set([...KNOWN_DISAGREEMENTS.keys()].map((k) => k.split('/')[0])));
const SECTIONS = Object.keys(bundledSchemaInUse().json.properties ?? {});
const knownIn = (f: CorpusFile) => f.cases.map((c) => KNOWN_DISAGREEMENTS.get(`${c.subject}/${c.kind}`)).find(Boolean);

const disk = corpusOnDisk(FILES, 'openclaw-sections-');

test('the generated corpus covers all 44 sections, the plugin and channel schemas, and every kind of case', () => {
  assert.equal(SECTIONS.length, 44);
  const cases = FILES.flatMap((f) => f.cases);
  for (const section of SECTIONS) assert.ok(cases.some((c) => c.subject === section), `no case for section ${section}`);
  assert.ok(cases.some((c) => c.subject.startsWith('plugin ')), 'no case for a plugin schema');
  assert.ok(cases.some((c) => c.subject.startsWith('channel ')), 'no case for a channel schema');
  // Fewer objects require a key, fewer strings have a format and fewer records a key pattern than nodes hold a
  // bound: OpenClaw 2026.9 gives 22 subjects with a required key, 11 with a format and 9 with a key pattern.
  const least: Partial<Record<(typeof CASE_KINDS)[number], number>> = { 'missing-required': 20, 'wrong-format': 10, 'bad-key': 8 };
  for (const kind of CASE_KINDS) {
    const subjects = new Set(cases.filter((c) => c.kind === kind).map((c) => c.subject));
    assert.ok(subjects.size >= (least[kind] ?? 40), `only ${subjects.size} subjects have a ${kind} case`);
  }
  // A few hundred cases, eight to a file, in at most ~100 files keeps the CLI's share (over a second a file) to a minute or two.
  assert.ok(FILES.length <= 100, `${FILES.length} files: batch more cases per file`);
});

testOpenclawAnswers('OpenClaw rejects every generated error and accepts the generated valid configs', disk, (f, a) => {
  if (knownIn(f)) return;
  assert.equal(a.valid, f.kind === 'valid', `${f.name} (${f.cases.map((c) => c.subject).join(', ')})\n${describeCli(a)}`);
  if (f.kind === 'valid') return;
  // Every case of the file is found by OpenClaw at its own place (or inside it), so none is a dud.
  const paths = cliIssuePaths(a.issues ?? []);
  for (const c of f.cases) {
    const parent = c.kind === 'unknown-key' ? `${c.at}.zzUnknownKey` : c.at!;
    assert.ok(paths.some((p) => p === parent || p.startsWith(`${parent}.`) || parent.startsWith(`${p}.`)), `OpenClaw did not report ${c.subject}'s ${c.kind} at ${parent}\n${describeCli(a)}`);
  }
});

testBothSchemas('every section agrees with openclaw config validate', disk, (f, sides) => {
  const known = knownIn(f);
  if (!known) assertSameAnswer(sides);
  else assert.ok(!agrees(sides), `${f.name} agrees now: take it off the known disagreements (${known})\n${sides.both}`);
});

test.after(disk.remove);
