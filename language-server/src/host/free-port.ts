// The nearest base port whose whole derived set is clear of every other profile's ports and of ports in use.
import type { PortSpan } from '../protocol';
import type { PortRange } from './ephemeral-ports';
import { CDP_FIRST_OFFSET, CDP_LAST_OFFSET, cdpRangeFor, MAX_BASE_PORT, portSpans } from './ports';
import type { ProfileRules } from './profile-rules';

export interface FreeBaseQuery {
  near: number;
  /** Spans of every other profile. */
  taken: PortSpan[];
  /** This profile's explicit cdpPorts move with it only if the user moves them; they stay in the candidate set. */
  ownCdpPorts?: { profile: string; port: number }[];
  inUse?: Set<number>;
  min?: number;
  /** The system's ephemeral port range: a base whose set touches it is taken only when no other fits. */
  avoid?: PortRange;
  rules?: ProfileRules;
}

export function findFreeBase(q: FreeBaseQuery): number | undefined {
  const avoid = q.avoid;
  return (avoid && nearest(q, (b) => b + CDP_LAST_OFFSET < avoid[0] || b > avoid[1])) ?? nearest(q, () => true);
}

function nearest(q: FreeBaseQuery, allowed: (base: number) => boolean): number | undefined {
  const min = q.min ?? 1024;
  const max = MAX_BASE_PORT;
  const start = Math.min(Math.max(q.near, min), max);
  for (let d = 0; d <= max - min; d++) {
    for (const b of d === 0 ? [start] : [start + d, start - d]) {
      if (b < min || b > max || !allowed(b)) continue;
      if (fits(b, q)) return b;
    }
  }
  return undefined;
}

function fits(base: number, q: FreeBaseQuery): boolean {
  // A base whose CDP range would run past 65535 gets the CLI's fallback range, shared by all such bases.
  if (cdpRangeFor(base)[0] !== base + CDP_FIRST_OFFSET) return false;
  const spans = portSpans({ base, cdpPorts: q.ownCdpPorts ?? [], rules: q.rules });
  for (const s of spans) {
    for (const t of q.taken) if (s.from <= t.to && t.from <= s.to) return false;
    if (q.inUse) for (let p = s.from; p <= s.to; p++) if (q.inUse.has(p)) return false;
  }
  return true;
}
