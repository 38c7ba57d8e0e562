// The service-file readers on the corners of the formats (the CLI's own output is read in
// test/agreement/installed-services.test.ts): quoting, escapes, doubled %, continued lines, XML entities.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { matchServices, parseLaunchdPlist, parseSystemdUnit, pinnedPort, profileOfServiceName, readServiceFiles, serviceDirs, splitSystemdWords, type ServiceFile } from '../../language-server/src/host/installed-services';
import { loadHost } from '../../language-server/src/host/model';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';

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
  assert.equal(m.get('default')!.length, 1, 'the unit named for a profile that is gone matches none');
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

test('systemd: comments are not continued, a trailing backslash at the end of the file still counts, spaces around keys', () => {
  const unit = [
    '  [Service]  ',
    '# a note that ends in a backslash \\',
    'ExecStart=-!/usr/bin/node /x/open#claw gateway \\',
    '  --port 19001',
    '  ; another \\',
    'Environment = OPENCLAW_PROFILE=rescue',
    // A value that opens with [ and ends with ] is no section header; a stray [ line does not end the section either.
    'Environment=OPENCLAW_STATE_DIR=[x]',
    '[Install',
    'Environment=JUNK =v B=y;',
    'Environment=A=x#',
    'UnsetEnvironment=OPENCLAW_GATEWAY_PORT=1',
    'ExecStartx',
    'Environment=LAST=1 \\',
  ].join('\n');
  const u = parseSystemdUnit(unit);
  assert.deepEqual(u.args, ['/usr/bin/node', '/x/open#claw', 'gateway', '--port', '19001']);
  assert.deepEqual(u.env, { OPENCLAW_PROFILE: 'rescue', OPENCLAW_STATE_DIR: '[x]', B: 'y;', A: 'x#', LAST: '1' });
  assert.deepEqual(parseSystemdUnit('[Service]\nEnvironment=A=1\n'), { args: [], env: { A: '1' } }, 'no ExecStart, no command line');
  // A line of nothing but backslashes ends in an unescaped one too, so it swallows the next line.
  assert.deepEqual(parseSystemdUnit('[Service]\n\\\\\\\nEnvironment=A=1\n').env, {});
});

test('systemd words: a backslash at the very end is kept, trailing blanks make no word, an empty quoted word does', () => {
  assert.deepEqual(splitSystemdWords('a\\'), ['a\\']);
  assert.deepEqual(splitSystemdWords('a b  '), ['a', 'b']);
  assert.deepEqual(splitSystemdWords('a ""'), ['a', '']);
});

test('launchd: numeric and named entities, empty strings, values with blanks, no ProgramArguments', () => {
  const plist = `<plist><dict><key>ProgramArguments</key><array><string>/Users/u/my node</string><string/><string />
    <string>&#65;&#x42;&#X43;&quot;&apos;&#38;&#x26;</string></array>
    <key>EnvironmentVariables</key><dict>
      <key>OPENCLAW_STATE_DIR</key>
        <string>/Users/u/my bots</string>
      <key>EMPTY</key><string/><key>BLANK</key><string />
      <key>A KEY</key><string>v</string></dict></dict></plist>`;
  assert.deepEqual(parseLaunchdPlist(plist), { args: ['/Users/u/my node', '', '', 'ABC"\'&&'], env: { OPENCLAW_STATE_DIR: '/Users/u/my bots', EMPTY: '', BLANK: '', 'A KEY': 'v' } });
  assert.deepEqual(parseLaunchdPlist('<plist><dict><key>Label</key><string>ai.openclaw.x</string></dict></plist>'), { label: 'ai.openclaw.x', args: [], env: {} });
});

test('service names: only whole names stand for profiles; a profile named gateway has its own unit', () => {
  assert.deepEqual(['x-openclaw-gateway.service', 'openclaw-gateway.service.bak', 'openclaw-gateway-gateway.service'].map((n) => profileOfServiceName('systemd', n)), [undefined, undefined, 'gateway']);
  assert.equal(profileOfServiceName('launchd', 'com.ai.openclaw.rescue'), undefined);
});

test('the pinned port: only --port sets it, trimmed, a host:port is no port, later flags keep it', () => {
  assert.equal(pinnedPort({ args: ['node', 'x', 'gateway', '--port', '19001', '--token', '12345678'], env: {} }), 19001);
  assert.equal(pinnedPort({ args: ['node', 'x', 'gateway', '--port', ' 19001 '], env: {} }), 19001);
  assert.equal(pinnedPort({ args: ['node', 'x', 'gateway', '--port', 'localhost:19001'], env: { OPENCLAW_GATEWAY_PORT: '3' } }), 3);
  assert.equal(pinnedPort({ args: ['node', 'x', 'gateway', '--port=19001:2'], env: {} }), undefined);
  assert.equal(pinnedPort({ args: ['node', 'x', 'gateway', '--port', '19001', '--verbose'], env: { OPENCLAW_GATEWAY_PORT: '3' } }), 19001);
});

const K = '/h/shared/openclaw.json';
const shared = (name: string, portProfile?: string) => ({ name, ...(portProfile ? { portProfile } : {}), basePort: 18789, configKey: K, stateKey: `/h/.openclaw-${name}`, configPath: K });
const svc = (manager: ServiceFile['manager'], name: string, env: Record<string, string> = {}, args = ['node', 'x', 'gateway']): ServiceFile => ({ manager, name, file: `/f/${name}`, args, env });

test('profiles sharing one config: each service goes to the profile it is named for', () => {
  const targets = [shared('rescue', 'rescue'), shared('default'), shared('work', 'work')];
  const m = matchServices([
    svc('systemd', 'openclaw-gateway-work.service', { OPENCLAW_CONFIG_PATH: K }),
    svc('launchd', 'ai.openclaw.work', { OPENCLAW_CONFIG_PATH: K }),
    svc('systemd', 'openclaw-gateway.service', { OPENCLAW_CONFIG_PATH: K }),
    svc('launchd', 'ai.openclaw.gateway', { OPENCLAW_CONFIG_PATH: K }),
  ], targets, (p) => p);
  assert.deepEqual([...m].map(([k, v]) => [k, v.map((s) => s.name)]), [
    ['work', ['openclaw-gateway-work.service', 'ai.openclaw.work']],
    ['default', ['openclaw-gateway.service', 'ai.openclaw.gateway']],
  ]);
});

test('matching by name: the CLI profile a profile runs as, then the profile of that name; a config of none is drift', () => {
  // The default profile last, so that "the first profile" is never the right answer by chance.
  const targets = [
    { name: 'work', portProfile: 'wk', basePort: 19001, configKey: '/h/w/openclaw.json', stateKey: '/h/w', configPath: '/h/w/openclaw.json' },
    { name: 'rescue', portProfile: 'rs', basePort: 19100, configKey: '/h/r/openclaw.json', stateKey: '/h/r', configPath: '/h/r/openclaw.json' },
    { name: 'default', basePort: 18789, configKey: '/h/.openclaw/openclaw.json', stateKey: '/h/.openclaw', configPath: '/h/.openclaw/openclaw.json' },
  ];
  const m = matchServices([
    svc('systemd', 'openclaw-gateway-wk.service', { OPENCLAW_STATE_DIR: '/h/w' }),
    svc('launchd', 'ai.openclaw.wk'),
    svc('systemd', 'openclaw-gateway-rescue.service', { OPENCLAW_CONFIG_PATH: '/elsewhere/openclaw.json' }),
    svc('systemd', 'openclaw-gateway-Default.service', { OPENCLAW_PROFILE: 'default' }),
    svc('launchd', 'com.example.gateway'),
  ], targets, (p) => p);
  assert.deepEqual([...m.keys()], ['work', 'rescue', 'default']);
  assert.deepEqual(m.get('work'), [
    { manager: 'systemd', name: 'openclaw-gateway-wk.service', file: '/f/openclaw-gateway-wk.service', drift: [], driftKinds: [], profile: 'default', stateDir: '/h/w' },
    { manager: 'launchd', name: 'ai.openclaw.wk', file: '/f/ai.openclaw.wk', drift: [], driftKinds: [], profile: 'default' },
  ]);
  const [r] = m.get('rescue')!;
  assert.deepEqual([r.drift, r.driftKinds], [['runs the config /elsewhere/openclaw.json, not /h/r/openclaw.json'], ['config']]);
  assert.deepEqual(m.get('default')!.map((s) => [s.name, s.profile]), [['openclaw-gateway-Default.service', 'default']]);
});

/** The unit most of the tests below put in a home. */
const UNIT = '[Service]\nExecStart=/usr/bin/node /x/openclaw gateway --port 19001\n';
/** A home with both service folders, removed afterwards. */
async function withServiceDirs(fn: (home: string, systemd: string, launchd: string) => Promise<void>): Promise<void> {
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'oc-services-'));
  try {
    const { systemd, launchd } = serviceDirs(home);
    await fs.mkdir(systemd, { recursive: true });
    await fs.mkdir(launchd, { recursive: true });
    await fn(home, systemd, launchd);
  } finally {
    await fs.rm(home, { recursive: true, force: true });
  }
}

test('service files in a home: one of a mebibyte or more is not read; an agent without a label is named by its file', () => withServiceDirs(async (home, systemd, launchd) => {
  await fs.writeFile(path.join(systemd, 'openclaw-gateway-big.service'), UNIT + '#'.repeat(1024 * 1024 - UNIT.length));
  await fs.writeFile(path.join(systemd, 'openclaw-gateway-ok.service'), UNIT + '#'.repeat(1024 * 1024 - UNIT.length - 1));
  await fs.writeFile(path.join(launchd, 'ai.openclaw.a.plistx.plist'), '<plist><dict><key>ProgramArguments</key><array><string>gateway</string></array></dict></plist>');
  assert.deepEqual((await readServiceFiles(home)).map((f) => f.name), ['openclaw-gateway-ok.service', 'ai.openclaw.a.plistx']);
}));

// A FIFO under a service name would block a read forever; only regular files are read.
test('service files in a home: a FIFO named like a unit is left alone', { skip: process.platform === 'win32', timeout: 10_000 }, async () => {
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'oc-services-'));
  try {
    const { systemd } = serviceDirs(home);
    await fs.mkdir(systemd, { recursive: true });
    execFileSync('mkfifo', [path.join(systemd, 'openclaw-gateway-fifo.service')]);
    assert.deepEqual(await readServiceFiles(home), []);
  } finally {
    await fs.rm(home, { recursive: true, force: true });
  }
});

test('launchd: an entity past the last Unicode code point is kept as written, and the rest of the plist is read', () => {
  const plist = '<plist><dict><key>Label</key><string>ai.openclaw.&#99999999;&#x110000;&#x10FFFF;</string>'
    + '<key>ProgramArguments</key><array><string>gateway</string><string>--port</string><string>19001</string></array></dict></plist>';
  const parsed = parseLaunchdPlist(plist);
  assert.equal(parsed.label, 'ai.openclaw.&#99999999;&#x110000;\u{10FFFF}');
  assert.deepEqual(parsed.args, ['gateway', '--port', '19001']);
});

test('service files in a home: backups, other programs\' gateways and longer names around a unit name are not read', () => withServiceDirs(async (home, systemd, launchd) => {
  const plist = '<plist><dict><key>ProgramArguments</key><array><string>/x/openclaw</string><string>gateway</string></array></dict></plist>';
  for (const name of ['openclaw-gateway.service', 'openclaw-gateway.service.bak', 'old-openclaw-gateway.service', 'api-gateway.service']) {
    await fs.writeFile(path.join(systemd, name), UNIT);
  }
  for (const name of ['ai.openclaw.gateway.plist', 'ai.openclaw.gateway.plist~', 'com.ai.openclaw.rescue.plist', 'com.example.gateway.plist']) {
    await fs.writeFile(path.join(launchd, name), plist);
  }
  assert.deepEqual((await readServiceFiles(home)).map((f) => f.name), ['openclaw-gateway.service', 'ai.openclaw.gateway']);
}));
