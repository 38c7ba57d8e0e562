import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadHost, assembleHost, toProtocolModel } from '../../language-server/src/host/model';
import { isolationDiagnostics } from '../../language-server/src/host/isolation';
import { discoverProfiles } from '../../language-server/src/host/discovery';
import { samePathKey } from '../../language-server/src/host/paths';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';
import { parseConfig } from '../../language-server/src/parse/tree';
import { FIXTURE_HOME } from '../support/paths';
import { offsetOf } from '../support/text';

const schema = bundledSchemaInUse();
const env = {};

test('the fixture home: six profiles with their sources of base port', async () => {
  const host = await loadHost({ home: FIXTURE_HOME, env, declared: [], schema });
  const byName = Object.fromEntries(host.profiles.map((p) => [p.summary.name, p.summary]));
  assert.deepEqual(Object.keys(byName).sort(), ['default', 'lab', 'ops', 'qa', 'rescue', 'stage']);
  assert.equal(byName.ops.basePort, 55291);
  assert.equal(byName.ops.basePortSource, 'hash');
  assert.equal(byName.default.basePortSource, 'config');
  assert.equal(byName.lab.workspace, path.join(FIXTURE_HOME, '.openclaw', 'workspace'));
  const range = byName.default.ports.find((s) => s.role === 'cdp-range')!;
  assert.deepEqual([range.from, range.to], [18800, 18899]);
  assert.ok(byName.default.ports.some((s) => s.from === 18850 && s.to === 18850 && s.role === 'cdp:work'));
  assert.equal(byName.rescue.services.systemd, 'openclaw-gateway-rescue.service');
  for (const p of Object.values(byName)) assert.equal(p.configValid, true, p.name);
});

test('every conflict kind is found, and the clean profile has none', async () => {
  const host = await loadHost({
    home: FIXTURE_HOME, env, schema,
    declared: [{ name: 'main', configPath: path.join(FIXTURE_HOME, '.openclaw', 'openclaw.json'), stateDir: path.join(FIXTURE_HOME, '.openclaw-qa') }],
  });
  const kinds = host.conflicts.map((c) => `${c.kind}:${c.profiles.join('/')}`).sort();
  assert.deepEqual(kinds, [
    'cdpUrl:lab/qa',
    'configPath:default/main',
    'port:default/main',
    'port:default/rescue',
    'port:qa/stage',
    'port:rescue/main',
    'stateDir:qa/main',
    'workspace:default/lab',
    'workspace:qa/main',
  ]);
  assert.ok(!host.conflicts.some((c) => c.profiles.includes('ops')));
  const clash = host.conflicts.find((c) => c.kind === 'port' && c.profiles.join() === 'default,rescue')!;
  assert.ok(clash.ports.includes(18809));
  assert.equal(clash.message, 'Port clash between "rescue" and "default": rescue\'s gateway 18809, browser control 18811, relay 18819 and CDP range 18820-18919 '
    + "overlap default's CDP range 18800-18899; rescue's CDP range 18820-18919 covers default's CDP port (work) 18850.");
});

test('isolation diagnostics sit on the key that causes them', async () => {
  const host = await loadHost({ home: FIXTURE_HOME, env, declared: [], schema });
  const rescuePath = path.join(FIXTURE_HOME, '.openclaw-rescue', 'openclaw.json');
  const text = await fs.readFile(rescuePath, 'utf8');
  const ds = isolationDiagnostics(host, rescuePath, parseConfig(text));
  assert.equal(ds.length, 1);
  assert.equal(ds[0].code, 'port-conflict');
  assert.equal(ds[0].start, offsetOf(text, 'port: 18809'));
  assert.equal(ds[0].end, offsetOf(text, 'port: 18809') + 4);
  assert.match(ds[0].message, /profile "default"/);
  assert.deepEqual(ds[0].fixes, [{ kind: 'move-base-port', profile: 'rescue' }]);

  const stagePath = path.join(FIXTURE_HOME, '.openclaw-stage', 'openclaw.json');
  const stage = await fs.readFile(stagePath, 'utf8');
  const [d] = isolationDiagnostics(host, stagePath, parseConfig(stage));
  assert.equal(stage.slice(d.start, d.end), 'cdpPort');
  assert.equal(d.path, 'browser.profiles.shared.cdpPort');

  const opsPath = path.join(FIXTURE_HOME, '.openclaw-ops', 'openclaw.json');
  assert.deepEqual(isolationDiagnostics(host, opsPath, parseConfig(await fs.readFile(opsPath, 'utf8'))), []);
});

test('an edited (unsaved) text changes the model: moving rescue away clears the clash', async () => {
  const sources = await discoverProfiles(FIXTURE_HOME, env, []);
  const texts = new Map<string, string | undefined>();
  for (const s of sources) texts.set(samePathKey(s.configPath), await fs.readFile(s.configPath, 'utf8'));
  const rescue = sources.find((s) => s.name === 'rescue')!;
  texts.set(samePathKey(rescue.configPath), "{ gateway: { mode: 'local', port: 18900 } }");
  const host = assembleHost(FIXTURE_HOME, sources, texts, env, schema);
  assert.ok(!host.conflicts.some((c) => c.profiles.includes('rescue')));
  const model = toProtocolModel(host, { source: 'bundled' });
  assert.equal(model.profiles.find((p) => p.name === 'rescue')!.basePort, 18900);
});

test('protocol model: conflict locations carry LSP ranges, and no secret leaks into it', async () => {
  const host = await loadHost({ home: FIXTURE_HOME, env, declared: [], schema });
  const model = toProtocolModel(host, { source: 'bundled' });
  const loc = model.conflicts.find((c) => c.kind === 'port' && c.profiles.includes('rescue'))!.locations.find((l) => l.profile === 'rescue')!;
  assert.deepEqual(loc.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 8 } });
  assert.ok(!JSON.stringify(model).includes('fixture-secret-token'));
});

test('discovery: legacy ~/.clawdbot, invalid names skipped, env and declared instances', async () => {
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'oc-home-'));
  try {
    await fs.mkdir(path.join(home, '.clawdbot'));
    await fs.mkdir(path.join(home, '.openclaw-ok_name'));
    await fs.mkdir(path.join(home, '.openclaw-bad name'));
    await fs.writeFile(path.join(home, '.openclaw-file'), 'not a dir');
    const found = await discoverProfiles(home, { OPENCLAW_STATE_DIR: '~/.openclaw-main', OPENCLAW_CONFIG_PATH: '~/.openclaw/main.json', OPENCLAW_PROFILE: 'main' }, [
      { name: 'side', configPath: '~/side/openclaw.json', stateDir: '~/side', env: { OPENCLAW_GATEWAY_PORT: '19500', 'bad name': 'x' } },
    ]);
    assert.deepEqual(found.map((f) => [f.name, f.origin]), [['default', 'convention'], ['ok_name', 'convention'], ['main', 'env'], ['side', 'setting']]);
    assert.equal(found[0].stateDir, path.join(home, '.clawdbot'));
    assert.equal(found[2].configPath, path.join(home, '.openclaw', 'main.json'));
    assert.deepEqual(found[3].env, { OPENCLAW_GATEWAY_PORT: '19500', OPENCLAW_STATE_DIR: path.join(home, 'side'), OPENCLAW_CONFIG_PATH: path.join(home, 'side', 'openclaw.json') });
  } finally {
    await fs.rm(home, { recursive: true, force: true });
  }
});
