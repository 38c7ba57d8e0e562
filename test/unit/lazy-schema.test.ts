// The lazy walk in schema/compiled.ts must say exactly what zod says for the whole schema compiled at once: the same
// issues, in the same order (and, apart, the broken rules zod cannot express). Held side by side on every generated
// agreement case (each section, plugin and channel), on the bench's realistic configs, and on those configs with a
// random member replaced, removed or added.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CompiledSchema } from '../../language-server/src/schema/compiled';
import { conditionIssues, ruleParamsOf } from '../../language-server/src/schema/conditions';
import { compileNode } from '../../language-server/src/schema/zod-compile';
import { BUNDLED_SCHEMA_TEXT } from '../../language-server/src/schema/bundled-data';
import type { JsonSchema } from '../../language-server/src/schema/json-schema';
import { RuleCorpus } from '../agreement/rule-corpus';
import { CASE_KINDS, CorpusBuilder } from '../agreement/schema-corpus';
import { DOCS, generateConfig } from '../bench/configs';

const RUNS = Number(process.env.FC_RUNS ?? 300);
const json = JSON.parse(BUNDLED_SCHEMA_TEXT) as JsonSchema;
const whole = compileNode(json, json);
const lazy = new CompiledSchema(json);

/** An issue as a comparable text: zod's live objects (input, inst) left out, and the message of an unknown-key
 *  issue, which the walk leaves to the wording in validate/ as the root always did. */
const shown = (issues: readonly { code: string; message: string }[]): string[] => issues.map((i) =>
  JSON.stringify({ ...i, message: i.code === 'unrecognized_keys' ? '' : i.message }, (k, v) => (k === 'input' || k === 'inst' ? undefined : v)));

/** The walk's issues split: zod's own, and the broken rules between settings, which zod cannot express and
 *  conditions.ts judges (compared with that module run over the whole schema at once, as a set). */
const isRule = (i: { code: string; params?: unknown }) => ruleParamsOf(i) !== undefined;

function same(config: unknown, what: string, walk: CompiledSchema = lazy, zod = whole, root = json): void {
  const issues = walk.safeParse(config).issues;
  assert.deepEqual(shown(issues.filter((i) => !isRule(i))), shown(zod.safeParse(config).error?.issues ?? []), what);
  assert.deepEqual(shown(issues.filter(isRule)).sort(), shown(conditionIssues(root, root, config, [])).sort(), `${what}: rules`);
}

const corpus = new CorpusBuilder(json);
const cases = corpus.subjects().flatMap((s) => CASE_KINDS.map((k) => corpus.caseFor(s, k)).filter((c) => c !== undefined));
const realistic = Object.values(DOCS).map((spec) => JSON.parse(generateConfig(spec)) as Record<string, unknown>);

test('every generated agreement case gets the issues of the whole schema, in its order', () => {
  assert.ok(cases.length > 150, `only ${cases.length} cases`);
  for (const c of cases) same(c.config, `${c.subject} ${c.kind}`);
  for (const f of corpus.files()) same(f.config, f.name);
  for (const c of new RuleCorpus(json).cases()) {
    same(c.config, c.name);
    assert.equal(lazy.safeParse(c.config).issues.some(isRule), c.breaks, c.name);
  }
});

test('the realistic configs are valid both ways', () => {
  for (const config of realistic) {
    assert.deepEqual(shown(lazy.safeParse(config).issues), []);
    same(config, 'realistic');
  }
});

test('a member replaced, removed or added anywhere gives the same issues as the whole schema', () => {
  const bases = [...realistic, ...cases.map((c) => c.config)];
  const objectsIn = (v: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] => {
    if (v && typeof v === 'object') {
      if (!Array.isArray(v)) out.push(v as Record<string, unknown>);
      for (const x of Object.values(v)) objectsIn(x, out);
    }
    return out;
  };
  const key = fc.oneof(fc.constantFrom('enabled', 'mode', 'port', 'token', 'work', 'telegram', 'entries', 'x', '__proto__', 'constructor', 'a b'), fc.string({ maxLength: 6 }));
  fc.assert(fc.property(fc.nat(bases.length - 1), fc.nat(), fc.nat(), key, fc.jsonValue({ maxDepth: 3 }), fc.constantFrom('replace', 'remove', 'add'),
    (b, at, member, newKey, value, how) => {
      const config = structuredClone(bases[b]);
      const objects = objectsIn(config);
      const target = objects[at % objects.length];
      const keys = Object.keys(target);
      if (how === 'add' || !keys.length) Object.defineProperty(target, newKey, { value, enumerable: true, writable: true, configurable: true });
      else if (how === 'remove') delete target[keys[member % keys.length]];
      else target[keys[member % keys.length]] = value;
      same(config, `${how} in base ${b}`);
    }), { numRuns: RUNS, seed: 4242 });
});

test('a document compiles only the members it holds', () => {
  const fresh = new CompiledSchema(json);
  fresh.safeParse({ channels: { telegram: { enabled: true, dmPolicy: 'pairing', groupPolicy: 'allowlist' } } });
  // telegram's three keys, not telegram whole nor the other channels
  const telegram = json.properties!.channels.properties!.telegram;
  assert.deepEqual(fresh.compiledNodes(), ['enabled', 'dmPolicy', 'groupPolicy'].map((k) => telegram.properties![k]));
  // A map (agents.entries: any agent id, one schema for each) is walked the same way, not compiled whole.
  const agents = new CompiledSchema(json);
  agents.safeParse({ agents: { entries: { main: { workspace: '~/w' } } } });
  const entries = json.properties!.agents.properties!.entries;
  assert.ok(!agents.compiledNodes().includes(entries), 'agents.entries was compiled whole');
  // The agent id's pattern, and the one member the entry holds.
  const workspace = (entries.additionalProperties as JsonSchema).properties!.workspace;
  assert.equal(agents.compiledNodes().length, 2, `${agents.compiledNodes().length} nodes compiled for one agent's workspace`);
  assert.ok(agents.compiledNodes().includes(workspace));
  const everything = new CompiledSchema(json);
  everything.safeParse(5);
  assert.deepEqual(everything.compiledNodes(), [json], 'a value that is not an object is left to the whole schema');
});

test("the CLI's prose (titles, descriptions) does not stop the walk, nor change what it finds", () => {
  const withProse = structuredClone(json);
  const annotate = (node: unknown): void => {
    if (Array.isArray(node)) { node.forEach(annotate); return; }
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'object') Object.assign(n, { title: 'A title', description: 'Prose that checks nothing.' });
    for (const [k, v] of Object.entries(n)) if (k !== 'enum' && k !== 'const' && k !== 'default') annotate(v);
  };
  annotate(withProse);
  const prose = new CompiledSchema(withProse);
  const wholeProse = compileNode(withProse, withProse);
  for (const c of cases) same(c.config, `${c.subject} ${c.kind}`, prose, wholeProse, withProse);
  const fresh = new CompiledSchema(withProse);
  fresh.safeParse({ channels: { telegram: { enabled: true, dmPolicy: 'pairing', groupPolicy: 'allowlist' } } });
  const telegram = withProse.properties!.channels.properties!.telegram;
  assert.deepEqual(fresh.compiledNodes(), ['enabled', 'dmPolicy', 'groupPolicy'].map((k) => telegram.properties![k]));
});
