// A profile's base port and every port derived from it (openclaw 2026.9: canvas moved onto the base port,
// CDP range B+11..B+110). Two gateways are isolated only when these sets do not intersect.
import type { BasePortSource, LspRange, PortSpan, ProfileSummary } from '../protocol';

export { formatPorts } from '../protocol';

export const DEFAULT_BASE_PORT = 18789;
export const MAX_PORT = 65535;
export const BROWSER_CONTROL_OFFSET = 2;
export const CANVAS_OFFSET = 4;
export const RELAY_OFFSET = 10;
export const CDP_FIRST_OFFSET = 11;
export const CDP_LAST_OFFSET = 110;
export const CDP_FALLBACK: [number, number] = [18800, 18899];

/** 32-bit FNV-1a over the name's UTF-8 bytes, as the CLI hashes a profile name into its default port. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function hashedBasePort(profile: string): number {
  return 20000 + (fnv1a32(profile) % 40000);
}

/** OPENCLAW_GATEWAY_PORT may be a port or host:port. */
export function parsePortEnv(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const m = /(?:^|:)(\d{1,5})$/.exec(value.trim());
  const n = m ? Number(m[1]) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : undefined;
}

export function resolveBasePort(args: { envPort?: string; configPort?: unknown; profile?: string }): { port: number; source: BasePortSource } {
  const fromEnv = parsePortEnv(args.envPort);
  if (fromEnv !== undefined) return { port: fromEnv, source: 'env' };
  const c = args.configPort;
  if (typeof c === 'number' && Number.isInteger(c) && c >= 1 && c <= 65535) return { port: c, source: 'config' };
  if (args.profile && args.profile !== 'default') return { port: hashedBasePort(args.profile), source: 'hash' };
  return { port: DEFAULT_BASE_PORT, source: 'default' };
}

export function cdpRangeFor(base: number): [number, number] {
  const from = base + CDP_FIRST_OFFSET;
  const to = base + CDP_LAST_OFFSET;
  return to > MAX_PORT ? CDP_FALLBACK : [from, to];
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

export interface PortSetInput { base: number; baseKey?: string; cdpPorts: { profile: string; port: number }[]; retiredCanvas: boolean }

export function portSpans(input: PortSetInput): KeyedPortSpan[] {
  const { base, baseKey } = input;
  const span = (from: number, to: number, role: string, key: string | undefined): KeyedPortSpan => ({ from, to, role, label: roleLabel(role), key });
  const spans: KeyedPortSpan[] = [
    span(base, base, 'gateway', baseKey),
    span(base + BROWSER_CONTROL_OFFSET, base + BROWSER_CONTROL_OFFSET, 'browser-control', baseKey),
    span(base + RELAY_OFFSET, base + RELAY_OFFSET, 'relay', baseKey),
  ];
  if (input.retiredCanvas) spans.push(span(base + CANVAS_OFFSET, base + CANVAS_OFFSET, 'canvas (retired canvasHost)', 'canvasHost'));
  const [from, to] = cdpRangeFor(base);
  spans.push(span(from, to, CDP_RANGE_ROLE, baseKey));
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

export const ROLE_LABELS: Record<string, string> = {
  gateway: 'gateway',
  'browser-control': 'browser control',
  relay: 'relay',
  [CDP_RANGE_ROLE]: 'CDP range',
};

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? (role.startsWith('cdp:') ? `CDP port (${role.slice(4)})` : role);
}

/** "browser control 18791 · relay 18799 · CDP range 18800-18899": the derived map in the hover of gateway.port,
 *  in the words and spans of the tree's port rows. */
export function portMapSummary(base: number): string {
  const [from, to] = cdpRangeFor(base);
  return `${ROLE_LABELS['browser-control']} ${base + BROWSER_CONTROL_OFFSET} · ${ROLE_LABELS.relay} ${base + RELAY_OFFSET} · ${ROLE_LABELS[CDP_RANGE_ROLE]} ${from}-${to}`;
}
