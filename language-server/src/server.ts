// LSP wiring only: documents in, findings out. Everything it says comes from the pure core.
import { fileURLToPath } from 'node:url';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionKind, createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
  type CodeAction, type Connection, type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from './parse/lines';
import { parseConfig, type ParsedConfig } from './parse/tree';
import { DoctorRequest, PreflightRequest, ServerInfoRequest, FreeBasePortRequest, HostModelChanged, HostModelRequest, LiveStateRequest, SchemaStatusNotification, StopGatewayRequest, type HostModel, type ServerSettings } from './protocol';
import { liveStates, ObservationWindows } from './host/live-state';
import { preflight } from './host/preflight';
import { mdnsAdvertisers, mdnsClashDiagnostics } from './validate/mdns';
import { stopGateway } from './host/stop';
import { doctorDiagnostics, runDoctor, type DoctorFinding } from './host/doctor';
import { bundledSchemaInUse, type SchemaInUse } from './schema/in-use';
import { DEFAULT_CLI_TIMEOUTS, loadCliSchema, type CliTimeouts } from './schema/cli-loader';
import { checkParsed } from './validate/check';
import type { ConfigDiagnostic, FixData } from './validate/diagnostic';
import { hover } from './features/hover';
import { complete } from './features/completion';
import { fixFor } from './features/code-actions';
import { portInlayHints } from './features/inlay-hints';
import { toLspDiagnostic } from './to-lsp';
import { HostWatcher } from './host/watcher';
import { assembleHost, ConfigAnalyses, toProtocolModel, type HostState } from './host/model';
import { isolationDiagnostics } from './host/isolation';
import { samePathKey, resolveHome } from './host/paths';
import { findFreeBase } from './host/free-port';
import { livePortDiagnostics, ListenerCache } from './host/live-ports';

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let schema: SchemaInUse = bundledSchemaInUse();
let schemaStatus: HostModel['schema'] = { source: 'bundled', version: schema.version };
let settings: ServerSettings = { instances: [], liveChecks: true };
let trusted = false;
let storagePath = path.join(os.homedir(), '.cache', 'openclaw-gateways');
let cliTimeouts = DEFAULT_CLI_TIMEOUTS;
let watcher: HostWatcher | undefined;
let host: HostState = { home: '', profiles: [], conflicts: [] };
const listeners = new ListenerCache();
const observations = new ObservationWindows();
const parsedCache = new Map<string, { version: number; parsed: ParsedConfig }>();
const analyses = new ConfigAnalyses();
const pending = new Map<string, NodeJS.Timeout>();

function log(message: string): void {
  connection.console.log(message);
}

function filePath(uri: string): string | undefined {
  try { return uri.startsWith('file:') ? fileURLToPath(uri) : undefined; } catch { return undefined; }
}

function parsedOf(doc: TextDocument): ParsedConfig {
  const hit = parsedCache.get(doc.uri);
  if (hit && hit.version === doc.version) return hit.parsed;
  const p = filePath(doc.uri);
  // A profile's config was parsed already when the host was re-assembled with this very text.
  const parsed = (p && analyses.parsed(samePathKey(p), doc.getText())) || parseConfig(doc.getText());
  parsedCache.set(doc.uri, { version: doc.version, parsed });
  return parsed;
}

function openOverrides(): Map<string, string> {
  const m = new Map<string, string>();
  for (const d of documents.all()) {
    const p = filePath(d.uri);
    if (p) m.set(p, d.getText());
  }
  return m;
}

/** Re-assembles the host from the watcher's cached disk state plus open documents: cheap, no I/O. */
function reassemble(): void {
  if (!watcher) return;
  const snap = watcher.snapshot();
  const texts = new Map(snap.texts);
  for (const [p, t] of openOverrides()) {
    const key = samePathKey(p);
    if (texts.has(key)) texts.set(key, t);
  }
  host = assembleHost(snap.home, snap.sources, texts, process.env, schema, analyses);
}

function publishModel(): void {
  void connection.sendNotification(HostModelChanged, toProtocolModel(host, schemaStatus));
}

/** Profiles, their texts or the schema changed: one new model, sent to the client, and every open file re-checked. */
function hostChanged(): void {
  reassemble();
  publishModel();
  revalidateAll();
}

function profileNamed(name: string | undefined) {
  return host.profiles.find((p) => p.summary.name === name);
}

function profileOfPath(p: string | undefined) {
  if (!p) return undefined;
  const key = samePathKey(p);
  return host.profiles.find((x) => samePathKey(x.summary.configPath) === key);
}

async function validate(doc: TextDocument): Promise<void> {
  const version = doc.version;
  let diagnostics: ConfigDiagnostic[];
  try {
    const parsed = parsedOf(doc);
    diagnostics = checkParsed(parsed, schema).diagnostics;
    const p = filePath(doc.uri);
    const me = profileOfPath(p);
    if (p && me) {
      diagnostics.push(...isolationDiagnostics(host, p, parsed));
      diagnostics.push(...mdnsClashDiagnostics(me.summary.name, mdnsAdvertisers(host.profiles.map((x) => ({ name: x.summary.name, root: x.parsed?.root }))), parsed.root));
      if (settings.liveChecks) diagnostics.push(...await livePortDiagnostics(host, p, parsed, listeners));
      // Re-anchored by path on every check, so edits since the doctor ran do not leave them on the wrong key.
      diagnostics.push(...doctorDiagnostics(doctorFindings.get(samePathKey(p)) ?? [], parsed));
    }
  } catch (e) {
    log(`validation failed for ${doc.uri}: ${(e as Error).stack ?? e}`);
    diagnostics = [{ severity: 'error', code: 'internal', message: 'The OpenClaw checker failed on this file; see the "OpenClaw" output channel.', path: '', start: 0, end: 0 }];
  }
  if (documents.get(doc.uri)?.version !== version) return;
  const lines = new LineIndex(doc.getText());
  await connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: diagnostics.map((d) => toLspDiagnostic(d, lines)) });
}

/** Large configs take longer to check, so typing in one waits for a pause rather than re-checking every key. */
function delayFor(doc: TextDocument): number {
  return 15 + Math.min(1000, Math.floor(doc.getText().length / 20000));
}

function schedule(doc: TextDocument, delay = delayFor(doc)): void {
  clearTimeout(pending.get(doc.uri));
  pending.set(doc.uri, setTimeout(() => {
    pending.delete(doc.uri);
    void validate(doc);
  }, delay));
}

function revalidateAll(): void {
  for (const d of documents.all()) schedule(d);
}

function freeBaseFor(profileName: string | undefined, near?: number, inUse?: Set<number>): number | undefined {
  const me = profileNamed(profileName);
  const taken = host.profiles.filter((p) => p !== me).flatMap((p) => p.spans);
  const ownCdp = me ? me.spans.filter((s) => s.role.startsWith('cdp:')).map((s) => ({ profile: s.role.slice(4), port: s.from })) : [];
  return findFreeBase({ near: near ?? me?.summary.basePort ?? 18789, taken, ownCdpPorts: ownCdp, inUse });
}

connection.onInitialize((params: InitializeParams) => {
  const init = (params.initializationOptions ?? {}) as { settings?: Partial<ServerSettings>; trusted?: boolean; storagePath?: string; cliTimeouts?: Partial<CliTimeouts> };
  cliTimeouts = { ...DEFAULT_CLI_TIMEOUTS, ...init.cliTimeouts };
  settings = { ...settings, ...init.settings };
  trusted = init.trusted === true;
  if (init.storagePath) storagePath = init.storagePath;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['"', "'", ':', '{', ','] },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      inlayHintProvider: true,
    },
    serverInfo: { name: 'openclaw-config-server' },
  };
});

connection.onInitialized(async () => {
  startWatcher();
  if (trusted) void loadSchemaFromCli();
});

function startWatcher(): void {
  watcher?.dispose();
  watcher = new HostWatcher(
    { home: resolveHome(settings.home, process.env), env: process.env, declared: settings.instances ?? [] },
    hostChanged,
    log,
  );
  void watcher.start();
}

async function loadSchemaFromCli(): Promise<void> {
  const cli = settings.cliPath || 'openclaw';
  const result = await loadCliSchema(cli, path.join(storagePath, 'schemas'), process.env, cliTimeouts);
  if (result.schema) {
    schema = result.schema;
    schemaStatus = { source: 'cli', version: result.version, note: schema.note };
    log(`Using the schema of OpenClaw ${result.version}${result.fromCache ? ' (cached)' : ''}${schema.note ? `; ${schema.note}` : ''}.`);
    hostChanged();
  } else {
    log(`Using the bundled schema: ${result.error}`);
    schemaStatus = { ...schemaStatus, note: result.error };
    publishModel();
  }
  void connection.sendNotification(SchemaStatusNotification, schemaStatus);
}

connection.onDidChangeConfiguration(async () => {
  try {
    const s = (await connection.workspace.getConfiguration('openclaw')) as Partial<ServerSettings> | null;
    if (s) settings = { ...settings, ...s, instances: Array.isArray(s.instances) ? s.instances : [] };
  } catch { /* the client may not support pull configuration */ }
  startWatcher();
});

documents.onDidOpen((e) => { reassemble(); schedule(e.document, 0); });
// Typing in a profile's config changes the host (its ports, its clashes): re-assembled after a short pause, so a
// burst of keystrokes costs one model and one round of diagnostics.
let hostTimer: NodeJS.Timeout | undefined;
documents.onDidChangeContent((e) => {
  if (!profileOfPath(filePath(e.document.uri))) return schedule(e.document);
  clearTimeout(hostTimer);
  hostTimer = setTimeout(hostChanged, delayFor(e.document));
});
documents.onDidClose((e) => {
  parsedCache.delete(e.document.uri);
  clearTimeout(pending.get(e.document.uri));
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  if (profileOfPath(filePath(e.document.uri))) { reassemble(); publishModel(); }
});

connection.onHover((params) => guard(() => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const profile = profileOfPath(filePath(doc.uri));
  return hover(parsedOf(doc), doc.offsetAt(params.position), schema, profile?.summary.basePortSource === 'config' ? profile.summary.basePort : undefined);
}, null));

connection.onCompletion((params) => guard(() => {
  const doc = documents.get(params.textDocument.uri);
  return doc ? complete(doc.getText(), doc.offsetAt(params.position), schema) : [];
}, []));

connection.languages.inlayHint.on((params) => guard(() => {
  const doc = documents.get(params.textDocument.uri);
  return doc ? portInlayHints(parsedOf(doc)) : [];
}, []));

connection.onCodeAction(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const parsed = parsedOf(doc);
  const inUse = settings.liveChecks ? await listeners.portsInUse() : undefined;
  return guard(() => {
    const actions: CodeAction[] = [];
    for (const diagnostic of params.context.diagnostics) {
      const fixes = ((diagnostic.data as { fixes?: FixData[] } | undefined)?.fixes) ?? [];
      for (const f of fixes) {
        const fix = fixFor(parsed, f, (profile) => freeBaseFor(profile, undefined, inUse?.excluding(profileNamed(profile))));
        if (!fix) continue;
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred,
          edit: { changes: { [doc.uri]: fix.edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText })) } },
        });
      }
    }
    return actions;
  }, []);
});

// Asked after actions that write profiles (a new profile, onboarding): read the disk now rather than wait for the watcher.
connection.onRequest(HostModelRequest, async () => {
  if (watcher) {
    await watcher.reread();
    reassemble();
  }
  return toProtocolModel(host, schemaStatus);
});
connection.onRequest(FreeBasePortRequest, async (params) => {
  const inUse = params.checkListeners === false ? undefined : (await listeners.portsInUse()).excluding(undefined);
  return freeBaseFor(params.profile, params.near, inUse) ?? null;
});

connection.onRequest(ServerInfoRequest, () => ({ pid: process.pid, schema: schemaStatus }));

connection.onRequest(LiveStateRequest, () => liveStates(host, observations, { trusted }));

connection.onRequest(PreflightRequest, (params) => preflight(host, params.profile, schema, listeners));

connection.onRequest(StopGatewayRequest, async (params) => {
  if (!trusted) return { stopped: false, message: 'Gateways are not stopped from a restricted workspace.' };
  const p = profileNamed(params.profile);
  if (!p) return { stopped: false, message: `No profile "${params.profile}".` };
  const r = await stopGateway(p.summary, params.timeoutMs ?? 15000);
  if (r.stopped) observations.forget(p.summary.name);
  return r;
});

const doctorFindings = new Map<string, DoctorFinding[]>();
connection.onRequest(DoctorRequest, async (params) => {
  if (!trusted) return { ok: false, findings: 0, message: 'Doctor does not run in a restricted workspace.' };
  const p = profileNamed(params.profile);
  if (!p) return { ok: false, findings: 0, message: `No profile "${params.profile}".` };
  const r = await runDoctor(params.cliPath || settings.cliPath || 'openclaw', p.summary, process.env);
  if (r.error) return { ok: false, findings: 0, message: r.error };
  doctorFindings.set(samePathKey(p.summary.configPath), r.findings);
  revalidateAll();
  return { ok: r.ok, findings: r.findings.length, message: r.findings.length ? `doctor found ${r.findings.length} issue(s); they are shown as diagnostics in the config` : 'doctor found nothing to fix' };
});

function guard<T>(fn: () => T, fallback: T): T {
  try { return fn(); } catch (e) { log(`request failed: ${(e as Error).stack ?? e}`); return fallback; }
}

process.on('uncaughtException', (e) => log(`uncaught: ${e.stack ?? e}`));
process.on('unhandledRejection', (e) => log(`unhandled rejection: ${(e as Error)?.stack ?? e}`));

documents.listen(connection);
connection.listen();
