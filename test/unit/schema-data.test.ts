// Unit tests of the committed schema data (generated from OpenClaw 2026.9.6's own `openclaw config schema`) as the
// checker compiles it: the facts a gateway config depends on, and that the data carries no OpenClaw prose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundledSchemaInUse, schemaFromJson } from '../../language-server/src/schema/in-use';
import { BUNDLED_SCHEMA_TEXT, BUNDLED_SCHEMA_VERSION } from '../../language-server/src/schema/bundled-data';
import { fieldDoc } from '../../language-server/src/features/field-docs';

const bundled = bundledSchemaInUse();
const json = bundled.json as Record<string, any>;
const parse = (config: unknown) => bundled.compiled.safeParse(config);

const EXPECTED_KEYS = [
  '$schema', 'meta', 'env', 'wizard', 'diagnostics', 'logging', 'update', 'telemetry', 'browser', 'ui', 'secrets', 'auth',
  'accessGroups', 'acp', 'models', 'nodeHost', 'agents', 'worktreeRoot', 'worktreeAcceleration', 'tools', 'security',
  'bindings', 'broadcast', 'attachments', 'messages', 'tts', 'commands', 'approvals', 'session', 'cron', 'transcripts',
  'hooks', 'channels', 'discovery', 'talk', 'gateway', 'cloudWorkers', 'desktop', 'memory', 'mcp', 'skills', 'plugins',
  'surfaces', 'proxy',
];

/** A config as a user of several gateway profiles would write it. */
function realisticConfig(): Record<string, unknown> {
  return {
    $schema: './openclaw.schema.json',
    meta: { lastTouchedVersion: '2026.9.6' },
    gateway: {
      mode: 'local',
      port: 19001,
      bind: 'loopback',
      auth: { mode: 'token', token: 'a-long-random-token' },
      controlUi: { enabled: true, allowedOrigins: ['https://control.example.com'] },
      reload: { mode: 'hybrid' },
      tailscale: { mode: 'off' },
      nodes: { pairing: { sshVerify: { timeoutMs: 5000 } } },
      http: { endpoints: { chatCompletions: { enabled: false } } },
    },
    browser: {
      enabled: true,
      headless: true,
      defaultProfile: 'openclaw',
      cdpUrl: 'http://127.0.0.1:19012',
      profiles: {
        openclaw: { cdpPort: 19012 },
        work: { cdpUrl: 'http://10.0.0.5:9222', attachOnly: true },
        'my-chrome': { driver: 'existing-session', userDataDir: '~/Library/Application Support/Google/Chrome' },
      },
      ssrfPolicy: { allowedHostnames: ['intranet.local'] },
    },
    agents: {
      ownership: 'explicit',
      defaults: {
        workspace: '~/.openclaw-dev/workspace',
        model: { primary: 'anthropic/claude-sonnet-5', fallbacks: ['openai/gpt-5.4'] },
        compaction: { mode: 'safeguard', memoryFlush: { forceFlushTranscriptBytes: '2mb' } },
        heartbeat: { every: '30m', activeHours: { start: '08:00', end: '24:00' } },
        sandbox: { mode: 'non-main', scope: 'agent', docker: { network: 'bridge' } },
      },
      entries: {
        main: { workspace: '~/work/main', identity: { name: 'Claw', emoji: '🦞' } },
        research: {
          model: 'openai/gpt-5.4',
          tools: { profile: 'coding', exec: { host: 'sandbox', mode: 'ask' }, fs: { workspaceOnly: true } },
          runtime: { type: 'acp', acp: { agent: 'codex', mode: 'persistent' } },
        },
      },
    },
    channels: { telegram: { enabled: true, botToken: { source: 'env', provider: 'default', id: 'TELEGRAM_BOT_TOKEN' } } },
    bindings: [{ agentId: 'research', match: { channel: 'telegram' } }],
    plugins: { entries: { canvas: { config: { host: { enabled: true } } } } },
    worktreeAcceleration: false,
  };
}

function issuesOf(config: unknown) {
  const result = parse(config);
  assert.equal(result.success, false, 'expected the config to be rejected');
  return result.issues;
}

test('the root has exactly the 44 top-level keys, in OpenClaw order', () => {
  assert.deepEqual(Object.keys(json.properties), EXPECTED_KEYS);
  assert.equal(json.additionalProperties, false);
  assert.equal(bundled.version, '2026.9.6');
});

test('every top-level key is optional: an empty config is valid', () => {
  assert.equal(parse({}).success, true);
});

test('a realistic multi-agent config passes', () => {
  const result = parse(realisticConfig());
  assert.equal(result.success, true, JSON.stringify(result.issues, null, 2));
});

test('an unknown top-level key fails with unrecognized_keys at the root', () => {
  const issues = issuesOf({ ...realisticConfig(), gatewy: {} });
  assert.equal(issues.length, 1);
  assert.equal(issues[0].code, 'unrecognized_keys');
  assert.deepEqual(issues[0].path, []);
  assert.deepEqual((issues[0] as { keys: string[] }).keys, ['gatewy']);
});

test('the retired canvasHost key is rejected', () => {
  const issues = issuesOf({ canvasHost: { enabled: true } });
  assert.equal(issues[0].code, 'unrecognized_keys');
  assert.deepEqual((issues[0] as { keys: string[] }).keys, ['canvasHost']);
});

test('the retired browser.controlPort key is rejected', () => {
  const issues = issuesOf({ browser: { controlPort: 18791 } });
  assert.equal(issues[0].code, 'unrecognized_keys');
  assert.deepEqual(issues[0].path, ['browser']);
  assert.deepEqual((issues[0] as { keys: string[] }).keys, ['controlPort']);
});

test('a wrong gateway.bind value fails at gateway.bind', () => {
  const issues = issuesOf({ gateway: { bind: 'everywhere' } });
  assert.equal(issues.length, 1);
  assert.deepEqual(issues[0].path, ['gateway', 'bind']);
});

test('gateway.port must be an integer in 1-65535', () => {
  assert.deepEqual(issuesOf({ gateway: { port: 70000 } })[0].path, ['gateway', 'port']);
  assert.deepEqual(issuesOf({ gateway: { port: 0 } })[0].path, ['gateway', 'port']);
  assert.deepEqual(issuesOf({ gateway: { port: 18789.5 } })[0].path, ['gateway', 'port']);
  assert.equal(parse({ gateway: { port: 65535 } }).success, true);
});

test('gateway.auth.token accepts a string or a SecretRef, and rejects a malformed SecretRef', () => {
  for (const token of [
    'plain-token',
    { source: 'env', provider: 'default', id: 'OPENCLAW_GATEWAY_TOKEN' },
    { source: 'file', provider: 'vault', id: '/gateway/token' },
    { source: 'exec', provider: 'op', id: 'gateway-token' },
  ]) {
    const result = parse({ gateway: { auth: { mode: 'token', token } } });
    assert.equal(result.success, true, `${JSON.stringify(token)}: ${JSON.stringify(result.issues)}`);
  }
  assert.equal(parse({ gateway: { auth: { token: { source: 'vault', provider: 'default', id: 'X' } } } }).success, false);
  assert.equal(parse({ gateway: { auth: { token: { source: 'env', provider: 'default', id: 'lower' } } } }).success, false);
  assert.equal(parse({ gateway: { auth: { mode: 'oauth' } } }).success, false);
});

test('browser profiles are strict and their ports bounded', () => {
  const unknownKey = issuesOf({ browser: { profiles: { work: { cdpPort: 19020, port: 1 } } } });
  assert.equal(unknownKey[0].code, 'unrecognized_keys');
  assert.deepEqual(unknownKey[0].path, ['browser', 'profiles', 'work']);
  assert.deepEqual(issuesOf({ browser: { profiles: { work: { cdpPort: 70000 } } } })[0].path, ['browser', 'profiles', 'work', 'cdpPort']);
});

test('cross-field rules are left to the validator, not the schema', () => {
  // A profile with neither cdpPort nor cdpUrl, and two agents without ownership: OpenClaw rejects both, its schema does not.
  assert.equal(parse({ browser: { profiles: { bare: {} } } }).success, true);
  assert.equal(parse({ agents: { entries: { a: {}, b: {} } } }).success, true);
});

test('every section is checked in full, not only gateway, browser and agents', () => {
  assert.deepEqual(issuesOf({ tools: { x: 1 } })[0].path, ['tools']);
  assert.deepEqual(issuesOf({ logging: { maxFileBytes: 'yes' } })[0].path.slice(0, 2), ['logging', 'maxFileBytes']);
  assert.deepEqual(issuesOf({ channels: 'telegram' })[0].path, ['channels']);
  assert.deepEqual(issuesOf({ bindings: {} })[0].path, ['bindings']);
  assert.deepEqual(issuesOf({ worktreeRoot: 42 })[0].path, ['worktreeRoot']);
});

test('only the sections a document holds are compiled', () => {
  const fresh = schemaFromJson(JSON.parse(BUNDLED_SCHEMA_TEXT), 'bundled', BUNDLED_SCHEMA_VERSION).compiled;
  fresh.safeParse({ gateway: { port: 1 }, agents: {} });
  const all = schemaFromJson(JSON.parse(BUNDLED_SCHEMA_TEXT), 'bundled', BUNDLED_SCHEMA_VERSION).compiled;
  all.safeParse(Object.fromEntries(Object.keys(json.properties).map((k) => [k, 1])));
  const [few, many] = [fresh.compiledNodes().length, all.compiledNodes().length];
  assert.ok(few > 0 && few < many / 10, `${few} of ${many} compiled for a two-section document`);
});

test('the committed data holds structure only: no title, description or examples anywhere', () => {
  const found = /"(title|description|markdownDescription|examples)":"/.exec(BUNDLED_SCHEMA_TEXT);
  // A config key may be named "title" or "description"; as a keyword its value would be a string.
  assert.equal(found, null, `prose keyword in the committed data near: ${found && BUNDLED_SCHEMA_TEXT.slice(found.index - 80, found.index + 80)}`);
});

test('every field of gateway, browser and agents has our own title and description for hovers', () => {
  const missing: string[] = [];
  const visit = (node: any, path: string[], depth: number): void => {
    if (!node || typeof node !== 'object' || depth > 12) return;
    if (node.$ref) node = json.definitions[String(node.$ref).split('/').pop()!];
    for (const [key, child] of Object.entries<any>(node.properties ?? {})) {
      if (!fieldDoc([...path, key])) missing.push([...path, key].join('.'));
      visit(child, [...path, key], depth + 1);
    }
    for (const alt of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) visit(alt, path, depth + 1);
    if (node.additionalProperties && typeof node.additionalProperties === 'object') visit(node.additionalProperties, [...path, 'some-name'], depth + 1);
  };
  for (const section of ['gateway', 'browser', 'agents']) visit(json.properties[section], [section], 0);
  assert.deepEqual(missing, []);
});
