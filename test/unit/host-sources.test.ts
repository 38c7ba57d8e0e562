// Where the host's profiles come from besides the ~/.openclaw-<name> folders (the editor's environment, instances
// declared in settings), how they are told apart by name, and how config texts are read and checked once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverHost } from '../../language-server/src/host/discovery';
import { ConfigAnalyses, firstInText, MAX_CONFIG_BYTES, readConfigText } from '../../language-server/src/host/model';
import { expandHome, resolveHome, samePathKey } from '../../language-server/src/host/paths';
import { RealPathKeys } from '../../language-server/src/host/real-paths';
import { newProfileNameProblem } from '../../language-server/src/host/new-profile';
import { bundledSchemaInUse, schemaFromJson } from '../../language-server/src/schema/in-use';
import type { DeclaredInstance, ProfileSummary } from '../../language-server/src/protocol';
import type { ConfigDiagnostic } from '../../language-server/src/validate/diagnostic';

async function withHome(dirs: string[], fn: (home: string) => Promise<void>): Promise<void> {
  const home = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'oc-sources-')));
  try {
    for (const d of dirs) await fs.mkdir(path.join(home, d), { recursive: true });
    await fn(home);
  } finally {
    await fs.rm(home, { recursive: true, force: true });
  }
}

const noLocks = { locks: false };

test('the editor\'s environment: a profile of its own unless it names a folder profile exactly, with the variables its commands need', async () => {
  await withHome(['.openclaw', '.openclaw-ops'], async (home) => {
    const ops = { OPENCLAW_STATE_DIR: path.join(home, '.openclaw-ops') };
    assert.deepEqual((await discoverHost(home, ops, [], noLocks)).sources.map((s) => s.name), ['default', 'ops'], 'the ops folder itself');
    const elsewhere = { OPENCLAW_STATE_DIR: '~/bots/x', OPENCLAW_GATEWAY_PORT: '19500' };
    const [, , env] = (await discoverHost(home, elsewhere, [], noLocks)).sources;
    assert.deepEqual([env.name, env.origin, env.stateDir, env.configPath], ['env', 'env', path.join(home, 'bots', 'x'), path.join(home, 'bots', 'x', 'openclaw.json')]);
    assert.deepEqual(env.env, { OPENCLAW_STATE_DIR: path.join(home, 'bots', 'x'), OPENCLAW_CONFIG_PATH: path.join(home, 'bots', 'x', 'openclaw.json'), OPENCLAW_GATEWAY_PORT: '19500' });
    // Only the config path: the state dir is the default one, and the profile named by OPENCLAW_PROFILE.
    const named = { OPENCLAW_CONFIG_PATH: path.join(home, 'c.json'), OPENCLAW_PROFILE: 'ops' };
    const [, , byName] = (await discoverHost(home, named, [], noLocks)).sources;
    assert.deepEqual([byName.name, byName.stateDir, byName.configPath, byName.portProfile], ['ops (2)', path.join(home, '.openclaw'), path.join(home, 'c.json'), 'ops']);
    assert.deepEqual(byName.env, { OPENCLAW_STATE_DIR: path.join(home, '.openclaw'), OPENCLAW_CONFIG_PATH: path.join(home, 'c.json'), OPENCLAW_PROFILE: 'ops' });
    // The same state dir as the default profile but another config: a profile of its own.
    assert.equal((await discoverHost(home, { OPENCLAW_STATE_DIR: path.join(home, '.openclaw'), OPENCLAW_CONFIG_PATH: path.join(home, 'x.json') }, [], noLocks)).sources.length, 3);
    // The ops folder's config but another state dir (its sessions, its lock): a profile of its own too.
    const opsConfig = { OPENCLAW_STATE_DIR: path.join(home, 'state'), OPENCLAW_CONFIG_PATH: path.join(home, '.openclaw-ops', 'openclaw.json') };
    assert.deepEqual((await discoverHost(home, opsConfig, [], noLocks)).sources.map((s) => s.name), ['default', 'ops', 'env']);
    assert.equal((await discoverHost(home, { OPENCLAW_GATEWAY_PORT: '1', OPENCLAW_PROFILE: 'x' }, [], noLocks)).sources.length, 2, 'neither variable that moves the files is set');
  });
});

test('declared instances: malformed entries are left out, their env keeps valid names with string values, names stay unique', async () => {
  await withHome(['.openclaw-side'], async (home) => {
    const declared = [
      { name: 'side', configPath: '~/s/openclaw.json', stateDir: '~/s', env: { GOOD_1: 'a', '1BAD': 'b', 'BAD-NAME': 'c', _OK: 'd', NUM: 5 } },
      { name: 'side', configPath: '/t/openclaw.json', stateDir: '/t' },
      { name: 'side', configPath: '/u/openclaw.json', stateDir: '/u' },
      { name: 5, configPath: '/v.json', stateDir: '/v' },
      { name: 'w', configPath: 7, stateDir: '/w' },
      { name: 'w', configPath: '/w.json' },
      null,
    ] as unknown as DeclaredInstance[];
    const { sources } = await discoverHost(home, {}, declared, noLocks);
    assert.deepEqual(sources.map((s) => [s.name, s.origin]), [['side', 'convention'], ['side (2)', 'setting'], ['side (3)', 'setting'], ['side (4)', 'setting']]);
    assert.deepEqual(sources[1].env, { GOOD_1: 'a', _OK: 'd', OPENCLAW_STATE_DIR: path.join(home, 's'), OPENCLAW_CONFIG_PATH: path.join(home, 's', 'openclaw.json') });
    assert.equal(sources[1].portProfile, undefined);
  });
});

test('skipped folders keep their reason; files named like profiles and a missing home are no profiles', async () => {
  await withHome(['.openclaw-', '.openclaw-DEFAULT'], async (home) => {
    await fs.writeFile(path.join(home, '.openclaw-file'), '');
    const { sources, skipped } = await discoverHost(home, {}, [], noLocks);
    assert.deepEqual(sources, []);
    assert.deepEqual(skipped.map((s) => [path.basename(s.dir), s.reason]), [
      ['.openclaw-', 'no profile name after ".openclaw-"'],
      ['.openclaw-DEFAULT', '"--profile DEFAULT" means the default profile (~/.openclaw) in any case, so no command reaches this folder'],
    ]);
    assert.deepEqual(await discoverHost(path.join(home, 'missing'), {}, [], noLocks), { sources: [], skipped: [] });
  });
});

test('config texts: read when a file of at most 16 MiB, else not at all', async () => {
  await withHome(['dir'], async (home) => {
    const file = path.join(home, 'c.json');
    await fs.writeFile(file, '{}');
    assert.equal(await readConfigText(file), '{}');
    assert.equal(await readConfigText(path.join(home, 'dir')), undefined);
    assert.equal(await readConfigText(path.join(home, 'none.json')), undefined);
    const big = path.join(home, 'big.json');
    const fh = await fs.open(big, 'w');
    await fh.truncate(MAX_CONFIG_BYTES + 1);
    await fh.close();
    assert.equal(await readConfigText(big), undefined);
    await fs.truncate(big, MAX_CONFIG_BYTES);
    assert.equal((await readConfigText(big))?.length, MAX_CONFIG_BYTES);
  });
});

test('a config is parsed and checked once while its text and the schema stay the same', () => {
  const schema = bundledSchemaInUse();
  const analyses = new ConfigAnalyses();
  const a = analyses.get('k', "{ gateway: { mode: 'local', prot: 1, bnid: 2 } }", schema);
  assert.deepEqual([a.valid, a.errors, a.firstError?.path, a.diagnostics.length], [false, 2, 'gateway.prot', 2]);
  assert.equal(analyses.get('k', a.text, schema), a);
  assert.equal(analyses.parsed('k', a.text), a.parsed);
  assert.equal(analyses.parsed('k', '{}'), undefined);
  assert.equal(analyses.parsed('other', a.text), undefined);
  const b = analyses.get('k', '{}', schema);
  assert.notEqual(b, a);
  assert.deepEqual([b.valid, b.errors, b.firstError], [true, 0, undefined], 'a warning is no error');
  const other = schemaFromJson({ type: 'object' }, 'bundled', '2026.9.6');
  assert.notEqual(analyses.get('k', '{}', other), b, 'checked again against another schema');
  analyses.retain(new Set(['other']));
  assert.equal(analyses.parsed('k', '{}'), undefined, 'forgotten once the profile is gone');
});

test('the first error in the text is the one nearest its top, the first of equals kept', () => {
  const d = (start: number, code = 'x'): ConfigDiagnostic => ({ severity: 'error', code, message: '', path: '', start, end: start });
  assert.equal(firstInText([]), undefined);
  assert.equal(firstInText([d(9), d(3), d(5)])?.start, 3);
  assert.equal(firstInText([d(3, 'first'), d(3, 'second')])?.code, 'first');
});

test('paths: ~ is the home, OPENCLAW_HOME outranks $HOME and a setting outranks both; keys ignore trailing separators', () => {
  const home = path.resolve('/home/u');
  assert.equal(expandHome('~', home), home);
  assert.equal(expandHome('~/a/b', home), path.join(home, 'a', 'b'));
  assert.equal(expandHome('~x/a', home), '~x/a');
  assert.equal(expandHome('/abs/~/x', home), '/abs/~/x');
  assert.equal(resolveHome(undefined, { OPENCLAW_HOME: '/srv/oc' }), path.resolve('/srv/oc'));
  assert.equal(resolveHome('  /set  ', { OPENCLAW_HOME: '/srv/oc' }), path.resolve('/set'));
  assert.equal(resolveHome(' ', { OPENCLAW_HOME: ' ' }), os.homedir());
  assert.equal(resolveHome('~/x', {}), path.join(os.homedir(), 'x'));
  assert.equal(samePathKey('/a/b///'), samePathKey('/a/b'));
  assert.equal(samePathKey('/a/./c/../b'), samePathKey('/a/b'));
  assert.equal(expandHome('~\\a', home), path.join(home, 'a'), 'a Windows-style ~');
});

test('path keys fold case on macOS and Windows, whose file systems do, and nowhere else', () => {
  const real = Object.getOwnPropertyDescriptor(process, 'platform')!;
  const on = (platform: string) => {
    Object.defineProperty(process, 'platform', { ...real, value: platform });
    try { return samePathKey('/Users/Ann/.openclaw'); } finally { Object.defineProperty(process, 'platform', real); }
  };
  assert.equal(on('darwin'), path.resolve('/users/ann/.openclaw'));
  assert.equal(on('win32'), path.resolve('/Users/Ann/.openclaw').toLowerCase());
  assert.equal(on('linux'), path.resolve('/Users/Ann/.openclaw'));
});

test('real-path keys are remembered until cleared', async () => {
  await withHome(['real'], async (home) => {
    await fs.symlink(path.join(home, 'real'), path.join(home, 'link'));
    const keys = new RealPathKeys();
    const via = path.join(home, 'link', 'c.json');
    assert.equal(keys.keyOf(via), path.join(home, 'real', 'c.json'));
    await fs.rm(path.join(home, 'link'));
    await fs.mkdir(path.join(home, 'link'));
    assert.equal(keys.keyOf(via), path.join(home, 'real', 'c.json'), 'remembered');
    keys.clear();
    assert.equal(keys.keyOf(via), via, 'read again');
  });
});

test('real-path keys: a stale one lasts until the memory passes 10 000 paths, then is read again', async () => {
  await withHome(['real'], async (home) => {
    await fs.symlink(path.join(home, 'real'), path.join(home, 'link'));
    const keys = new RealPathKeys();
    const via = path.join(home, 'link', 'c.json');
    keys.keyOf(via);
    await fs.rm(path.join(home, 'link'));
    await fs.mkdir(path.join(home, 'link'));
    keys.keyOf(path.join(home, 'other.json'));
    assert.equal(keys.keyOf(via), path.join(home, 'real', 'c.json'), 'a few paths more forget nothing');
    // Two paths are remembered so far: 9 999 more make 10 001, the most it holds; one more empties it first.
    const more = (from: number, count: number) => { for (let i = from; i < from + count; i++) keys.keyOf(path.join(home, 'missing', `${i}.json`)); };
    more(0, 9_999);
    assert.equal(keys.keyOf(via), path.join(home, 'real', 'c.json'), 'still remembered at the bound');
    more(9_999, 1);
    assert.equal(keys.keyOf(via), via, 'forgotten once the memory grew past its bound');
  });
});

test('a new profile\'s name: valid for --profile, not default in any case, not taken by a profile or a folder', async () => {
  await withHome(['.openclaw-taken'], async (home) => {
    // 'mine' has no folder (a declared instance, say): taken all the same, whichever place it has in the list.
    const profiles = [{ name: 'other' }, { name: 'mine' }] as ProfileSummary[];
    assert.equal(await newProfileNameProblem('ok', home, profiles), undefined);
    assert.equal(await newProfileNameProblem('bad name', home, profiles), 'Letters, digits, "-" and "_", starting with a letter or digit, at most 64 characters.');
    assert.equal(await newProfileNameProblem('Default', home, profiles), '"Default" is the default profile (~/.openclaw) to the CLI, in any case; choose another name.');
    assert.equal(await newProfileNameProblem('taken', home, profiles), `A profile "taken" already exists (${path.join(home, '.openclaw-taken')}); choose another name.`);
    assert.equal(await newProfileNameProblem('mine', home, profiles), `A profile "mine" already exists (${path.join(home, '.openclaw-mine')}); choose another name.`);
  });
});
