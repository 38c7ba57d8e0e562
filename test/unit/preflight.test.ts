import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadHost } from '../../language-server/src/host/model';
import { preflight, preflightProblems } from '../../language-server/src/host/preflight';
import { ListenerCache } from '../../language-server/src/host/live-ports';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';
import { parseConfig } from '../../language-server/src/parse/tree';
import { checkParsed } from '../../language-server/src/validate/check';
import { FIXTURE_HOME } from '../support/paths';

const schema = bundledSchemaInUse();

async function homeWith(files: Record<string, string>): Promise<string> {
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'oc-preflight-'));
  for (const [dir, text] of Object.entries(files)) {
    await fs.mkdir(path.join(home, dir), { recursive: true });
    await fs.writeFile(path.join(home, dir, 'openclaw.json'), text);
  }
  return home;
}

test('preflight: every kind of config error stops the gateway, and each names its key', async () => {
  const cases: [string, RegExp, string][] = [
    ["{ gateway: { mode: 'local', port: 31000, bogus: 1 } }", /bogus/, 'gateway'],
    ["{ gateway: { port: 31000 } }", /gateway\.mode/, 'gateway'],
    ["{ gateway: { mode: 'local', port: 31000 }, canvasHost: { enabled: true } }", /retired/, 'canvasHost'],
    ["{ gateway: { mode: 'local', port: 31000, bind: 'everywhere' } }", /./, 'gateway.bind'],
    ["{ gateway: { mode: 'local', port: 31000 ", /./, ''],
  ];
  for (const [text, message, key] of cases) {
    const home = await homeWith({ '.openclaw-solo': text });
    const host = await loadHost({ home, env: {}, declared: [], schema });
    const r = await preflight(host, 'solo', schema, new ListenerCache());
    assert.equal(r.ok, false, text);
    const first = r.problems[0];
    assert.equal(first.kind, 'config', text);
    assert.match(first.message, message, text);
    assert.ok(first.path!.startsWith(key), `${text}: ${first.path}`);
    assert.ok(first.range, text);
    // The same first error the tree shows for an invalid profile (a missing gateway.mode leaves it valid).
    if (host.profiles[0].summary.configValid === false) assert.equal(host.profiles[0].summary.firstError?.message, first.message, text);
    else assert.equal(first.code, 'gateway-mode-missing');
  }
});

test('preflight: a clean profile passes; clashes with other profiles and a missing config do not', async () => {
  const host = await loadHost({ home: FIXTURE_HOME, env: {}, declared: [], schema });
  const ops = await preflight(host, 'ops', schema, new ListenerCache());
  assert.deepEqual(ops, { profile: 'ops', ok: true, problems: [] });
  for (const name of ['rescue', 'default', 'lab', 'qa', 'stage']) {
    const r = await preflight(host, name, schema, new ListenerCache());
    assert.equal(r.ok, false, name);
    assert.ok(r.problems.every((p) => p.kind === 'clash' && p.configPath && p.range), JSON.stringify(r.problems));
    // Each clash once, even when several keys cause it.
    assert.equal(new Set(r.problems.map((p) => p.message)).size, r.problems.length);
  }
  const none = await preflight(host, 'nobody', schema, new ListenerCache());
  assert.equal(none.ok, false);
  assert.deepEqual(preflightProblems({ configPath: '/x/openclaw.json', text: undefined, config: [], clashes: [], portsHeld: [] }).map((p) => [p.kind, p.path]), [['no-config', '']], 'no key to point at');
});

test('preflight: a profile that is not there, and a missing config, say which', async () => {
  const host = await loadHost({ home: FIXTURE_HOME, env: {}, declared: [], schema });
  const none = await preflight(host, 'nobody', schema, new ListenerCache());
  assert.equal(none.problems.length, 1);
  assert.equal(none.problems[0].kind, 'no-config');
  assert.match(none.problems[0].message, /"nobody"/);
  const [missing] = preflightProblems({ configPath: '/x/openclaw.json', text: undefined, config: [], clashes: [], portsHeld: [] });
  assert.match(missing.message, /\/x\/openclaw\.json.*"gateway\.mode"/);
});

test('preflight: problems in file order within each kind, config before clashes before ports, each message once', () => {
  const text = '{ a: 1, b: 2, c: 3, d: 4, e: 5 }';
  const d = (message: string, at: string, severity: 'error' | 'warning' = 'error') =>
    ({ severity, code: 'x', message, path: at, start: text.indexOf(`${at}:`), end: text.indexOf(`${at}:`) + 1 });
  const problems = preflightProblems({
    configPath: '/x',
    text,
    config: [d('third', 'e'), d('first', 'a'), d('second', 'c')],
    clashes: [d('second', 'b'), d('a warning', 'a', 'warning'), d('clash', 'd')],
    portsHeld: [d('held', 'b')],
  });
  assert.deepEqual(problems.map((p) => [p.kind, p.message]), [['config', 'first'], ['config', 'second'], ['config', 'third'], ['clash', 'clash'], ['port-in-use', 'held']]);
});

test('preflight: warnings alone (a duplicate key, mDNS) never stop a launch', () => {
  const text = "{ gateway: { mode: 'local', mode: 'local', port: 31000 } }";
  const { diagnostics } = checkParsed(parseConfig(text), schema);
  assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.severity === 'warning'));
  assert.deepEqual(preflightProblems({ configPath: '/x', text, config: diagnostics, clashes: [], portsHeld: [] }), []);
});
