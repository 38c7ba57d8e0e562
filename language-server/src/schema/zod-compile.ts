// One node of OpenClaw's JSON Schema turned into zod, with only the definitions it reaches, without prose (zod
// would register every description) and without the rules that tie settings together, which zod cannot express
// (conditions.ts checks those). The node is what zod checks; the root only lends its definitions.
import { z } from 'zod';
import { CONDITIONAL_KEYWORDS } from './conditions';
import type { JsonSchema } from './json-schema';
import { structureOf } from './structure';

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
  const input = withoutRules(structureOf({ ...node, $schema: 'http://json-schema.org/draft-07/schema#', definitions: needed }));
  return z.fromJSONSchema(input as Parameters<typeof z.fromJSONSchema>[0]) as z.ZodType;
}

function withoutRules(node: unknown, names = false): unknown {
  if (Array.isArray(node)) return node.map((n) => withoutRules(n));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (!names && CONDITIONAL_KEYWORDS.has(k)) continue;
    out[k] = names ? withoutRules(v) : k === 'enum' || k === 'const' || k === 'default' ? v : withoutRules(v, k === 'properties' || k === 'patternProperties' || k === 'definitions');
  }
  // An allOf of rules only is left empty; zod would make it an intersection with "anything", and that intersection
  // lets unknown keys through the object's additionalProperties: false.
  if (!names && Array.isArray(out.allOf)) {
    const kept = (out.allOf as unknown[]).filter((x) => !(x && typeof x === 'object' && !Array.isArray(x) && !Object.keys(x).length));
    if (kept.length) out.allOf = kept;
    else delete out.allOf;
  }
  return out;
}
