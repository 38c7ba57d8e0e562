// Every port derived from a profile's base, as the CLI derives it (the browser control port B+2, the relay at control
// + 8, the CDP range control+9..control+108, each with the CLI's fallback when it would pass 65535), for the rules of
// one release (profile-rules.ts). Two gateways are isolated only when these sets do not intersect.
import { spanText, type LspRange, type PortSpan, type ProfileSummary } from '../protocol';
import { NEWEST_RULES, type ProfileRules } from './profile-rules';
import { t } from '../l10n';

export { formatPorts } from '../protocol';
export { DEFAULT_BASE_PORT } from './profile-rules';

export const MAX_PORT = 65535;
export const BROWSER_CONTROL_OFFSET = 2;
export const RELAY_OFFSET = 10;
export const CDP_FIRST_OFFSET = 11;
export const CDP_LAST_OFFSET = 110;
export const CDP_FALLBACK: [number, number] = [18800, 18899];
const CONTROL_FALLBACK = 18791;
const CDP_SPAN = CDP_LAST_OFFSET - CDP_FIRST_OFFSET;
/** The relay sits 8 above the browser control port, just below the CDP range. */
const RELAY_FROM_CONTROL = RELAY_OFFSET - BROWSER_CONTROL_OFFSET;

/** The browser control port: B+2, or the CLI's 18791 when B+2 is no port. */
export function controlPortFor(base: number): number {
  return base + BROWSER_CONTROL_OFFSET <= MAX_PORT ? base + BROWSER_CONTROL_OFFSET : CONTROL_FALLBACK;
}

export function cdpRangeFor(base: number): [number, number] {
  const control = controlPortFor(base);
  const from = control + CDP_FIRST_OFFSET - BROWSER_CONTROL_OFFSET;
  return from + CDP_SPAN > MAX_PORT ? CDP_FALLBACK : [from, from + CDP_SPAN];
}

/** The highest base port whose CDP range still fits below MAX_PORT (higher ones share the CLI's fallback range). */
export const MAX_BASE_PORT = MAX_PORT - CDP_LAST_OFFSET;

export const CDP_RANGE_ROLE = 'cdp-range';

/** The last port of a profile's derived set: a profile placed after it cannot collide with that set. */
export function layoutEnd(p: Pick<ProfileSummary, 'ports' | 'basePort'>): number {
  return p.ports.find((s) => s.role === CDP_RANGE_ROLE)?.to ?? p.basePort;
}

/** A span and the config key (dot path) that puts it there, if any. */
export interface KeyedPortSpan extends PortSpan { key?: string }

export interface PortSetInput {
  base: number;
  baseKey?: string;
  cdpPorts: { profile: string; port: number }[];
  /** `browser.cdpPortRangeStart`, which moves the CDP range in releases whose rules say so. */
  cdpRangeStart?: number;
  rules?: ProfileRules;
}

export function portSpans(input: PortSetInput): KeyedPortSpan[] {
  const { base, baseKey } = input;
  const rules = input.rules ?? NEWEST_RULES;
  const span = (from: number, to: number, role: string, key: string | undefined): KeyedPortSpan => ({ from, to, role, label: roleLabel(role), key });
  const control = controlPortFor(base);
  const spans: KeyedPortSpan[] = [span(base, base, 'gateway', baseKey), span(control, control, 'browser-control', baseKey)];
  if (rules.relay) spans.push(span(control + RELAY_FROM_CONTROL, control + RELAY_FROM_CONTROL, 'relay', baseKey));
  const moved = rules.cdpRangeStartKey && input.cdpRangeStart !== undefined && Number.isInteger(input.cdpRangeStart)
    && input.cdpRangeStart >= 1 && input.cdpRangeStart + CDP_SPAN <= MAX_PORT ? input.cdpRangeStart : undefined;
  const [from, to] = moved !== undefined ? [moved, moved + CDP_SPAN] : cdpRangeFor(base);
  spans.push(span(from, to, CDP_RANGE_ROLE, moved !== undefined ? 'browser.cdpPortRangeStart' : baseKey));
  for (const c of input.cdpPorts) spans.push(span(c.port, c.port, `cdp:${c.profile}`, `browser.profiles.${c.profile}.cdpPort`));
  return spans.filter((s) => s.from >= 1 && s.to <= MAX_PORT);
}

/** The spans as the client sees them: each with its key and where that key sits, so a click can go there. */
export function wireSpans(spans: KeyedPortSpan[], rangeOf: (key: string) => LspRange | undefined = () => undefined): PortSpan[] {
  return spans.map(({ from, to, role, label, key }) => {
    const range = key ? rangeOf(key) : undefined;
    return { from, to, role, label, ...(key ? { key } : {}), ...(range ? { range } : {}) };
  });
}

/** A role in words, in the language of the moment (the labels travel in the host model to the tree and the map). */
export function roleLabel(role: string): string {
  switch (role) {
    case 'gateway': return t('gateway');
    case 'browser-control': return t('browser control');
    case 'relay': return t('relay');
    case CDP_RANGE_ROLE: return t('CDP range');
    default: return role.startsWith('cdp:') ? t('CDP port ({0})', role.slice(4)) : role;
  }
}

/** "browser control 18791 · relay 18799 · CDP range 18800-18899": the derived map in the hover of gateway.port,
 *  in the words and spans of the tree's port rows. */
export function portMapSummary(base: number, rules: ProfileRules = NEWEST_RULES): string {
  return portSpans({ base, cdpPorts: [], rules }).filter((s) => s.role !== 'gateway').map((s) => `${s.label} ${spanText(s)}`).join(' · ');
}
