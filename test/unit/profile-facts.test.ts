// One profile's facts from its source and its config text, without the disk: where its base comes from and when
// gateway.port is not the one used, which cdpPorts and cdpUrls count, where its workspaces are, what the summary
// tells the tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { profileFacts } from '../../language-server/src/host/profile';
import type { ProfileSource } from '../../language-server/src/host/discovery';
import { hashedBasePort, rulesFor } from '../../language-server/src/host/profile-rules';
import { parseConfig } from '../../language-server/src/parse/tree';
import type { ConfigDiagnostic } from '../../language-server/src/validate/diagnostic';

const HOME = path.resolve('/home/u');
const conventional = (name: string): ProfileSource => {
  const stateDir = path.join(HOME, `.openclaw-${name}`);
  return { name, origin: 'convention', stateDir, configPath: path.join(stateDir, 'openclaw.json'), env: {}, portProfile: name };
};
const facts = (source: ProfileSource, text: string | undefined, validity: Parameters<typeof profileFacts>[3] = { valid: true, errors: 0 }, rules = rulesFor(undefined)) =>
  profileFacts(source, text === undefined ? undefined : parseConfig(text), HOME, validity, rules);

test('the base: gateway.port as written when it is a positive number, else the name hash; its key only from the config', () => {
  const ops = conventional('ops');
  const configured = facts(ops, '{ gateway: { port: 30000 } }');
  assert.deepEqual([configured.summary.basePort, configured.summary.basePortSource, configured.spans[0].key], [30000, 'config', 'gateway.port']);
  for (const text of ["{ gateway: { port: '30000' } }", '{ gateway: { port: 0 } }', '{}', '{ gateway: 5 }']) {
    const f = facts(ops, text);
    assert.deepEqual([f.summary.basePort, f.summary.basePortSource, f.spans[0].key], [hashedBasePort('ops'), 'hash', undefined], text);
  }
  assert.deepEqual(facts(ops, '{ gateway: { port: 1.5 } }').spans, [], 'a base that is no port holds none');
  assert.equal(facts(ops, undefined).summary.basePort, hashedBasePort('ops'), 'no config: the hash');
});

test('gateway.port outranked: by --profile dev\'s 19001, or by the profile\'s own OPENCLAW_GATEWAY_PORT', () => {
  const dev = facts(conventional('dev'), '{ gateway: { port: 25000 } }');
  assert.deepEqual(dev.portOverride, { configPort: 25000, port: 19001, by: '--profile dev' });
  assert.equal(dev.spans[0].key, undefined, 'the base is not where gateway.port says');
  assert.equal(facts(conventional('dev'), '{ gateway: { port: 19001 } }').portOverride, undefined, 'the same port is no override');
  assert.equal(facts(conventional('dev'), '{}').portOverride, undefined, 'nothing written, nothing outranked');
  const side: ProfileSource = { name: 'side', origin: 'setting', stateDir: '/srv/side', configPath: '/srv/side/openclaw.json', env: { OPENCLAW_STATE_DIR: '/srv/side', OPENCLAW_CONFIG_PATH: '/srv/side/openclaw.json', OPENCLAW_GATEWAY_PORT: '31000' } };
  assert.deepEqual(facts(side, '{ gateway: { port: 30000 } }').portOverride, { configPort: 30000, port: 31000, by: 'OPENCLAW_GATEWAY_PORT' });
  const devWithEnv: ProfileSource = { ...conventional('dev'), origin: 'setting', name: 'dev', env: { OPENCLAW_GATEWAY_PORT: '31000' } };
  assert.equal(facts(devWithEnv, '{ gateway: { port: 30000 } }').portOverride?.by, 'OPENCLAW_GATEWAY_PORT');
  // Only a convention profile runs as `--profile NAME`: a profile from a setting that is named dev keeps its own port.
  const devSetting: ProfileSource = { ...conventional('dev'), origin: 'setting', portProfile: undefined };
  const fromSetting = facts(devSetting, '{}');
  assert.deepEqual([fromSetting.summary.basePort, fromSetting.summary.basePortSource, fromSetting.portOverride], [18789, 'default', undefined]);
  // A gateway.port the CLI passes over for the name hash is no port at all, so nothing outranks it.
  for (const text of ['{ gateway: { port: 0 } }', '{ gateway: { port: -5 } }']) assert.equal(facts(conventional('ops'), text).portOverride, undefined, text);
});

test('cdpPorts count when they are whole numbers; cdpUrls when they are non-empty strings, top level first', () => {
  const f = facts(conventional('a'), `{ gateway: { port: 30000 }, browser: { cdpUrl: 'http://h:1', profiles: {
    w: { cdpPort: 30500, cdpUrl: 'http://h:2' }, x: { cdpPort: 1.5 }, y: { cdpPort: '30600', cdpUrl: '' }, z: 7, v: { cdpUrl: 3 } } } }`);
  assert.deepEqual(f.spans.filter((s) => s.role.startsWith('cdp:')).map((s) => [s.role, s.from, s.key]), [['cdp:w', 30500, 'browser.profiles.w.cdpPort']]);
  assert.deepEqual(f.summary.cdpUrls, [{ key: 'browser.cdpUrl', url: 'http://h:1' }, { key: 'browser.profiles.w.cdpUrl', url: 'http://h:2' }]);
  assert.deepEqual(facts(conventional('a'), "{ browser: { cdpUrl: '' } }").summary.cdpUrls, []);
});

test('browser.cdpPortRangeStart moves the range in the releases that read it', () => {
  const text = '{ gateway: { port: 30000 }, browser: { cdpPortRangeStart: 40000 } }';
  const range = (rules: ReturnType<typeof rulesFor>) => facts(conventional('a'), text, undefined, rules).spans.find((s) => s.role === 'cdp-range')!;
  assert.deepEqual([range(rulesFor('2026.7.1')).from, range(rulesFor('2026.7.1')).key], [40000, 'browser.cdpPortRangeStart']);
  assert.deepEqual([range(rulesFor('2026.9.6')).from, range(rulesFor('2026.9.6')).key], [30011, 'gateway.port']);
  const notANumber = facts(conventional('a'), "{ gateway: { port: 30000 }, browser: { cdpPortRangeStart: '40000' } }", undefined, rulesFor('2026.7.1'));
  assert.equal(notANumber.spans.find((s) => s.role === 'cdp-range')!.from, 30011);
});

test('workspaces: the configured default (relative to the config, ~ for the home), else OPENCLAW_WORKSPACE_DIR, else the state dir\'s; then each agent\'s own', () => {
  const a = conventional('a');
  const ws = (text: string, source = a) => facts(source, text).workspaces;
  assert.deepEqual(ws("{ agents: { defaults: { workspace: 'w' } } }"), [{ dir: path.join(a.stateDir, 'w'), key: 'agents.defaults.workspace' }]);
  assert.deepEqual(ws("{ agents: { defaults: { workspace: '~/w' } } }"), [{ dir: path.join(HOME, 'w'), key: 'agents.defaults.workspace' }]);
  assert.deepEqual(ws('{}'), [{ dir: path.join(a.stateDir, 'workspace'), key: undefined }]);
  assert.deepEqual(ws('{}', { ...a, env: { OPENCLAW_WORKSPACE_DIR: '~/env-ws' } }), [{ dir: path.join(HOME, 'env-ws'), key: undefined }]);
  assert.deepEqual(ws("{ agents: { defaults: { workspace: '/abs' } } }", { ...a, env: { OPENCLAW_WORKSPACE_DIR: '/env' } }), [{ dir: path.resolve('/abs'), key: 'agents.defaults.workspace' }]);
  assert.deepEqual(ws("{ agents: { entries: { x: { workspace: '/x' }, y: {}, z: 5, v: { workspace: '' } } } }"), [
    { dir: path.join(a.stateDir, 'workspace'), key: undefined },
    { dir: path.resolve('/x'), key: 'agents.entries.x.workspace' },
  ]);
  assert.equal(facts(a, "{ agents: { defaults: { workspace: '~/w' } } }").summary.workspace, path.join(HOME, 'w'));
});

test('the summary: whether the config exists and is valid, its first error where it sits, its services and how it was found', () => {
  const a = conventional('a');
  const missing = facts(a, undefined, { errors: 0 });
  assert.deepEqual([missing.summary.configExists, missing.summary.configValid, missing.summary.configErrors, 'firstError' in missing.summary], [false, undefined, 0, false]);
  const error: ConfigDiagnostic = { severity: 'error', code: 'unknown-key', message: 'Unknown key "x"', path: 'gateway.x', start: 14, end: 15 };
  const bad = facts(a, '{\n  gateway: { x: 1 } }', { valid: false, errors: 2, firstError: error, diagnostics: [error] });
  assert.deepEqual([bad.summary.configExists, bad.summary.configValid, bad.summary.configErrors], [true, false, 2]);
  assert.deepEqual(bad.summary.firstError, { message: 'Unknown key "x"', code: 'unknown-key', configPath: a.configPath, path: 'gateway.x', range: { start: { line: 1, character: 12 }, end: { line: 1, character: 13 } } });
  assert.deepEqual(bad.diagnostics, [error]);
  assert.deepEqual(facts(a, '{}').diagnostics, []);
  assert.equal(facts(a, undefined, { errors: 0, firstError: error }).summary.firstError, undefined, 'no text to place it in');
  assert.equal(bad.summary.services.systemd, 'openclaw-gateway-a.service');
  const byLock: ProfileSource = { name: 'x', origin: 'lock', stateDir: '/s', configPath: '/s/c.json', env: { A: '1' }, foundBy: 'the lock file' };
  const found = facts(byLock, '{}');
  assert.deepEqual([found.summary.foundBy, found.summary.env, found.summary.services.systemd, found.summary.origin], ['the lock file', { A: '1' }, 'openclaw-gateway.service', 'lock']);
  assert.equal('foundBy' in facts(a, '{}').summary, false);
});

test('the wire spans carry the range of their key in the text', () => {
  const f = facts(conventional('a'), "{\n  gateway: { port: 30000 },\n  browser: { profiles: { w: { cdpPort: 30500 } } },\n}");
  assert.deepEqual(f.summary.ports.map((s) => [s.role, s.range]), [
    ['gateway', { start: { line: 1, character: 13 }, end: { line: 1, character: 17 } }],
    ['browser-control', { start: { line: 1, character: 13 }, end: { line: 1, character: 17 } }],
    ['relay', { start: { line: 1, character: 13 }, end: { line: 1, character: 17 } }],
    ['cdp-range', { start: { line: 1, character: 13 }, end: { line: 1, character: 17 } }],
    ['cdp:w', { start: { line: 2, character: 30 }, end: { line: 2, character: 37 } }],
  ]);
  assert.ok(facts(conventional('b'), '{}').summary.ports.every((s) => s.range === undefined && s.key === undefined));
});
