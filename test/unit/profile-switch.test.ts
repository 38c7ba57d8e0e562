// `--profile NAME` run from an environment that already points at a profile: which of OPENCLAW_STATE_DIR and
// OPENCLAW_CONFIG_PATH the switch replaces. Every path below was compared with the real CLI's (`openclaw [--profile
// a] config file`, 2026.9.6 and 2026.7.1) when it was written; the agreement layer keeps checking the rule as a whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { resolveInvocation, rulesFor } from '../../language-server/src/host/profile-rules';

const HOME = path.resolve('/home/u');
const at = (...p: string[]) => path.join(HOME, ...p);
const run = (env: Record<string, string>, rules = rulesFor('2026.9.6'), profile = 'a') => {
  const r = resolveInvocation({ profile, env, home: HOME }, rules);
  return [r.stateDir, r.configPath];
};

test('2026.9.6: the inherited profile\'s paths are replaced, paths elsewhere are kept', () => {
  // A state dir elsewhere wins, and with it the config it came with, even the default profile's.
  assert.deepEqual(run({ OPENCLAW_STATE_DIR: '/srv/x', OPENCLAW_CONFIG_PATH: at('.openclaw', 'openclaw.json') }), [path.resolve('/srv/x'), at('.openclaw', 'openclaw.json')]);
  // The default profile's config alone is the inherited one: replaced.
  assert.deepEqual(run({ OPENCLAW_CONFIG_PATH: at('.openclaw', 'openclaw.json') }), [at('.openclaw-a'), at('.openclaw-a', 'openclaw.json')]);
  // Inherited from OPENCLAW_PROFILE=b: b's state dir, or b's config, is replaced.
  assert.deepEqual(run({ OPENCLAW_PROFILE: 'b', OPENCLAW_STATE_DIR: at('.openclaw-b') }), [at('.openclaw-a'), at('.openclaw-a', 'openclaw.json')]);
  assert.deepEqual(run({ OPENCLAW_PROFILE: 'b', OPENCLAW_CONFIG_PATH: at('.openclaw-b', 'openclaw.json') }), [at('.openclaw-a'), at('.openclaw-a', 'openclaw.json')]);
  // ...but the default profile's config is not b's: kept.
  assert.deepEqual(run({ OPENCLAW_PROFILE: 'b', OPENCLAW_CONFIG_PATH: at('.openclaw', 'openclaw.json') }), [at('.openclaw-a'), at('.openclaw', 'openclaw.json')]);
  // Written with ~ and spaces around it, it is still the inherited state dir.
  assert.deepEqual(run({ OPENCLAW_STATE_DIR: '  ~/.openclaw  ' }), [at('.openclaw-a'), at('.openclaw-a', 'openclaw.json')]);
  // Switching to the profile one is already in replaces nothing.
  assert.deepEqual(run({ OPENCLAW_PROFILE: 'a', OPENCLAW_STATE_DIR: at('.openclaw-a', 'x') }), [at('.openclaw-a', 'x'), at('.openclaw-a', 'x', 'openclaw.json')]);
  assert.deepEqual(run({ OPENCLAW_PROFILE: 'a', OPENCLAW_CONFIG_PATH: at('c.json') }), [at('.openclaw-a'), at('c.json')]);
  assert.deepEqual(run({}), [at('.openclaw-a'), at('.openclaw-a', 'openclaw.json')]);
});

test('2026.7.1: exported paths always win over --profile', () => {
  const july = rulesFor('2026.7.1');
  assert.deepEqual(run({ OPENCLAW_STATE_DIR: at('.openclaw') }, july), [at('.openclaw'), at('.openclaw', 'openclaw.json')]);
  assert.deepEqual(run({ OPENCLAW_CONFIG_PATH: at('.openclaw', 'openclaw.json') }, july), [at('.openclaw-a'), at('.openclaw', 'openclaw.json')]);
  assert.deepEqual(run({ OPENCLAW_STATE_DIR: '/srv/y' }, july), [path.resolve('/srv/y'), path.resolve('/srv/y/openclaw.json')]);
  assert.deepEqual(run({}, july), [at('.openclaw-a'), at('.openclaw-a', 'openclaw.json')]);
});

test('without --profile: ~ and ~/ are the home, blank variables are unset, the port variable trimmed', () => {
  const r = (env: Record<string, string>) => resolveInvocation({ env, home: HOME });
  assert.deepEqual([r({ OPENCLAW_STATE_DIR: '~' }).stateDir, r({ OPENCLAW_STATE_DIR: '~' }).configPath], [HOME, at('openclaw.json')]);
  assert.equal(r({ OPENCLAW_STATE_DIR: '~/s' }).stateDir, at('s'));
  assert.equal(r({ OPENCLAW_STATE_DIR: '   ' }).stateDir, at('.openclaw'));
  assert.equal(r({ OPENCLAW_CONFIG_PATH: ' ' }).configPath, at('.openclaw', 'openclaw.json'));
  assert.equal(r({ OPENCLAW_CONFIG_PATH: 'rel.json' }).configPath, path.resolve('rel.json'));
  assert.equal(r({ OPENCLAW_GATEWAY_PORT: ' 19002 ' }).envPort, '19002');
  assert.equal(r({ OPENCLAW_GATEWAY_PORT: '  ' }).envPort, undefined);
  assert.equal(r({ OPENCLAW_PROFILE: ' b ' }).portProfile, 'b');
  assert.equal(r({ OPENCLAW_PROFILE: 'Default' }).portProfile, undefined);
  assert.equal(r({ OPENCLAW_PROFILE: 'bad name' }).portProfile, undefined);
  assert.equal(resolveInvocation({ profile: ' dev ', env: {}, home: HOME }).envPort, '19001', 'the profile is trimmed before it is compared');
});
