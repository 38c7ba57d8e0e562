// A profile's base port and every port derived from it (openclaw 2026.9: canvas moved onto the base port,
// CDP range B+11..B+110). Two gateways are isolated only when these sets do not intersect.
import type { BasePortSource, PortUse } from '../protocol';

export const DEFAULT_BASE_PORT = 18789;
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
  return to > 65535 ? CDP_FALLBACK : [from, to];
}

/** A run of ports one profile holds, and the config key (dot path) that puts it there, if any. */
export interface PortSpan { from: number; to: number; role: string; key?: string }

export interface PortSetInput { base: number; baseKey?: string; cdpPorts: { profile: string; port: number }[]; retiredCanvas: boolean }

export function portSpans(input: PortSetInput): PortSpan[] {
  const { base, baseKey } = input;
  const spans: PortSpan[] = [
    { from: base, to: base, role: 'gateway', key: baseKey },
    { from: base + BROWSER_CONTROL_OFFSET, to: base + BROWSER_CONTROL_OFFSET, role: 'browser-control', key: baseKey },
    { from: base + RELAY_OFFSET, to: base + RELAY_OFFSET, role: 'relay', key: baseKey },
  ];
  if (input.retiredCanvas) spans.push({ from: base + CANVAS_OFFSET, to: base + CANVAS_OFFSET, role: 'canvas (retired canvasHost)', key: 'canvasHost' });
  const [from, to] = cdpRangeFor(base);
  spans.push({ from, to, role: 'cdp-range', key: baseKey });
  for (const c of input.cdpPorts) spans.push({ from: c.port, to: c.port, role: `cdp:${c.profile}`, key: `browser.profiles.${c.profile}.cdpPort` });
  return spans.filter((s) => s.from >= 1 && s.to <= 65535);
}

export function portUses(spans: PortSpan[]): PortUse[] {
  return spans.filter((s) => s.from === s.to).map((s) => ({ port: s.from, role: s.role }));
}

export const ROLE_LABELS: Record<string, string> = {
  gateway: 'gateway',
  'browser-control': 'browser control',
  relay: 'relay',
  'cdp-range': 'CDP range',
};

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? (role.startsWith('cdp:') ? `CDP ${role.slice(4)}` : role);
}

/** "control 18791 · relay 18799 · CDP 18800-18899": the derived map shown next to gateway.port. */
export function portMapSummary(base: number): string {
  const [from, to] = cdpRangeFor(base);
  return `control ${base + BROWSER_CONTROL_OFFSET} · relay ${base + RELAY_OFFSET} · CDP ${from}-${to}`;
}

export function formatPorts(ports: number[]): string {
  const sorted = [...new Set(ports)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return parts.join(', ');
}
