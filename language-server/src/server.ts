// LSP wiring only: documents in, results out. Every answer comes from the core (diagnose, features, host model,
// openclaw-cli); this file holds one session's state in one object and routes messages. server-main.ts is the
// process entry, so a test or another runtime can start the same server on any connection.
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionKind, TextDocuments, TextDocumentSyncKind,
  type CodeAction, type Connection, type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from './parse/lines';
import { parseConfig, type ParsedConfig } from './parse/tree';
import { PreflightRequest, ServerInfoRequest, FreeBasePortRequest, HostModelChanged, HostModelRequest, LiveStateRequest, type HostModel, type ServerSettings } from './protocol';
import { liveStates, ObservationWindows } from './host/live-state';
import { preflight } from './host/preflight';
import type { DoctorFinding } from './host/doctor';
import { registerActions } from './actions';
import { checkerFailed, diagnose, forRelease } from './diagnose';
import { LARGE_DOCUMENT_CHARS, LargeDocumentChecks, largeFileNote } from './large-documents';
import type { WorkerStart } from './check-worker';
import { CLI_NAME } from './openclaw-cli/command-lines';
import { CliProbes } from './openclaw-cli/version';
import { bundledSchemaInUse, type SchemaInUse } from './schema/in-use';
import { DEFAULT_CLI_TIMEOUTS, loadCliSchema, type CliTimeouts } from './schema/cli-loader';
import { checkParsedInSlices } from './validate/check';
import { capDiagnostics } from './validate/cap';
import type { ConfigDiagnostic, FixData } from './validate/diagnostic';
import { hover } from './features/hover';
import { complete } from './features/completion';
import { fixFor } from './features/code-actions';
import { portInlayHints } from './features/inlay-hints';
import { useFieldDocsLanguage } from './features/field-docs';
import { toLspDiagnostic } from './to-lsp';
import { t, useBundle, type Bundle } from './l10n';
import { HostWatcher } from './host/watcher';
import { assembleHost, ConfigAnalyses, EMPTY_HOST, profilesOfFile, toProtocolModel, type HostState } from './host/model';
import { samePathKey, resolveHome } from './host/paths';
import { NEWEST_RULES, rulesFor, type ProfileRules } from './host/profile-rules';
import { RealPathKeys } from './host/real-paths';
import type { ProfileFacts } from './host/profile';
import { DEFAULT_BASE_PORT } from './host/ports';
import { findFreeBase } from './host/free-port';
import { defaultEphemeralRange, ephemeralPortRange, type PortRange } from './host/ephemeral-ports';
import { livePortDiagnostics, ListenerCache } from './host/live-ports';

/** What the client sends with `initialize`. */
export interface InitOptions {
  settings?: Partial<ServerSettings>;
  trusted?: boolean;
  storagePath?: string;
  cliTimeouts?: Partial<CliTimeouts>;
  /** VS Code's `l10n.bundle`: the display language's translations of this extension, absent in English. */
  l10nBundle?: Bundle;
  /** VS Code's display language, for the words that are not in the l10n bundle (the field docs). */
  language?: string;
}

/** Everything one server session holds. */
interface Session {
  schema: SchemaInUse;
  schemaStatus: HostModel['schema'];
  settings: ServerSettings;
  trusted: boolean;
  storagePath: string;
  cliTimeouts: CliTimeouts;
  watcher?: HostWatcher;
  host: HostState;
  /** Pending re-assembly of the host while a profile's config is typed in. */
  hostTimer?: NodeJS.Timeout;
  readonly listeners: ListenerCache;
  readonly parsed: Map<string, { version: number; parsed: ParsedConfig }>;
  readonly analyses: ConfigAnalyses;
  /** Pending validation per document uri. */
  readonly pending: Map<string, NodeJS.Timeout>;
  /** The last doctor findings per config (real-path key). */
  readonly doctorFindings: Map<string, DoctorFinding[]>;
  /** The profile rules of the CLI release in use. */
  rules: ProfileRules;
  readonly pathKeys: RealPathKeys;
  /** Diagnostics published for profile configs no editor has open: uri -> what was sent. */
  readonly closedPublished: Map<string, string>;
  readonly probes: CliProbes;
  /** Recent live-state observations per profile, for telling a crash loop from one restart. */
  readonly observations: ObservationWindows;
  /** Where the system draws outgoing ports from; new bases stay clear of it when they can. */
  ephemeral: PortRange;
  /** The display language's words, for the worker that checks large documents. */
  bundle?: Bundle;
  /** Checks of large documents off this thread; absent when the server runs without its bundle (in-process tests). */
  large?: LargeDocumentChecks;
}

function filePath(uri: string): string | undefined {
  try { return uri.startsWith('file:') ? fileURLToPath(uri) : undefined; } catch { return undefined; }
}

/** Large configs take longer to check, so typing in one waits for a pause rather than re-checking every key. */
function delayFor(doc: TextDocument): number {
  return 15 + Math.min(1000, Math.floor(doc.getText().length / 20000));
}

/** A document this large is checked off the server's thread, and hover, completion, quick fixes and port hints
 *  (which need its tree on this thread) are off for it. */
function isLarge(doc: TextDocument): boolean {
  return doc.getText().length >= LARGE_DOCUMENT_CHARS;
}

export function startServer(connection: Connection, env: NodeJS.ProcessEnv = process.env, options: { workerEntry?: string } = {}): void {
  const documents = new TextDocuments(TextDocument);
  const bundled = bundledSchemaInUse();
  const s: Session = {
    schema: bundled,
    schemaStatus: { source: 'bundled', version: bundled.version },
    settings: { instances: [], liveChecks: true },
    trusted: false,
    storagePath: path.join(os.homedir(), '.cache', 'openclaw-gateways'),
    cliTimeouts: DEFAULT_CLI_TIMEOUTS,
    host: EMPTY_HOST,
    listeners: new ListenerCache(),
    parsed: new Map(),
    analyses: new ConfigAnalyses(),
    pending: new Map(),
    doctorFindings: new Map(),
    probes: new CliProbes(env),
    observations: new ObservationWindows(),
    ephemeral: defaultEphemeralRange(),
    rules: NEWEST_RULES,
    pathKeys: new RealPathKeys(),
    closedPublished: new Map(),
  };

  const log = (message: string) => connection.console.log(message);
  const workerStart = (): WorkerStart => ({ schema: { json: s.schema.json, source: s.schema.source, version: s.schema.version, note: s.schema.note }, bundle: s.bundle });
  if (options.workerEntry) s.large = new LargeDocumentChecks(options.workerEntry, workerStart, log);
  const guard = <T>(fn: () => T, fallback: T): T => {
    try { return fn(); } catch (e) { log(`request failed: ${(e as Error).stack ?? e}`); return fallback; }
  };

  function parsedOf(doc: TextDocument): ParsedConfig {
    const hit = s.parsed.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.parsed;
    // A profile's config was parsed already when the host was re-assembled with this very text.
    const own = profileOfPath(filePath(doc.uri));
    const parsed = (own && s.analyses.parsed(samePathKey(own.source.configPath), doc.getText())) || parseConfig(doc.getText());
    s.parsed.set(doc.uri, { version: doc.version, parsed });
    return parsed;
  }

  /** Re-assembles the host from the watcher's cached disk state plus open documents: cheap, no I/O. */
  function reassemble(): void {
    if (!s.watcher) return;
    const snap = s.watcher.snapshot();
    const texts = new Map(snap.texts);
    // An open document is a profile's config when both name one file, through a link or `..` or in other case.
    const byRealPath = new Map(snap.sources.map((src) => [s.pathKeys.keyOf(src.configPath), samePathKey(src.configPath)]));
    for (const d of documents.all()) {
      const p = filePath(d.uri);
      const key = p && byRealPath.get(s.pathKeys.keyOf(p));
      if (key && texts.has(key)) texts.set(key, d.getText());
    }
    s.host = assembleHost(snap.home, snap.sources, texts, env, s.schema, s.analyses, { rules: s.rules, skipped: snap.skipped, services: snap.services, keyOf: s.pathKeys.keyOf });
  }

  function publishModel(): void {
    void connection.sendNotification(HostModelChanged, toProtocolModel(s.host, s.schemaStatus));
  }

  /** Profiles, their texts or the schema changed: one new model, sent to the client, and every open file re-checked. */
  function hostChanged(): void {
    reassemble();
    publishModel();
    revalidateAll();
    publishClosed();
  }

  const profileNamed = (name: string | undefined) => s.host.profiles.find((p) => p.summary.name === name);
  function profileOfPath(p: string | undefined): ProfileFacts | undefined {
    return p ? profilesOfFile(s.host, p)[0] : undefined;
  }

  /** Every profile config of the host has its diagnostics in Problems, open or not, so Problems and the status bar
   *  count the same clashes. A config no editor shows is published under its path as the profile names it; one
   *  that is open, under whatever path it was opened by, and nowhere else, so it never appears twice. */
  function publishClosed(): void {
    const open = new Set(documents.all().map((d) => filePath(d.uri)).filter((p): p is string => !!p).map((p) => s.pathKeys.keyOf(p)));
    const next = new Map<string, ProfileFacts>();
    for (const p of s.host.profiles) {
      if (!p.parsed || open.has(p.keys.config)) continue;
      const uri = pathToFileURL(p.summary.configPath).toString();
      if (![...next.values()].some((q) => q.keys.config === p.keys.config)) next.set(uri, p);
    }
    for (const uri of [...s.closedPublished.keys()]) {
      if (next.has(uri)) continue;
      s.closedPublished.delete(uri);
      // An editor that has it open under this very uri publishes there itself.
      if (!documents.get(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    for (const [uri, p] of next) {
      let diagnostics: ConfigDiagnostic[];
      try {
        diagnostics = diagnose({ parsed: p.parsed!, schema: s.schema, checked: { parsed: p.parsed!, diagnostics: p.diagnostics }, profile: { host: s.host, configPath: p.summary.configPath }, doctorFindings: s.doctorFindings.get(p.keys.config), rules: s.rules });
      } catch (e) {
        log(`checking ${p.summary.configPath} failed: ${(e as Error).stack ?? e}`);
        diagnostics = [checkerFailed()];
      }
      const lines = new LineIndex(p.parsed!.text);
      const lsp = capDiagnostics(diagnostics).map((d) => toLspDiagnostic(d, lines));
      const sent = JSON.stringify(lsp);
      if (s.closedPublished.get(uri) === sent) continue;
      s.closedPublished.set(uri, sent);
      void connection.sendDiagnostics({ uri, diagnostics: lsp });
    }
  }

  async function validate(doc: TextDocument): Promise<void> {
    const version = doc.version;
    const diagnostics = await findingsOf(doc, version);
    if (!diagnostics || documents.get(doc.uri)?.version !== version) return;
    const lines = new LineIndex(doc.getText());
    await connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: capDiagnostics(diagnostics).map((d) => toLspDiagnostic(d, lines)) });
  }

  /** Every finding on this version of the document; undefined when a newer text superseded the check. */
  async function findingsOf(doc: TextDocument, version: number): Promise<ConfigDiagnostic[] | undefined> {
    // A profile's config is parsed here anyway, by the host model; any other large file is left to the worker.
    if (s.large && isLarge(doc) && !profileOfPath(filePath(doc.uri))) {
      const found = await s.large.check(doc.uri, doc.getText());
      return found && [largeFileNote(), ...forRelease(found, s.rules)];
    }
    try {
      const parsed = parsedOf(doc);
      // A newer text supersedes this check, which pauses between schema sections so requests are answered meanwhile.
      const checked = await checkParsedInSlices(parsed, s.schema, () => documents.get(doc.uri)?.version === version);
      if (!checked) return undefined;
      const p = filePath(doc.uri);
      const profile = p && profileOfPath(p) ? { host: s.host, configPath: p } : undefined;
      const livePorts = profile && s.settings.liveChecks ? await livePortDiagnostics(s.host, profile.configPath, parsed, s.listeners) : undefined;
      return diagnose({ parsed, schema: s.schema, checked, profile, livePorts, doctorFindings: p ? s.doctorFindings.get(s.pathKeys.keyOf(p)) : undefined, rules: s.rules });
    } catch (e) {
      log(`validation failed for ${doc.uri}: ${(e as Error).stack ?? e}`);
      return [checkerFailed()];
    }
  }

  function schedule(doc: TextDocument, delay = delayFor(doc)): void {
    clearTimeout(s.pending.get(doc.uri));
    s.pending.set(doc.uri, setTimeout(() => {
      s.pending.delete(doc.uri);
      void validate(doc);
    }, delay));
  }

  function revalidateAll(): void {
    for (const d of documents.all()) schedule(d);
  }

  function freeBaseFor(profileName: string | undefined, near?: number, inUse?: Set<number>): number | undefined {
    const me = profileNamed(profileName);
    const taken = s.host.profiles.filter((p) => p !== me).flatMap((p) => p.spans);
    const ownCdp = me ? me.spans.filter((x) => x.role.startsWith('cdp:')).map((x) => ({ profile: x.role.slice(4), port: x.from })) : [];
    return findFreeBase({ near: near ?? me?.summary.basePort ?? DEFAULT_BASE_PORT, taken, ownCdpPorts: ownCdp, inUse, rules: s.host.rules, avoid: s.ephemeral });
  }

  function startWatcher(): void {
    s.watcher?.dispose();
    s.watcher = new HostWatcher({ home: resolveHome(s.settings.home, env), env, declared: s.settings.instances ?? [], rules: s.rules }, () => {
      // The disk changed: a link may point elsewhere now.
      s.pathKeys.clear();
      hostChanged();
    }, log);
    void s.watcher.start();
  }

  async function loadSchemaFromCli(): Promise<void> {
    const result = await loadCliSchema(s.settings.cliPath || CLI_NAME, path.join(s.storagePath, 'schemas'), env, s.cliTimeouts);
    const rules = rulesFor(result.version);
    if (rules.since !== s.rules.since) {
      // Which ports, lock dirs and keys the profiles have depends on the release: read the host again by its rules.
      s.rules = rules;
      log(`Profile rules of OpenClaw ${rules.since} and later, for the CLI ${result.version ?? '(version unknown)'}.`);
      startWatcher();
    }
    if (result.schema) {
      s.schema = result.schema;
      s.large?.restart();
      s.schemaStatus = { source: 'cli', version: result.version, note: s.schema.note };
      log(`Using the schema of OpenClaw ${result.version}${result.fromCache ? ' (cached)' : ''}${s.schema.note ? `; ${s.schema.note}` : ''}.`);
      hostChanged();
    } else {
      log(`Using the bundled schema: ${result.error}`);
      s.schemaStatus = { ...s.schemaStatus, note: result.error };
      publishModel();
    }
  }

  connection.onInitialize((params: InitializeParams) => {
    const init = (params.initializationOptions ?? {}) as InitOptions;
    useBundle(init.l10nBundle);
    s.bundle = init.l10nBundle;
    useFieldDocsLanguage(init.language);
    s.cliTimeouts = { ...DEFAULT_CLI_TIMEOUTS, ...init.cliTimeouts };
    s.settings = { ...s.settings, ...init.settings };
    s.trusted = init.trusted === true;
    if (init.storagePath) s.storagePath = init.storagePath;
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
    void ephemeralPortRange().then((r) => { s.ephemeral = r; });
    startWatcher();
    if (s.trusted) void loadSchemaFromCli();
  });

  connection.onDidChangeConfiguration(async () => {
    try {
      const c = (await connection.workspace.getConfiguration('openclaw')) as Partial<ServerSettings> | null;
      // The pulled section is all of the settings: a key it leaves out was reset (cliPath back to PATH), so none of
      // the old values is kept.
      if (c) s.settings = { ...c, instances: Array.isArray(c.instances) ? c.instances : [], liveChecks: c.liveChecks !== false };
    } catch { /* the client may not support pull configuration */ }
    startWatcher();
  });

  documents.onDidOpen((e) => { reassemble(); schedule(e.document, 0); publishClosed(); });
  // Typing in a profile's config changes the host (its ports, its clashes): re-assembled after a short pause, so a
  // burst of keystrokes costs one model and one round of diagnostics.
  documents.onDidChangeContent((e) => {
    if (!profileOfPath(filePath(e.document.uri))) return schedule(e.document);
    clearTimeout(s.hostTimer);
    s.hostTimer = setTimeout(hostChanged, delayFor(e.document));
  });
  documents.onDidClose((e) => {
    s.parsed.delete(e.document.uri);
    clearTimeout(s.pending.get(e.document.uri));
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    if (profileOfPath(filePath(e.document.uri))) {
      // Its editor's text is gone: the disk's counts again, and Problems keeps the file's diagnostics.
      s.closedPublished.delete(pathToFileURL(profileOfPath(filePath(e.document.uri))!.summary.configPath).toString());
      reassemble();
      publishModel();
      publishClosed();
    }
  });

  connection.onHover((params) => guard(() => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || isLarge(doc)) return null;
    const profile = profileOfPath(filePath(doc.uri));
    return hover(parsedOf(doc), doc.offsetAt(params.position), s.schema, profile && profile.summary.basePortSource !== 'default' && profile.summary.basePortSource !== 'hash' ? profile.summary.basePort : undefined);
  }, null));

  connection.onCompletion((params) => guard(() => {
    const doc = documents.get(params.textDocument.uri);
    return doc && !isLarge(doc) ? complete(doc.getText(), doc.offsetAt(params.position), s.schema) : [];
  }, []));

  connection.languages.inlayHint.on((params) => guard(() => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || isLarge(doc)) return [];
    const profile = profileOfPath(filePath(doc.uri));
    return portInlayHints(parsedOf(doc), { applies: profile?.portOverride?.port, rules: s.host.rules });
  }, []));

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || isLarge(doc)) return [];
    const parsed = parsedOf(doc);
    const inUse = s.settings.liveChecks ? await s.listeners.portsInUse() : undefined;
    return guard(() => {
      const actions: CodeAction[] = [];
      for (const diagnostic of params.context.diagnostics) {
        const fixes = ((diagnostic.data as { fixes?: FixData[] } | undefined)?.fixes) ?? [];
        for (const f of fixes) {
          if (f.kind === 'reinstall-service') {
            const title = t('Reinstall the service of "{0}" from its config (openclaw gateway install --force)', f.profile);
            actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: 'openclaw.reinstallService', arguments: [f.profile] } });
            continue;
          }
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
    if (s.watcher) {
      await s.watcher.reread();
      reassemble();
    }
    return toProtocolModel(s.host, s.schemaStatus);
  });

  connection.onRequest(FreeBasePortRequest, async (params) => {
    const inUse = params.checkListeners === false ? undefined : (await s.listeners.portsInUse()).excluding(undefined);
    return freeBaseFor(params.profile, params.near, inUse) ?? null;
  });

  connection.onRequest(ServerInfoRequest, () => ({ pid: process.pid, schema: s.schemaStatus, checkingLarge: s.large?.checking() ?? [] }));

  connection.onRequest(LiveStateRequest, () => liveStates(s.host, s.observations, { trusted: s.trusted }));

  connection.onRequest(PreflightRequest, (params) => preflight(s.host, params.profile, s.schema, s.listeners));

  registerActions(connection, {
    env,
    probes: s.probes,
    trusted: () => s.trusted,
    settings: () => s.settings,
    host: () => s.host,
    profileNamed,
    freeBase: async (near) => freeBaseFor(undefined, near, (await s.listeners.portsInUse()).excluding(undefined)),
    stopped: (profile) => s.observations.forget(profile),
    doctorFound: (configPath, findings) => {
      s.doctorFindings.set(s.pathKeys.keyOf(configPath), findings);
      revalidateAll();
      publishClosed();
    },
  });

  connection.onShutdown(() => s.large?.dispose());
  documents.listen(connection);
  connection.listen();
}
