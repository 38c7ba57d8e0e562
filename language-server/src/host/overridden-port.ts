// gateway.port in a config whose gateway never listens there: `--profile dev` exports OPENCLAW_GATEWAY_PORT=19001
// and the variable outranks the config, as does one a profile's own environment sets.
import { memberAt, type ParsedConfig } from '../parse/tree';
import type { ConfigDiagnostic } from '../validate/diagnostic';
import type { ProfileFacts } from './profile';

export function overriddenPortDiagnostics(me: ProfileFacts, parsed: ParsedConfig): ConfigDiagnostic[] {
  const o = me.portOverride;
  const m = o ? memberAt(parsed.root, ['gateway', 'port']) : undefined;
  if (!o || !m) return [];
  const why = o.by === '--profile dev'
    ? `"openclaw --profile dev" sets OPENCLAW_GATEWAY_PORT=${o.port} when it is unset, and that variable outranks gateway.port`
    : `this profile runs with OPENCLAW_GATEWAY_PORT=${o.port}, which outranks gateway.port`;
  return [{
    severity: 'warning', code: 'port-overridden', path: 'gateway.port', start: m.keyStart, end: m.keyEnd,
    message: `Not used: ${why}, so the gateway of "${me.summary.name}" listens on ${o.port}, not on ${o.configPort}; its other ports follow ${o.port} too.`,
  }];
}
