// What the language status item says about the schema that checks the open config: which OpenClaw, and what that
// means for the user, in words short enough for the one line VS Code gives it. Pure.
import type { HostModel } from '../language-server/src/protocol';

export interface SchemaWords { text: string; detail: string }

export function schemaStatusWords(schema: HostModel['schema'], trusted: boolean): SchemaWords {
  const text = schema.version ? `OpenClaw ${schema.version} schema` : 'OpenClaw schema';
  if (schema.source === 'cli') {
    // The note names what of the CLI's schema could not be taken over: rules that tie plugin settings together.
    return { text, detail: schema.note ? "your CLI's; a few plugin rules unchecked" : "your CLI's, plugins included" };
  }
  if (!trusted) return { text, detail: 'bundled; restricted window, CLI not run' };
  if (!schema.note) return { text, detail: 'bundled, until your CLI answers' };
  return { text, detail: /not found/i.test(schema.note) ? 'bundled; no OpenClaw CLI found' : "bundled; your CLI's could not be read" };
}
