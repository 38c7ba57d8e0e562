// diagnose(): every source of diagnostics for one document, combined without a server.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { checkerFailed, diagnose } from '../../language-server/src/diagnose';
import { loadHost } from '../../language-server/src/host/model';
import { parseConfig } from '../../language-server/src/parse/tree';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';
import type { ConfigDiagnostic } from '../../language-server/src/validate/diagnostic';
import { FIXTURE_HOME } from '../support/paths';
import { offsetOf } from '../support/text';

const schema = bundledSchemaInUse();
const rescuePath = path.join(FIXTURE_HOME, '.openclaw-rescue', 'openclaw.json');
const live: ConfigDiagnostic = { severity: 'warning', code: 'port-in-use', message: 'Port 18811 is in use right now by process 1.', path: 'gateway.port', start: 0, end: 1 };

test('a file outside any profile gets its own checks only: no isolation, live or doctor findings', () => {
  const text = "{ gateway: { mode: 'local', prot: 18789 } }";
  const ds = diagnose({ parsed: parseConfig(text), schema, livePorts: [live], doctorFindings: [{ message: 'x', path: 'gateway' }] });
  assert.deepEqual(ds.map((d) => d.code), ['unknown-key']);
});

test('a profile config gets schema, isolation, live ports and doctor findings, in that order', async () => {
  const host = await loadHost({ home: FIXTURE_HOME, env: {}, declared: [], schema });
  const text = (await fs.readFile(rescuePath, 'utf8')).replace("mode: 'local'", "mode: 'local', prot: 1");
  const ds = diagnose({
    parsed: parseConfig(text), schema, profile: { host, configPath: rescuePath }, livePorts: [live],
    doctorFindings: [{ checkId: 'gateway.bind', severity: 'info', message: 'bind is loopback', path: 'gateway.bind' }],
  });
  assert.deepEqual(ds.map((d) => d.code), ['unknown-key', 'port-conflict', 'port-in-use', 'doctor:gateway.bind']);
  const doctor = ds[3];
  assert.equal(doctor.severity, 'information');
  assert.equal(doctor.start, offsetOf(text, 'bind:'));
  assert.equal(text.slice(doctor.start, doctor.end), 'bind');
});

test('doctor findings follow their key through edits, and fall back to the file start when it is gone', async () => {
  const host = await loadHost({ home: FIXTURE_HOME, env: {}, declared: [], schema });
  const findings = [{ severity: 'error', message: 'bad bind', path: 'gateway.bind' }];
  const moved = "// a new first line\n{ gateway: { port: 18809, mode: 'local', bind: 'loopback' } }";
  const [a] = diagnose({ parsed: parseConfig(moved), schema, profile: { host, configPath: rescuePath }, doctorFindings: findings }).filter((d) => d.code.startsWith('doctor:'));
  assert.equal(moved.slice(a.start, a.end), 'bind');
  const gone = "{ gateway: { port: 18809, mode: 'local' } }";
  const [b] = diagnose({ parsed: parseConfig(gone), schema, profile: { host, configPath: rescuePath }, doctorFindings: findings }).filter((d) => d.code.startsWith('doctor:'));
  assert.equal(gone.slice(b.start, b.end), 'gateway');
});

test('the diagnostic shown when checking throws points to the log', () => {
  assert.equal(checkerFailed().severity, 'error');
  assert.equal(checkerFailed().code, 'internal');
  assert.match(checkerFailed().message, /"OpenClaw" output channel/);
});
