// Conflicts between profiles, seen from one config file: a diagnostic on each key of this file that causes one.
import { memberAt, memberOf, type ParsedConfig } from '../parse/tree';
import type { ConfigDiagnostic } from '../validate/diagnostic';
import { profilesOfFile, type HostState } from './model';

export function isolationDiagnostics(state: HostState, configPath: string, parsed: ParsedConfig): ConfigDiagnostic[] {
  const root = parsed.root;
  if (!root || root.kind !== 'object') return [];
  const mine = new Set(profilesOfFile(state, configPath).map((p) => p.summary.name));
  if (!mine.size) return [];
  const out: ConfigDiagnostic[] = [];
  for (const c of state.conflicts) {
    c.sides.forEach((sides, i) => {
      if (!mine.has(c.profiles[i])) return;
      const other = c.profiles[1 - i];
      if (mine.has(other) && c.kind === 'configPath') return;
      const code = c.kind === 'port' ? 'port-conflict' : c.kind === 'cdpUrl' ? 'cdp-url-conflict' : `shared-${c.kind === 'configPath' ? 'config' : c.kind === 'stateDir' ? 'state-dir' : 'workspace'}`;
      const message = c.kind === 'port'
        ? `Port clash with profile "${other}": this profile's ${c.detail[i]} overlaps "${other}"'s ${c.detail[1 - i]}.`
        : c.message;
      for (const s of sides) {
        const m = s.path ? memberAt(root, s.path.split('.')) : undefined;
        const anchor = m ?? memberOf(root, 'gateway');
        const start = anchor ? anchor.keyStart : root.start;
        const end = anchor ? anchor.keyEnd : root.start + 1;
        out.push({
          severity: 'error', code, message, path: s.path, start, end,
          fixes: c.kind === 'port' ? [{ kind: 'move-base-port', profile: c.profiles[i] }] : undefined,
        });
      }
    });
  }
  return dedupe(out);
}

function dedupe(list: ConfigDiagnostic[]): ConfigDiagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const k = `${d.start}:${d.end}:${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
