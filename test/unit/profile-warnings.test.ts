// The warnings a profile's config gets besides clashes, each word for word and on its key: doctor findings,
// a gateway.port that another source outranks, an installed service that runs what was installed rather than what
// is configured now (read from service files in a home, matched and compared to the profile).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { doctorDiagnostics, runDoctor } from '../../language-server/src/host/doctor';
import { overriddenPortDiagnostics } from '../../language-server/src/host/overridden-port';
import { serviceDriftDiagnostics } from '../../language-server/src/host/service-drift';
import { matchServices, readServiceFiles, serviceDirs } from '../../language-server/src/host/installed-services';
import { profileFacts, type ProfileFacts } from '../../language-server/src/host/profile';
import type { ProfileSource } from '../../language-server/src/host/discovery';
import { parseConfig } from '../../language-server/src/parse/tree';
import type { InstalledService, ProfileSummary } from '../../language-server/src/protocol';

const HOME = path.resolve('/home/u');

function facts(name: string, text: string, env: Record<string, string> = {}, origin: ProfileSource['origin'] = 'convention'): ProfileFacts {
  const stateDir = path.join(HOME, `.openclaw-${name}`);
  return profileFacts({ name, origin, stateDir, configPath: path.join(stateDir, 'openclaw.json'), env, portProfile: name }, parseConfig(text), HOME, { errors: 0 });
}

test('doctor findings: severities mapped, the code from the check, the message marked as the doctor\'s, on the deepest key there', () => {
  const text = "{ gateway: { mode: 'local', bind: 'lan' } }";
  const ds = doctorDiagnostics([
    { checkId: 'bind', severity: 'error', message: 'a', path: 'gateway.bind' },
    { severity: 'info', message: 'b', path: 'gateway.auth.token' },
    { severity: 'warning', message: 'c' },
    { message: 'd', path: 'nowhere.at.all' },
  ], parseConfig(text));
  assert.deepEqual(ds.map((d) => [d.severity, d.code, d.message, d.path, text.slice(d.start, d.end), d.start]), [
    ['error', 'doctor:bind', 'openclaw doctor: a', 'gateway.bind', 'bind', text.indexOf('bind')],
    ['information', 'doctor:finding', 'openclaw doctor: b', 'gateway.auth.token', 'gateway', 2],
    ['warning', 'doctor:finding', 'openclaw doctor: c', '', '', 0],
    ['warning', 'doctor:finding', 'openclaw doctor: d', 'nowhere.at.all', '', 0],
  ]);
  assert.deepEqual(doctorDiagnostics([{ message: 'e', path: 'gateway' }], undefined).map((d) => [d.start, d.end]), [[0, 0]], 'no config text');
});

test('an outranked gateway.port: the warning says which source wins and where the gateway listens instead', () => {
  const text = "{ gateway: { mode: 'local', port: 25000 } }";
  const [dev] = overriddenPortDiagnostics(facts('dev', text), parseConfig(text));
  assert.deepEqual([dev.severity, dev.code, dev.path, text.slice(dev.start, dev.end)], ['warning', 'port-overridden', 'gateway.port', 'port']);
  assert.equal(dev.message, 'Not used: "openclaw --profile dev" sets OPENCLAW_GATEWAY_PORT=19001 when it is unset, and that variable outranks gateway.port, so the gateway of "dev" listens on 19001, not on 25000; its other ports follow 19001 too.');
  const [side] = overriddenPortDiagnostics(facts('side', text, { OPENCLAW_GATEWAY_PORT: '31000' }, 'setting'), parseConfig(text));
  assert.equal(side.message, 'Not used: this profile runs with OPENCLAW_GATEWAY_PORT=31000, which outranks gateway.port, so the gateway of "side" listens on 31000, not on 25000; its other ports follow 31000 too.');
  assert.deepEqual(overriddenPortDiagnostics(facts('ops', text), parseConfig(text)), [], 'gateway.port is the one used');
  // The override known from the saved config, the key gone from the text being edited: nothing to mark.
  assert.deepEqual(overriddenPortDiagnostics(facts('dev', text), parseConfig("{ gateway: { mode: 'local' } }")), []);
});

const service = (over: Partial<InstalledService>): InstalledService => ({ manager: 'systemd', name: 'openclaw-gateway-a.service', file: '/f', drift: [], driftKinds: [], ...over });

test('a drifted service: on gateway.port when the port drifted, else on "gateway", with the fix that reinstalls it', () => {
  const text = "{ gateway: { mode: 'local', port: 30000 } }";
  const me = facts('a', text);
  me.summary.installedServices = [
    service({ port: 29000, drift: ['pins port 29000'], driftKinds: ['port'] }),
    service({ name: 'openclaw-gateway.service', port: 30000, drift: ['runs the config /x.json, not /y.json'], driftKinds: ['config'] }),
    service({ name: 'quiet.service', drift: [] }),
  ];
  const ds = serviceDriftDiagnostics(me, parseConfig(text));
  assert.deepEqual(ds.map((d) => [d.severity, d.code, d.path, text.slice(d.start, d.end), d.message, d.fixes]), [
    ['warning', 'service-drift', 'gateway.port', 'port', 'The installed service openclaw-gateway-a.service pins port 29000: it still runs what was installed. Reinstall it to run this profile as configured.', [{ kind: 'reinstall-service', profile: 'a' }]],
    ['warning', 'service-drift', '', 'gateway', 'The installed service openclaw-gateway.service runs the config /x.json, not /y.json: it still runs what was installed. Reinstall it to run this profile as configured.', [{ kind: 'reinstall-service', profile: 'a' }]],
  ]);
  const bare = '  {}';
  const [d] = serviceDriftDiagnostics(me, parseConfig(bare));
  assert.deepEqual([d.path, d.start, d.end], ['', 2, 3]);
  assert.deepEqual(serviceDriftDiagnostics(me, parseConfig('[]')), []);
  assert.deepEqual(serviceDriftDiagnostics(facts('b', text), parseConfig(text)), [], 'no services installed');
  // A unit that pins no port drifted elsewhere: on "gateway", every drift named.
  me.summary.installedServices = [service({ name: 'b.service', drift: ['runs the config /x.json, not /y.json', 'keeps its state in /s, not /t'], driftKinds: ['config', 'stateDir'] })];
  const [unpinned] = serviceDriftDiagnostics(me, parseConfig(text));
  assert.deepEqual([unpinned.path, text.slice(unpinned.start, unpinned.end)], ['', 'gateway']);
  assert.match(unpinned.message, /^The installed service b\.service runs the config \/x\.json, not \/y\.json; keeps its state in \/s, not \/t: /);
});

test('service files in a home: gateway units and agents only, node hosts and other files left out; drift against the profile', async () => {
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'oc-services-'));
  try {
    const { systemd, launchd } = serviceDirs(home);
    assert.deepEqual([systemd, launchd], [path.join(home, '.config', 'systemd', 'user'), path.join(home, 'Library', 'LaunchAgents')]);
    assert.deepEqual(await readServiceFiles(home), [], 'no service dirs');
    await fs.mkdir(systemd, { recursive: true });
    await fs.mkdir(launchd, { recursive: true });
    const unit = (port: number, env = '') => `[Service]\nExecStart=/usr/bin/node /x/openclaw gateway --port ${port}\n${env}\n`;
    await fs.writeFile(path.join(systemd, 'openclaw-gateway-a.service'), unit(29000, `Environment=OPENCLAW_STATE_DIR=${home}/elsewhere OPENCLAW_PROFILE=a`));
    await fs.writeFile(path.join(systemd, 'openclaw-gateway.service'), unit(18789, `Environment=OPENCLAW_CONFIG_PATH=${home}/other.json`));
    await fs.writeFile(path.join(systemd, 'openclaw-gateway-node.service'), unit(1, 'Environment=OPENCLAW_SERVICE_KIND=node'));
    await fs.writeFile(path.join(systemd, 'openclaw-gateway-cli.service'), '[Service]\nExecStart=/usr/bin/node /x/openclaw status\n');
    await fs.writeFile(path.join(systemd, 'unrelated.service'), unit(5));
    await fs.mkdir(path.join(systemd, 'openclaw-gateway-dir.service'));
    await fs.writeFile(path.join(launchd, 'ai.openclaw.b.plist'), '<plist><dict><key>ProgramArguments</key><array><string>node</string><string>gateway</string></array><key>EnvironmentVariables</key><dict><key>OPENCLAW_GATEWAY_PORT</key><string>31000</string></dict></dict></plist>');
    await fs.writeFile(path.join(launchd, 'ai.openclaw.c.plist'), '<plist><dict><key>Label</key><string>ai.openclaw.cee</string><key>ProgramArguments</key><array><string>gateway</string></array></dict></plist>');
    const files = await readServiceFiles(home);
    assert.deepEqual(files.map((f) => [f.manager, f.name, path.basename(f.file)]), [
      ['systemd', 'openclaw-gateway-a.service', 'openclaw-gateway-a.service'],
      ['systemd', 'openclaw-gateway.service', 'openclaw-gateway.service'],
      ['launchd', 'ai.openclaw.b', 'ai.openclaw.b.plist'],
      ['launchd', 'ai.openclaw.cee', 'ai.openclaw.c.plist'],
    ]);
    const target = (name: string, basePort: number) => ({ name, portProfile: name === 'default' ? undefined : name, basePort, configKey: path.join(home, `.openclaw-${name}`, 'openclaw.json'), stateKey: path.join(home, `.openclaw-${name}`), configPath: path.join(home, `.openclaw-${name}`, 'openclaw.json') });
    const matched = matchServices(files, [target('default', 18789), target('a', 30000), target('b', 31000)], (p) => p);
    const [a] = matched.get('a')!;
    assert.deepEqual(a.drift, ["pins port 29000; the profile's gateway is on 30000 now", `keeps its state in ${home}/elsewhere`]);
    assert.deepEqual(a.driftKinds, ['port', 'stateDir']);
    assert.deepEqual([a.port, a.stateDir, a.profile, 'configPath' in a], [29000, `${home}/elsewhere`, 'a', false]);
    const [d] = matched.get('default')!;
    assert.deepEqual([d.drift, d.driftKinds, d.configPath, d.profile], [[`runs the config ${home}/other.json, not ${target('default', 0).configPath}`], ['config'], `${home}/other.json`, 'default']);
    const [b] = matched.get('b')!;
    assert.deepEqual([b.manager, b.port, b.drift], ['launchd', 31000, []]);
    assert.equal(matched.has('cee'), false, 'no profile of that name');
  } finally {
    await fs.rm(home, { recursive: true, force: true });
  }
});

// A stand-in CLI: prints what a doctor run printed and exits with its code, so each outcome of a run is seen as the
// editor would see it, without an OpenClaw install.
async function fakeDoctor(stdout: string, exitCode = 0): Promise<{ cli: string; done: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'oc-doctor-'));
  const cli = path.join(dir, 'openclaw');
  await fs.writeFile(path.join(dir, 'out.txt'), stdout);
  await fs.writeFile(cli, `#!/bin/sh\ncat '${path.join(dir, 'out.txt')}'\nexit ${exitCode}\n`, { mode: 0o755 });
  return { cli, done: () => fs.rm(dir, { recursive: true, force: true }) };
}

const OPS = { name: 'ops', origin: 'convention', env: {} } as unknown as ProfileSummary;

test('doctor runs: findings with a message are kept, after any banner; ok unless the run says otherwise', { skip: process.platform === 'win32' }, async () => {
  const cases: [string, number, { ok: boolean; findings: unknown[]; error?: string }][] = [
    [`Doctor v1\n${JSON.stringify({ ok: true, findings: [{ checkId: 'gateway.bind', severity: 'info', message: 'bind is loopback', path: 'gateway.bind' }, null, { checkId: 'no-message' }, { message: 7 }] })}`, 0,
      { ok: true, findings: [{ checkId: 'gateway.bind', severity: 'info', message: 'bind is loopback', path: 'gateway.bind' }] }],
    [JSON.stringify({ ok: false, findings: [{ message: 'auth token missing' }] }), 1, { ok: false, findings: [{ message: 'auth token missing' }] }],
    [JSON.stringify({}), 0, { ok: true, findings: [] }],
    ['Error: unknown option --lint', 3, { ok: false, findings: [], error: 'doctor printed no JSON (exit 3)' }],
  ];
  for (const [stdout, exitCode, want] of cases) {
    const fake = await fakeDoctor(stdout, exitCode);
    try {
      assert.deepEqual(await runDoctor(fake.cli, OPS, { PATH: process.env.PATH }), want, stdout);
    } finally {
      await fake.done();
    }
  }
});

test('a doctor that cannot run is an error of its own, with no findings', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'oc-doctor-'));
  try {
    const r = await runDoctor(path.join(dir, 'openclaw'), OPS, {});
    assert.equal(r.ok, false);
    assert.deepEqual(r.findings, []);
    assert.match(r.error ?? '', /not found/);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
