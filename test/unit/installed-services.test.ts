// The service-file readers on the corners of the formats (the CLI's own output is read in
// test/agreement/installed-services.test.ts): quoting, escapes, doubled %, continued lines, XML entities.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadHost } from '../../language-server/src/host/model';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';
import { matchServices, parseLaunchdPlist, parseSystemdUnit, pinnedPort, profileOfServiceName, splitSystemdWords } from '../../language-server/src/host/installed-services';

test('systemd: quoted, escaped and continued values; only the [Service] section; % doubled', () => {
  const unit = [
    '[Unit]', 'Description=OpenClaw Gateway', 'Environment=NOT_THIS=1', '',
    '[Service]',
    'ExecStart=/usr/bin/node "/opt/open claw/index.js" gateway \\',
    '  --port 19001',
    'Environment="OPENCLAW_STATE_DIR=/home/u/my bots/state" OPENCLAW_PROFILE=rescue',
    'Environment=OPENCLAW_CONFIG_PATH=/home/u/100%%/openclaw.json',
    '# Environment=OPENCLAW_GATEWAY_PORT=1',
    'Environment="QUOTE=say \\"hi\\"" \'SINGLE=a b\'',
    '[Install]', 'WantedBy=default.target',
  ].join('\n');
  const u = parseSystemdUnit(unit);
  assert.deepEqual(u.args, ['/usr/bin/node', '/opt/open claw/index.js', 'gateway', '--port', '19001']);
  assert.deepEqual(u.env, { OPENCLAW_STATE_DIR: '/home/u/my bots/state', OPENCLAW_PROFILE: 'rescue', OPENCLAW_CONFIG_PATH: '/home/u/100%/openclaw.json', QUOTE: 'say "hi"', SINGLE: 'a b' });
  assert.equal(pinnedPort(u), 19001);
  assert.deepEqual(splitSystemdWords('a "b c" d\\ e'), ['a', 'b c', 'd e']);
});

test('the pinned port: the last --port of the command line, else OPENCLAW_GATEWAY_PORT', () => {
  assert.equal(pinnedPort({ args: ['node', 'x', 'gateway', '--port', '1', '--port=2'], env: { OPENCLAW_GATEWAY_PORT: '3' } }), 2);
  assert.equal(pinnedPort({ args: ['node', 'x', 'gateway'], env: { OPENCLAW_GATEWAY_PORT: '3' } }), 3);
  assert.equal(pinnedPort({ args: ['node', 'x', 'gateway', '--port', 'nope'], env: {} }), undefined);
});

test('launchd: ProgramArguments, EnvironmentVariables and entities', () => {
  const plist = `<?xml version="1.0"?><plist><dict><key>Label</key><string>ai.openclaw.a&amp;b</string>
    <key>ProgramArguments</key><array><string>/bin/node</string><string>gateway</string><string>--port</string><string>18809</string></array>
    <key>EnvironmentVariables</key><dict><key>OPENCLAW_CONFIG_PATH</key><string>/Users/u/&lt;x&gt;.json</string><key>EMPTY</key><string></string></dict></dict></plist>`;
  assert.deepEqual(parseLaunchdPlist(plist), { label: 'ai.openclaw.a&b', args: ['/bin/node', 'gateway', '--port', '18809'], env: { OPENCLAW_CONFIG_PATH: '/Users/u/<x>.json', EMPTY: '' } });
});

test('service names stand for profiles; a service is matched by its config first', () => {
  assert.deepEqual(['openclaw-gateway.service', 'openclaw-gateway-rescue.service', 'other.service'].map((n) => profileOfServiceName('systemd', n)), ['default', 'rescue', undefined]);
  assert.deepEqual(['ai.openclaw.gateway', 'ai.openclaw.rescue.plist'].map((n) => profileOfServiceName('launchd', n)), ['default', 'rescue']);
  const targets = [
    { name: 'default', basePort: 18789, configKey: '/h/.openclaw/openclaw.json', stateKey: '/h/.openclaw', configPath: '/h/.openclaw/openclaw.json' },
    { name: 'rescue', portProfile: 'rescue', basePort: 18900, configKey: '/h/.openclaw-rescue/openclaw.json', stateKey: '/h/.openclaw-rescue', configPath: '/h/.openclaw-rescue/openclaw.json' },
  ];
  const file = (name: string, env: Record<string, string>) => ({ manager: 'systemd' as const, name, file: `/h/.config/systemd/user/${name}`, args: ['node', 'x', 'gateway', '--port', '18789'], env });
  const m = matchServices([
    // Named for rescue but running the default config: it is the default profile's gateway that runs.
    file('openclaw-gateway-rescue.service', { OPENCLAW_CONFIG_PATH: '/h/.openclaw/openclaw.json', OPENCLAW_PROFILE: 'rescue' }),
    file('openclaw-gateway-gone.service', {}),
  ], targets, (p) => p);
  assert.deepEqual([...m.keys()], ['default']);
  assert.deepEqual(m.get('default')![0].drift, []);
  assert.equal(m.get('default')![0].profile, 'rescue');
});

test('a loaded host carries each installed gateway service on the profile it runs, and on no other', async () => {
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'oc-host-services-'));
  try {
    for (const name of ['ops', 'lab']) {
      await fs.mkdir(path.join(home, `.openclaw-${name}`));
      await fs.writeFile(path.join(home, `.openclaw-${name}`, 'openclaw.json'), `{ gateway: { mode: 'local', port: ${name === 'ops' ? 29000 : 31000} } }`);
    }
    const systemd = path.join(home, '.config', 'systemd', 'user');
    await fs.mkdir(systemd, { recursive: true });
    await fs.writeFile(path.join(systemd, 'openclaw-gateway-ops.service'), '[Service]\nExecStart=/usr/bin/node /x/openclaw gateway --port 29000\nEnvironment=OPENCLAW_PROFILE=ops\n');
    const host = await loadHost({ home, env: {}, declared: [], schema: bundledSchemaInUse() });
    const services = Object.fromEntries(host.profiles.map((p) => [p.summary.name, (p.summary.installedServices ?? []).map((s) => s.name)]));
    assert.deepEqual(services, { lab: [], ops: ['openclaw-gateway-ops.service'] });
  } finally {
    await fs.rm(home, { recursive: true, force: true });
  }
});
