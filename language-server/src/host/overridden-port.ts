// gateway.port in a config whose gateway never listens there: `--profile dev` exports OPENCLAW_GATEWAY_PORT=19001
// and the variable outranks the config, as does one a profile's own environment sets.
import { memberAt, type ParsedConfig } from '../parse/tree';
import type { ConfigDiagnostic } from '../validate/diagnostic';
import type { ProfileFacts } from './profile';
import { t } from '../l10n';

export function overriddenPortDiagnostics(me: ProfileFacts, parsed: ParsedConfig): ConfigDiagnostic[] {
  const o = me.portOverride;
  const m = o ? memberAt(parsed.root, ['gateway', 'port']) : undefined;
  if (!o || !m) return [];
  const message = o.by === '--profile dev'
    ? t('Not used: "openclaw --profile dev" sets OPENCLAW_GATEWAY_PORT={0} when it is unset, and that variable outranks gateway.port, so the gateway of "{1}" listens on {0}, not on {2}; its other ports follow {0} too.', o.port, me.summary.name, o.configPort)
    : t('Not used: this profile runs with OPENCLAW_GATEWAY_PORT={0}, which outranks gateway.port, so the gateway of "{1}" listens on {0}, not on {2}; its other ports follow {0} too.', o.port, me.summary.name, o.configPort);
  return [{ severity: 'warning', code: 'port-overridden', path: 'gateway.port', start: m.keyStart, end: m.keyEnd, message }];
}
