// Verdicts of both sides on config files: OpenClaw's own `openclaw config validate --json`, one file a call, and our
// built checker over many files in one run, with the committed schema data or the CLI's own schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { OPENCLAW } from '../support/paths';
import { cliIssuePaths, isolatedEnv, jsonOf, makeTempHome, mapLimit, requireChecker, requireOpenclaw, runChecker, runOpenclaw, type CliIssue, type TempHome } from './cli-tools';

export interface CliAnswer { valid: boolean; issues?: CliIssue[]; warnings?: CliIssue[] }
export interface OurDiagnostic { severity: string; code: string; message: string; path: string }
export interface OurResult { file: string; valid: boolean; diagnostics: OurDiagnostic[] }

export const uniqueSorted = (xs: readonly string[]) => [...new Set(xs)].sort();

export async function askOpenclaw(dir: string, file: string): Promise<CliAnswer> {
  const r = await runOpenclaw(['config', 'validate', '--json'], { env: { OPENCLAW_CONFIG_PATH: path.join(dir, file) } });
  const json = jsonOf<{ valid?: unknown; issues?: CliIssue[]; warnings?: CliIssue[] }>(r, `openclaw config validate --json (${file})`);
  if (typeof json.valid !== 'boolean') throw new Error(`openclaw config validate --json (${file}) printed no "valid": ${r.stdout.slice(0, 500)}`);
  assert.equal(r.code, json.valid ? 0 : 1, `openclaw config validate exit code for ${file}`);
  return { valid: json.valid, issues: json.issues, warnings: json.warnings };
}

/** Our checker over many files in one run; with `withCliSchema` it builds its schema from the real CLI's
 *  `openclaw config schema`, into a cache in a temporary HOME. */
export async function askChecker(dir: string, files: readonly string[], withCliSchema: boolean): Promise<Map<string, OurResult>> {
  const home = await makeTempHome('openclaw-checker-');
  try {
    const args = ['--json', ...(withCliSchema ? ['--openclaw', OPENCLAW] : []), ...files];
    const r = await runChecker(args, { env: isolatedEnv(home.dir), cwd: dir });
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

export function describeCli(a: CliAnswer): string {
  const lines = [...(a.issues ?? []).map((i) => `  ${i.path}: ${i.message}`), ...(a.warnings ?? []).map((w) => `  [warning] ${w.path}: ${w.message}`)];
  return `OpenClaw: valid=${a.valid}\n${lines.join('\n') || '  (no issues)'}`;
}

export function describeOurs(r: OurResult): string {
  return `ours: valid=${r.valid}\n${r.diagnostics.map((d) => `  [${d.severity} ${d.code}] ${d.path || '""'}: ${d.message}`).join('\n') || '  (no diagnostics)'}`;
}

interface CorpusEntry { name: string; config: unknown }

/** Generated configs written once to a temporary folder, and OpenClaw's answer on each, asked once (two at a time)
 *  however many tests read them. */
export function corpusOnDisk<F extends CorpusEntry>(files: readonly F[], prefix: string) {
  let written: Promise<TempHome> | undefined;
  let answers: Promise<Map<string, CliAnswer>> | undefined;
  const dir = () => (written ??= (async () => {
    const home = await makeTempHome(prefix);
    for (const f of files) await fs.writeFile(path.join(home.dir, f.name), JSON.stringify(f.config, null, 2));
    return home;
  })());
  const openclaw = () => (answers ??= dir().then(async (home) => {
    const got = await mapLimit(files, 2, (f) => askOpenclaw(home.dir, f.name));
    return new Map(files.map((f, i) => [f.name, got[i]]));
  }));
  return { files, dir, openclaw, remove: async () => { await (await written)?.remove(); } };
}

type CorpusOnDisk<F extends CorpusEntry> = ReturnType<typeof corpusOnDisk<F>>;

/** Our error paths and OpenClaw's issue paths, each as a sorted set, for one file. */
export function pathSets(ours: OurResult, cli: CliAnswer): { ours: string[]; cli: string[] } {
  return { ours: uniqueSorted(ours.diagnostics.filter((d) => d.severity === 'error').map((d) => d.path)), cli: uniqueSorted(cliIssuePaths(cli.issues ?? [])) };
}

export interface BothSides { ours: OurResult; cli: CliAnswer; /** Both answers in words, for a failing assertion. */ both: string }

/** OpenClaw's and our checker's answers on every file of a corpus on disk. */
export async function bothSides<F extends CorpusEntry>(disk: CorpusOnDisk<F>, withCliSchema: boolean): Promise<Map<string, BothSides>> {
  const dir = await disk.dir();
  const [cli, ours] = await Promise.all([disk.openclaw(), askChecker(dir.dir, disk.files.map((f) => f.name), withCliSchema)]);
  return new Map(disk.files.map((f) => {
    const o = ours.get(f.name);
    assert.ok(o, `the checker printed no result for ${f.name}`);
    const a = cli.get(f.name)!;
    return [f.name, { ours: o, cli: a, both: `${f.name}: ${JSON.stringify(f.config)}\n${describeCli(a)}\n${describeOurs(o)}` }];
  }));
}

/** Whether both sides give the same verdict and the same set of places. */
export function agrees({ ours, cli }: BothSides): boolean {
  const paths = pathSets(ours, cli);
  return ours.valid === cli.valid && JSON.stringify(paths.ours) === JSON.stringify(paths.cli);
}

/** The same verdict and the same set of places on both sides, each difference said apart. */
export function assertSameAnswer({ ours, cli, both }: BothSides): void {
  assert.equal(ours.valid, cli.valid, `verdicts differ\n${both}`);
  const paths = pathSets(ours, cli);
  assert.deepEqual(paths.ours, paths.cli, `issue paths differ\n${both}`);
}

/** One test of OpenClaw's own answers on every file of a corpus on disk, held to `check`: that the generated cases
 *  say what they mean to, before anything is compared with them. */
export function testOpenclawAnswers<F extends CorpusEntry>(what: string, disk: CorpusOnDisk<F>, check: (file: F, answer: CliAnswer) => void): void {
  test(what, async (t) => {
    requireOpenclaw();
    const answers = await disk.openclaw();
    for (const f of disk.files) await t.test(f.name, () => check(f, answers.get(f.name)!));
  });
}

/** One test with the committed schema data and one with the CLI's own schema (--openclaw), each holding every file
 *  of a corpus on disk to `check` (assertSameAnswer unless the test says more). */
export function testBothSchemas<F extends CorpusEntry>(what: string, disk: CorpusOnDisk<F>, check: (file: F, sides: BothSides) => void = (_, sides) => assertSameAnswer(sides)): void {
  for (const withCliSchema of [false, true]) {
    test(`${what}, ${withCliSchema ? "with the CLI's schema (--openclaw)" : 'with the committed schema data'}`, async (t) => {
      requireOpenclaw();
      requireChecker();
      const sides = await bothSides(disk, withCliSchema);
      for (const f of disk.files) await t.test(f.name, () => check(f, sides.get(f.name)!));
    });
  }
}
