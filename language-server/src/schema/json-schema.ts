// Walking a JSON Schema by config path: the one view of "the schema in use" that hovers, completion and
// "did you mean" share, whether it came from the CLI or from the bundled zod schema.
import type { Segment } from '../parse/tree';

export type JsonSchema = { [k: string]: unknown } & {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  enum?: unknown[];
  const?: unknown;
  title?: string;
  description?: string;
  default?: unknown;
};

export function resolveRef(root: JsonSchema, schema: JsonSchema): JsonSchema {
  let s = schema;
  for (let hops = 0; s && typeof s.$ref === 'string' && hops < 32; hops++) {
    const m = /^#\/(definitions|\$defs)\/(.+)$/.exec(s.$ref);
    const table = m ? ((root as Record<string, Record<string, JsonSchema> | undefined>)[m[1]] ?? (root.definitions as Record<string, JsonSchema> | undefined)) : undefined;
    const next = m && table ? table[m[2]] : undefined;
    if (!next) return s;
    s = next;
  }
  return s;
}

/** A schema with its unions and intersections spread out: every alternative that could apply. */
export function alternatives(root: JsonSchema, schema: JsonSchema | boolean | undefined): JsonSchema[] {
  const out: JsonSchema[] = [];
  const visit = (s: JsonSchema | boolean | undefined, depth: number): void => {
    if (!s || s === true || depth > 16) return;
    const r = resolveRef(root, s);
    out.push(r);
    for (const k of ['anyOf', 'oneOf', 'allOf'] as const) for (const sub of r[k] ?? []) visit(sub, depth + 1);
  };
  visit(schema, 0);
  return out;
}

export function schemasAt(root: JsonSchema, path: readonly Segment[]): JsonSchema[] {
  let current = alternatives(root, root);
  for (const seg of path) {
    const next: JsonSchema[] = [];
    for (const s of current) {
      if (typeof seg === 'string') {
        const direct = s.properties?.[seg];
        if (direct) { next.push(...alternatives(root, direct)); continue; }
        let matched = false;
        for (const [pattern, sub] of Object.entries(s.patternProperties ?? {})) {
          if (safeRegExp(pattern)?.test(seg)) { next.push(...alternatives(root, sub)); matched = true; }
        }
        if (!matched && typeof s.additionalProperties === 'object') next.push(...alternatives(root, s.additionalProperties));
      } else if (Array.isArray(s.items)) {
        next.push(...alternatives(root, s.items[seg]));
      } else if (s.items) {
        next.push(...alternatives(root, s.items));
      }
    }
    current = next;
    if (!current.length) break;
  }
  return current;
}

export interface PropertyInfo { key: string; schema: JsonSchema; required: boolean }

/** Every named property the object at `path` may hold (patterns and open maps have no names to offer). */
export function propertiesAt(root: JsonSchema, path: readonly Segment[]): Map<string, PropertyInfo> {
  const props = new Map<string, PropertyInfo>();
  for (const s of schemasAt(root, path)) {
    const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
    for (const [key, sub] of Object.entries(s.properties ?? {})) {
      if (!props.has(key)) props.set(key, { key, schema: resolveRef(root, sub), required: required.has(key) });
    }
  }
  return props;
}

export function allowedValues(schemas: JsonSchema[]): unknown[] {
  const values: unknown[] = [];
  for (const s of schemas) {
    if (Array.isArray(s.enum)) values.push(...s.enum);
    if ('const' in s) values.push(s.const);
  }
  return [...new Set(values)];
}

export function typeNames(schemas: JsonSchema[]): string[] {
  const types = new Set<string>();
  for (const s of schemas) {
    if (Array.isArray(s.type)) s.type.forEach((t) => types.add(t));
    else if (typeof s.type === 'string') types.add(s.type);
  }
  return [...types];
}

/** Keys under these are config key names or definition names, not keywords. */
const NAME_TABLES = new Set(['properties', 'patternProperties', 'definitions', '$defs']);
/** These hold config values, not schemas. */
const VALUE_KEYWORDS = new Set(['enum', 'const', 'default']);

/** A copy of `schema` without the keywords in `drop` wherever they are keywords (a config key named "title" or
 *  "not" stays). With `dropEmptyAllOf`, an `allOf` entry left empty goes too, and an `allOf` left with none. */
export function withoutKeywords(schema: JsonSchema, drop: ReadonlySet<string>, dropEmptyAllOf = false): JsonSchema {
  const copy = (node: unknown, names: boolean): unknown => {
    if (Array.isArray(node)) return node.map((n) => copy(n, false));
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (names) out[k] = copy(v, false);
      else if (!drop.has(k)) out[k] = VALUE_KEYWORDS.has(k) ? v : copy(v, NAME_TABLES.has(k));
    }
    if (dropEmptyAllOf && !names && Array.isArray(out.allOf)) {
      const kept = (out.allOf as unknown[]).filter((x) => !(x && typeof x === 'object' && !Array.isArray(x) && !Object.keys(x).length));
      if (kept.length) out.allOf = kept;
      else delete out.allOf;
    }
    return out;
  };
  return copy(schema, false) as JsonSchema;
}

/** Whether `test` holds for some keyword of `schema` and its value, looked for depth first; names and values are
 *  told from keywords as in `withoutKeywords`. */
export function someKeyword(schema: unknown, test: (keyword: string, value: unknown) => boolean): boolean {
  const visit = (node: unknown, names: boolean): boolean => {
    if (Array.isArray(node)) return node.some((n) => visit(n, false));
    if (!node || typeof node !== 'object') return false;
    return Object.entries(node as Record<string, unknown>).some(([k, v]) => (names ? visit(v, false) : test(k, v) || (!VALUE_KEYWORDS.has(k) && visit(v, NAME_TABLES.has(k)))));
  };
  return visit(schema, false);
}

const regexCache = new Map<string, RegExp | null>();
/** The pattern compiled once (as Unicode where it can be), or null when it is no regular expression at all. */
export function safeRegExp(pattern: string): RegExp | null {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    try { re = new RegExp(pattern, 'u'); } catch { try { re = new RegExp(pattern); } catch { re = null; } }
    regexCache.set(pattern, re);
  }
  return re;
}
