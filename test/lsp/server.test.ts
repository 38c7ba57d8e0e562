import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  HoverRequest, CompletionRequest, CodeActionRequest, InlayHintRequest, DiagnosticSeverity, type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { HostModelChanged, HostModelRequest, FreeBasePortRequest, type HostModel } from '../../language-server/src/protocol';
import { FIXTURE_HOME } from '../support/paths';
import { startServer, type Session } from './lsp-client';

let home: string;
let s: Session;

before(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'oc-lsp-home-'));
  await fs.cp(FIXTURE_HOME, home, { recursive: true });
  s = await startServer({ env: { OPENCLAW_HOME: home, OPENCLAW_STATE_DIR: '', OPENCLAW_CONFIG_PATH: '' } });
});

after(async () => {
  await s?.close();
  await fs.rm(home, { recursive: true, force: true });
});

const uriOf = (p: string) => pathToFileURL(p).toString();

test('a JSON5 syntax error is published with the CLI\'s position', async () => {
  const uri = 'file:///tmp/not-a-profile/openclaw.json';
  s.open(uri, '{\n  gateway: {\n    port: 18789,,\n  },\n}\n');
  const p = await s.waitDiagnostics(uri);
  assert.equal(p.diagnostics.length, 1);
  const d = p.diagnostics[0];
  assert.equal(d.source, 'openclaw');
  assert.equal(d.severity, DiagnosticSeverity.Error);
  assert.deepEqual(d.range.start, { line: 2, character: 16 });
  assert.match(d.message, /invalid character ','/);
});

test('edits re-validate: fixing the text clears the diagnostics', async () => {
  const uri = 'file:///tmp/not-a-profile/b.openclaw.json';
  s.open(uri, "{ gateway: { mode: 'local', prot: 1 } }");
  const first = await s.waitDiagnostics(uri);
  assert.equal(first.diagnostics[0].code, 'unknown-key');
  s.change(uri, "{ gateway: { mode: 'local', port: 1 } }", 2);
  await s.waitDiagnostics(uri, (p) => p.version === 2 && p.diagnostics.length === 0);
});

test('the host model is served and agrees with the diagnostics of a profile config', async () => {
  const model = await s.conn.sendRequest(HostModelRequest);
  assert.equal(model.profiles.length, 6);
  assert.ok(model.conflicts.some((c) => c.kind === 'port' && c.profiles.includes('rescue')));
  const rescue = path.join(home, '.openclaw-rescue', 'openclaw.json');
  const text = await fs.readFile(rescue, 'utf8');
  s.open(uriOf(rescue), text);
  const p = await s.waitDiagnostics(uriOf(rescue), (x) => x.diagnostics.length > 0);
  const d = p.diagnostics.find((x) => x.code === 'port-conflict')!;
  assert.ok(d, JSON.stringify(p.diagnostics));
  assert.deepEqual(d.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 8 } });
  assert.match(d.message, /"default"/);
  const hints = await s.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri: uriOf(rescue) }, range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } } });
  assert.equal(hints?.[0].label, 'control 18811, relay 18819, CDP 18820-18919');
  assert.deepEqual(hints?.[0].position, { line: 4, character: '    port: 18809,'.length });

  const actions = await s.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: uriOf(rescue) }, range: d.range, context: { diagnostics: [d as Diagnostic] } });
  const move = (actions ?? []).find((a) => 'title' in a && a.title.startsWith('Move to a free base port')) as { title: string; edit?: { changes?: Record<string, { newText: string }[]> } };
  assert.ok(move, JSON.stringify(actions));
  const newPort = Number(move.edit!.changes![uriOf(rescue)][0].newText);
  const other = model.profiles.filter((x) => x.name !== 'rescue');
  for (const o of other) {
    const cdpRange = o.ports.find((s) => s.role === 'cdp-range')!;
    assert.ok(newPort + 110 < o.basePort || newPort > cdpRange.to || o.basePort + 110 < newPort, `${newPort} vs ${o.name}`);
    for (const u of o.ports.filter((s) => s.from === s.to)) assert.ok(u.from < newPort || u.from > newPort + 110, `${newPort} hits ${o.name}:${u.from}`);
  }
});

test('editing a profile\'s text in the editor updates the model before it is saved', async () => {
  const rescue = path.join(home, '.openclaw-rescue', 'openclaw.json');
  const changed = new Promise<HostModel>((resolve) => {
    const sub = s.conn.onNotification(HostModelChanged, (m) => {
      if (m.profiles.find((p) => p.name === 'rescue')?.basePort === 19500) { sub.dispose(); resolve(m); }
    });
  });
  s.change(uriOf(rescue), "{ gateway: { mode: 'local', port: 19500 }, discovery: { mdns: { mode: 'off' } } }", 2);
  const model = await changed;
  assert.ok(!model.conflicts.some((c) => c.profiles.includes('rescue')));
  await s.waitDiagnostics(uriOf(rescue), (p) => p.version === 2 && p.diagnostics.length === 0);
});

test('a profile config that appears on disk is in the model within a second', async () => {
  const dir = path.join(home, '.openclaw-fresh');
  const seen = new Promise<HostModel>((resolve) => {
    const sub = s.conn.onNotification(HostModelChanged, (m) => { if (m.profiles.some((p) => p.name === 'fresh' && p.configExists)) { sub.dispose(); resolve(m); } });
  });
  const t0 = Date.now();
  await fs.mkdir(dir);
  await fs.writeFile(path.join(dir, 'openclaw.json'), "{ gateway: { mode: 'local', port: 33000 } }");
  const m = await seen;
  assert.ok(Date.now() - t0 < 1000, `took ${Date.now() - t0} ms`);
  assert.equal(m.profiles.find((p) => p.name === 'fresh')!.basePort, 33000);
});

test('hover, completion and free-port requests answer', async () => {
  const uri = 'file:///tmp/not-a-profile/c.openclaw.json';
  const text = "{ gateway: { bind: 'loopback', auth: { token: 'tok-secret-123' },  } }";
  s.open(uri, text);
  await s.waitDiagnostics(uri);
  const h = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 14 } });
  assert.match(JSON.stringify(h), /gateway\.bind/);
  const tokenHover = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: text.indexOf('tok-secret') + 2 } });
  assert.ok(!JSON.stringify(tokenHover).includes('tok-secret-123'));
  const c = await s.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 0, character: text.indexOf('  }') + 1 } });
  const labels = (Array.isArray(c) ? c : c?.items ?? []).map((i) => i.label);
  assert.ok(labels.includes('port') && !labels.includes('bind'), labels.join());
  const free = await s.conn.sendRequest(FreeBasePortRequest, { near: 18789, checkListeners: false });
  // rescue now sits at 19500 (edited above), so the first base above default's CDP range is free.
  assert.equal(free, 18900);
});

test('hostile input never takes the server down', async () => {
  const uri = 'file:///tmp/not-a-profile/junk.openclaw.json';
  const junk = ['', '\u0000\u0001\u0002', '{'.repeat(100000), '{ a: "' + 'x'.repeat(2_000_000) + '" }', '[1,2,3]', 'null', '{ "__proto__": {} }'];
  junk.forEach((t, i) => (i === 0 ? s.open(uri, t) : s.change(uri, t, i + 1)));
  const last = await s.waitDiagnostics(uri, (p) => p.version === junk.length);
  for (const d of last.diagnostics) assert.ok(d.range.start.line >= 0);
  const model = await s.conn.sendRequest(HostModelRequest);
  assert.ok(model.profiles.length >= 6);
  assert.equal(s.proc.exitCode, null);
});
