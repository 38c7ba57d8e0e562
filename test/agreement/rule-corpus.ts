// Configs generated from the rules of the schema that tie settings together (`if`/`then` and `not`), wherever they
// sit: for each rule, a config that breaks it and one as close as can be that keeps it, each with what OpenClaw
// must say of it. Built from the schema, so a rule a new OpenClaw release adds is tested without anyone listing it.
import type { JsonSchema } from '../../language-server/src/schema/json-schema';
import { CorpusBuilder } from './schema-corpus';

export interface RuleCase { name: string; at: string; breaks: boolean; config: Record<string, unknown> }

interface Rule { path: string[]; node: JsonSchema; rule: JsonSchema }

export class RuleCorpus {
  private readonly corpus: CorpusBuilder;

  constructor(private readonly root: JsonSchema) {
    this.corpus = new CorpusBuilder(root);
  }

  /** Every `if` or `not` of the schema reached through properties, with the object schema it constrains. */
  rules(): Rule[] {
    const out: Rule[] = [];
    const visit = (s: JsonSchema | undefined, path: string[], depth: number): void => {
      const node = this.corpus.resolve(s);
      if (!node || depth > 16) return;
      for (const rule of [node, ...(node.allOf ?? []).map((x) => this.corpus.resolve(x)!)]) {
        if (rule && (rule.if !== undefined || rule.not !== undefined)) out.push({ path, node, rule });
      }
      for (const [k, sub] of Object.entries(node.properties ?? {})) visit(sub, [...path, k], depth + 1);
    };
    visit(this.root, [], 0);
    return out;
  }

  cases(): RuleCase[] {
    const out: RuleCase[] = [];
    for (const [i, r] of this.rules().entries()) {
      const at = r.path.join('.');
      const base = this.corpus.minimal(r.node, 0) as Record<string, unknown>;
      const push = (tag: string, breaks: boolean, value: Record<string, unknown> | undefined) => {
        if (value) out.push({ name: `rule-${String(i).padStart(2, '0')}-${tag}.json`, at, breaks, config: this.corpus.wrap(r.path, value) });
      };
      if (r.rule.if !== undefined) {
        const given = this.filled(r.node, { ...base }, (r.rule.if as JsonSchema).required as string[] | undefined);
        push('if-without-then', true, given);
        push('if-with-then', false, given && this.filled(r.node, { ...given }, (r.rule.then as JsonSchema | undefined)?.required as string[] | undefined));
      }
      if (r.rule.not !== undefined) {
        const refused = this.pinned(r.node, r.rule.not as JsonSchema, base);
        push('refused', true, refused);
        push('one-value-off', false, refused && this.oneOff(r.node, r.rule.not as JsonSchema, refused));
      }
    }
    return out;
  }

  /** `value` with each of `keys` set to the smallest value its schema takes. */
  private filled(node: JsonSchema, value: Record<string, unknown>, keys: string[] | undefined): Record<string, unknown> | undefined {
    if (!keys?.length) return undefined;
    for (const k of keys) {
      if (k in value) continue;
      const v = this.corpus.minimal(node.properties?.[k], 0);
      if (v === undefined) return undefined;
      value[k] = v;
    }
    return value;
  }

  /** `value` made to fit the refused schema: each required key set, to its constant where it names one. */
  private pinned(node: JsonSchema | undefined, refused: JsonSchema, value: unknown): Record<string, unknown> | undefined {
    const real = this.corpus.resolve(node);
    const out = value && typeof value === 'object' ? structuredClone(value) as Record<string, unknown> : (this.corpus.minimal(real, 0) as Record<string, unknown> | undefined);
    if (!out || typeof out !== 'object') return undefined;
    for (const k of (refused.required as string[] | undefined) ?? []) {
      const want = refused.properties?.[k];
      const at = real?.properties?.[k];
      if (want && 'const' in want) out[k] = want.const;
      else if (want && (want.required || want.properties)) {
        const inner = this.pinned(at, want, out[k]);
        if (!inner) return undefined;
        out[k] = inner;
      } else if (!(k in out)) {
        const v = this.corpus.minimal(at, 0);
        if (v === undefined) return undefined;
        out[k] = v;
      }
    }
    return out;
  }

  /** The refused value with its first constant changed to another value its own schema accepts. */
  private oneOff(node: JsonSchema, refused: JsonSchema, value: Record<string, unknown>): Record<string, unknown> | undefined {
    const out = structuredClone(value);
    let container: Record<string, unknown> = out;
    let real: JsonSchema | undefined = node;
    let want: JsonSchema = refused;
    for (let depth = 0; depth < 8; depth++) {
      const k = ((want.required as string[] | undefined) ?? []).find((key) => want.properties?.[key]);
      if (!k) return undefined;
      const wanted: JsonSchema = want.properties![k];
      const own = this.corpus.resolve(real?.properties?.[k]);
      if ('const' in wanted) {
        const other = this.constants(own).find((c) => c !== wanted.const);
        if (other === undefined) return undefined;
        container[k] = other;
        return out;
      }
      container = container[k] as Record<string, unknown>;
      real = own;
      want = wanted;
    }
    return undefined;
  }

  private constants(s: JsonSchema | undefined): unknown[] {
    if (!s) return [];
    if (Array.isArray(s.enum)) return s.enum;
    if ('const' in s) return [s.const];
    if (s.type === 'boolean') return [true, false];
    return [...(s.anyOf ?? []), ...(s.oneOf ?? [])].flatMap((b) => this.constants(this.corpus.resolve(b)));
  }
}
