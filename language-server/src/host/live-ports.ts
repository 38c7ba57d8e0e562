// The live check: ports of this profile that some other process holds right now.
import type { ParsedConfig } from '../parse/tree';
import { memberAt, memberOf } from '../parse/tree';
import type { ConfigDiagnostic } from '../validate/diagnostic';
import { listeningPorts } from './listeners';
import { lockIsLive, readGatewayLock } from './liveness';
import { profilesOfFile, type HostState } from './model';
import type { ProfileFacts } from './profile';
import { roleLabel } from './ports';
import { t } from '../l10n';

export interface PortsInUse { ports: Map<number, number[]>; excluding(profile: ProfileFacts | undefined): Set<number> }

/** /proc is scanned at most once per `ttlMs`: every keystroke in a config would otherwise rescan it. */
export class ListenerCache {
  private at = 0;
  private value: Promise<Map<number, number[]>> | undefined;
  constructor(private readonly ttlMs = 2000) {}

  async portsInUse(): Promise<PortsInUse> {
    if (!this.value || Date.now() - this.at > this.ttlMs) {
      this.at = Date.now();
      this.value = listeningPorts().then((r) => new Map([...r.ports].map(([port, l]) => [port, l.pids])), () => new Map());
    }
    const ports = await this.value;
    return {
      ports,
      excluding: (profile) => {
        const own = new Set(profile?.spans.flatMap((s) => (s.from === s.to ? [s.from] : [])) ?? []);
        return new Set([...ports.keys()].filter((p) => !own.has(p)));
      },
    };
  }
}

export async function livePortDiagnostics(host: HostState, configPath: string, parsed: ParsedConfig, cache: ListenerCache): Promise<ConfigDiagnostic[]> {
  const [me] = profilesOfFile(host, configPath);
  if (!me || !parsed.root) return [];
  const inUse = await cache.portsInUse();
  const lock = await readGatewayLock(me.summary.stateDir, me.summary.configPath, undefined, host.rules);
  const ownPid = lock && (await lockIsLive(lock)) ? lock.pid : undefined;
  const out: ConfigDiagnostic[] = [];
  for (const span of me.spans) {
    if (span.from !== span.to || span.role === 'cdp-range' || span.role.startsWith('cdp:')) continue;
    const pids = inUse.ports.get(span.from);
    if (!pids) continue;
    if (ownPid !== undefined && pids.includes(ownPid)) continue;
    const holder = await otherGatewayHolding(host, me, pids);
    const who = holder ? t('the gateway of profile "{0}"', holder) : pids.length ? t('process {0}', pids.join(', ')) : t('another process');
    const m = span.key ? memberAt(parsed.root, span.key.split('.')) : undefined;
    const anchor = m ?? (parsed.root.kind === 'object' ? memberOf(parsed.root, 'gateway') : undefined);
    out.push({
      severity: 'warning', code: 'port-in-use',
      message: t("Port {0} ({1}) is in use right now by {2}, not by this profile's gateway.", span.from, roleLabel(span.role), who),
      path: span.key ?? '', start: anchor?.keyStart ?? parsed.root.start, end: anchor?.keyEnd ?? parsed.root.start + 1,
      fixes: [{ kind: 'move-base-port', profile: me.summary.name }],
    });
  }
  return out;
}

async function otherGatewayHolding(host: HostState, me: ProfileFacts, pids: number[]): Promise<string | undefined> {
  for (const p of host.profiles) {
    if (p === me) continue;
    const lock = await readGatewayLock(p.summary.stateDir, p.summary.configPath, undefined, host.rules);
    if (lock && pids.includes(lock.pid) && (await lockIsLive(lock))) return p.summary.name;
  }
  return undefined;
}
