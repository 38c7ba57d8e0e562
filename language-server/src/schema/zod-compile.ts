// One node of OpenClaw's JSON Schema turned into zod, with only the definitions it reaches, without prose (zod
// would register every description) and without the rules that tie settings together, which zod cannot express
// (conditions.ts checks those). The node is what zod checks; the root only lends its definitions.
import { z } from 'zod';
import { CONDITIONAL_KEYWORDS } from './conditions';
import { withoutKeywords, type JsonSchema } from './json-schema';
import { PROSE } from './structure';

const NOT_FOR_ZOD = new Set([...PROSE, ...CONDITIONAL_KEYWORDS]);

export function compileNode(root: JsonSchema, node: JsonSchema): z.ZodType {
  const defs = (root.definitions ?? {}) as Record<string, JsonSchema>;
  const needed: Record<string, JsonSchema> = {};
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) { n.forEach(walk); return; }
    if (!n || typeof n !== 'object') return;
    for (const [k, v] of Object.entries(n as Record<string, unknown>)) {
      if (k === '$ref' && typeof v === 'string') {
        const name = /^#\/definitions\/(.+)$/.exec(v)?.[1];
        if (name && defs[name] && !needed[name]) { needed[name] = defs[name]; walk(defs[name]); }
      } else if (k !== 'definitions' && k !== 'enum' && k !== 'const' && k !== 'default') walk(v);
    }
  };
  walk(node);
  // An allOf of rules only is left empty; zod would make it an intersection with "anything", and that intersection
  // lets unknown keys through the object's additionalProperties: false.
  const input = withoutKeywords({ ...node, $schema: 'http://json-schema.org/draft-07/schema#', definitions: needed }, NOT_FOR_ZOD, true);
  return z.fromJSONSchema(input as Parameters<typeof z.fromJSONSchema>[0]) as z.ZodType;
}
