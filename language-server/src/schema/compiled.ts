// OpenClaw's JSON Schema turned into zod lazily: the root is checked here, and each top-level section is compiled
// the first time a document holds it, then cached. A profile config uses a handful of the 44 sections, so start-up
// and memory pay for those only. Both schema sources (committed data, the installed CLI's) come through here.
import { z } from 'zod';
import type { JsonSchema } from './json-schema';
import { structureOf } from './structure';

export type Issue = z.core.$ZodIssue;
export interface ParseOutcome { success: boolean; issues: Issue[] }

export class CompiledSchema {
  private readonly sections = new Map<string, z.ZodType>();
  private whole?: z.ZodType;
  /** The root's own keys when the root is a plain strict object (as OpenClaw's is); otherwise the root is compiled whole. */
  private readonly rootKeys?: Set<string>;

  constructor(private readonly json: JsonSchema) {
    const plainRoot = json.type === 'object' && json.additionalProperties === false && !json.patternProperties
      && !json.anyOf && !json.oneOf && !json.allOf && !json.required && !json.propertyNames && json.properties;
    if (plainRoot) this.rootKeys = new Set(Object.keys(json.properties!));
  }

  /** Section names in source order whose schemas are compiled so far (what start-up actually paid for). */
  compiledSections(): string[] {
    return [...this.sections.keys()];
  }

  /** The whole document, as zod's strict object would check it: unknown root keys in one issue, then each section. */
  safeParse(value: unknown): ParseOutcome {
    const issues: Issue[] = [];
    for (const step of this.steps(value, issues)) step();
    return { success: !issues.length, issues };
  }

  /** The same check as separate steps (the root, then one per section), so a caller can pause between them. */
  steps(value: unknown, issues: Issue[]): (() => void)[] {
    if (!this.rootKeys || !value || typeof value !== 'object' || Array.isArray(value)) {
      return [() => { for (const i of this.wholeSchema().safeParse(value).error?.issues ?? []) issues.push(i); }];
    }
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    const steps: (() => void)[] = [];
    const sectionIssues: Issue[][] = [];
    for (const key of keys) {
      if (!this.rootKeys.has(key)) continue;
      const at = sectionIssues.push([]) - 1;
      steps.push(() => {
        const r = this.section(key).safeParse(obj[key]);
        if (!r.success) for (const i of r.error.issues) sectionIssues[at].push({ ...i, path: [key, ...i.path] } as Issue);
      });
    }
    // zod's strict object lists the issues of its known keys in shape order, then one issue for every unknown key.
    steps.push(() => {
      const order = new Map([...this.rootKeys!].map((k, i) => [k, i]));
      const known = keys.filter((k) => this.rootKeys!.has(k));
      const byOrder = known.map((k, i) => ({ k, i })).sort((a, b) => order.get(a.k)! - order.get(b.k)!);
      for (const { i } of byOrder) for (const issue of sectionIssues[i]) issues.push(issue);
      const unknown = keys.filter((k) => !this.rootKeys!.has(k));
      if (unknown.length) issues.push({ code: 'unrecognized_keys', keys: unknown, path: [], message: '', input: value } as unknown as Issue);
    });
    return steps;
  }

  private section(key: string): z.ZodType {
    let s = this.sections.get(key);
    if (!s) {
      s = compile(this.json, this.json.properties![key]);
      this.sections.set(key, s);
    }
    return s;
  }

  private wholeSchema(): z.ZodType {
    this.whole ??= compile(this.json, this.json);
    return this.whole;
  }
}

/** One sub-schema with only the definitions it reaches, without prose (zod would register every description). */
function compile(root: JsonSchema, schema: JsonSchema): z.ZodType {
  const defs = (root.definitions ?? {}) as Record<string, JsonSchema>;
  const needed: Record<string, JsonSchema> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) { node.forEach(walk); return; }
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k === '$ref' && typeof v === 'string') {
        const name = /^#\/definitions\/(.+)$/.exec(v)?.[1];
        if (name && defs[name] && !needed[name]) { needed[name] = defs[name]; walk(defs[name]); }
      } else if (k !== 'definitions' && k !== 'enum' && k !== 'const' && k !== 'default') walk(v);
    }
  };
  walk(schema);
  const input = structureOf({ ...schema, $schema: 'http://json-schema.org/draft-07/schema#', definitions: needed });
  return z.fromJSONSchema(input as Parameters<typeof z.fromJSONSchema>[0]) as z.ZodType;
}
