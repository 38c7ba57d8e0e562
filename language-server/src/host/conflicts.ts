// Every way two profiles on one host can collide: shared files or dirs, intersecting port sets, one browser endpoint.
// Pure: takes the profiles' facts, returns conflicts with the config keys that cause them on each side.
import type { Conflict, ConflictKind } from '../protocol';
import type { ProfileFacts } from './profile';
import { clashWords } from './clash-words';
import type { KeyedPortSpan } from './ports';
import { t } from '../l10n';

export interface ConflictSide { profile: string; configPath: string; path: string }

export interface FoundConflict extends Omit<Conflict, 'locations' | 'overlaps'> {
  /** Per side, the keys that cause it ("" when the cause is not a key, e.g. a hashed base port). */
  sides: [ConflictSide[], ConflictSide[]];
  /** Port clashes: each pair of spans that intersect, [span of profiles[0], span of profiles[1]]. */
  pairs: [KeyedPortSpan, KeyedPortSpan][];
}

/** Per profile, what the pairwise checks compare, computed once rather than once per pair. */
interface Keys { config: string; state: string; workspaces: string[]; low: number; high: number; urls: string[] }

function keysOf(p: ProfileFacts): Keys {
  return {
    config: p.keys.config,
    state: p.keys.state,
    workspaces: p.keys.workspaces,
    low: Math.min(...p.spans.map((s) => s.from)),
    high: Math.max(...p.spans.map((s) => s.to)),
    urls: p.summary.cdpUrls.map((u) => normalizeUrl(u.url)),
  };
}

/** `home`, when given, is written as ~ in the paths of messages, as the tree writes them. */
export function findConflicts(profiles: ProfileFacts[], home?: string): FoundConflict[] {
  const out: FoundConflict[] = [];
  const keys = profiles.map(keysOf);
  for (let i = 0; i < profiles.length; i++) {
    for (let j = i + 1; j < profiles.length; j++) {
      pathConflicts(profiles[i], profiles[j], keys[i], keys[j], out, home);
      // Port sets whose outer bounds do not meet cannot intersect; most pairs end here.
      if (keys[i].low <= keys[j].high && keys[j].low <= keys[i].high) portConflict(profiles[i], profiles[j], out);
      // Stryker disable next-line LogicalOperator: urlConflicts finds nothing when either side has no URL
      if (keys[i].urls.length && keys[j].urls.length) urlConflicts(profiles[i], profiles[j], keys[i], keys[j], out);
    }
  }
  return out;
}

function side(p: ProfileFacts, key: string | undefined): ConflictSide {
  return { profile: p.summary.name, configPath: p.summary.configPath, path: key ?? '' };
}

/** A shared path in words: the message, and each side's detail; whole sentences per kind of path. */
function sharedPathWords(kind: ConflictKind, a: string, b: string, pa: string, pb: string): { message: string; detail: [string, string] } {
  switch (kind) {
    case 'configPath': return {
      message: t('Profiles "{0}" and "{1}" share the config file {2}: two gateways writing one config file race each other.', a, b, pa),
      detail: [t('shares the config file {0} with {1}', pa, b), t('shares the config file {0} with {1}', pb, a)],
    };
    case 'stateDir': return {
      message: t('Profiles "{0}" and "{1}" share the state dir {2}: two gateways writing one state dir race each other.', a, b, pa),
      detail: [t('shares the state dir {0} with {1}', pa, b), t('shares the state dir {0} with {1}', pb, a)],
    };
    default: return {
      message: t('Profiles "{0}" and "{1}" share the workspace {2}: two gateways writing one workspace race each other.', a, b, pa),
      detail: [t('shares the workspace {0} with {1}', pa, b), t('shares the workspace {0} with {1}', pb, a)],
    };
  }
}

function fromHome(p: string, home: string | undefined): string {
  if (!home) return p;
  const h = home.replace(/[\\/]+$/, '');
  return p.startsWith(h) && /^[\\/]/.test(p.slice(h.length)) ? `~${p.slice(h.length)}` : p;
}

function pathConflicts(a: ProfileFacts, b: ProfileFacts, ka0: Keys, kb0: Keys, out: FoundConflict[], home: string | undefined): void {
  const checks: [ConflictKind, string, string, string | undefined, string | undefined][] = [];
  if (ka0.config === kb0.config) checks.push(['configPath', a.summary.configPath, b.summary.configPath, undefined, undefined]);
  if (ka0.state === kb0.state) checks.push(['stateDir', a.summary.stateDir, b.summary.stateDir, undefined, undefined]);
  ka0.workspaces.forEach((wa, x) => kb0.workspaces.forEach((wb, y) => {
    if (wa === wb) checks.push(['workspace', a.workspaces[x].dir, b.workspaces[y].dir, a.workspaces[x].key, b.workspaces[y].key]);
  }));
  for (const [kind, fullA, fullB, ka, kb] of checks) {
    const words = sharedPathWords(kind, a.summary.name, b.summary.name, fromHome(fullA, home), fromHome(fullB, home));
    out.push({
      kind,
      profiles: [a.summary.name, b.summary.name],
      ports: [],
      message: words.message,
      sides: [[side(a, ka)], [side(b, kb)]],
      detail: words.detail,
      pairs: [],
    });
  }
}

function portConflict(a: ProfileFacts, b: ProfileFacts, out: FoundConflict[]): void {
  const ports = new Set<number>();
  const aSides = new Map<string, ConflictSide>();
  const bSides = new Map<string, ConflictSide>();
  const pairs: [KeyedPortSpan, KeyedPortSpan][] = [];
  for (const sa of a.spans) {
    for (const sb of b.spans) {
      const from = Math.max(sa.from, sb.from);
      const to = Math.min(sa.to, sb.to);
      if (from > to) continue;
      for (let p = from; p <= to; p++) ports.add(p);
      aSides.set(sa.key ?? '', side(a, sa.key));
      bSides.set(sb.key ?? '', side(b, sb.key));
      pairs.push([sa, sb]);
    }
  }
  if (!ports.size) return;
  const [na, nb] = [a.summary.name, b.summary.name];
  const flipped = pairs.map(([x, y]): [KeyedPortSpan, KeyedPortSpan] => [y, x]);
  // Told from the side whose ports fall inside the other's ranges: "rescue's gateway 18809 lies inside default's
  // CDP range" reads better than the same clash told from default.
  const fromB = insideCount(flipped) > insideCount(pairs);
  out.push({
    kind: 'port',
    profiles: [na, nb],
    ports: [...ports].sort((x, y) => x - y),
    message: t('Port clash between "{0}" and "{1}": {2}.', fromB ? nb : na, fromB ? na : nb, fromB
      ? clashWords(flipped, { other: na, mineOwner: nb })
      : clashWords(pairs, { other: nb, mineOwner: na })),
    sides: [[...aSides.values()], [...bSides.values()]],
    detail: [clashWords(pairs, { other: nb }), clashWords(flipped, { other: na })],
    pairs,
  });
}

function insideCount(pairs: [KeyedPortSpan, KeyedPortSpan][]): number {
  return pairs.filter(([m, t]) => m.from >= t.from && m.to <= t.to).length;
}

function normalizeUrl(url: string): string {
  try {
    const u = new URL(url);
    // Stryker disable next-line MethodExpression: host names come out of the parser in ASCII, so folding both up compares as folding both down
    const host = u.hostname === 'localhost' || u.hostname === '[::1]' || u.hostname === '::1' ? '127.0.0.1' : u.hostname.toLowerCase();
    return `${u.protocol}//${host}:${u.port || (u.protocol === 'https:' || u.protocol === 'wss:' ? '443' : '80')}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return url.trim().replace(/\/+$/, '').toLowerCase();
  }
}

function urlConflicts(a: ProfileFacts, b: ProfileFacts, ka: Keys, kb: Keys, out: FoundConflict[]): void {
  for (const [x, ua] of a.summary.cdpUrls.entries()) {
    for (const [y, ub] of b.summary.cdpUrls.entries()) {
      if (ka.urls[x] !== kb.urls[y]) continue;
      out.push({
        kind: 'cdpUrl',
        profiles: [a.summary.name, b.summary.name],
        ports: [],
        message: t('Profiles "{0}" ({1}) and "{2}" ({3}) drive the same browser endpoint {4}.', a.summary.name, ua.key, b.summary.name, ub.key, ua.url),
        sides: [[side(a, ua.key)], [side(b, ub.key)]],
        detail: [t("{0} drives the browser endpoint of {1}'s {2}", ua.key, b.summary.name, ub.key), t("{0} drives the browser endpoint of {1}'s {2}", ub.key, a.summary.name, ua.key)],
        pairs: [],
      });
    }
  }
}
