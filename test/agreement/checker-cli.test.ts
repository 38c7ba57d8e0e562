// The built checker (dist/cli.js) as a user or a CI job runs it: exit codes, the exact --json shape with 0-based
// LSP ranges, the file:line:col text form and the --profiles host model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CORPUS, FIXTURE_HOME, REPO } from '../support/paths';
import { isolatedEnv, jsonOf, makeTempHome, olderReleases, requireChecker, runChecker, type Run } from './cli-tools';

const rel = (file: string) => path.relative(REPO, path.join(CORPUS, file));
const VALID = rel('valid-minimal.json5');
const UNKNOWN_KEY = rel('schema-unknown-keys-in-gateway.json5');
const ERROR_AND_WARNING = rel('dup-key-last-wins-invalid.json5');
const SYNTAX = rel('syntax-invalid-character.json5');

interface Position { line: number; character: number }
interface Diagnostic { severity: string; code: string; message: string; path: string; range: { start: Position; end: Position } }
interface FileResult { file: string; valid: boolean; diagnostics: Diagnostic[] }

async function check(args: string[]): Promise<Run> {
  requireChecker();
  const home = await makeTempHome('openclaw-checker-cli-');
  try {
    return await runChecker(args, { env: isolatedEnv(home.dir), cwd: REPO });
  } finally {
    await home.remove();
  }
}

/** 0-based line and UTF-16 column of the first `needle` in a file, as an LSP position. */
function positionOf(file: string, needle: string): Position {
  const text = readFileSync(path.join(REPO, file), 'utf8');
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not in ${file}`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function assertShape(results: FileResult[]): void {
  assert.ok(Array.isArray(results));
  for (const r of results) {
    assert.deepEqual(Object.keys(r).sort(), ['diagnostics', 'file', 'valid'], `keys of a file result: ${JSON.stringify(r)}`);
    assert.equal(typeof r.file, 'string');
    assert.equal(typeof r.valid, 'boolean');
    for (const d of r.diagnostics) {
      assert.deepEqual(Object.keys(d).sort(), ['code', 'message', 'path', 'range', 'severity'], `keys of a diagnostic: ${JSON.stringify(d)}`);
      assert.ok(['error', 'warning', 'information'].includes(d.severity), d.severity);
      for (const k of ['code', 'message', 'path'] as const) assert.equal(typeof d[k], 'string');
      assert.deepEqual(Object.keys(d.range).sort(), ['end', 'start']);
      for (const p of [d.range.start, d.range.end]) {
        assert.deepEqual(Object.keys(p).sort(), ['character', 'line']);
        assert.ok(Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.character) && p.character >= 0, JSON.stringify(p));
      }
    }
    assert.equal(r.valid, !r.diagnostics.some((d) => d.severity === 'error'));
  }
}

test('a valid file: exit 0, nothing printed, and an empty result in --json', async () => {
  const text = await check([VALID]);
  assert.equal(text.code, 0, text.stderr);
  assert.equal(text.stdout, '');
  const json = await check(['--json', VALID]);
  assert.equal(json.code, 0, json.stderr);
  assert.deepEqual(jsonOf(json, 'checker --json'), [{ file: VALID, valid: true, diagnostics: [] }]);
});

test('an invalid file: exit 1, and the unknown key is reported on the key with 0-based LSP positions', async () => {
  const r = await check(['--json', UNKNOWN_KEY]);
  assert.equal(r.code, 1, r.stderr);
  const results = jsonOf<FileResult[]>(r, 'checker --json');
  assertShape(results);
  const [only] = results;
  assert.equal(only.file, UNKNOWN_KEY);
  assert.equal(only.valid, false);
  assert.deepEqual(only.diagnostics.map((x) => x.path).sort(), ['gateway.auth.tokne', 'gateway.bogusKey', 'gateway.tailscale.funnel']);
  const d = only.diagnostics.find((x) => x.path === 'gateway.bogusKey')!;
  assert.deepEqual([d.severity, d.code], ['error', 'unknown-key']);
  const start = positionOf(UNKNOWN_KEY, 'bogusKey:');
  assert.deepEqual(d.range, { start, end: { line: start.line, character: start.character + 'bogusKey'.length } });
});

test('a syntax error is located where JSON5 says, converted to 0-based', async () => {
  const r = await check(['--json', SYNTAX]);
  assert.equal(r.code, 1);
  const [res] = jsonOf<FileResult[]>(r, 'checker --json');
  assertShape([res]);
  assert.equal(res.diagnostics.length, 1);
  const [d] = res.diagnostics;
  assert.equal(d.code, 'syntax');
  assert.equal(d.path, '');
  const m = /at (\d+):(\d+)$/.exec(d.message);
  assert.ok(m, d.message);
  assert.deepEqual(d.range.start, { line: Number(m[1]) - 1, character: Number(m[2]) - 1 });
  assert.deepEqual(d.range.start, positionOf(SYNTAX, '@local'));
});

test('several files: one result each, in order; exit 1 as soon as one is invalid', async () => {
  const r = await check(['--json', VALID, UNKNOWN_KEY, ERROR_AND_WARNING]);
  assert.equal(r.code, 1);
  const results = jsonOf<FileResult[]>(r, 'checker --json');
  assertShape(results);
  assert.deepEqual(results.map((x) => [x.file, x.valid]), [[VALID, true], [UNKNOWN_KEY, false], [ERROR_AND_WARNING, false]]);
  const valids = await check([VALID, rel('dup-key-last-wins-valid.json5')]);
  assert.equal(valids.code, 0, 'warnings alone do not fail a file');
});

test('the text form is "file:line:col severity message", 1-based, for every diagnostic', async () => {
  const json = jsonOf<FileResult[]>(await check(['--json', ERROR_AND_WARNING, UNKNOWN_KEY]), 'checker --json');
  const text = await check([ERROR_AND_WARNING, UNKNOWN_KEY]);
  assert.equal(text.code, 1);
  const expected = json.flatMap((r) => r.diagnostics.map((d) => `${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message}`));
  assert.ok(json[0].diagnostics.some((d) => d.severity === 'warning') && json[0].diagnostics.some((d) => d.severity === 'error'));
  assert.deepEqual(text.stdout.trimEnd().split('\n'), expected);
  for (const line of expected) assert.match(line, /^[^:]+:\d+:\d+ (error|warning|information) \S/);
});

test('a file that cannot be read: exit 1 with an "unreadable" diagnostic, the other files still checked', async () => {
  const missing = 'test/corpus/does-not-exist.json5';
  const r = await check(['--json', missing, VALID, 'test/corpus']);
  assert.equal(r.code, 1);
  const results = jsonOf<FileResult[]>(r, 'checker --json');
  assertShape(results);
  assert.deepEqual(results.map((x) => [x.file, x.valid]), [[missing, false], [VALID, true], ['test/corpus', false]]);
  const zero = { line: 0, character: 0 };
  assert.deepEqual(results[0].diagnostics, [{ severity: 'error', code: 'unreadable', message: 'cannot read: ENOENT', path: '', range: { start: zero, end: zero } }]);
  assert.equal(results[2].diagnostics[0].message, 'cannot read: EISDIR');
  const text = await check([missing]);
  assert.equal(text.code, 1);
  assert.equal(text.stdout.trim(), `${missing}:1:1 error cannot read: ENOENT`);
});

test('usage errors exit 2 with the usage on stderr; --help exits 0', async () => {
  for (const args of [[], ['--json'], ['--bogus', VALID], ['--openclaw'], ['--profiles', VALID], ['--home']]) {
    const r = await check(args);
    assert.equal(r.code, 2, `${JSON.stringify(args)} exited ${r.code}`);
    assert.match(r.stderr, /usage: openclaw-config-check/, JSON.stringify(args));
    assert.equal(r.stdout, '', JSON.stringify(args));
  }
  const help = await check(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stderr, /usage: openclaw-config-check/);
});

interface ProfilesModel {
  profiles: { name: string; origin: string; configPath: string; stateDir: string; workspace: string; basePort: number; basePortSource: string; ports: { port: number; role: string }[]; cdpRange: [number, number] }[];
  conflicts: { kind: string; profiles: [string, string]; ports: number[]; message: string }[];
  skipped: { dir: string; reason: string }[];
  rules: string;
}

function assertProfilesShape(model: ProfilesModel): void {
  assert.deepEqual(Object.keys(model).sort(), ['conflicts', 'profiles', 'rules', 'skipped']);
  assert.match(model.rules, /^\d{4}\.\d+\.\d+$/);
  for (const s of model.skipped) assert.deepEqual(Object.keys(s).sort(), ['dir', 'reason']);
  for (const p of model.profiles) {
    assert.deepEqual(Object.keys(p).filter((k) => k !== 'foundBy').sort(), ['basePort', 'basePortSource', 'cdpRange', 'configPath', 'name', 'origin', 'ports', 'stateDir', 'workspace'], p.name);
    for (const k of ['configPath', 'stateDir', 'workspace'] as const) assert.ok(path.isAbsolute(p[k]), `${p.name}.${k}: ${p[k]}`);
    assert.ok(Number.isInteger(p.basePort));
    assert.ok(['cli', 'env', 'config', 'hash', 'default'].includes(p.basePortSource), p.basePortSource);
    for (const u of p.ports) {
      assert.deepEqual(Object.keys(u).sort(), ['port', 'role']);
      assert.ok(Number.isInteger(u.port) && typeof u.role === 'string');
    }
    assert.equal(p.cdpRange.length, 2);
    assert.equal(p.cdpRange[1] - p.cdpRange[0], 99, `${p.name}: CDP range ${p.cdpRange}`);
  }
  for (const c of model.conflicts) {
    // `message` comes on top of kind, profiles and ports: the text form prints it.
    assert.deepEqual(Object.keys(c).sort(), ['kind', 'message', 'ports', 'profiles']);
    assert.equal(c.profiles.length, 2);
    assert.ok(c.ports.every((n) => Number.isInteger(n)));
  }
}

test('--profiles --json on the fixture home: the host model, its conflicts, exit 1', async () => {
  const r = await check(['--profiles', '--home', path.relative(REPO, FIXTURE_HOME), '--json']);
  assert.equal(r.code, 1, r.stderr);
  const model = jsonOf<ProfilesModel>(r, 'checker --profiles --json');
  assertProfilesShape(model);
  const byName = Object.fromEntries(model.profiles.map((p) => [p.name, p]));
  assert.deepEqual(Object.keys(byName).sort(), ['default', 'lab', 'ops', 'qa', 'rescue', 'stage']);
  assert.equal(byName.default.configPath, path.join(FIXTURE_HOME, '.openclaw', 'openclaw.json'));
  assert.equal(byName.default.stateDir, path.join(FIXTURE_HOME, '.openclaw'));
  assert.deepEqual([byName.default.basePort, byName.default.basePortSource], [18789, 'config']);
  assert.deepEqual(byName.default.cdpRange, [18800, 18899]);
  assert.deepEqual([byName.ops.basePort, byName.ops.basePortSource], [55291, 'hash']);
  assert.deepEqual(byName.ops.ports.find((u) => u.role === 'gateway'), { port: 55291, role: 'gateway' });
  assert.deepEqual(byName.ops.ports.find((u) => u.role === 'browser-control'), { port: 55293, role: 'browser-control' });
  const kinds = model.conflicts.map((c) => `${c.kind}:${[...c.profiles].sort().join('/')}`).sort();
  assert.deepEqual(kinds, ['cdpUrl:lab/qa', 'port:default/rescue', 'port:qa/stage', 'workspace:default/lab']);
  assert.deepEqual(model.conflicts.find((c) => c.profiles.includes('stage'))!.ports, [40050]);

  const text = await check(['--profiles', '--home', FIXTURE_HOME]);
  assert.equal(text.code, 1);
  assert.match(text.stdout, /^Conflicts: 4$/m);
});

test('--profiles on a home without conflicts exits 0', async () => {
  const home = await makeTempHome('openclaw-clean-home-');
  try {
    for (const [dir, config] of [['.openclaw', "{ gateway: { mode: 'local', port: 18789 } }"], ['.openclaw-ops', "{ gateway: { mode: 'local' } }"]]) {
      await fs.mkdir(path.join(home.dir, dir));
      await fs.writeFile(path.join(home.dir, dir, 'openclaw.json'), config);
    }
    const r = await check(['--profiles', '--home', home.dir, '--json']);
    assert.equal(r.code, 0, r.stdout);
    const model = jsonOf<ProfilesModel>(r, 'checker --profiles --json');
    assertProfilesShape(model);
    assert.deepEqual(model.profiles.map((p) => [p.name, p.basePort, p.basePortSource]).sort(), [['default', 18789, 'config'], ['ops', 55291, 'hash']]);
    assert.deepEqual(model.conflicts, []);
    assert.deepEqual(model.skipped, []);
    const text = await check(['--profiles', '--home', home.dir]);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /^No conflicts\.$/m);
  } finally {
    await home.remove();
  }
});

test('--profiles lists the folders no --profile reaches, in JSON as skipped: [{dir, reason}] and in the text', async () => {
  const home = await makeTempHome('openclaw-skipped-home-');
  try {
    for (const dir of ['.openclaw-ops', '.openclaw-Default', '.openclaw-Bad Name']) {
      await fs.mkdir(path.join(home.dir, dir));
      await fs.writeFile(path.join(home.dir, dir, 'openclaw.json'), "{ gateway: { mode: 'local' } }");
    }
    const model = jsonOf<ProfilesModel>(await check(['--profiles', '--home', home.dir, '--json']), 'checker --profiles --json');
    assertProfilesShape(model);
    assert.deepEqual(model.profiles.map((p) => p.name), ['ops']);
    assert.deepEqual(model.skipped.map((s) => s.dir).sort(), [path.join(home.dir, '.openclaw-Bad Name'), path.join(home.dir, '.openclaw-Default')]);
    const text = await check(['--profiles', '--home', home.dir]);
    assert.match(text.stdout, /^Skipped, no --profile reaches these 2 folders:$/m);
    assert.match(text.stdout, /^ {2}.*\.openclaw-Default: "--profile Default" means the default profile/m);
  } finally {
    await home.remove();
  }
});

test('--profiles --openclaw CLI follows the profile rules of that release; a CLI that does not run leaves the newest', async () => {
  const older = olderReleases().find((r) => r.version === '2026.7.1')!.bin;
  const home = await makeTempHome('openclaw-rules-home-');
  try {
    await fs.mkdir(path.join(home.dir, '.openclaw-ops'));
    await fs.writeFile(path.join(home.dir, '.openclaw-ops', 'openclaw.json'), "{ gateway: { mode: 'local' } }");
    const old = jsonOf<ProfilesModel>(await check(['--profiles', '--home', home.dir, '--json', '--openclaw', older]), 'checker --profiles --openclaw 2026.7.1');
    assert.equal(old.rules, '2026.7.1');
    // Before 2026.8.1 a named profile without gateway.port is on 18789.
    assert.deepEqual([old.profiles[0].basePort, old.profiles[0].basePortSource], [18789, 'default']);
    const none = await check(['--profiles', '--home', home.dir, '--json', '--openclaw', path.join(home.dir, 'no-such-cli')]);
    assert.match(none.stderr, /the newest profile rules apply/);
    assert.deepEqual([jsonOf<ProfilesModel>(none, 'checker').profiles[0].basePort], [55291]);
  } finally {
    await home.remove();
  }
});

test('with an Italian locale the checker writes its messages in Italian; with C, in English', async () => {
  const home = await makeTempHome('openclaw-checker-it-');
  try {
    const italian = await runChecker([UNKNOWN_KEY], { env: isolatedEnv(home.dir, { LANG: 'it_IT.UTF-8' }), cwd: REPO });
    assert.equal(italian.code, 1);
    assert.match(italian.stdout, /Chiave sconosciuta "[A-Za-z]+" in "gateway": OpenClaw rifiuta l'intera configurazione\./);
    const english = await runChecker([UNKNOWN_KEY], { env: isolatedEnv(home.dir, { LANG: 'C.UTF-8' }), cwd: REPO });
    assert.match(english.stdout, /Unknown key "[A-Za-z]+" in "gateway": OpenClaw rejects the whole config\./);
    const profiles = await runChecker(['--profiles', '--home', home.dir], { env: isolatedEnv(home.dir, { LC_ALL: 'it_IT' }), cwd: REPO });
    assert.match(profiles.stdout, /^Nessun conflitto\.$/m);
  } finally {
    await home.remove();
  }
});

test('in Italian, --profiles words its rows, its skipped folders, its conflicts and its errors; the conflict kinds, JSON keys and severities stay as they are', async () => {
  const home = await makeTempHome('openclaw-checker-it-profiles-');
  try {
    const it = isolatedEnv(home.dir, { LANG: 'it_IT.UTF-8' });
    const r = await runChecker(['--profiles', '--home', FIXTURE_HOME], { env: it, cwd: REPO });
    assert.equal(r.code, 1);
    const out = r.stdout;
    assert.match(out, /^Profili di OpenClaw in .+: 6 \(regole dei profili di OpenClaw \d{4}\.\d+\.\d+\)$/m);
    assert.match(out, /^default {2}base 18789 \(config\)$/m);
    // The field column is as wide as the longest Italian field name ("cartella di stato") and two spaces.
    assert.match(out, /^ {2}configurazione {5}\S+openclaw\.json$/m);
    assert.match(out, /^ {2}cartella di stato {2}\S/m);
    assert.match(out, /^ {2}area di lavoro {5}\S/m);
    assert.match(out, /^ {2}porte {14}gateway 18789 · controllo del browser 18791 · relay 18799 · intervallo CDP 18800-18899 · porta CDP \(work\) 18850$/m);
    assert.match(out, /^Conflitti: 4$/m);
    assert.match(out, /^ {2}port: Conflitto di porte tra "stage" e "qa": porta CDP \(shared\) 40050 di stage cade dentro intervallo CDP 40011-40110 di qa\. \[40050\]$/m);
    assert.match(out, /^ {2}workspace: I profili "default" e "lab" condividono l'area di lavoro ~\/\.openclaw\/workspace: /m);
    assert.match(out, /^ {2}cdpUrl: I profili "lab" \(browser\.cdpUrl\) e "qa" \(browser\.cdpUrl\) pilotano lo stesso endpoint del browser /m);
    assert.doesNotMatch(out, /\b(state dir|workspace {2}|ports {6}|browser control|CDP range|Port clash|Profiles ")/);
    const english = (await runChecker(['--profiles', '--home', FIXTURE_HOME], { env: isolatedEnv(home.dir), cwd: REPO })).stdout;
    assert.match(english, /^ {2}state dir {2}\S/m);
    assert.match(english, /^ {2}ports {6}gateway 18789 · browser control 18791 · relay 18799 · CDP range 18800-18899 · CDP port \(work\) 18850$/m);
    assert.match(english, /^ {2}port: Port clash between "stage" and "qa": stage's CDP port \(shared\) 40050 lies inside qa's CDP range 40011-40110\. \[40050\]$/m);

    await fs.mkdir(path.join(home.dir, '.openclaw-Default'));
    const skipped = await runChecker(['--profiles', '--home', home.dir], { env: it, cwd: REPO });
    assert.match(skipped.stdout, /^Ignorata, nessun --profile raggiunge questa cartella:$/m);
    assert.match(skipped.stdout, /^ {2}.*\.openclaw-Default: "--profile Default" indica il profilo predefinito/m);

    const missing = await runChecker(['--json', 'no-such-file.json'], { env: it, cwd: REPO });
    const [result] = jsonOf<FileResult[]>(missing, 'checker --json');
    assert.deepEqual([result.diagnostics[0].severity, result.diagnostics[0].code, result.diagnostics[0].message], ['error', 'unreadable', 'impossibile leggere: ENOENT']);
    const text = await runChecker(['no-such-file.json'], { env: it, cwd: REPO });
    assert.match(text.stdout, /^no-such-file\.json:1:1 error impossibile leggere: ENOENT$/m);
    const usage = await runChecker(['--bogus'], { env: it, cwd: REPO });
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /^openclaw-config-check: opzione sconosciuta --bogus$/m);
    assert.match(usage.stderr, /^usage: openclaw-config-check /m);
  } finally {
    await home.remove();
  }
});
