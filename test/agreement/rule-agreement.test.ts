// The rules that tie settings together (`if`/`then`, `not`), which zod cannot express and the checker judges on its
// own: for every rule the schema holds, a config that breaks it and a near one that keeps it, each compared with
// `openclaw config validate --json`, with the committed data and with the CLI's own schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';
import { cliIssuePaths, makeTempHome, mapLimit, requireChecker, requireOpenclaw, type TempHome } from './cli-tools';
import { RuleCorpus } from './rule-corpus';
import { askChecker, askOpenclaw, describeCli, describeOurs, uniqueSorted, type CliAnswer } from './verdicts';

const corpus = new RuleCorpus(bundledSchemaInUse().json);
const CASES = corpus.cases();

let written: Promise<TempHome> | undefined;
const caseDir = () => (written ??= (async () => {
  const dir = await makeTempHome('openclaw-rules-');
  for (const c of CASES) await fs.writeFile(path.join(dir.dir, c.name), JSON.stringify(c.config, null, 2));
  return dir;
})());

let cliAnswers: Promise<Map<string, CliAnswer>> | undefined;
const openclawAnswers = () => (cliAnswers ??= caseDir().then(async (dir) => {
  const answers = await mapLimit(CASES, 2, (c) => askOpenclaw(dir.dir, c.name));
  return new Map(CASES.map((c, i) => [c.name, answers[i]]));
}));

test('every rule of the schema gets a config that breaks it and one that keeps it', () => {
  const rules = corpus.rules();
  // OpenClaw 2026.9: onepassword (a vault needs items, items need a vault) and memory-wiki (two refused combinations).
  assert.ok(rules.length >= 4, `only ${rules.length} rules found`);
  for (const r of rules) {
    const at = r.path.join('.');
    assert.ok(CASES.some((c) => c.at === at && c.breaks), `no config breaks the rule at ${at}`);
    assert.ok(CASES.some((c) => c.at === at && !c.breaks), `no config keeps the rule at ${at}`);
  }
  assert.equal(CASES.length, rules.length * 2);
});

test('OpenClaw rejects each config that breaks a rule, at the rule\'s object, and accepts the ones that keep it', async (t) => {
  requireOpenclaw();
  const cli = await openclawAnswers();
  for (const c of CASES) {
    await t.test(c.name, () => {
      const a = cli.get(c.name)!;
      assert.equal(a.valid, !c.breaks, `${c.name}: ${JSON.stringify(c.config)}\n${describeCli(a)}`);
      if (c.breaks) assert.ok(cliIssuePaths(a.issues ?? []).includes(c.at), `${c.name}: not reported at ${c.at}\n${describeCli(a)}`);
    });
  }
});

for (const withCliSchema of [false, true]) {
  test(`every rule is judged as openclaw config validate judges it, ${withCliSchema ? "with the CLI's schema (--openclaw)" : 'with the committed schema data'}`, async (t) => {
    requireOpenclaw();
    requireChecker();
    const dir = await caseDir();
    const [cli, ours] = await Promise.all([openclawAnswers(), askChecker(dir.dir, CASES.map((c) => c.name), withCliSchema)]);
    for (const c of CASES) {
      await t.test(c.name, () => {
        const o = ours.get(c.name);
        assert.ok(o, `the checker printed no result for ${c.name}`);
        const a = cli.get(c.name)!;
        const both = `${c.name}: ${JSON.stringify(c.config)}\n${describeCli(a)}\n${describeOurs(o)}`;
        assert.equal(o.valid, a.valid, `verdicts differ\n${both}`);
        const errors = o.diagnostics.filter((d) => d.severity === 'error').map((d) => d.path);
        assert.deepEqual(uniqueSorted(errors), uniqueSorted(cliIssuePaths(a.issues ?? [])), `issue paths differ\n${both}`);
        if (c.breaks) assert.ok(o.diagnostics.some((d) => d.code === 'settings-rule' && d.path === c.at), `no settings-rule diagnostic at ${c.at}\n${both}`);
      });
    }
  });
}

test.after(async () => { await (await written)?.remove(); });
