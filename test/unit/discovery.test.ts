// The host as the CLI sees it: every folder gets a place (a profile or a skipped row with its reason), dev's port
// comes from --profile dev, a gateway started by hand is found from its lock file, and a config reached through a
// link, `..`, or a trailing separator is the same profile's config.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diagnose } from '../../language-server/src/diagnose';
import { discoverHost } from '../../language-server/src/host/discovery';
import { isolationDiagnostics } from '../../language-server/src/host/isolation';
import { loadHost, profilesOfFile, toProtocolModel } from '../../language-server/src/host/model';
import { realPath, realPathKey } from '../../language-server/src/host/real-paths';
import { parseConfig } from '../../language-server/src/parse/tree';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';
import { offsetOf } from '../support/text';

const schema = bundledSchemaInUse();

async function withHome(files: Record<string, string>, fn: (home: string) => Promise<void>): Promise<void> {
  const home = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'oc-discovery-')));
  try {
    for (const [rel, text] of Object.entries(files)) {
      if (rel.endsWith('/')) await fs.mkdir(path.join(home, rel), { recursive: true });
      else {
        await fs.mkdir(path.dirname(path.join(home, rel)), { recursive: true });
        await fs.writeFile(path.join(home, rel), text);
      }
    }
    await fn(home);
  } finally {
    await fs.rm(home, { recursive: true, force: true });
  }
}

const GW = (port?: number) => `{ gateway: { mode: 'local'${port === undefined ? '' : `, port: ${port}`} } }\n`;

test('folders no --profile reaches are skipped with the reason, never dropped', async () => {
  await withHome({
    '.openclaw/openclaw.json': GW(18789), '.openclaw-Default/openclaw.json': GW(30000), '.openclaw-Bad Name/openclaw.json': GW(31000),
    [`.openclaw-${'x'.repeat(65)}/`]: '', '.openclaw-ok/openclaw.json': GW(32000), '.openclaw-file': 'a file, not a folder',
  }, async (home) => {
    const host = await loadHost({ home, env: {}, declared: [], schema });
    assert.deepEqual(host.profiles.map((p) => p.summary.name), ['default', 'ok']);
    const skipped = toProtocolModel(host, { source: 'bundled' }).skipped;
    assert.deepEqual(skipped.map((s) => path.basename(s.dir)).sort(), ['.openclaw-Bad Name', '.openclaw-Default', `.openclaw-${'x'.repeat(65)}`].sort());
    assert.match(skipped.find((s) => s.dir.endsWith('Default'))!.reason, /default profile/);
    assert.match(skipped.find((s) => s.dir.endsWith('Bad Name'))!.reason, /not a name the CLI accepts/);
  });
});

test('dev listens on 19001 whatever its config says: the clash with a rescue bot there is found, and gateway.port is marked', async () => {
  await withHome({ '.openclaw-dev/openclaw.json': GW(25000), '.openclaw-rescue/openclaw.json': GW(19001) }, async (home) => {
    const host = await loadHost({ home, env: { OPENCLAW_GATEWAY_PORT: '40000' }, declared: [], schema });
    const dev = host.profiles.find((p) => p.summary.name === 'dev')!;
    // The extension's terminals clear an exported OPENCLAW_GATEWAY_PORT, so --profile dev sets it.
    assert.deepEqual([dev.summary.basePort, dev.summary.basePortSource], [19001, 'env']);
    assert.ok(host.conflicts.some((c) => c.kind === 'port' && c.profiles.includes('dev') && c.profiles.includes('rescue') && c.ports.includes(19001)));
    const text = GW(25000);
    const ds = diagnose({ parsed: parseConfig(text), schema, profile: { host, configPath: dev.summary.configPath } });
    const over = ds.find((d) => d.code === 'port-overridden')!;
    assert.ok(over, JSON.stringify(ds.map((d) => d.code)));
    assert.equal(over.severity, 'warning');
    assert.equal(text.slice(over.start, over.end), 'port');
    assert.match(over.message, /listens on 19001, not on 25000/);
    assert.match(over.message, /--profile dev/);
    // No warning where the config already says 19001, nor for other profiles.
    const rescue = host.profiles.find((p) => p.summary.name === 'rescue')!;
    assert.ok(!diagnose({ parsed: parseConfig(GW(19001)), schema, profile: { host, configPath: rescue.summary.configPath } }).some((d) => d.code === 'port-overridden'));
  });
});

test('a declared instance whose own OPENCLAW_GATEWAY_PORT outranks gateway.port gets the same warning', async () => {
  await withHome({ 'side/openclaw.json': GW(30000) }, async (home) => {
    const host = await loadHost({ home, env: {}, declared: [{ name: 'side', configPath: '~/side/openclaw.json', stateDir: '~/side', env: { OPENCLAW_GATEWAY_PORT: '31000' } }], schema });
    const [d] = diagnose({ parsed: parseConfig(GW(30000)), schema, profile: { host, configPath: path.join(home, 'side', 'openclaw.json') } }).filter((x) => x.code === 'port-overridden');
    assert.match(d.message, /OPENCLAW_GATEWAY_PORT=31000/);
  });
});

test('a profile config reached through a link, "..", a trailing separator: the same profile and the same clashes', async () => {
  await withHome({ '.openclaw/openclaw.json': GW(18789), '.openclaw-rescue/openclaw.json': GW(18809), 'ws/': '' }, async (home) => {
    await fs.symlink(path.join(home, '.openclaw-rescue'), path.join(home, 'ws', 'profile-rescue'));
    const host = await loadHost({ home, env: {}, declared: [], schema });
    const text = GW(18809);
    const ways = [
      path.join(home, 'ws', 'profile-rescue', 'openclaw.json'),
      `${home}/ws/../.openclaw-rescue/openclaw.json`,
      path.join(home, '.openclaw-rescue', 'openclaw.json') + path.sep,
    ];
    for (const p of ways) {
      assert.deepEqual(profilesOfFile(host, p).map((x) => x.summary.name), ['rescue'], p);
      const ds = isolationDiagnostics(host, p, parseConfig(text));
      assert.equal(ds.length, 1, p);
      assert.equal(ds[0].start, offsetOf(text, 'port: 18809'));
      assert.deepEqual(ds[0].fixes, [{ kind: 'move-base-port', profile: 'rescue' }]);
    }
    assert.equal(realPath(ways[0]), path.join(home, '.openclaw-rescue', 'openclaw.json'));
    // A path that does not exist yet keeps its tail after its real parent.
    assert.equal(realPath(path.join(home, 'ws', 'profile-rescue', 'new', 'x.json')), path.join(home, '.openclaw-rescue', 'new', 'x.json'));
  });
});

test('two profiles whose state dirs are one folder through a link share it', async () => {
  await withHome({ '.openclaw-a/openclaw.json': GW(30000), 'b-config/openclaw.json': GW(31000) }, async (home) => {
    await fs.symlink(path.join(home, '.openclaw-a'), path.join(home, '.openclaw-b'));
    const host = await loadHost({ home, env: {}, declared: [], schema });
    assert.ok(host.conflicts.some((c) => c.kind === 'stateDir' && c.profiles.join() === 'a,b'), JSON.stringify(host.conflicts.map((c) => c.kind)));
  });
});

test('a gateway started by hand with OPENCLAW_CONFIG_PATH and OPENCLAW_STATE_DIR is found from its live lock file', { skip: !process.getuid && 'no uids' }, async () => {
  await withHome({ '.openclaw/openclaw.json': GW(18789), '.openclaw/rescue.json': GW(19789), '.openclaw-rescue/': '' }, async (home) => {
    const configPath = path.join(home, '.openclaw', 'rescue.json');
    const stateDir = path.join(home, '.openclaw-rescue');
    const lockDir = path.join(stateDir, 'tmp', `openclaw-${process.getuid!()}`);
    await fs.mkdir(lockDir, { recursive: true });
    const hash = createHash('sha256').update(configPath).digest('hex').slice(0, 8);
    const lock = (pid: number) => JSON.stringify({ pid, ownerId: 'x', createdAt: new Date().toISOString(), configPath, stateDir, port: 19790 });
    // A dead pid first: a stale lock names no running gateway.
    await fs.writeFile(path.join(lockDir, `gateway.${hash}.lock`), lock(2 ** 22 + 12345));
    assert.ok(!(await discoverHost(home, {}, [])).sources.some((s) => s.origin === 'lock'));

    await fs.writeFile(path.join(lockDir, `gateway.${hash}.lock`), lock(process.pid));
    const host = await loadHost({ home, env: {}, declared: [], schema });
    const found = host.profiles.find((p) => p.summary.origin === 'lock')!;
    assert.ok(found, JSON.stringify(host.profiles.map((p) => p.summary.name)));
    assert.equal(found.summary.name, 'rescue (2)');
    assert.equal(found.summary.configPath, configPath);
    assert.equal(found.summary.stateDir, stateDir);
    // It listens where it was started (--port), which the lock names.
    assert.deepEqual([found.summary.basePort, found.summary.basePortSource], [19790, 'env']);
    assert.match(found.summary.foundBy!, new RegExp(`lock file .*gateway\\.${hash}\\.lock.*pid ${process.pid}`));
    assert.deepEqual(found.summary.env, { OPENCLAW_STATE_DIR: stateDir, OPENCLAW_CONFIG_PATH: configPath, OPENCLAW_GATEWAY_PORT: '19790' });
    // Its config gets the same diagnostics: it shares the state dir with the (config-less) rescue profile.
    assert.ok(host.conflicts.some((c) => c.kind === 'stateDir' && c.profiles.includes('rescue (2)')));
    assert.equal(profilesOfFile(host, configPath)[0], found);
    // Not found twice when the lock names a config a profile already has.
    assert.equal(host.profiles.filter((p) => p.keys.config === realPathKey(configPath)).length, 1);
  });
});
