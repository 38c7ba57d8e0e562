// The same checks as test/unit/checks.test.ts, seen by a real LSP client through the built server: a CDP-only clash,
// touching ranges, env before config, did-you-mean with its quick fix, the missing gateway.mode warning.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { HostModelChanged, HostModelRequest, type HostModel } from '../../language-server/src/protocol';
import { startServer, type Session } from './lsp-client';

let home: string;
let s: Session;
const config = (port: number) => `{ gateway: { mode: 'local', port: ${port} } }`;

before(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'oc-lsp-checks-'));
  const profiles: Record<string, number> = { '.openclaw': 18789, '.openclaw-high': 65430, '.openclaw-next': 18900 };
  for (const [dir, port] of Object.entries(profiles)) {
    await fs.mkdir(path.join(home, dir));
    await fs.writeFile(path.join(home, dir, 'openclaw.json'), config(port));
  }
  // A profile named by the process env, whose env port (18791) must win over its config port (40000).
  await fs.writeFile(path.join(home, 'envy.json'), config(40000));
  s = await startServer({
    env: { OPENCLAW_HOME: home, OPENCLAW_STATE_DIR: path.join(home, '.openclaw-envy'), OPENCLAW_CONFIG_PATH: path.join(home, 'envy.json'), OPENCLAW_PROFILE: '', OPENCLAW_GATEWAY_PORT: '18791' },
  });
});

after(async () => {
  await s?.close();
  await fs.rm(home, { recursive: true, force: true });
});

const uriOf = (p: string) => pathToFileURL(p).toString();
const portClash = (m: HostModel, a: string, b: string) => m.conflicts.find((c) => c.kind === 'port' && c.profiles.includes(a) && c.profiles.includes(b));

test('a base whose CDP range falls back clashes with the default profile in 18800-18899 only, and says so on gateway.port', async () => {
  const model = await s.conn.sendRequest(HostModelRequest);
  const clash = portClash(model, 'default', 'high');
  assert.ok(clash, JSON.stringify(model.conflicts.map((c) => c.profiles)));
  assert.deepEqual(clash.ports, Array.from({ length: 100 }, (_, i) => 18800 + i));
  const high = path.join(home, '.openclaw-high', 'openclaw.json');
  s.open(uriOf(high), config(65430));
  const p = await s.waitDiagnostics(uriOf(high), (x) => x.diagnostics.length > 0);
  const d = p.diagnostics.find((x) => x.code === 'port-conflict');
  assert.ok(d, JSON.stringify(p.diagnostics));
  assert.equal(config(65430).slice(d.range.start.character, d.range.end.character), 'port');
});

test('touching ranges are no clash; moving one port closer makes a one-port clash', async () => {
  const first = await s.conn.sendRequest(HostModelRequest);
  assert.equal(portClash(first, 'default', 'next'), undefined, 'base 18900 starts right after 18899');
  const next = path.join(home, '.openclaw-next', 'openclaw.json');
  const changed = new Promise<HostModel>((resolve) => {
    const sub = s.conn.onNotification(HostModelChanged, (m) => {
      if (m.profiles.find((p) => p.name === 'next')?.basePort === 18899) { sub.dispose(); resolve(m); }
    });
  });
  s.open(uriOf(next), config(18899));
  const model = await changed;
  assert.deepEqual(portClash(model, 'default', 'next')?.ports, [18899]);
});

test('env before config: the env port of the profile named by the env wins, and its clash follows it', async () => {
  const model = await s.conn.sendRequest(HostModelRequest);
  const envy = model.profiles.find((p) => p.configPath === path.join(home, 'envy.json'));
  assert.ok(envy, JSON.stringify(model.profiles.map((p) => p.name)));
  assert.deepEqual([envy.basePort, envy.basePortSource], [18791, 'env']);
  assert.ok(portClash(model, 'default', envy.name), 'env port 18791 lies in the default profile\'s ports');
  assert.equal(model.profiles.find((p) => p.name === 'high')!.basePortSource, 'config');
});

test('did-you-mean reaches the client: the message names the key and the preferred fix renames it', async () => {
  const uri = 'file:///tmp/not-a-profile/typo.openclaw.json';
  const text = "{ gateway: { mode: 'local', bnid: 'loopback' } }";
  s.open(uri, text);
  const p = await s.waitDiagnostics(uri, (x) => x.diagnostics.length > 0);
  const d = p.diagnostics.find((x) => x.code === 'unknown-key')!;
  assert.match(d.message, /Did you mean "bind"\?/);
  assert.equal(text.slice(d.range.start.character, d.range.end.character), 'bnid');
  const actions = await s.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d as Diagnostic] } });
  const rename = (actions ?? []).find((a) => 'title' in a && a.title === 'Rename to "bind"') as { isPreferred?: boolean; edit?: { changes?: Record<string, { newText: string }[]> } } | undefined;
  assert.ok(rename, JSON.stringify(actions));
  assert.equal(rename.isPreferred, true);
  assert.equal(rename.edit!.changes![uri][0].newText, 'bind');
});

test('the missing gateway.mode warning reaches the client as a warning on the gateway key, and goes once mode is set', async () => {
  const uri = 'file:///tmp/not-a-profile/mode.openclaw.json';
  const text = '{ gateway: { port: 18789 } }';
  s.open(uri, text);
  const p = await s.waitDiagnostics(uri, (x) => x.diagnostics.length > 0);
  assert.deepEqual(p.diagnostics.map((d) => [d.code, d.severity]), [['gateway-mode-missing', DiagnosticSeverity.Warning]]);
  assert.equal(text.slice(p.diagnostics[0].range.start.character, p.diagnostics[0].range.end.character), 'gateway');
  s.change(uri, "{ gateway: { port: 18789, mode: 'remote' } }", 2);
  await s.waitDiagnostics(uri, (x) => x.version === 2 && x.diagnostics.length === 0);
});
