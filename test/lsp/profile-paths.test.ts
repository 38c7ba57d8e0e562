// Through a real LSP client: every profile config's diagnostics are published whether or not it is open (so Problems
// agrees with the status bar), a config opened through a link gets its clashes and fixes under the path it was opened
// by and nowhere else, and dev's gateway.port is marked as overridden by `--profile dev`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, DidCloseTextDocumentNotification, InlayHintRequest, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { HostModelRequest } from '../../language-server/src/protocol';
import { startServer, type Session } from './lsp-client';

let home: string;
let s: Session;
const uriOf = (p: string) => pathToFileURL(p).toString();
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);
const config = (rel: string) => path.join(home, rel, 'openclaw.json');
const RESCUE = "{\n  gateway: { mode: 'local', port: 18809 },\n}\n";

before(async () => {
  home = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'oc-lsp-paths-')));
  const write = async (rel: string, text: string) => {
    await fs.mkdir(path.join(home, rel), { recursive: true });
    await fs.writeFile(path.join(home, rel, 'openclaw.json'), text);
  };
  await write('.openclaw', "{ gateway: { mode: 'local', port: 18789 } }\n");
  await write('.openclaw-rescue', RESCUE);
  await write('.openclaw-dev', "{\n  gateway: { mode: 'local', port: 25000 },\n}\n");
  await write('.openclaw-gone', "{ gateway: { mode: 'local', port: 30000, bogus: 1 } }\n");
  // The demo's layout: a workspace folder that links to a profile's state dir.
  await fs.mkdir(path.join(home, 'ws'));
  await fs.symlink(path.join(home, '.openclaw-rescue'), path.join(home, 'ws', 'profile-rescue'));
  s = await startServer({ env: { OPENCLAW_HOME: home, OPENCLAW_STATE_DIR: '', OPENCLAW_CONFIG_PATH: '', OPENCLAW_GATEWAY_PORT: '' } });
});

after(async () => {
  await s?.close();
  await fs.rm(home, { recursive: true, force: true });
});

test('profile configs no editor has open are in Problems: their clashes, and the count agrees with the model', async () => {
  const model = await s.conn.sendRequest(HostModelRequest);
  const clashes = model.conflicts.filter((c) => c.kind === 'port').length;
  assert.ok(clashes >= 1, JSON.stringify(model.conflicts));
  const rescue = await s.waitDiagnostics(uriOf(config('.openclaw-rescue')), (p) => codes(p).includes('port-conflict'));
  const main = await s.waitDiagnostics(uriOf(config('.openclaw')), (p) => codes(p).includes('port-conflict'));
  assert.ok(rescue && main);
  const gone = await s.waitDiagnostics(uriOf(config('.openclaw-gone')), (p) => codes(p).includes('unknown-key'));
  assert.ok(gone);
});

test('dev\'s gateway.port carries a warning naming 19001, the port --profile dev really uses', async () => {
  const p = await s.waitDiagnostics(uriOf(config('.openclaw-dev')), (x) => codes(x).includes('port-overridden'));
  const d = p.diagnostics.find((x) => x.code === 'port-overridden')!;
  assert.equal(d.severity, 2);
  assert.deepEqual(d.range, { start: { line: 1, character: 28 }, end: { line: 1, character: 32 } });
  assert.match(d.message, /listens on 19001, not on 25000/);
  const model = await s.conn.sendRequest(HostModelRequest);
  assert.deepEqual(model.profiles.filter((x) => x.name === 'dev').map((x) => [x.basePort, x.basePortSource]), [[19001, 'env']]);
  // The hint beside the key shows the ports dev really gets, not those of the overridden 25000.
  const dev = uriOf(config('.openclaw-dev'));
  s.open(dev, "{\n  gateway: { mode: 'local', port: 25000 },\n}\n");
  const hints = await s.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri: dev }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } });
  assert.deepEqual(hints?.map((h) => h.label), ['control 19003, relay 19011, CDP 19012-19111']);
  await s.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: dev } });
});

test('opened through a link: clashes and the quick fix on that path, and the file is not listed twice', async () => {
  const real = uriOf(config('.openclaw-rescue'));
  const linked = uriOf(path.join(home, 'ws', 'profile-rescue', 'openclaw.json'));
  s.open(linked, RESCUE);
  const p = await s.waitDiagnostics(linked, (x) => codes(x).includes('port-conflict'));
  const d = p.diagnostics.find((x) => x.code === 'port-conflict')!;
  assert.deepEqual(d.range.start, { line: 1, character: 28 });
  // The real path's entry goes, so Problems shows the file once.
  await s.waitDiagnostics(real, (x) => x.diagnostics.length === 0);
  const actions = await s.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: linked }, range: d.range, context: { diagnostics: [d] } });
  const move = (actions ?? []).find((a) => 'title' in a && /Move to a free base port/.test(a.title)) as { edit?: { changes?: Record<string, unknown[]> } } | undefined;
  assert.ok(move, JSON.stringify(actions));
  assert.deepEqual(Object.keys(move.edit!.changes!), [linked]);

  // Typing in the linked document changes the host: the clash goes from both files.
  s.change(linked, "{\n  gateway: { mode: 'local', port: 25000 },\n}\n", 2);
  await s.waitDiagnostics(linked, (x) => x.version === 2 && !codes(x).includes('port-conflict'));
  await s.waitDiagnostics(uriOf(config('.openclaw')), (x) => !codes(x).includes('port-conflict'));

  // Closed again: the editor's entry goes, the profile's path has the disk's diagnostics again.
  void s.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: linked } });
  await s.waitDiagnostics(linked, (x) => x.diagnostics.length === 0);
  await s.waitDiagnostics(real, (x) => codes(x).includes('port-conflict'));
  await s.waitDiagnostics(uriOf(config('.openclaw')), (x) => codes(x).includes('port-conflict'));
});

test('the diagnostics of a profile that disappears are cleared', async () => {
  const gone = uriOf(config('.openclaw-gone'));
  await s.waitDiagnostics(gone, (x) => x.diagnostics.length > 0);
  await fs.rm(path.join(home, '.openclaw-gone'), { recursive: true });
  await s.waitDiagnostics(gone, (x) => x.diagnostics.length === 0, 15000);
});
