// The part of OpenClaw's schema the project may keep: its structure. Titles, descriptions and examples are OpenClaw's
// own prose, so the committed data (and the schema other tools get from --print-schema without a CLI) leave them out.
import type { JsonSchema } from './json-schema';

export const PROSE = new Set(['title', 'description', 'markdownDescription', 'examples', '$comment']);

/** A copy of `schema` without prose keywords; config key names that happen to read "title" or "description" stay. */
export function structureOf(schema: JsonSchema): JsonSchema {
  const strip = (node: unknown, namesHere: boolean): unknown => {
    if (Array.isArray(node)) return node.map((n) => strip(n, false));
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (!namesHere && PROSE.has(k)) continue;
      // enum, const and default hold config values, not schemas: copied as they are.
      out[k] = namesHere ? strip(v, false) : k === 'enum' || k === 'const' || k === 'default' ? v : strip(v, k === 'properties' || k === 'patternProperties' || k === 'definitions' || k === '$defs');
    }
    return out;
  };
  return strip(schema, false) as JsonSchema;
}
