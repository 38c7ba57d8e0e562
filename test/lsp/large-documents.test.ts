// A config too large to check between two requests (10 MB here) is checked on the worker thread: another file's
// hover is answered while that check is still running, the file gets its capped findings and a note on what is
// off for it, and newer texts supersede older ones, whose findings are never published.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity, HoverRequest, InlayHintRequest } from 'vscode-languageserver-protocol/node';
import { ServerInfoRequest } from '../../language-server/src/protocol';
import { MAX_DIAGNOSTICS } from '../../language-server/src/validate/cap';
import { startServer, type Session } from './lsp-client';

let home: string;
let s: Session;

before(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'oc-lsp-large-'));
  s = await startServer({ env: { OPENCLAW_HOME: home, OPENCLAW_STATE_DIR: '', OPENCLAW_CONFIG_PATH: '' } });
});

after(async () => {
  await s?.close();
  await fs.rm(home, { recursive: true, force: true });
});

/** About `mb` megabytes of unknown keys in gateway, each one a finding. */
function huge(mb: number, tag: string): string {
  const keys: string[] = [];
  for (let i = 0, size = 0; size < mb * 1e6; i++) {
    const k = `  ${tag}${i}: ${i},\n`;
    keys.push(k);
    size += k.length;
  }
  return `{\n gateway: {\n  mode: 'local',\n${keys.join('')} },\n}\n`;
}

const small = 'file:///tmp/not-a-profile/small/openclaw.json';
const big = 'file:///tmp/not-a-profile/big/openclaw.json';

test('another file is answered while a 10 MB file is checked, and the large file gets its capped findings', async () => {
  s.open(small, "{\n  gateway: { mode: 'local', port: 18789 },\n}\n");
  await s.waitDiagnostics(small);
  s.open(big, huge(10, 'k'), 1);
  for (let i = 0; !(await s.conn.sendRequest(ServerInfoRequest)).checkingLarge.includes(big); i++) {
    assert.ok(i < 500, 'the large file was never checked in the background');
    await new Promise((r) => setTimeout(r, 10));
  }
  const answer = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: { line: 1, character: 32 } });
  assert.ok(answer, 'no hover for gateway.port in the small file');
  const info = await s.conn.sendRequest(ServerInfoRequest);
  assert.deepEqual(info.checkingLarge, [big], 'the hover waited for the large check to end');

  const p = await s.waitDiagnostics(big, (d) => d.version === 1, 120_000);
  assert.equal(p.diagnostics.length, MAX_DIAGNOSTICS);
  const note = p.diagnostics.find((d) => d.code === 'large-file');
  assert.equal(note?.severity, DiagnosticSeverity.Information);
  assert.match(note!.message, /checked in the background, and hover, completion, quick fixes and port hints are off/);
  const more = p.diagnostics.find((d) => d.code === 'more-problems');
  assert.match(more!.message, /^\d+ more problems in this file are not listed \(998 are\)\.$/);
  assert.equal(p.diagnostics.filter((d) => d.code === 'unknown-key').length, MAX_DIAGNOSTICS - 2);
  assert.deepEqual((await s.conn.sendRequest(ServerInfoRequest)).checkingLarge, []);
  // What needs the file's tree on the server's thread is off for it.
  assert.equal(await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: big }, position: { line: 2, character: 4 } }), null);
  assert.deepEqual(await s.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri: big }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } }), []);
});

test('a newer text of a large file supersedes the check of the older one', async () => {
  const from = s.published.length;
  s.change(big, huge(3, 'a'), 2);
  s.change(big, huge(3, 'b'), 3);
  const p = await s.waitDiagnostics(big, (d) => d.version === 3, 120_000);
  assert.ok(p.diagnostics.some((d) => d.code === 'unknown-key' && /"b0"/.test(d.message)), JSON.stringify(p.diagnostics.slice(0, 3)));
  const versions = s.published.slice(from).filter((x) => x.uri === big).map((x) => x.version);
  assert.deepEqual(versions, [3]);
});

test('a large file that shrinks is checked on the server again, with hover back', async () => {
  s.change(big, "{\n  gateway: { mode: 'local', prot: 18789 },\n}\n", 4);
  const p = await s.waitDiagnostics(big, (d) => d.version === 4);
  assert.deepEqual(p.diagnostics.map((d) => d.code), ['unknown-key']);
  assert.ok(await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: big }, position: { line: 1, character: 5 } }));
});
