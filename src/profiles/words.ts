// How the Profiles view and the status items word counts, paths and port lists. Pure, so it is unit-tested
// without an editor.
import { spanText, type Conflict, type ProfileSummary } from '../../language-server/src/protocol';
import { t } from '@vscode/l10n';

// Counts are whole phrases, one for 1 and one for the rest, so a translation can word each as its language does.
export const conflictsText = (n: number): string => (n === 1 ? t('1 conflict') : t('{0} conflicts', n));
export const profilesText = (n: number): string => (n === 1 ? t('1 profile') : t('{0} profiles', n));

/** A path under the OpenClaw home written from `~`, as OpenClaw itself expands `~` in a config. */
export function homeRelative(p: string, home: string | undefined): string {
  if (!home) return p;
  const h = home.replace(/[\\/]+$/, '');
  if (p === h) return '~';
  const rest = p.startsWith(h) ? p.slice(h.length) : undefined;
  return rest && /^[\\/]/.test(rest) ? `~${rest}` : p;
}

/** "base 18809 · 18811, 18819, 18820-18919": the base, then every other span in layout order. A profile with a
 *  far explicit cdpPort reads as two places, not as one run of tens of thousands of ports. */
export function portsDescription(p: Pick<ProfileSummary, 'basePort' | 'ports'>): string {
  const rest = p.ports.filter((s) => !(s.role === 'gateway' && s.from === p.basePort)).map(spanText);
  return rest.length ? t('base {0} · {1}', p.basePort, rest.join(', ')) : t('base {0}', p.basePort);
}

/** Of a port clash, the other profile's spans that this profile's ports meet: "CDP range 18800-18899, CDP port (work) 18850". */
export function otherSpans(c: Pick<Conflict, 'profiles' | 'overlaps'>, me: string): string {
  const side = c.profiles[0] === me ? 1 : 0;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const pair of c.overlaps) {
    const s = pair[side];
    const text = `${s.label} ${spanText(s)}`;
    if (!seen.has(text)) { seen.add(text); out.push(text); }
  }
  return out.join(', ');
}
