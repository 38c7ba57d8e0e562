// One profile's facts from its source and its config text: ports, paths, URLs, and where in the text each comes from.
import * as path from 'node:path';
import type { ConfigProblem, LspRange, ProfileSummary } from '../protocol';
import { LineIndex } from '../parse/lines';
import type { ConfigDiagnostic } from '../validate/diagnostic';
import { memberAt, nodeAt, type ParsedConfig, type ValueNode } from '../parse/tree';
import type { ProfileSource } from './discovery';
import { expandHome, samePathKey } from './paths';
import { portSpans, wireSpans, type KeyedPortSpan } from './ports';
import { isUsablePort, NEWEST_RULES, resolveBasePort, resolveInvocation, type ProfileRules } from './profile-rules';
import { serviceNames } from './services';

export interface ProfileFacts {
  source: ProfileSource;
  parsed?: ParsedConfig;
  summary: ProfileSummary;
  spans: KeyedPortSpan[];
  /** Every workspace the profile's agents use: the default first, then per-agent ones, with their keys. */
  workspaces: { dir: string; key?: string }[];
  /** Keys of its paths (real paths): two profiles, or a document and a profile, meet when their keys do. */
  keys: { config: string; state: string; workspaces: string[] };
  /** The schema and rule diagnostics of its config (the host checks every profile config, open or not). */
  diagnostics: ConfigDiagnostic[];
  /** gateway.port is set but another source wins (`--profile dev`'s 19001, OPENCLAW_GATEWAY_PORT). */
  portOverride?: { configPort: number; port: number; by: string };
}

function str(node: ValueNode | undefined): string | undefined {
  return node?.kind === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

export function profileFacts(
  source: ProfileSource,
  parsed: ParsedConfig | undefined,
  home: string,
  validity: { valid?: boolean; errors: number; firstError?: ConfigDiagnostic; diagnostics?: ConfigDiagnostic[] },
  rules: ProfileRules = NEWEST_RULES,
  keyOf: (p: string) => string = samePathKey,
): ProfileFacts {
  const root = parsed?.root;
  const portNode = nodeAt(root, ['gateway', 'port']);
  // The profile as its commands run it: convention profiles with `--profile NAME` and nothing that redirects them
  // (the extension's terminals clear those variables), others with their own environment.
  const invocation = resolveInvocation({ profile: source.origin === 'convention' ? source.name : undefined, env: source.env, home }, rules);
  const configPort = portNode?.kind === 'number' ? portNode.value : undefined;
  const base = resolveBasePort({ envPort: invocation.envPort, configPort, portProfile: source.portProfile }, rules);

  const cdpPorts: { profile: string; port: number }[] = [];
  const cdpUrls: { key: string; url: string }[] = [];
  const topUrl = str(nodeAt(root, ['browser', 'cdpUrl']));
  if (topUrl) cdpUrls.push({ key: 'browser.cdpUrl', url: topUrl });
  const bp = nodeAt(root, ['browser', 'profiles']);
  if (bp?.kind === 'object') {
    // nodeAt finds nothing under a member that is no object.
    for (const m of bp.members) {
      const port = nodeAt(m.value, ['cdpPort']);
      if (port?.kind === 'number' && Number.isInteger(port.value)) cdpPorts.push({ profile: m.key, port: port.value as number });
      const url = str(nodeAt(m.value, ['cdpUrl']));
      if (url) cdpUrls.push({ key: `browser.profiles.${m.key}.cdpUrl`, url });
    }
  }
  const rangeStart = nodeAt(root, ['browser', 'cdpPortRangeStart']);
  // A base that is no port (gateway.port 1.5 or 70000, taken as written by the CLI) stops the gateway at start-up,
  // so it holds no ports to clash over.
  const spans = isUsablePort(base.port) ? portSpans({
    base: base.port,
    baseKey: base.source === 'config' ? 'gateway.port' : undefined,
    cdpPorts,
    cdpRangeStart: rangeStart?.kind === 'number' ? (rangeStart.value as number) : undefined,
    rules,
  }) : [];
  const portOverride = typeof configPort === 'number' && base.source === 'env' && configPort !== base.port
    // A convention profile runs with no environment of its own: only `--profile dev` can outrank its gateway.port.
    ? { configPort, port: base.port, by: source.origin === 'convention' ? '--profile dev' : 'OPENCLAW_GATEWAY_PORT' }
    : undefined;

  const resolveDir = (p: string) => path.resolve(path.dirname(source.configPath), expandHome(p, home));
  const configured = str(nodeAt(root, ['agents', 'defaults', 'workspace']));
  const workspace = configured ? resolveDir(configured) : source.env.OPENCLAW_WORKSPACE_DIR ? resolveDir(source.env.OPENCLAW_WORKSPACE_DIR) : path.join(source.stateDir, 'workspace');
  const workspaces: ProfileFacts['workspaces'] = [{ dir: workspace, key: configured ? 'agents.defaults.workspace' : undefined }];
  const agents = nodeAt(root, ['agents', 'entries']);
  if (agents?.kind === 'object') {
    for (const m of agents.members) {
      const w = str(nodeAt(m.value, ['workspace']));
      if (w) workspaces.push({ dir: resolveDir(w), key: `agents.entries.${m.key}.workspace` });
    }
  }

  const summary: ProfileSummary = {
    name: source.name,
    origin: source.origin,
    configPath: source.configPath,
    configExists: !!parsed,
    stateDir: source.stateDir,
    workspace,
    basePort: base.port,
    basePortSource: base.source,
    ports: wireSpans(spans, keyRanges(parsed)),
    cdpUrls,
    services: serviceNames(source.portProfile ?? 'default'),
    configValid: parsed ? validity.valid : undefined,
    configErrors: validity.errors,
    ...(parsed && validity.firstError ? { firstError: configProblem(validity.firstError, source.configPath, parsed) } : {}),
    env: source.env,
    ...(source.foundBy ? { foundBy: source.foundBy } : {}),
  };
  const keys = { config: keyOf(source.configPath), state: keyOf(source.stateDir), workspaces: workspaces.map((w) => keyOf(w.dir)) };
  return { source, parsed, summary, spans, workspaces, keys, diagnostics: validity.diagnostics ?? [], ...(portOverride ? { portOverride } : {}) };
}

/** Where a key (dot path) sits in the config, its line index built once for all the keys asked. */
function keyRanges(parsed: ParsedConfig | undefined): (key: string) => LspRange | undefined {
  let lines: LineIndex | undefined;
  return (key) => {
    const m = parsed && memberAt(parsed.root, key.split('.'));
    if (!m || !parsed) return undefined;
    lines ??= new LineIndex(parsed.text);
    return lines.range(m.keyStart, m.keyEnd);
  };
}

/** A diagnostic as the client sees it: a message and a line/column range in a named file. */
export function configProblem(d: ConfigDiagnostic, configPath: string, parsed: ParsedConfig): ConfigProblem {
  return { message: d.message, code: d.code, configPath, path: d.path, range: new LineIndex(parsed.text).range(d.start, d.end) };
}
