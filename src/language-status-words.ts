// What the language status item says about the schema that checks the open config: which OpenClaw, and what that
// means for the user, in words short enough for the one unbroken line VS Code gives it (its popup opens centred on
// the item, near the right edge of the window, and runs off it when the line is long). Pure.
import type { HostModel } from '../language-server/src/protocol';
import { t } from '@vscode/l10n';

export interface SchemaWords { text: string; detail: string }

export function schemaStatusWords(schema: HostModel['schema'], trusted: boolean): SchemaWords {
  const text = schema.version ? `OpenClaw ${schema.version}` : 'OpenClaw';
  if (schema.source === 'cli') {
    // The note names what of the CLI's schema could not be taken over: rules that tie plugin settings together.
    return { text, detail: schema.note ? t("your CLI's, save a few plugin rules") : t("your CLI's schema") };
  }
  if (!trusted) return { text, detail: t('bundled; restricted window') };
  if (!schema.note) return { text, detail: t('bundled, until your CLI answers') };
  return { text, detail: /not found/i.test(schema.note) ? t('bundled; no OpenClaw CLI found') : t("bundled; your CLI's schema failed") };
}
