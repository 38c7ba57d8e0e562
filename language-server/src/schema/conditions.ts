// The rules of OpenClaw's schema that tie settings to each other: `if`/`then`/`else` and `not` (onepassword: a vault
// needs items and items need a vault; memory-wiki: two combinations it refuses). zod has none of these keywords, so
// zod checks the schema without them and this module checks them where they apply, with JSON Schema's meaning, as
// the CLI's validator does: a keyword about objects says nothing of a value that is not one.
import type { z } from 'zod';
import { resolveRef, safeRegExp, someKeyword, type JsonSchema } from './json-schema';
import { PROSE } from './structure';

type Issue = z.core.$ZodIssue;
type Path = (string | number)[];
type Schema = JsonSchema | boolean;

export const CONDITIONAL_KEYWORDS = new Set(['not', 'if', 'then', 'else']);

export type ConditionRule = 'then' | 'else' | 'not';
/** What a broken rule's issue carries, for its message: the rule, and the schemas it compared the value with. */
export interface ConditionParams { rule: ConditionRule; condition: Schema; required?: Schema }

/** The keywords `matches` decides; a rule written with any other is not judged here (see `unjudgedRules`). */
const JUDGED = new Set([
  ...CONDITIONAL_KEYWORDS, ...PROSE, 'type', 'const', 'enum', 'required', 'properties', 'patternProperties', 'additionalProperties',
  'items', 'allOf', 'anyOf', 'oneOf', '$ref', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength',
  'pattern', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'default',
]);

class Unjudged extends Error {}

/** The rules broken by `value` under `node` and everything inside it, each as an issue at the object it sits on. */
export function conditionIssues(root: JsonSchema, node: Schema, value: unknown, path: Path): Issue[] {
  const out: Issue[] = [];
  if (holdsRules(root, node)) walk(root, node, value, path, out, 0);
  return out;
}

const rulesBelow = new WeakMap<JsonSchema, boolean>();

/** Whether a rule sits anywhere in `node` (references followed); almost no node holds one, so the walk is skipped. */
function holdsRules(root: JsonSchema, node: Schema): boolean {
  if (typeof node === 'boolean') return false;
  const known = rulesBelow.get(node);
  if (known !== undefined) return known;
  // A cycle through references finds no rule on its way back round.
  rulesBelow.set(node, false);
  const found = someKeyword(node, (k, v) => CONDITIONAL_KEYWORDS.has(k) || (k === '$ref' && typeof v === 'string' && refHoldsRules(root, v)));
  rulesBelow.set(node, found);
  return found;
}

function refHoldsRules(root: JsonSchema, ref: string): boolean {
  const target = resolveRef(root, { $ref: ref });
  return target.$ref === undefined && holdsRules(root, target);
}

/** How many of the schema's rules use a keyword `matches` does not decide, so are left to `openclaw config validate`. */
export function unjudgedRules(root: JsonSchema): number {
  let n = 0;
  someKeyword(root, (k, v) => {
    if ((k === 'not' || k === 'if') && !judgeable(v)) n++;
    return false;
  });
  return n;
}

function judgeable(s: unknown): boolean {
  if (typeof s === 'boolean') return true;
  if (!s || typeof s !== 'object') return false;
  return Object.entries(s as Record<string, unknown>).every(([k, v]) => {
    if (!JUDGED.has(k)) return false;
    if (k === 'properties' || k === 'patternProperties') return Object.values(v as object).every(judgeable);
    if (k === 'allOf' || k === 'anyOf' || k === 'oneOf') return (v as unknown[]).every(judgeable);
    if (k === 'not' || k === 'if' || k === 'then' || k === 'else' || k === 'additionalProperties') return judgeable(v);
    if (k === 'items') return Array.isArray(v) ? v.every(judgeable) : judgeable(v);
    return true;
  });
}

function walk(root: JsonSchema, node: Schema, value: unknown, path: Path, out: Issue[], depth: number): void {
  if (typeof node === 'boolean' || depth > 64) return;
  const s = resolveRef(root, node);
  try {
    if (s.if !== undefined) {
      const holds = matches(root, s.if as Schema, value, 0);
      const rule: ConditionRule = holds ? 'then' : 'else';
      const required = s[rule] as Schema | undefined;
      if (required !== undefined && !matches(root, required, value, 0)) out.push(issue(path, value, { rule, condition: s.if as Schema, required }));
    }
    if (s.not !== undefined && matches(root, s.not as Schema, value, 0)) out.push(issue(path, value, { rule: 'not', condition: s.not as Schema }));
  } catch (e) {
    if (!(e instanceof Unjudged)) throw e;
  }
  for (const sub of s.allOf ?? []) walk(root, sub, value, path, out, depth + 1);
  // Inside a union only the branches the value fits are its schema.
  for (const sub of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) if (fits(root, sub, value)) walk(root, sub, value, path, out, depth + 1);
  if (Array.isArray(value)) {
    const items = s.items;
    value.forEach((v, i) => {
      const sub = Array.isArray(items) ? items[i] : items;
      if (sub !== undefined) walk(root, sub, v, [...path, i], out, depth + 1);
    });
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      for (const sub of memberSchemas(s, k)) walk(root, sub, v, [...path, k], out, depth + 1);
    }
  }
}

/** Whether the value is of a union branch's shape, its rules aside: a broken rule there is still its own issue. */
function fits(root: JsonSchema, s: Schema, value: unknown): boolean {
  try {
    return matches(root, s, value, 0, false);
  } catch (e) {
    if (e instanceof Unjudged) return false;
    throw e;
  }
}

/** The params of an issue this module made, or undefined for any other issue. */
export function ruleParamsOf(issue: { code: string; params?: unknown }): ConditionParams | undefined {
  const params = issue.code === 'custom' ? issue.params as ConditionParams | undefined : undefined;
  return params?.rule ? params : undefined;
}

function issue(path: Path, input: unknown, params: ConditionParams): Issue {
  // The words come from schema-issues.ts, which reads the params.
  return { code: 'custom', path, message: '', params, input } as unknown as Issue;
}

/** The schemas that apply to member `key` of an object: its property, the patterns it matches, or else the rest's. */
function memberSchemas(s: JsonSchema, key: string): Schema[] {
  const own = s.properties && Object.hasOwn(s.properties, key) ? [s.properties[key]] : [];
  // As schemasAt reads them: a pattern that is no regular expression names no key.
  const patterned = Object.entries(s.patternProperties ?? {}).filter(([p]) => safeRegExp(p)?.test(key)).map(([, sub]) => sub);
  if (own.length || patterned.length) return [...own, ...patterned];
  return s.additionalProperties === undefined ? [] : [s.additionalProperties];
}

/** JSON Schema's own verdict of `value` against `s`, for the keywords in JUDGED (with `rules` false, `not` and
 *  `if` aside); any other keyword throws Unjudged. */
export function matches(root: JsonSchema, schema: Schema, value: unknown, depth: number, rules = true): boolean {
  if (typeof schema === 'boolean') return schema;
  if (depth > 64) throw new Unjudged('too deep');
  const s = resolveRef(root, schema);
  for (const k of Object.keys(s)) if (!JUDGED.has(k)) throw new Unjudged(k);
  const sub = (x: Schema, v: unknown) => matches(root, x, v, depth + 1, rules);
  if (s.type !== undefined && !([] as string[]).concat(s.type).some((t) => isType(value, t))) return false;
  if ('const' in s && !same(value, s.const)) return false;
  if (s.enum && !s.enum.some((e) => same(value, e))) return false;
  if (typeof value === 'number' && !withinBounds(s, value)) return false;
  if (typeof value === 'string') {
    const length = [...value].length;
    if (length < ((s.minLength as number) ?? 0) || length > ((s.maxLength as number) ?? Infinity)) return false;
    if (typeof s.pattern === 'string' && !patternOf(s.pattern).test(value)) return false;
  }
  if (Array.isArray(value)) {
    if (value.length < ((s.minItems as number) ?? 0) || value.length > ((s.maxItems as number) ?? Infinity)) return false;
    const items = s.items;
    if (items !== undefined && !value.every((v, i) => { const x = Array.isArray(items) ? items[i] : items; return x === undefined || sub(x, v); })) return false;
  } else if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length < ((s.minProperties as number) ?? 0) || keys.length > ((s.maxProperties as number) ?? Infinity)) return false;
    if (((s.required as string[] | undefined) ?? []).some((k) => !Object.hasOwn(value, k))) return false;
    if (!keys.every((k) => memberSchemas(s, k).every((x) => sub(x, value[k])))) return false;
  }
  if (s.allOf && !s.allOf.every((x) => sub(x, value))) return false;
  if (s.anyOf && !s.anyOf.some((x) => sub(x, value))) return false;
  if (s.oneOf && s.oneOf.filter((x) => sub(x, value)).length !== 1) return false;
  if (!rules) return true;
  if (s.not !== undefined && sub(s.not as Schema, value)) return false;
  if (s.if !== undefined) {
    const branch = (sub(s.if as Schema, value) ? s.then : s.else) as Schema | undefined;
    if (branch !== undefined && !sub(branch, value)) return false;
  }
  return true;
}

/** A pattern compiled once; one that is no regular expression cannot be judged here. */
function patternOf(pattern: string): RegExp {
  const re = safeRegExp(pattern);
  if (!re) throw new Unjudged(`pattern ${pattern}`);
  return re;
}

function withinBounds(s: JsonSchema, n: number): boolean {
  const num = (k: string) => (typeof s[k] === 'number' ? (s[k] as number) : undefined);
  const [min, max, xmin, xmax] = [num('minimum'), num('maximum'), num('exclusiveMinimum'), num('exclusiveMaximum')];
  return !((min !== undefined && n < min) || (max !== undefined && n > max) || (xmin !== undefined && n <= xmin) || (xmax !== undefined && n >= xmax));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function isType(v: unknown, t: string): boolean {
  switch (t) {
    case 'object': return isObject(v);
    case 'array': return Array.isArray(v);
    case 'null': return v === null;
    case 'integer': return Number.isInteger(v);
    case 'number': return typeof v === 'number';
    default: return typeof v === t;
  }
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
  }
  return false;
}
