// mDNS: every gateway that advertises announces the same Bonjour instance name (the machine's), so with two or
// more on one host all but the first to start get renamed on every restart (a known upstream issue). The CLI's
// default mode is "minimal" (server-discovery-runtime: `discovery?.mdns?.mode ?? "minimal"`), so a config
// without the key advertises.
import { memberAt, nodeAt, type ValueNode } from '../parse/tree';
import type { ConfigDiagnostic } from './diagnostic';
import { t } from '../l10n';

export const MDNS_MODE_PATH = ['discovery', 'mdns', 'mode'];
export const MDNS_DEFAULT_MODE = 'minimal';

export function mdnsMode(root: ValueNode | undefined): string {
  const n = nodeAt(root, MDNS_MODE_PATH);
  return n?.kind === 'string' && typeof n.value === 'string' ? n.value : MDNS_DEFAULT_MODE;
}

export function advertisesMdns(root: ValueNode | undefined): boolean {
  return !!root && root.kind === 'object' && mdnsMode(root) !== 'off';
}

/** Which advertiser keeps the name: the default profile when it advertises, else the first in host order. */
export function mdnsKeeper(advertisers: string[]): string | undefined {
  return advertisers.includes('default') ? 'default' : advertisers[0];
}

/** A warning on this config when it advertises alongside others and is not the one that keeps the name. */
export function mdnsClashDiagnostics(me: string, advertisers: string[], root: ValueNode | undefined): ConfigDiagnostic[] {
  if (!root || root.kind !== 'object' || advertisers.length < 2 || !advertisers.includes(me) || mdnsKeeper(advertisers) === me) return [];
  const others = advertisers.filter((a) => a !== me);
  const anchor = [MDNS_MODE_PATH, MDNS_MODE_PATH.slice(0, 2), MDNS_MODE_PATH.slice(0, 1), ['gateway']].map((p) => memberAt(root, p)).find(Boolean);
  const list = others.map((o) => `"${o}"`).join(', ');
  return [{
    severity: 'warning',
    code: 'mdns-clash',
    message: others.length > 1
      ? t('mDNS: this gateway announces the host\'s Bonjour name ("discovery.mdns.mode" is "{0}"), as do profiles {1}; all but one get renamed on every restart. Turn it off here with "discovery.mdns.mode": "off".', mdnsMode(root), list)
      : t('mDNS: this gateway announces the host\'s Bonjour name ("discovery.mdns.mode" is "{0}"), as does profile {1}; all but one get renamed on every restart. Turn it off here with "discovery.mdns.mode": "off".', mdnsMode(root), list),
    path: MDNS_MODE_PATH.join('.'),
    start: anchor ? anchor.keyStart : root.start,
    end: anchor ? anchor.keyEnd : root.start + 1,
    fixes: [{ kind: 'mdns-off' }],
  }];
}

/** The profiles that advertise, in host order, from each one's parsed config (no config: no gateway, no advert). */
export function mdnsAdvertisers(profiles: { name: string; root?: ValueNode }[]): string[] {
  return profiles.filter((p) => advertisesMdns(p.root)).map((p) => p.name);
}
