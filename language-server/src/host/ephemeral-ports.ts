// The range the operating system draws outgoing connections' local ports from. A gateway placed there can fail to
// start with EADDRINUSE at random: any loopback client that happened to use its port (a /readyz probe, a browser
// tab, the CLI) leaves a TIME_WAIT socket that blocks the gateway's bind for a minute, and OpenClaw's hashed
// defaults (20000-59999) mostly fall inside Linux's range. So new profiles are placed outside it when possible.
import { promises as fsp } from 'node:fs';

export type PortRange = [number, number];

/** What Linux uses unless configured otherwise (net.ipv4.ip_local_port_range). */
export const LINUX_DEFAULT_RANGE: PortRange = [32768, 60999];
/** IANA's dynamic range, the default of macOS (net.inet.ip.portrange) and Windows (netsh int ipv4 show dynamicport). */
export const IANA_DYNAMIC_RANGE: PortRange = [49152, 65535];

/** "32768\t60999\n" (the /proc file's text) -> [32768, 60999]; undefined for anything else. */
export function parsePortRange(text: string): PortRange | undefined {
  const m = /^\s*(\d+)\s+(\d+)\s*$/.exec(text);
  if (!m) return undefined;
  const [from, to] = [Number(m[1]), Number(m[2])];
  return from >= 1 && from <= to && to <= 65535 ? [from, to] : undefined;
}

/** The platform's range before (or without) reading the system's setting. */
export function defaultEphemeralRange(platform: NodeJS.Platform = process.platform): PortRange {
  return platform === 'linux' ? LINUX_DEFAULT_RANGE : IANA_DYNAMIC_RANGE;
}

const RANGE_SETTING = '/proc/sys/net/ipv4/ip_local_port_range';

export async function ephemeralPortRange(platform: NodeJS.Platform = process.platform): Promise<PortRange> {
  if (platform !== 'linux') return defaultEphemeralRange(platform);
  // Stryker disable next-line StringLiteral: an unreadable setting is text that parses to nothing, whatever text
  const text = await fsp.readFile(RANGE_SETTING, 'utf8').catch(() => '');
  return parsePortRange(text) ?? LINUX_DEFAULT_RANGE;
}
