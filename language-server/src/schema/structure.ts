// The part of OpenClaw's schema the project may keep: its structure. Titles, descriptions and examples are OpenClaw's
// own prose, so the committed data (and the schema other tools get from --print-schema without a CLI) leave them out.
import { withoutKeywords, type JsonSchema } from './json-schema';

export const PROSE = new Set(['title', 'description', 'markdownDescription', 'examples', '$comment']);

/** A copy of `schema` without prose keywords; config key names that happen to read "title" or "description" stay. */
export function structureOf(schema: JsonSchema): JsonSchema {
  return withoutKeywords(schema, PROSE);
}
