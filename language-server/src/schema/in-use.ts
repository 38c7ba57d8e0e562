// The schema a document is checked against: zod for validation, its JSON Schema for hovers and completion.
import { z } from 'zod';
import { bundledSchema, BUNDLED_SCHEMA_VERSION } from './bundled';
import type { JsonSchema } from './json-schema';
import { repairCliSchema } from './repair';

export interface SchemaInUse {
  source: 'cli' | 'bundled';
  /** The OpenClaw version the schema describes. */
  version: string;
  zod: z.ZodType;
  json: JsonSchema;
  /** What had to be left out of the CLI's schema to build it, if anything. */
  note?: string;
}

let bundled: SchemaInUse | undefined;

export function bundledSchemaInUse(): SchemaInUse {
  bundled ??= {
    source: 'bundled',
    version: BUNDLED_SCHEMA_VERSION,
    zod: bundledSchema,
    json: z.toJSONSchema(bundledSchema, { io: 'input', unrepresentable: 'any', target: 'draft-07' }) as JsonSchema,
  };
  return bundled;
}

/** Builds the zod schema from the CLI's JSON Schema (already repaired when it comes from the disk cache). */
export function schemaFromCli(rawOrRepaired: unknown, version: string, alreadyRepaired = false): SchemaInUse {
  const repaired = alreadyRepaired ? { schema: rawOrRepaired as JsonSchema, droppedKeywords: 0 } : repairCliSchema(rawOrRepaired);
  const zod = z.fromJSONSchema(repaired.schema as Parameters<typeof z.fromJSONSchema>[0]) as z.ZodType;
  return {
    source: 'cli',
    version,
    zod,
    json: repaired.schema,
    note: repaired.droppedKeywords ? `${repaired.droppedKeywords} conditional constraints (not/if) of the CLI schema are not checked` : undefined,
  };
}
