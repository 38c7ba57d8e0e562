// Second, independent witnesses for checks that each rested on one assertion: clashes that exist only in CDP
// ranges, ranges that touch without clashing, env before config, did-you-mean and the missing gateway.mode warning.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assembleHost, loadHost } from '../../language-server/src/host/model';
import { discoverProfiles, type ProfileSource } from '../../language-server/src/host/discovery';
import { isolationDiagnostics } from '../../language-server/src/host/isolation';
import { samePathKey } from '../../language-server/src/host/paths';
import { checkText, isValid } from '../../language-server/src/validate/check';
import { parseConfig } from '../../language-server/src/parse/tree';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';
import { offsetOf } from '../support/text';

const schema = bundledSchemaInUse();
let home: string;
let sources: ProfileSource[];

before(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'oc-checks-'));
  for (const dir of ['.openclaw', '.openclaw-other']) {
    await fs.mkdir(path.join(home, dir));
    await fs.writeFile(path.join(home, dir, 'openclaw.json'), "{ gateway: { mode: 'local' } }");
  }
  sources = await discoverProfiles(home, {}, []);
});

after(async () => {
  await fs.rm(home, { recursive: true, force: true });
});

/** The host with the default profile and "other" at the given config texts. */
function hostWith(defaultText: string, otherText: string, env: NodeJS.ProcessEnv = {}) {
  const texts = new Map<string, string | undefined>();
  for (const s of sources) texts.set(samePathKey(s.configPath), s.name === 'default' ? defaultText : otherText);
  return assembleHost(home, sources, texts, env, schema);
}

const config = (port: number) => `{ gateway: { mode: 'local', port: ${port} } }`;

/** Every port a gateway at `base` holds, computed here from the CLI's rules (B, B+2, B+10, B+11..B+110 or the fallback). */
function portsOf(base: number): Set<number> {
  const ports = new Set([base, base + 2, base + 10]);
  const [from, to] = base + 110 > 65535 ? [18800, 18899] : [base + 11, base + 110];
  for (let p = from; p <= to; p++) ports.add(p);
  return ports;
}

test('a base at or above 65426 falls back to CDP 18800-18899 and clashes with the default profile there only', () => {
  for (const base of [65426, 65430, 65425]) {
    const host = hostWith(config(18789), config(base));
    const clash = host.conflicts.find((c) => c.kind === 'port');
    if (base === 65425) {
      // 65425 + 110 = 65535 still fits: its CDP range is its own, nothing overlaps.
      assert.equal(clash, undefined, `base ${base}`);
      continue;
    }
    assert.ok(clash, `base ${base}: no clash found`);
    assert.deepEqual(clash.profiles, ['default', 'other']);
    assert.deepEqual(clash.ports, Array.from({ length: 100 }, (_, i) => 18800 + i), `base ${base}`);
    assert.deepEqual(clash.detail, ["CDP range 18800-18899 is also other's CDP range 18800-18899", "CDP range 18800-18899 is also default's CDP range 18800-18899"]);
    assert.ok(!clash.ports.includes(base) && !clash.ports.includes(18789));
  }
});

test('the CDP-only clash is reported on gateway.port of the profile whose range fell back', () => {
  const host = hostWith(config(18789), config(65430));
  const other = sources.find((s) => s.name === 'other')!;
  const text = config(65430);
  const ds = isolationDiagnostics(host, other.configPath, parseConfig(text));
  assert.deepEqual(ds.map((d) => [d.code, text.slice(d.start, d.end)]), [['port-conflict', 'port']]);
  assert.match(ds[0].message, /"default"/);
});

test('ranges that touch are not a clash, ranges that share one port are: the clash is exactly the shared ports', () => {
  // Bases around both ends of the default profile's span 18789..18899, each checked against the port sets built here.
  const bases = [...Array.from({ length: 14 }, (_, i) => 18672 + i), ...Array.from({ length: 14 }, (_, i) => 18886 + i + 1)];
  const defaults = portsOf(18789);
  let touching = 0;
  for (const base of bases) {
    const shared = [...portsOf(base)].filter((p) => defaults.has(p)).sort((a, b) => a - b);
    const clash = hostWith(config(18789), config(base)).conflicts.find((c) => c.kind === 'port');
    assert.deepEqual(clash?.ports ?? [], shared, `base ${base}`);
    if (!shared.length && (base + 110 === 18788 || base === 18900)) touching++;
  }
  assert.equal(touching, 2, 'both touching bases (18678 and 18900) were among the cases');
});

test('env before config: OPENCLAW_GATEWAY_PORT of a declared instance moves its ports and its clashes', async () => {
  const configPath = path.join(home, 'side.json');
  await fs.writeFile(configPath, config(30000));
  const declared = [{ name: 'side', configPath, stateDir: path.join(home, 'side-state'), env: { OPENCLAW_GATEWAY_PORT: '127.0.0.1:18799' } }];
  const host = await loadHost({ home, env: {}, declared, schema });
  const side = host.profiles.find((p) => p.summary.name === 'side')!.summary;
  assert.equal(side.basePort, 18799);
  assert.equal(side.basePortSource, 'env');
  const clash = host.conflicts.find((c) => c.kind === 'port' && c.profiles.includes('side'));
  assert.ok(clash, 'the env port clashes with the default profile although the config port (30000) would not');
  assert.ok(clash.ports.includes(18799));
  const without = await loadHost({ home, env: {}, declared: [{ ...declared[0], env: {} }], schema });
  assert.equal(without.profiles.find((p) => p.summary.name === 'side')!.summary.basePort, 30000);
  assert.ok(!without.conflicts.some((c) => c.kind === 'port' && c.profiles.includes('side')));
});

test('env before config: the process env reaches a profile named by the env, and only that one', async () => {
  const env = { OPENCLAW_STATE_DIR: path.join(home, '.openclaw-envy'), OPENCLAW_CONFIG_PATH: path.join(home, 'envy.json'), OPENCLAW_GATEWAY_PORT: '19123' };
  await fs.writeFile(env.OPENCLAW_CONFIG_PATH, config(25000));
  const host = await loadHost({ home, env, declared: [], schema });
  const bySource = Object.fromEntries(host.profiles.map((p) => [p.summary.name, [p.summary.basePort, p.summary.basePortSource]]));
  const envy = host.profiles.find((p) => p.summary.configPath === env.OPENCLAW_CONFIG_PATH)!.summary;
  assert.deepEqual([envy.basePort, envy.basePortSource], [19123, 'env'], JSON.stringify(bySource));
  assert.notEqual(host.profiles.find((p) => p.summary.name === 'other')!.summary.basePortSource, 'env');
});

test('did-you-mean: a swapped pair of letters, a nested key, and no guess for a key unlike any other', () => {
  const text = "{ gateway: { mode: 'local', bnid: 'loopback', auth: { mdoe: 'none' }, zzqqxx: 1 } }";
  const byPath = new Map(checkText(text, schema).diagnostics.map((d) => [d.path, d]));
  assert.match(byPath.get('gateway.bnid')!.message, /Did you mean "bind"\?/);
  assert.deepEqual(byPath.get('gateway.bnid')!.fixes?.[0], { kind: 'rename-key', path: 'gateway.bnid', to: 'bind' });
  assert.match(byPath.get('gateway.auth.mdoe')!.message, /Did you mean "mode"\?/);
  const far = byPath.get('gateway.zzqqxx')!;
  assert.doesNotMatch(far.message, /Did you mean/);
  assert.ok(!far.fixes?.some((f) => f.kind === 'rename-key'));
  assert.equal(far.start, offsetOf(text, 'zzqqxx'));
});

test('the missing gateway.mode warning: on the gateway key when the section exists, at the root when it does not, gone once set', () => {
  const inSection = "{\n  gateway: { port: 18789 },\n}\n";
  const [d] = checkText(inSection, schema).diagnostics;
  assert.deepEqual([d.code, d.severity, d.path], ['gateway-mode-missing', 'warning', 'gateway']);
  assert.equal(inSection.slice(d.start, d.end), 'gateway');
  const none = checkText('{ agents: {} }', schema).diagnostics;
  assert.deepEqual(none.map((x) => [x.code, x.path]), [['gateway-mode-missing', '']]);
  assert.ok(isValid(none), 'a warning does not make the config invalid');
  for (const mode of ['local', 'remote']) assert.deepEqual(checkText(`{ gateway: { mode: '${mode}' } }`, schema).diagnostics, []);
});
