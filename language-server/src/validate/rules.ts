// What OpenClaw enforces outside its JSON Schema: retired keys, refinements, duplicate keys and the
// start-up requirement on gateway.mode.
import { dotPath, memberAt, memberOf, nodeAt, type DuplicateKey, type ObjectNode, type ValueNode } from '../parse/tree';
import type { ConfigDiagnostic } from './diagnostic';

export interface RetiredKey { path: string; message: string; fix: ConfigDiagnostic['fixes'] }

export const RETIRED_KEYS: RetiredKey[] = [
  {
    path: 'canvasHost',
    message: '"canvasHost" was retired in OpenClaw 2026.9: the canvas is now served on the gateway port and switched by "plugins.entries.canvas.config.host.enabled". OpenClaw rejects this key.',
    fix: [{ kind: 'migrate-canvas-host' }],
  },
  {
    path: 'browser.controlPort',
    message: '"browser.controlPort" was retired: the browser control port is always gateway.port + 2. OpenClaw rejects this key.',
    fix: [{ kind: 'remove-key', path: 'browser.controlPort' }],
  },
];

export function retiredKeyDiagnostics(root: ValueNode): ConfigDiagnostic[] {
  const out: ConfigDiagnostic[] = [];
  for (const r of RETIRED_KEYS) {
    const m = memberAt(root, r.path.split('.'));
    if (m) out.push({ severity: 'error', code: 'retired-key', message: r.message, path: r.path, start: m.keyStart, end: m.keyEnd, fixes: r.fix });
  }
  return out;
}

export function duplicateKeyDiagnostics(dups: DuplicateKey[]): ConfigDiagnostic[] {
  return dups.map((d) => ({
    severity: 'warning' as const,
    code: 'duplicate-key',
    message: `"${d.member.key}" appears again later in this object; OpenClaw keeps only the last one, so this value is ignored.`,
    path: dotPath(d.path),
    start: d.member.keyStart,
    end: d.member.keyEnd,
    fixes: [],
  }));
}

const DRIVERS_WITHOUT_PORT = new Set(['existing-session', 'extension']);

export function refinementDiagnostics(root: ValueNode): ConfigDiagnostic[] {
  const out: ConfigDiagnostic[] = [];
  const profiles = nodeAt(root, ['browser', 'profiles']);
  if (profiles?.kind === 'object') {
    for (const m of profiles.members) {
      if (m.value.kind !== 'object' || memberOf(profiles, m.key) !== m) continue;
      const driver = memberOf(m.value, 'driver')?.value;
      if (driver?.kind === 'string' && DRIVERS_WITHOUT_PORT.has(driver.value as string)) continue;
      if (memberOf(m.value, 'cdpPort') || memberOf(m.value, 'cdpUrl')) continue;
      out.push({
        severity: 'error', code: 'browser-profile-needs-cdp',
        message: `Browser profile "${m.key}" must set cdpPort or cdpUrl (only the "existing-session" and "extension" drivers need neither).`,
        path: `browser.profiles.${m.key}`, start: m.keyStart, end: m.keyEnd,
      });
    }
  }
  const entries = nodeAt(root, ['agents', 'entries']);
  if (entries?.kind === 'object' && new Set(entries.members.map((m) => m.key)).size > 1) {
    const ownership = nodeAt(root, ['agents', 'ownership']);
    if (!(ownership?.kind === 'string' && ownership.value === 'explicit')) {
      const m = memberAt(root, ['agents', 'entries'])!;
      out.push({
        severity: 'error', code: 'agents-ownership',
        message: 'Several agents in "agents.entries" need "agents.ownership": "explicit".',
        path: 'agents.entries', start: m.keyStart, end: m.keyEnd,
      });
    }
  }
  return out;
}

/** Not a validation error for OpenClaw (validate passes), but the gateway exits 78 at start without it. */
export function gatewayModeDiagnostic(root: ValueNode): ConfigDiagnostic | undefined {
  if (root.kind !== 'object') return undefined;
  const gateway = memberOf(root, 'gateway');
  if (gateway?.value.kind === 'object' && memberOf(gateway.value as ObjectNode, 'mode')) return undefined;
  const where = gateway ? { start: gateway.keyStart, end: gateway.keyEnd } : { start: root.start, end: root.start + 1 };
  return {
    severity: 'warning', code: 'gateway-mode-missing',
    message: '"gateway.mode" is not set: the config validates, but the gateway refuses to start (exit 78). Set it to "local" or "remote".',
    path: gateway ? 'gateway' : '', ...where,
  };
}
