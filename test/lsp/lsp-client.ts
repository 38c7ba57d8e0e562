// A real LSP client over stdio for the built server (dist/server.js): what any editor would send.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification, PublishDiagnosticsNotification,
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, ShutdownRequest, ExitNotification,
  type ProtocolConnection, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { SERVER } from '../support/paths';
import { SERVER_EXEC_ARGV } from '../../language-server/src/protocol';


export interface Session {
  conn: ProtocolConnection;
  proc: ChildProcess;
  diagnostics: Map<string, PublishDiagnosticsParams>;
  /** Every publishDiagnostics the server sent, in order. */
  published: PublishDiagnosticsParams[];
  stderr: string[];
  /** Every window/logMessage text the server sent, in order. */
  logs: string[];
  open(uri: string, text: string, version?: number): void;
  change(uri: string, text: string, version: number): void;
  waitDiagnostics(uri: string, pred?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  close(): Promise<void>;
}

/** `node`: the Node binary to run the server on (this process's by default). */
export async function startServer(opts: { env?: NodeJS.ProcessEnv; init?: Record<string, unknown>; node?: string } = {}): Promise<Session> {
  const proc = spawn(opts.node ?? process.execPath, [...SERVER_EXEC_ARGV, SERVER, '--stdio'], { env: { ...process.env, ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  proc.stderr!.on('data', (d) => stderr.push(String(d)));
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const diagnostics = new Map<string, PublishDiagnosticsParams>();
  const waiters = new Set<() => void>();
  const published: PublishDiagnosticsParams[] = [];
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    diagnostics.set(p.uri, p);
    for (const w of [...waiters]) w();
  });
  conn.onRequest('workspace/configuration', () => [null]);
  conn.onRequest('client/registerCapability', () => null);
  const logs: string[] = [];
  conn.onNotification('window/logMessage', (p: { message?: string }) => { logs.push(String(p?.message)); });
  conn.listen();
  await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri: null, workspaceFolders: null,
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true }, inlayHint: {} }, workspace: { configuration: true } },
    initializationOptions: { trusted: false, settings: { instances: [], liveChecks: false }, ...opts.init },
  });
  await conn.sendNotification(InitializedNotification.type, {});
  return {
    conn, proc, diagnostics, published, stderr, logs,
    open(uri, text, version = 1) {
      void conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'openclaw-config', version, text } });
    },
    change(uri, text, version) {
      void conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    waitDiagnostics(uri, pred = () => true, timeoutMs = 10000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const p = diagnostics.get(uri);
          if (p && pred(p)) { waiters.delete(check); clearTimeout(timer); resolve(p); }
        };
        const timer = setTimeout(() => { waiters.delete(check); reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(diagnostics.get(uri)?.diagnostics.map((d) => d.message))}`)); }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      try {
        await Promise.race([conn.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
        await conn.sendNotification(ExitNotification.type);
      } catch { /* the server may be gone already */ }
      conn.dispose();
      await new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode) return resolve();
        const t = setTimeout(() => { proc.kill('SIGKILL'); }, 3000);
        proc.once('exit', () => { clearTimeout(t); resolve(); });
      });
    },
  };
}
