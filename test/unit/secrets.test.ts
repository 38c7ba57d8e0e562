// A log line quoting a credential of the profile's config shows it hidden, wherever the credential sits: the last
// error of a crash-looping gateway goes into the tree's tooltip and the Stop modal.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseConfig } from '../../language-server/src/parse/tree';
import { redact, secretsOf } from '../../language-server/src/host/secrets';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadHost } from '../../language-server/src/host/model';
import { liveStates, ObservationWindows } from '../../language-server/src/host/live-state';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';

test('credentials of every section are found, and only they', () => {
  const parsed = parseConfig(`{
    gateway: { mode: 'local', auth: { mode: 'token', token: 'tok-1234567890abcdef' }, remote: { password: 'hunter2hunter2' } },
    channels: { telegram: { botToken: '123456:ABCDEF-telegram' }, slack: { accounts: [{ appToken: 'xapp-1-abcdefgh' }] } },
    models: { providers: { openai: { apiKey: 'sk-proj-abcdefgh', baseUrl: 'https://api.example' } } },
    agents: { defaults: { workspace: '~/work-token-dir' } },
    short: { token: 'abc' },
  }`);
  assert.deepEqual(new Set(secretsOf(parsed)), new Set(['tok-1234567890abcdef', 'hunter2hunter2', '123456:ABCDEF-telegram', 'xapp-1-abcdefgh', 'sk-proj-abcdefgh']));
  assert.deepEqual(secretsOf(undefined), []);
});

test('a credential key is known by its end, with or without a separator; a key that only begins like one is no credential', () => {
  const parsed = parseConfig(`{
    a: { 'api-key': 'key-dash-123456', api_key: 'key-under-123456', apikey: 'key-none-123456' },
    b: { privateKey: 'pk-none-123456', 'private-key': 'pk-dash-123456', private_key: 'pk-under-123456' },
    c: { credential: 'cred-123456', tokenizer: 'cl100k_base', passwordHint: 'the usual one', secretsDir: '/run/secrets' },
  }`);
  assert.deepEqual(new Set(secretsOf(parsed)), new Set(['key-dash-123456', 'key-under-123456', 'key-none-123456',
    'pk-none-123456', 'pk-dash-123456', 'pk-under-123456', 'cred-123456']));
});

test('every occurrence is hidden, a longer secret before one it contains', () => {
  const secrets = secretsOf(parseConfig(`{ a: { token: 'abcdef' }, b: { token: 'abcdef-long-one' } }`));
  assert.equal(redact('bad token abcdef-long-one, then abcdef, then abcdef', secrets), 'bad token «hidden», then «hidden», then «hidden»');
  assert.equal(redact('nothing here', secrets), 'nothing here');
});

test('a crash loop\'s last log error reaches the client with the profile\'s credentials hidden', async () => {
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'oc-secrets-'));
  try {
    const stateDir = path.join(home, '.openclaw-leaky');
    await fs.mkdir(stateDir);
    const log = path.join(home, 'gateway.log');
    const token = 'tok-0123456789abcdef0123';
    await fs.writeFile(path.join(stateDir, 'openclaw.json'), `{ gateway: { mode: 'local', port: 1, auth: { mode: 'token', token: '${token}' } }, logging: { file: '${log}' } }`);
    await fs.writeFile(log, `${JSON.stringify({ _meta: { logLevelName: 'ERROR' }, message: `auth rejected: token ${token} is not valid` })}\n`);
    const host = await loadHost({ home, env: {}, declared: [], schema: bundledSchemaInUse() });
    const windows = new ObservationWindows();
    const now = Date.now();
    // Four lives seen by earlier polls, each under a new pid: three restarts.
    [101, 102, 103, 104].forEach((pid, i) => windows.record('leaky', { at: now - 4000 + i * 1000, pid, ready: false }));
    const result = await liveStates(host, windows, { trusted: false, now: () => now });
    const loop = result.leaky?.crashLoop;
    assert.ok(loop, JSON.stringify(result));
    assert.equal(loop.lastError, 'auth rejected: token «hidden» is not valid');
  } finally {
    await fs.rm(home, { recursive: true, force: true });
  }
});
