// The schema a document is checked against, from one of two sources that share one path: the structure generated
// from the pinned OpenClaw CLI and committed (language-server/schema/), or the installed CLI's own schema.
import { CompiledSchema } from './compiled';
import type { JsonSchema } from './json-schema';
import { unjudgedRules } from './conditions';
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

/** Said when some of the schema's rules use a keyword the checker does not judge (none in OpenClaw 2026.9). */
export function unjudgedNote(schema: JsonSchema): string | undefined {
  const n = unjudgedRules(schema);
  return n ? `${n} of the rules that tie settings together (not/if keywords of the CLI's schema) are not checked here; "openclaw config validate" checks them` : undefined;
}

/** The schema in use from the CLI's JSON Schema (already repaired when it comes from the disk cache). */
export function schemaFromCli(rawOrRepaired: unknown, version: string, alreadyRepaired = false): SchemaInUse {
  const schema = alreadyRepaired ? rawOrRepaired as JsonSchema : repairCliSchema(rawOrRepaired).schema;
  return schemaFromJson(schema, 'cli', version, unjudgedNote(schema));
}
