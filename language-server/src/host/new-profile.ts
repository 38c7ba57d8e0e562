// Where a new profile may go: a name that is valid and not taken (no profile, no state dir of that name), and
// the port to search a free base from: after every profile's ports, or right after one profile's for a rescue bot.
import { promises as fs } from 'node:fs';
import type { ProfileSummary } from '../protocol';
import { isDefaultProfileName, isValidProfileName, stateDirFor } from './profile-rules';
import { DEFAULT_BASE_PORT, layoutEnd } from './ports';
import { t } from '../l10n';

export async function newProfileNameProblem(name: string, home: string, profiles: ProfileSummary[]): Promise<string | undefined> {
  if (!isValidProfileName(name)) return t('Letters, digits, "-" and "_", starting with a letter or digit, at most 64 characters.');
  if (isDefaultProfileName(name)) return t('"{0}" is the default profile (~/.openclaw) to the CLI, in any case; choose another name.', name);
  const dir = stateDirFor(name, home);
  if (profiles.some((p) => p.name === name) || (await exists(dir))) return t('A profile "{0}" already exists ({1}); choose another name.', name, dir);
  return undefined;
}

export function searchStart(profiles: ProfileSummary[], nextTo?: ProfileSummary): number {
  if (nextTo) return layoutEnd(nextTo) + 1;
  return Math.max(DEFAULT_BASE_PORT, ...profiles.map((p) => layoutEnd(p) + 1));
}

async function exists(p: string): Promise<boolean> {
  try { await fs.stat(p); return true; } catch { return false; }
}
