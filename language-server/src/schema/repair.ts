// The CLI's JSON Schema as the checker can take it. `$defs` sit under two plugin configs while their `$ref`s point
// at the root (`#/$defs/x`, openclaw 2026.9.x), so generic tools cannot resolve them; they are hoisted to a root
// `definitions` table and the refs rewritten. The rules zod cannot express (`not`, `if/then/else`) are kept:
// conditions.ts checks them.
import type { JsonSchema } from './json-schema';

export interface RepairedSchema { schema: JsonSchema; hoistedDefs: string[] }

/** Part of the on-disk cache key: a cache written by an older repair is not reused. */
export const REPAIR_REVISION = 3;

/** Patterns OpenClaw checks case-insensitively (zod's /i) but exports without the flag, which JSON Schema lacks:
 *  agent ids, where "Main" is accepted by the CLI. Rewritten to an explicit case-insensitive class. */
const CASE_INSENSITIVE_PATTERNS = new Map([['^[a-z0-9_][a-z0-9_-]{0,63}$', '^[A-Za-z0-9_][A-Za-z0-9_-]{0,63}$']]);

export function repairCliSchema(raw: unknown): RepairedSchema {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('the CLI printed a schema that is not a JSON object');
  const defs: Record<string, JsonSchema> = {};
  // In `properties` and `patternProperties` the keys are config key names (`$schema`, even `not`), not keywords.
  const rewrite = (node: unknown, depth: number, namesHere = false): unknown => {
    if (Array.isArray(node)) return node.map((n) => rewrite(n, depth + 1));
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (namesHere) { out[k] = rewrite(v, depth + 1); continue; }
      if ((k === '$defs' || k === 'definitions') && v && typeof v === 'object') {
        for (const [name, def] of Object.entries(v as Record<string, unknown>)) defs[name] = rewrite(def, depth + 1) as JsonSchema;
        continue;
      }
      if (k === '$ref' && typeof v === 'string') { out[k] = v.replace(/^#\/\$defs\//, '#/definitions/'); continue; }
      if (k === '$schema' && depth > 0) continue;
      if (k === 'pattern' && typeof v === 'string' && CASE_INSENSITIVE_PATTERNS.has(v)) { out[k] = CASE_INSENSITIVE_PATTERNS.get(v); continue; }
      out[k] = rewrite(v, depth + 1, k === 'properties' || k === 'patternProperties');
    }
    return out;
  };
  const schema = rewrite(raw, 0) as JsonSchema;
  schema.definitions = defs;
  return { schema, hoistedDefs: Object.keys(defs) };
}
