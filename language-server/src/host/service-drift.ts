// An installed service that runs another port or config than the profile now has: a warning on the key that drifted,
// with a fix that writes the service again from the profile (`openclaw gateway install --force`).
import { memberAt, memberOf, type ParsedConfig } from '../parse/tree';
import type { ConfigDiagnostic } from '../validate/diagnostic';
import type { ProfileFacts } from './profile';
import { t } from '../l10n';

export function serviceDriftDiagnostics(me: ProfileFacts, parsed: ParsedConfig): ConfigDiagnostic[] {
  const root = parsed.root;
  if (!root || root.kind !== 'object') return [];
  const out: ConfigDiagnostic[] = [];
  for (const svc of me.summary.installedServices ?? []) {
    if (!svc.drift.length) continue;
    const portKey = svc.port !== undefined && svc.port !== me.summary.basePort ? memberAt(root, ['gateway', 'port']) : undefined;
    const anchor = portKey ?? memberOf(root, 'gateway');
    out.push({
      severity: 'warning', code: 'service-drift', path: portKey ? 'gateway.port' : '',
      start: anchor?.keyStart ?? root.start, end: anchor?.keyEnd ?? root.start + 1,
      message: t('The installed service {0} {1}: it still runs what was installed. Reinstall it to run this profile as configured.', svc.name, svc.drift.join('; ')),
      fixes: [{ kind: 'reinstall-service', profile: me.summary.name }],
    });
  }
  return out;
}
