// Our checker against the real `openclaw config validate --json` on every config of test/corpus, with both schemas
// the checker can use: the bundled zod schema and the CLI's own (`--openclaw`). OpenClaw is the authority: the
// verdict must be the same, and so must the set of places it complains about.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  CORPUS, OPENCLAW, isolatedEnv, jsonOf, makeTempHome, mapLimit, requireChecker, requireOpenclaw, runChecker, runOpenclaw,
} from './cli-tools';

interface CliIssue { path: string; message: string }
interface CliAnswer { valid: boolean; issues?: CliIssue[]; warnings?: CliIssue[] }
interface OurDiagnostic { severity: string; code: string; message: string; path: string }
interface OurResult { file: string; valid: boolean; diagnostics: OurDiagnostic[] }

const FILES = readdirSync(CORPUS).filter((f) => /\.json5?$/.test(f)).sort();

/** What each file name promises about OpenClaw's verdict; refine- and dup- files go either way. */
const VERDICT_BY_PREFIX: [RegExp, 'valid' | 'invalid' | 'syntax'][] = [
  [/^(valid|empty|mode-missing)-/, 'valid'],
  [/^syntax-/, 'syntax'],
  [/^(schema|retired)-/, 'invalid'],
];

const PARSE_FAILED = 'JSON5 parse failed: ';

/** OpenClaw's issue paths in our notation: an unknown key is reported on its parent object, ours on the key. */
function cliIssuePaths(issues: readonly CliIssue[]): string[] {
  const out: string[] = [];
  for (const issue of issues) {
    const parent = issue.path === '<root>' ? '' : issue.path;
    const unknown = /^Unrecognized keys?(?:\(s\))?: (.*)$/s.exec(issue.message);
    if (unknown) {
      for (const [, quoted] of unknown[1].matchAll(/("(?:[^"\\]|\\.)*")/g)) {
        const key = JSON.parse(quoted) as string;
        out.push(parent ? `${parent}.${key}` : key);
      }
    } else {
      out.push(parent);
    }
  }
  return out;
}

const uniqueSorted = (xs: readonly string[]) => [...new Set(xs)].sort();

async function askOpenclaw(file: string): Promise<CliAnswer> {
  const r = await runOpenclaw(['config', 'validate', '--json'], { env: { OPENCLAW_CONFIG_PATH: path.join(CORPUS, file) } });
  const json = jsonOf<{ valid?: unknown; issues?: CliIssue[]; warnings?: CliIssue[] }>(r, `openclaw config validate --json (${file})`);
  if (typeof json.valid !== 'boolean') throw new Error(`openclaw config validate --json (${file}) printed no "valid": ${r.stdout.slice(0, 500)}`);
  assert.equal(r.code, json.valid ? 0 : 1, `openclaw config validate exit code for ${file}`);
  return { valid: json.valid, issues: json.issues, warnings: json.warnings };
}

/** Our checker over the whole corpus in one run; with `withCliSchema` it builds its schema from the real CLI's
 *  `openclaw config schema`, into a cache in a temporary HOME. */
async function askChecker(withCliSchema: boolean): Promise<Map<string, OurResult>> {
  const home = await makeTempHome('openclaw-checker-');
  try {
    const args = ['--json', ...(withCliSchema ? ['--openclaw', OPENCLAW] : []), ...FILES];
    const r = await runChecker(args, { env: isolatedEnv(home.dir), cwd: CORPUS });
    if (withCliSchema) {
      assert.doesNotMatch(r.stderr, /using the bundled schema/, 'the checker fell back to its bundled schema instead of the CLI\'s');
      const cached = await fs.readdir(path.join(home.dir, '.cache/openclaw-gateways/schemas')).catch(() => []);
      assert.ok(cached.some((f) => /^schema-.*\.json$/.test(f)), `the CLI's schema was not cached in the temporary HOME (stderr: ${r.stderr})`);
    }
    const results = jsonOf<OurResult[]>(r, `node dist/cli.js ${withCliSchema ? '--openclaw ' : ''}--json`);
    assert.equal(r.code, results.every((x) => x.valid) ? 0 : 1, `checker exit code (stderr: ${r.stderr})`);
    return new Map(results.map((x) => [x.file, x]));
  } finally {
    await home.remove();
  }
}

// Started once, shared by the tests below; the CLI gets two calls at a time on this two-core budget.
let cliAnswers: Promise<Map<string, CliAnswer>> | undefined;
const openclawAnswers = () => (cliAnswers ??= mapLimit(FILES, 2, askOpenclaw).then((as) => new Map(FILES.map((f, i) => [f, as[i]]))));

function describeCli(a: CliAnswer): string {
  const lines = [...(a.issues ?? []).map((i) => `  ${i.path}: ${i.message}`), ...(a.warnings ?? []).map((w) => `  [warning] ${w.path}: ${w.message}`)];
  return `OpenClaw: valid=${a.valid}\n${lines.join('\n') || '  (no issues)'}`;
}

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

function compareWarnings(file: string, cli: CliAnswer, ours: OurResult, both: string): void {
  const cliPaths: string[] = [];
  for (const w of cli.warnings ?? []) {
    const known = CLI_WARNINGS_NOT_OURS_YET.find((re) => re.test(w.message));
    if (known) notOursYetSeen.add(known);
    else cliPaths.push(w.path === '<root>' ? '' : w.path);
  }
  const ourPaths = ours.diagnostics.filter((d) => d.severity === 'warning' && !OUR_OWN_WARNINGS.has(d.code)).map((d) => d.path);
  assert.deepEqual(uniqueSorted(ourPaths), uniqueSorted(cliPaths), `warning paths differ\n${both}`);
}

function describeOurs(r: OurResult): string {
  return `ours: valid=${r.valid}\n${r.diagnostics.map((d) => `  [${d.severity} ${d.code}] ${d.path || '""'}: ${d.message}`).join('\n') || '  (no diagnostics)'}`;
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
  compareWarnings(file, cli, ours, both);
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
    const [cli, ours] = await Promise.all([openclawAnswers(), askChecker(withCliSchema)]);
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
  const [cli, ours] = await Promise.all([openclawAnswers(), askChecker(false)]);
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
  ]), ['bogus', 'a', 'b "q"', 'gateway.x', 'gateway.y', 'gateway.port', '']);
});
