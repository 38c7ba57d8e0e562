// The host model: every profile with its facts and every conflict between them. Texts of open documents
// override the disk, so what the editor shows and what the tree shows come from one computation.
import { promises as fs } from 'node:fs';
import { LineIndex } from '../parse/lines';
import { memberAt, parseConfig, type ParsedConfig } from '../parse/tree';
import type { SchemaInUse } from '../schema/in-use';
import type { ConfigDiagnostic } from '../validate/diagnostic';
import { checkParsed, isValid } from '../validate/check';
import { findConflicts, type FoundConflict } from './conflicts';
import type { DeclaredInstance, HostModel, PortSpan, SkippedFolder } from '../protocol';
import { wireSpans, type KeyedPortSpan } from './ports';
import { discoverHost, type ProfileSource } from './discovery';
import { samePathKey } from './paths';
import { profileFacts, type ProfileFacts } from './profile';
import { NEWEST_RULES, type ProfileRules } from './profile-rules';
import { realPathKey, type PathKeyOf } from './real-paths';
import { matchServices, readServiceFiles, type ServiceFile } from './installed-services';

export interface HostState {
  home: string;
  profiles: ProfileFacts[];
  conflicts: FoundConflict[];
  skipped: SkippedFolder[];
  rules: ProfileRules;
  /** The key two paths of one file share (real path, case folded where the file system folds it). */
  keyOf: PathKeyOf;
}

export const EMPTY_HOST: HostState = { home: '', profiles: [], conflicts: [], skipped: [], rules: NEWEST_RULES, keyOf: samePathKey };

/** The profiles whose config is the file at `configPath`, whatever path names it. */
export function profilesOfFile(host: HostState, configPath: string): ProfileFacts[] {
  const key = host.keyOf(configPath);
  return host.profiles.filter((p) => p.keys.config === key);
}

/** Larger configs are not read for the host model: a profile's ports come from a few keys, not megabytes. */
export const MAX_CONFIG_BYTES = 16 * 1024 * 1024;

export async function readConfigText(file: string): Promise<string | undefined> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile() || st.size > MAX_CONFIG_BYTES) return undefined;
    return await fs.readFile(file, 'utf8');
  } catch {
    // a config that cannot be read has no text, as a missing one has none
  }
  return undefined;
}

export interface HostInputs {
  home: string;
  env: NodeJS.ProcessEnv;
  declared: DeclaredInstance[];
  schema: SchemaInUse;
  /** Open documents by path: their text wins over the file on disk. */
  overrides?: Map<string, string>;
  /** The rules of the CLI release in use (the newest without one). */
  rules?: ProfileRules;
}

export async function loadHost(inputs: HostInputs): Promise<HostState> {
  const rules = inputs.rules ?? NEWEST_RULES;
  const [{ sources, skipped }, services] = await Promise.all([discoverHost(inputs.home, inputs.env, inputs.declared, { rules }), readServiceFiles(inputs.home)]);
  const texts = new Map<string, string | undefined>();
  const overrides = new Map([...(inputs.overrides ?? [])].map(([p, t]) => [realPathKey(p), t]));
  await Promise.all(sources.map(async (s) => {
    texts.set(samePathKey(s.configPath), overrides.get(realPathKey(s.configPath)) ?? await readConfigText(s.configPath));
  }));
  return assembleHost(inputs.home, sources, texts, inputs.env, inputs.schema, undefined, { rules, skipped, services, keyOf: realPathKey });
}

export interface ConfigAnalysis { text: string; schema: SchemaInUse; parsed: ParsedConfig; diagnostics: ConfigDiagnostic[]; valid: boolean; errors: number; firstError?: ConfigDiagnostic }

/** Parse and check of each profile config, kept while its text and the schema stay the same: while one config is
 *  typed in, the host is re-assembled on every edit and only that config needs the work again. */
export class ConfigAnalyses {
  private readonly byPath = new Map<string, ConfigAnalysis>();

  get(key: string, text: string, schema: SchemaInUse): ConfigAnalysis {
    const hit = this.byPath.get(key);
    if (hit && hit.text === text && hit.schema === schema) return hit;
    const parsed = parseConfig(text);
    const { diagnostics } = checkParsed(parsed, schema);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const entry = { text, schema, parsed, diagnostics, valid: isValid(diagnostics), errors: errors.length, firstError: firstInText(errors) };
    this.byPath.set(key, entry);
    return entry;
  }

  /** The parse of `text` if it is the one held for `key`. */
  parsed(key: string, text: string): ParsedConfig | undefined {
    const hit = this.byPath.get(key);
    return hit?.text === text ? hit.parsed : undefined;
  }

  retain(keys: Set<string>): void {
    for (const k of this.byPath.keys()) if (!keys.has(k)) this.byPath.delete(k);
  }
}

/** The error a reader meets first: the gateway stops at one of them, and the top of the file is where to start. */
export function firstInText(list: ConfigDiagnostic[]): ConfigDiagnostic | undefined {
  return list.reduce<ConfigDiagnostic | undefined>((a, d) => (!a || d.start < a.start ? d : a), undefined);
}

export interface AssembleOptions {
  rules?: ProfileRules;
  /** The gateway service files installed for this home. */
  services?: ServiceFile[];
  skipped?: SkippedFolder[];
  /** Real-path keys (the server caches them); plain path normalisation without one. */
  keyOf?: PathKeyOf;
}

/** Sources plus config texts (keyed by samePathKey of the config path as discovered) -> the host state. The
 *  environment reaches each profile through its source's own env, so `_env` is no input any more. */
export function assembleHost(home: string, sources: ProfileSource[], texts: Map<string, string | undefined>, _env: NodeJS.ProcessEnv, schema: SchemaInUse, analyses = new ConfigAnalyses(), opts: AssembleOptions = {}): HostState {
  const rules = opts.rules ?? NEWEST_RULES;
  const keyOf = opts.keyOf ?? samePathKey;
  const keys = new Set<string>();
  const profiles = sources.map((s) => {
    const key = samePathKey(s.configPath);
    const text = texts.get(key);
    const entry = text === undefined ? undefined : analyses.get(key, text, schema);
    if (entry) keys.add(key);
    return profileFacts(s, entry?.parsed, home, { valid: entry?.valid, errors: entry?.errors ?? 0, firstError: entry?.firstError, diagnostics: entry?.diagnostics }, rules, keyOf);
  });
  analyses.retain(keys);
  const targets = profiles.map((p) => ({ name: p.summary.name, portProfile: p.source.portProfile, basePort: p.summary.basePort, configKey: p.keys.config, stateKey: p.keys.state, configPath: p.summary.configPath }));
  for (const [name, services] of matchServices(opts.services ?? [], targets, keyOf)) {
    const p = profiles.find((x) => x.summary.name === name)!;
    p.summary.installedServices = services;
  }
  return { home, profiles, conflicts: findConflicts(profiles, home), skipped: opts.skipped ?? [], rules, keyOf };
}

/** The wire form of one of a profile's spans: the one at the same place in its summary, which carries its range. */
function wireOf(p: ProfileFacts | undefined, span: KeyedPortSpan): PortSpan {
  const i = p ? p.spans.indexOf(span) : -1;
  return i >= 0 ? p!.summary.ports[i] : wireSpans([span])[0];
}

export function toProtocolModel(state: HostState, schema: HostModel['schema']): HostModel {
  const byName = new Map(state.profiles.map((p) => [p.summary.name, p]));
  return {
    home: state.home,
    profiles: state.profiles.map((p) => p.summary),
    skipped: state.skipped,
    rules: state.rules.since,
    schema,
    conflicts: state.conflicts.map((c) => ({
      kind: c.kind,
      profiles: c.profiles,
      ports: c.ports,
      message: c.message,
      detail: c.detail,
      overlaps: c.pairs.map(([a, b]) => [wireOf(byName.get(c.profiles[0]), a), wireOf(byName.get(c.profiles[1]), b)]),
      locations: c.sides.flat().map((s) => {
        const parsed = byName.get(s.profile)?.parsed;
        const m = s.path ? memberAt(parsed?.root, s.path.split('.')) : undefined;
        const range = m && parsed ? new LineIndex(parsed.text).range(m.keyStart, m.keyEnd) : undefined;
        return { profile: s.profile, configPath: s.configPath, path: s.path, range };
      }),
    })),
  };
}
