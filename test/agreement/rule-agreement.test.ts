// The rules that tie settings together (`if`/`then`, `not`), which zod cannot express and the checker judges on its
// own: for every rule the schema holds, a config that breaks it and a near one that keeps it, each compared with
// `openclaw config validate --json`, with the committed data and with the CLI's own schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';
import { cliIssuePaths } from './cli-tools';
import { RuleCorpus } from './rule-corpus';
import { assertSameAnswer, corpusOnDisk, describeCli, testBothSchemas, testOpenclawAnswers } from './verdicts';

const corpus = new RuleCorpus(bundledSchemaInUse().json);
const CASES = corpus.cases();

const disk = corpusOnDisk(CASES, 'openclaw-rules-');

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

testOpenclawAnswers('OpenClaw rejects each config that breaks a rule, at the rule\'s object, and accepts the ones that keep it', disk, (c, a) => {
  assert.equal(a.valid, !c.breaks, `${c.name}: ${JSON.stringify(c.config)}\n${describeCli(a)}`);
  if (c.breaks) assert.ok(cliIssuePaths(a.issues ?? []).includes(c.at), `${c.name}: not reported at ${c.at}\n${describeCli(a)}`);
});

testBothSchemas('every rule is judged as openclaw config validate judges it', disk, (c, sides) => {
  assertSameAnswer(sides);
  if (c.breaks) assert.ok(sides.ours.diagnostics.some((d) => d.code === 'settings-rule' && d.path === c.at), `no settings-rule diagnostic at ${c.at}\n${sides.both}`);
});

test.after(disk.remove);
