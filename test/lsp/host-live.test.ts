// The host model while things change under it: ports taken by other processes, profiles deleted while their config
// is open, and two servers (two VS Code windows) watching the same profiles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HostModelChanged, HostModelRequest, type HostModel } from '../../language-server/src/protocol';
import { FIXTURE_HOME } from '../support/paths';
import { startServer, type Session } from './lsp-client';

async function fixtureHome(): Promise<string> {
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'oc-live-home-'));
  await fs.cp(FIXTURE_HOME, home, { recursive: true });
  return home;
}

/** A server on a fresh copy of the fixture home; both are gone when `fn` ends, however it ends. */
async function onFixtureHome(fn: (s: Session, home: string) => Promise<void>, init?: Record<string, unknown>): Promise<void> {
  const home = await fixtureHome();
  const s = await startServer({ env: { OPENCLAW_HOME: home }, init });
  try {
    await fn(s, home);
  } finally {
    await s.close();
    await fs.rm(home, { recursive: true, force: true });
  }
}

function modelWhere(s: Session, pred: (m: HostModel) => boolean, timeoutMs = 3000): Promise<HostModel> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => { sub.dispose(); reject(new Error(`no matching host model within ${timeoutMs} ms`)); }, timeoutMs);
    const sub = s.conn.onNotification(HostModelChanged, (m) => { if (pred(m)) { clearTimeout(t); sub.dispose(); resolve(m); } });
  });
}

test('a port of a profile held by another process is a warning naming that process', async () => {
  const holder = net.createServer();
  await new Promise<void>((r) => holder.listen(55293, '127.0.0.1', r));
  try {
    await onFixtureHome(async (s, home) => {
      const file = path.join(home, '.openclaw-ops', 'openclaw.json');
      const uri = pathToFileURL(file).toString();
      const text = await fs.readFile(file, 'utf8');
      s.open(uri, text);
      const p = await s.waitDiagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'port-in-use'));
      const d = p.diagnostics.find((x) => x.code === 'port-in-use')!;
      assert.equal(d.severity, 2);
      assert.match(d.message, new RegExp(`Port 55293 \\(browser control\\) is in use right now by process ${process.pid}`));
      // ops has no gateway.port (its base is hashed), so the warning sits on the `gateway` key.
      const gatewayKey = text.indexOf('\n  gateway:') + 3;
      assert.deepEqual(d.range.start, { line: text.slice(0, gatewayKey).split('\n').length - 1, character: 2 });
    }, { settings: { instances: [], liveChecks: true } });
  } finally {
    await new Promise((r) => holder.close(r));
  }
});

test('a profile deleted while its config is open: the model drops it, the document keeps its diagnostics', async () => {
  await onFixtureHome(async (s, home) => {
    const file = path.join(home, '.openclaw-rescue', 'openclaw.json');
    const uri = pathToFileURL(file).toString();
    s.open(uri, await fs.readFile(file, 'utf8'));
    await s.waitDiagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'port-conflict'));
    const gone = modelWhere(s, (m) => !m.profiles.some((p) => p.name === 'rescue'));
    await fs.rm(path.join(home, '.openclaw-rescue'), { recursive: true });
    await gone;
    s.change(uri, "{ gateway: { mode: 'local', port: 18809, bogus: 1 } }", 2);
    const p = await s.waitDiagnostics(uri, (x) => x.version === 2);
    assert.deepEqual(p.diagnostics.map((d) => d.code), ['unknown-key']);
    const model = await s.conn.sendRequest(HostModelRequest);
    assert.ok(!model.conflicts.some((c) => c.profiles.includes('rescue')));
  });
});

test('a config that becomes unreadable (here: replaced by a directory, which even root cannot read as a file)', async () => {
  await onFixtureHome(async (s, home) => {
    const file = path.join(home, '.openclaw-qa', 'openclaw.json');
    const gone = modelWhere(s, (m) => m.profiles.find((p) => p.name === 'qa')?.configExists === false);
    await fs.rm(file);
    await fs.mkdir(file);
    const m = await gone;
    const qa = m.profiles.find((p) => p.name === 'qa')!;
    assert.equal(qa.configValid, undefined);
    assert.equal(qa.basePortSource, 'hash');
    assert.ok(!m.conflicts.some((c) => c.kind === 'cdpUrl'), 'qa\'s browser endpoint should be gone with its config');
    assert.equal(s.proc.exitCode, null);
  });
});

test('two servers watching one home both see a change within a second', async () => {
  const home = await fixtureHome();
  const a = await startServer({ env: { OPENCLAW_HOME: home } });
  const b = await startServer({ env: { OPENCLAW_HOME: home } });
  try {
    const seen = (s: Session) => modelWhere(s, (m) => m.profiles.find((p) => p.name === 'ops')?.basePort === 56100, 1000);
    const both = Promise.all([seen(a), seen(b)]);
    await fs.writeFile(path.join(home, '.openclaw-ops', 'openclaw.json'), "{ gateway: { mode: 'local', port: 56100 } }");
    const [ma, mb] = await both;
    assert.deepEqual(ma.profiles.map((p) => p.basePort), mb.profiles.map((p) => p.basePort));
  } finally {
    await a.close();
    await b.close();
    await fs.rm(home, { recursive: true, force: true });
  }
});
