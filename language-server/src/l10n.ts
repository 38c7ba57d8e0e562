// Every message the core writes for a person goes through `t`, so the editor and the checker speak the user's
// language. The language server gets its bundle from the client (VS Code knows the display language); the checker
// picks it from the locale environment, as command-line programs do.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';

export { t } from '@vscode/l10n';

export type Bundle = Record<string, string | { message: string; comment: string[] }>;

/** From here on, `t` answers from `bundle` (VS Code's `l10n.bundle`); none keeps the English source strings. */
export function useBundle(bundle: Bundle | undefined): void {
  if (bundle && typeof bundle === 'object') l10n.config({ contents: bundle });
}

/** The language of messages by POSIX precedence (LC_ALL, LC_MESSAGES, LANG): "it" for it_IT.UTF-8, none for C/POSIX. */
export function localeLanguage(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const lang = /^([a-zA-Z]{2,3})(?:[_.@-]|$)/.exec(value)?.[1]?.toLowerCase();
  return lang && lang !== 'c' ? lang : undefined;
}

/** The shipped bundle for the environment's language, if the extension has one (`l10n/bundle.l10n.<lang>.json`). */
export function bundleFromEnv(env: NodeJS.ProcessEnv, l10nDir: string): Bundle | undefined {
  const lang = localeLanguage(env);
  if (!lang || lang === 'en') return undefined;
  const file = path.join(l10nDir, `bundle.l10n.${lang}.json`);
  if (!existsSync(file)) return undefined;
  try { return JSON.parse(readFileSync(file, 'utf8')) as Bundle; } catch { return undefined; }
}
