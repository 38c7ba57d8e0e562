// Before a gateway is launched, restarted or installed as a service: everything known to stop it. The gateway
// reads its config from disk, so the config is checked as saved, not as an editor shows it.
import { LineIndex } from '../parse/lines';
import { parseConfig } from '../parse/tree';
import type { PreflightKind, PreflightProblem, PreflightResult } from '../protocol';
import type { SchemaInUse } from '../schema/in-use';
import { checkParsed } from '../validate/check';
import type { ConfigDiagnostic } from '../validate/diagnostic';
import { isolationDiagnostics } from './isolation';
import { livePortDiagnostics, type ListenerCache } from './live-ports';
import { readConfigText, type HostState } from './model';
import { t } from '../l10n';

export interface PreflightFindings {
  configPath: string;
  /** The config as saved; undefined when there is no file. */
  text: string | undefined;
  /** Errors of the config alone (schema, gateway.mode, retired keys, syntax). */
  config: ConfigDiagnostic[];
  /** Collisions with other profiles, on this config's keys. */
  clashes: ConfigDiagnostic[];
  /** This profile's ports held right now by other processes. */
  portsHeld: ConfigDiagnostic[];
}

// A config without gateway.mode validates (a warning in the editor), but the gateway exits 78 at start-up.
const STOPS_START_THOUGH_VALID = new Set(['gateway-mode-missing']);

function stopsStart(d: ConfigDiagnostic): boolean {
  return d.severity === 'error' || STOPS_START_THOUGH_VALID.has(d.code);
}

/** Pure: the findings as a list for the client, each once, in the order a user should fix them. */
export function preflightProblems(f: PreflightFindings): PreflightProblem[] {
  if (f.text === undefined) {
    return [{ kind: 'no-config', message: t('There is no config file at {0}: the gateway refuses to start without "gateway.mode".', f.configPath), configPath: f.configPath, path: '' }];
  }
  const lines = new LineIndex(f.text);
  const seen = new Set<string>();
  const out: PreflightProblem[] = [];
  const add = (kind: PreflightKind, list: ConfigDiagnostic[]) => {
    for (const d of [...list].sort((a, b) => a.start - b.start)) {
      if (seen.has(d.message)) continue;
      seen.add(d.message);
      out.push({ kind, message: d.message, code: d.code, configPath: f.configPath, path: d.path, range: lines.range(d.start, d.end) });
    }
  };
  add('config', f.config.filter(stopsStart));
  add('clash', f.clashes.filter((d) => d.severity === 'error'));
  add('port-in-use', f.portsHeld);
  return out;
}

/** Gathers the findings for one profile of the host: reads its config from disk and the host's listening sockets. */
export async function preflight(host: HostState, profile: string, schema: SchemaInUse, listeners: ListenerCache): Promise<PreflightResult> {
  const me = host.profiles.find((p) => p.summary.name === profile);
  if (!me) return { profile, ok: false, problems: [{ kind: 'no-config', message: t('No profile "{0}" on this host.', profile) }] };
  const configPath = me.summary.configPath;
  const text = await readConfigText(configPath);
  const parsed = parseConfig(text ?? '{}');
  const findings: PreflightFindings = {
    configPath,
    text,
    config: text === undefined ? [] : checkParsed(parsed, schema).diagnostics,
    clashes: isolationDiagnostics(host, configPath, parsed),
    portsHeld: await livePortDiagnostics(host, configPath, parsed, listeners),
  };
  const problems = preflightProblems(findings);
  return { profile, ok: problems.length === 0, problems };
}
