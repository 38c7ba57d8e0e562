// The schema a document is checked against, from one of two sources that share one path: the structure generated
// from the pinned OpenClaw CLI and committed (language-server/schema/), or the installed CLI's own schema.
import { CompiledSchema } from './compiled';
import type { JsonSchema } from './json-schema';
import { repairCliSchema } from './repair';
import { BUNDLED_SCHEMA_TEXT, BUNDLED_SCHEMA_VERSION } from './bundled-data';

export interface SchemaInUse {
  source: 'cli' | 'bundled';
  /** The OpenClaw version the schema describes. */
  version: string;
  compiled: CompiledSchema;
  json: JsonSchema;
  /** What had to be left out of the CLI's schema to build it, if anything. */
  note?: string;
}

let bundled: SchemaInUse | undefined;

export function bundledSchemaInUse(): SchemaInUse {
  bundled ??= schemaFromJson(JSON.parse(BUNDLED_SCHEMA_TEXT) as JsonSchema, 'bundled', BUNDLED_SCHEMA_VERSION);
  return bundled;
}

export function schemaFromJson(json: JsonSchema, source: SchemaInUse['source'], version: string, note?: string): SchemaInUse {
  return { source, version, compiled: new CompiledSchema(json), json, note };
}

export function droppedNote(dropped: number): string | undefined {
  return dropped ? `a few rules that tie plugin settings together (${dropped} not/if/then/else keywords of the CLI's schema) are not checked here; "openclaw config validate" checks them` : undefined;
}

/** The schema in use from the CLI's JSON Schema (already repaired when it comes from the disk cache). */
export function schemaFromCli(rawOrRepaired: unknown, version: string, alreadyRepaired = false): SchemaInUse {
  const repaired = alreadyRepaired ? { schema: rawOrRepaired as JsonSchema, droppedKeywords: 0 } : repairCliSchema(rawOrRepaired);
  return schemaFromJson(repaired.schema, 'cli', version, droppedNote(repaired.droppedKeywords));
}
