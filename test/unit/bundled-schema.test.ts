// Unit tests of the bundled zod schema of the OpenClaw 2026.9.6 config (language-server/src/schema/bundled.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { BUNDLED_SCHEMA_VERSION, TOP_LEVEL_KEYS, bundledSchema } from '../../language-server/src/schema/bundled';

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
  const result = bundledSchema.safeParse(config);
  assert.equal(result.success, false, 'expected the config to be rejected');
  return result.error!.issues;
}

test('the root has exactly the 44 top-level keys, in OpenClaw order', () => {
  assert.equal(TOP_LEVEL_KEYS.length, 44);
  assert.deepEqual([...TOP_LEVEL_KEYS], EXPECTED_KEYS);
  assert.deepEqual(Object.keys(bundledSchema.shape), EXPECTED_KEYS);
  assert.equal(BUNDLED_SCHEMA_VERSION, '2026.9.6');
});

test('every top-level key is optional: an empty config is valid', () => {
  assert.equal(bundledSchema.safeParse({}).success, true);
});

test('a realistic multi-agent config passes and is returned unchanged', () => {
  const config = realisticConfig();
  const result = bundledSchema.safeParse(config);
  assert.equal(result.success, true, JSON.stringify(result.error?.issues, null, 2));
  assert.deepEqual(result.data, config);
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
  assert.equal(issues[0].code, 'invalid_value');
  assert.deepEqual((issues[0] as { values: unknown[] }).values, ['auto', 'lan', 'loopback', 'custom', 'tailnet']);
});

test('gateway.port must be an integer in 1-65535', () => {
  assert.deepEqual(issuesOf({ gateway: { port: 70000 } })[0].path, ['gateway', 'port']);
  assert.deepEqual(issuesOf({ gateway: { port: 0 } })[0].path, ['gateway', 'port']);
  assert.deepEqual(issuesOf({ gateway: { port: 18789.5 } })[0].path, ['gateway', 'port']);
  assert.equal(bundledSchema.safeParse({ gateway: { port: 65535 } }).success, true);
});

test('gateway.auth.token accepts a string or a SecretRef, and rejects a malformed SecretRef', () => {
  for (const token of [
    'plain-token',
    { source: 'env', provider: 'default', id: 'OPENCLAW_GATEWAY_TOKEN' },
    { source: 'file', provider: 'vault', id: '/gateway/token' },
    { source: 'exec', provider: 'op', id: 'gateway-token' },
    { source: 'store', provider: 'default', id: 'GATEWAY_TOKEN' },
  ]) {
    const result = bundledSchema.safeParse({ gateway: { auth: { mode: 'token', token } } });
    assert.equal(result.success, true, `${JSON.stringify(token)}: ${JSON.stringify(result.error?.issues)}`);
  }
  assert.equal(bundledSchema.safeParse({ gateway: { auth: { token: { source: 'vault', provider: 'default', id: 'X' } } } }).success, false);
  assert.equal(bundledSchema.safeParse({ gateway: { auth: { token: { source: 'env', provider: 'default', id: 'lower' } } } }).success, false);
  assert.equal(bundledSchema.safeParse({ gateway: { auth: { mode: 'oauth' } } }).success, false);
});

test('browser profiles: names must match ^[a-z0-9-]+$ and profiles are strict', () => {
  const badName = issuesOf({ browser: { profiles: { Work: { cdpPort: 19020 } } } });
  assert.deepEqual(badName[0].path, ['browser', 'profiles', 'Work']);
  const unknownKey = issuesOf({ browser: { profiles: { work: { cdpPort: 19020, port: 1 } } } });
  assert.equal(unknownKey[0].code, 'unrecognized_keys');
  assert.deepEqual(unknownKey[0].path, ['browser', 'profiles', 'work']);
  assert.deepEqual(issuesOf({ browser: { profiles: { work: { cdpPort: 70000 } } } })[0].path, ['browser', 'profiles', 'work', 'cdpPort']);
});

test('cross-field rules are left to the validator, not the schema', () => {
  // A profile with neither cdpPort nor cdpUrl, and two agents without ownership: OpenClaw rejects both, the schema does not.
  assert.equal(bundledSchema.safeParse({ browser: { profiles: { bare: {} } } }).success, true);
  assert.equal(bundledSchema.safeParse({ agents: { entries: { a: {}, b: {} } } }).success, true);
});

test('agents: entry ids, defaults and entries are strict', () => {
  assert.deepEqual(issuesOf({ agents: { entries: { 'bad id': {} } } })[0].path, ['agents', 'entries', 'bad id']);
  assert.equal(issuesOf({ agents: { defaults: { workspaces: 'x' } } })[0].code, 'unrecognized_keys');
  assert.equal(issuesOf({ agents: { entries: { main: { workspaceDir: 'x' } } } })[0].code, 'unrecognized_keys');
  assert.deepEqual(issuesOf({ agents: { ownership: 'implicit' } })[0].path, ['agents', 'ownership']);
});

test('sections outside gateway/browser/agents only check their outer type', () => {
  assert.equal(bundledSchema.safeParse({ channels: { anything: { goes: [1, 2] } }, tools: { x: 1 } }).success, true);
  assert.deepEqual(issuesOf({ channels: 'telegram' })[0].path, ['channels']);
  assert.deepEqual(issuesOf({ bindings: {} })[0].path, ['bindings']);
  assert.deepEqual(issuesOf({ worktreeRoot: 42 })[0].path, ['worktreeRoot']);
});

test('validation injects no defaults', () => {
  const result = bundledSchema.safeParse({ gateway: {}, browser: { profiles: { p: { cdpPort: 1 } } } });
  assert.equal(result.success, true);
  assert.deepEqual(result.data, { gateway: {}, browser: { profiles: { p: { cdpPort: 1 } } } });
});

test('toJSONSchema works and carries titles, descriptions and documented defaults', () => {
  const json = z.toJSONSchema(bundledSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, any>;
  assert.equal(json.type, 'object');
  assert.equal(json.additionalProperties, false);
  assert.deepEqual(Object.keys(json.properties), EXPECTED_KEYS);

  const port = json.properties.gateway.properties.port;
  assert.equal(port.type, 'integer');
  assert.equal(port.minimum, 1);
  assert.equal(port.maximum, 65535);
  assert.equal(typeof port.title, 'string');
  assert.ok(typeof port.description === 'string' && port.description.length > 20);

  const gateway = json.properties.gateway;
  assert.equal(gateway.additionalProperties, false);
  assert.deepEqual(gateway.properties.bind.enum, ['auto', 'lan', 'loopback', 'custom', 'tailnet']);
  assert.ok(gateway.properties.auth.properties.token.description);

  const profiles = json.properties.browser.properties.profiles;
  assert.equal(profiles.propertyNames.pattern, '^[a-z0-9-]+$');
  assert.equal(profiles.additionalProperties.additionalProperties, false);
  assert.equal(json.properties.browser.properties.controlPort, undefined);
  assert.equal(json.properties.browser.properties.defaultProfile.default, 'openclaw');

  assert.ok(json.properties.agents.properties.defaults.properties.workspace.description);
  assert.ok(json.properties.agents.properties.entries.additionalProperties.properties.workspace.description);
});

test('every field of gateway, browser and agents has a title and a description', () => {
  const json = z.toJSONSchema(bundledSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, any>;
  const missing: string[] = [];
  const visit = (node: any, path: string): void => {
    if (!node || typeof node !== 'object') return;
    for (const [key, child] of Object.entries<any>(node.properties ?? {})) {
      const childPath = `${path}.${key}`;
      if (!child.title || !child.description) missing.push(childPath);
      visit(child, childPath);
    }
    if (node.additionalProperties && typeof node.additionalProperties === 'object') visit(node.additionalProperties, `${path}.*`);
    if (node.items) visit(node.items, `${path}[]`);
    for (const alt of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) visit(alt, path);
  };
  for (const section of ['gateway', 'browser', 'agents']) visit(json.properties[section], section);
  assert.deepEqual(missing, []);
});
