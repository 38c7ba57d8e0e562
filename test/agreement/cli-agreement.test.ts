// Our checker against the real `openclaw config validate --json` on every config of test/corpus, with both schemas
// the checker can use: the bundled zod schema and the CLI's own (`--openclaw`). OpenClaw is the authority: the
// verdict must be the same, and so must the set of places it complains about.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { CORPUS } from '../support/paths';
import { cliIssuePaths, mapLimit, requireChecker, requireOpenclaw } from './cli-tools';
import { askChecker, askOpenclaw, describeCli, describeOurs, uniqueSorted, type CliAnswer, type OurResult } from './verdicts';


const FILES = readdirSync(CORPUS).filter((f) => /\.json5?$/.test(f)).sort();

/** What each file name promises about OpenClaw's verdict; refine- and dup- files go either way. */
const VERDICT_BY_PREFIX: [RegExp, 'valid' | 'invalid' | 'syntax'][] = [
  [/^(valid|empty|mode-missing)-/, 'valid'],
  [/^syntax-/, 'syntax'],
  [/^(schema|retired)-/, 'invalid'],
];

const PARSE_FAILED = 'JSON5 parse failed: ';

// Started once, shared by the tests below; the CLI gets two calls at a time on this two-core budget.
let cliAnswers: Promise<Map<string, CliAnswer>> | undefined;
const openclawAnswers = () => (cliAnswers ??= mapLimit(FILES, 2, (f) => askOpenclaw(CORPUS, f)).then((as) => new Map(FILES.map((f, i) => [f, as[i]]))));

/** Our warnings that `config validate` does not give by design: json5 keeps the last of two equal keys without a
 *  word, and a config without gateway.mode validates although the gateway then refuses to start (exit 78). */
const OUR_OWN_WARNINGS = new Set(['duplicate-key', 'gateway-mode-missing']);

/** Warnings of OpenClaw that our checker does not give yet. Each must still occur in the corpus (or the list is
 *  stale and the test says so); a warning of OpenClaw not listed here must be one of ours, at the same path. */
const CLI_WARNINGS_NOT_OURS_YET: RegExp[] = [
  /^Materialized legacy per-surface agent ownership\./,
  /^Removed retired agents\.entries\.\*\.default markers\./,
  /^Multi-agent config has no ambient heartbeat owner/,
];
const notOursYetSeen = new Set<RegExp>();

function compareWarnings(cli: CliAnswer, ours: OurResult, both: string): void {
  const cliPaths: string[] = [];
  for (const w of cli.warnings ?? []) {
    const known = CLI_WARNINGS_NOT_OURS_YET.find((re) => re.test(w.message));
    if (known) notOursYetSeen.add(known);
    else cliPaths.push(w.path === '<root>' ? '' : w.path);
  }
  const ourPaths = ours.diagnostics.filter((d) => d.severity === 'warning' && !OUR_OWN_WARNINGS.has(d.code)).map((d) => d.path);
  assert.deepEqual(uniqueSorted(ourPaths), uniqueSorted(cliPaths), `warning paths differ\n${both}`);
}

function compare(file: string, cli: CliAnswer, ours: OurResult): void {
  const both = `${file}\n${describeCli(cli)}\n${describeOurs(ours)}`;
  assert.equal(ours.valid, cli.valid, `verdicts differ\n${both}`);
  const errors = ours.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(uniqueSorted(errors.map((d) => d.path)), uniqueSorted(cliIssuePaths(cli.issues ?? [])), `issue paths differ\n${both}`);

  const parseFailure = (cli.issues ?? []).find((i) => i.path === '<root>' && i.message.startsWith(PARSE_FAILED));
  const ourSyntax = errors.find((d) => d.code === 'syntax');
  assert.equal(Boolean(ourSyntax), Boolean(parseFailure), `only one side found a syntax error\n${both}`);
  if (parseFailure && ourSyntax) {
    const m = /SyntaxError: (.*)$/s.exec(parseFailure.message);
    assert.ok(m, `OpenClaw's parse failure has no "SyntaxError: " part: ${parseFailure.message}`);
    assert.equal(ourSyntax.message, m[1], `syntax error messages differ (line:col included)\n${both}`);
  }
  compareWarnings(cli, ours, both);
}

test('the corpus covers every category with at least 44 configs', () => {
  assert.ok(FILES.length >= 44, `only ${FILES.length} configs in test/corpus`);
  for (const prefix of ['valid-', 'empty-', 'mode-missing-', 'schema-', 'syntax-', 'retired-', 'refine-', 'dup-']) {
    assert.ok(FILES.some((f) => f.startsWith(prefix)), `no ${prefix}* config in test/corpus`);
  }
});

test('OpenClaw gives each corpus config the verdict its name promises', async (t) => {
  requireOpenclaw();
  const cli = await openclawAnswers();
  for (const file of FILES) {
    const expected = VERDICT_BY_PREFIX.find(([re]) => re.test(file))?.[1];
    if (!expected) continue;
    await t.test(file, () => {
      const a = cli.get(file)!;
      const parseFailed = (a.issues ?? []).some((i) => i.message.startsWith(PARSE_FAILED));
      const got = a.valid ? 'valid' : parseFailed ? 'syntax' : 'invalid';
      assert.equal(got, expected, `${file}\n${describeCli(a)}`);
    });
  }
});

for (const withCliSchema of [false, true]) {
  test(`our checker agrees with openclaw config validate, ${withCliSchema ? "with the CLI's schema (--openclaw)" : 'with the bundled schema'}`, async (t) => {
    requireOpenclaw();
    requireChecker();
    const [cli, ours] = await Promise.all([openclawAnswers(), askChecker(CORPUS, FILES, withCliSchema)]);
    for (const file of FILES) {
      await t.test(file, () => {
        const o = ours.get(file);
        assert.ok(o, `the checker printed no result for ${file}`);
        compare(file, cli.get(file)!, o);
      });
    }
    for (const re of CLI_WARNINGS_NOT_OURS_YET) assert.ok(notOursYetSeen.has(re), `OpenClaw no longer gives the warning ${re} on any corpus config: drop it from the list`);
  });
}

test('OpenClaw reports warnings where this corpus expects them, and our own warnings where it does not', async () => {
  requireOpenclaw();
  requireChecker();
  const [cli, ours] = await Promise.all([openclawAnswers(), askChecker(CORPUS, FILES, false)]);
  // The CLI does give warnings on valid configs (so comparing them is not comparing empty lists).
  assert.ok(FILES.some((f) => cli.get(f)!.valid && (cli.get(f)!.warnings ?? []).length), 'no corpus config gets a warning from OpenClaw');
  // Each of our own warnings is on a config OpenClaw accepts without a word about it.
  for (const file of FILES) {
    const own = ours.get(file)!.diagnostics.filter((d) => d.severity === 'warning' && OUR_OWN_WARNINGS.has(d.code));
    for (const d of own) {
      const said = (cli.get(file)!.warnings ?? []).some((w) => (w.path === '<root>' ? '' : w.path) === d.path);
      assert.equal(said, false, `${file}: OpenClaw now warns at ${d.path} too; ${d.code} is no longer ours alone`);
    }
  }
  for (const file of ['mode-missing-gateway-without-mode.json5', 'mode-missing-no-gateway-section.json5']) {
    assert.equal(cli.get(file)!.valid, true, file);
    assert.deepEqual(ours.get(file)!.diagnostics.map((d) => [d.severity, d.code]), [['warning', 'gateway-mode-missing']], file);
  }
});

test('issue paths of OpenClaw map onto ours', () => {
  assert.deepEqual(cliIssuePaths([
    { path: '<root>', message: 'Unrecognized key: "bogus"' },
    { path: '<root>', message: 'Unrecognized keys: "a", "b \\"q\\""' },
    { path: 'gateway', message: 'Unrecognized key(s): "x", "y"' },
    { path: 'gateway.port', message: 'Too small: expected number to be >=1 (minimum: 1)' },
    { path: '<root>', message: "JSON5 parse failed: SyntaxError: JSON5: invalid character 'p' at 4:5" },
    { path: 'plugins.entries.canvas.config', message: 'invalid config: must not have additional properties: "zz"' },
    { path: 'channels.irc', message: 'must not have additional properties: "a.b"' },
  ]), ['bogus', 'a', 'b "q"', 'gateway.x', 'gateway.y', 'gateway.port', '', 'plugins.entries.canvas.config.zz', 'channels.irc.a.b']);
});
