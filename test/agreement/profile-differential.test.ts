// A generated differential: for each combination of a profile name (random valid ones, mixed case, dev, variants of
// default, 64 characters, invalid ones), a config port (absent, valid, invalid in five ways, no config at all) and
// OPENCLAW_GATEWAY_PORT (unset, set), our model's base port and config path against what
// `openclaw --profile NAME gateway status --json` resolves: 104 combinations plus the environment-only cases on the
// pinned CLI, a smaller set on each older release with that release's rules. DIFF_SEED=N draws other names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { loadHost } from '../../language-server/src/host/model';
import { folderVerdict, resolveBasePort, resolveInvocation, rulesFor, type ProfileRules } from '../../language-server/src/host/profile-rules';
import { nodeAt, parseConfig } from '../../language-server/src/parse/tree';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';
import { jsonOf, makeTempHome, mapLimit, olderReleases, requireOpenclaw, runOpenclaw } from './cli-tools';

const SEED = Number(process.env.DIFF_SEED ?? 12);

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type NameKind = 'random' | 'mixed-case' | 'dev' | 'dev-case' | 'default' | '64-chars' | 'invalid';
type PortKind = 'absent' | 'valid' | 'string' | 'not-positive' | 'no-port' | 'no-config';
const NAME_KINDS: NameKind[] = ['random', 'mixed-case', 'dev', 'dev-case', 'default', '64-chars', 'invalid'];
const PORT_KINDS: PortKind[] = ['absent', 'valid', 'string', 'not-positive', 'no-port', 'no-config'];

interface Case {
  id: string;
  /** `--profile NAME`, or none (the environment alone chooses). */
  name?: string;
  /** The config port as written (JSON5 text), or no gateway.port, or no config file. */
  port?: string;
  noConfig?: boolean;
  env: Record<string, string>;
}

function draw(rand: () => number, kind: NameKind): string {
  const pick = (s: string) => s[Math.floor(rand() * s.length)];
  const body = (n: number, alphabet: string) => Array.from({ length: n }, () => pick(alphabet)).join('');
  for (;;) {
    let name: string;
    switch (kind) {
      case 'random': name = pick('abcdefghijklmnopqrstuvwxyz0123456789') + body(Math.floor(rand() * 12), 'abcdefghijklmnopqrstuvwxyz0123456789_-'); break;
      case 'mixed-case': name = pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ') + body(1 + Math.floor(rand() * 10), 'abcdefghijABCDEFGHIJ0123456789_-'); break;
      case 'dev': return 'dev';
      case 'dev-case': return pick('DdD') === 'D' ? 'Dev' : 'DEV';
      case 'default': return ['default', 'Default', 'DEFAULT', 'dEfAuLt', 'defaulT'][Math.floor(rand() * 5)];
      case '64-chars': name = pick('abcdefghijklmnopqrstuvwxyz0123456789') + body(63, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'); break;
      case 'invalid': return ['Bad Name', '-lead', '_lead', 'a.b', 'x'.repeat(65), 'tab\tname'][Math.floor(rand() * 6)];
    }
    if (!/^(dev|default)$/i.test(name)) return name;
  }
}

function portText(rand: () => number, kind: PortKind): { port?: string; noConfig?: boolean } {
  switch (kind) {
    case 'absent': return {};
    case 'valid': return { port: String(1024 + Math.floor(rand() * 60000)) };
    case 'string': return { port: ["'abc'", "'18789'", 'true', 'null'][Math.floor(rand() * 4)] };
    case 'not-positive': return { port: ['0', '-5'][Math.floor(rand() * 2)] };
    case 'no-port': return { port: ['70000', '1.5'][Math.floor(rand() * 2)] };
    case 'no-config': return { noConfig: true };
  }
}

function generate(count: number, seed: number): Case[] {
  const rand = prng(seed);
  const cases: Case[] = [];
  const combos = NAME_KINDS.flatMap((n) => PORT_KINDS.flatMap((p) => [false, true].map((e) => [n, p, e] as const)));
  // Every combination once, then random ones until the count; a smaller set spreads over all of them.
  for (let i = 0; i < count; i++) {
    const at = count >= combos.length ? i : Math.floor((i * combos.length) / count);
    const [nk, pk, withEnv] = at < combos.length ? combos[at] : combos[Math.floor(rand() * combos.length)];
    const env: Record<string, string> = withEnv ? { OPENCLAW_GATEWAY_PORT: rand() < 0.8 ? String(20000 + Math.floor(rand() * 30000)) : `127.0.0.1:${20000 + Math.floor(rand() * 30000)}` } : {};
    cases.push({ id: `${i}:${nk}/${pk}/${withEnv ? 'env' : 'no-env'}`, name: draw(rand, nk), ...portText(rand, pk), env });
  }
  return cases;
}

/** Cases the environment decides: OPENCLAW_PROFILE alone, and an exported state dir under --profile. */
function environmentCases(): Case[] {
  return [
    { id: 'OPENCLAW_PROFILE alone, config port', env: { OPENCLAW_PROFILE: 'zz' }, port: '21000' },
    { id: 'OPENCLAW_PROFILE alone, no config port', env: { OPENCLAW_PROFILE: 'zz' } },
    { id: 'OPENCLAW_PROFILE=Default alone', env: { OPENCLAW_PROFILE: 'Default' } },
    { id: 'exported default state dir under --profile', name: 'ops', env: { OPENCLAW_STATE_DIR: '~/.openclaw' } },
    { id: 'exported default state and config under --profile', name: 'ops', env: { OPENCLAW_STATE_DIR: '~/.openclaw', OPENCLAW_CONFIG_PATH: '~/.openclaw/openclaw.json' } },
    { id: 'exported other state dir under --profile dev', name: 'dev', env: { OPENCLAW_STATE_DIR: '~/elsewhere' }, port: '25000' },
  ];
}

interface Outcome { ok: true; port: unknown; configPath: unknown }
type Verdict = Outcome | { ok: false; exit: number | null; stderr: string };

const isDefaultName = (name: string | undefined) => name === undefined || /^default$/i.test(name);

async function writeFile(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
}

/** The case's config where its profile lives, and decoys where it does not: the default profile's config (for a
 *  named profile), the folder `--profile Default` cannot reach (for default), the invalid name's folder. */
async function writeCase(home: string, c: Case): Promise<void> {
  const config = `{ gateway: { mode: 'local', bind: 'loopback'${c.port === undefined ? '' : `, port: ${c.port}`} } }\n`;
  const own = isDefaultName(c.name) ? path.join(home, '.openclaw') : path.join(home, `.openclaw-${c.name}`);
  await fs.mkdir(own, { recursive: true });
  if (!c.noConfig) await writeFile(path.join(own, 'openclaw.json'), config);
  if (!isDefaultName(c.name)) await writeFile(path.join(home, '.openclaw', 'openclaw.json'), "{ gateway: { mode: 'local', port: 33333 } }\n");
  if (c.name !== undefined && isDefaultName(c.name)) await writeFile(path.join(home, `.openclaw-${c.name}`, 'openclaw.json'), "{ gateway: { mode: 'local', port: 44444 } }\n");
}

async function cliVerdict(home: string, c: Case, bin?: string): Promise<Verdict> {
  const args = [...(c.name === undefined ? [] : ['--profile', c.name]), 'gateway', 'status', '--json'];
  const r = await runOpenclaw(args, { home, env: c.env, bin });
  if (r.code !== 0) return { ok: false, exit: r.code, stderr: r.stderr.slice(0, 300) };
  const j = jsonOf<{ gateway?: { port?: unknown }; config?: { cli?: { path?: unknown } } }>(r, `openclaw ${args.join(' ')}`);
  return { ok: true, port: j.gateway?.port, configPath: j.config?.cli?.path };
}

/** Ours: the profile rules for the invocation, on the config as written; for a case without any environment, the
 *  host model as the Profiles view shows it must say the same. */
async function ourVerdict(home: string, c: Case, rules: ProfileRules): Promise<Verdict & { skipped?: string }> {
  if (c.name !== undefined) {
    const v = folderVerdict(`.openclaw-${c.name}`)!;
    if ('reason' in v && !isDefaultName(c.name)) {
      // The CLI refuses the name; the host model keeps its folder as a skipped row.
      const host = await loadHost({ home, env: {}, declared: [], schema: bundledSchemaInUse(), rules });
      assert.ok(host.skipped.some((s) => s.dir === path.join(home, `.openclaw-${c.name}`)), `${c.id}: the folder of ${JSON.stringify(c.name)} is not skipped`);
      return { ok: false, exit: 2, stderr: '', skipped: v.reason };
    }
  }
  const inv = resolveInvocation({ profile: c.name, env: c.env, home }, rules);
  let text: string | undefined;
  try { text = await fs.readFile(inv.configPath, 'utf8'); } catch { /* no config */ }
  const configPort = text === undefined ? undefined : nodeAt(parseConfig(text).root, ['gateway', 'port']);
  const base = resolveBasePort({ envPort: inv.envPort, configPort: configPort?.kind === 'number' ? configPort.value : undefined, portProfile: inv.portProfile }, rules);
  if (Object.keys(c.env).length === 0 && c.name !== undefined) {
    const host = await loadHost({ home, env: {}, declared: [], schema: bundledSchemaInUse(), rules });
    const name = isDefaultName(c.name) ? 'default' : c.name;
    const p = host.profiles.find((x) => x.summary.name === name)?.summary;
    assert.ok(p, `${c.id}: the host model has no profile "${name}" (${host.profiles.map((x) => x.summary.name).join(', ')})`);
    assert.deepEqual([p.basePort, p.configPath], [base.port, inv.configPath], `${c.id}: the host model and the rules disagree`);
    if (isDefaultName(c.name)) assert.ok(host.skipped.some((s) => s.dir.endsWith(`.openclaw-${c.name}`)), `${c.id}: .openclaw-${c.name} is not skipped`);
  }
  return { ok: true, port: base.port, configPath: inv.configPath };
}

async function differential(cases: Case[], rules: ProfileRules, bin?: string): Promise<{ checked: number; failures: string[] }> {
  const failures: string[] = [];
  await mapLimit(cases, 2, async (c) => {
    const home = await makeTempHome('openclaw-differential-');
    try {
      await writeCase(home.dir, c);
      const [theirs, ours] = await Promise.all([cliVerdict(home.dir, c, bin), ourVerdict(home.dir, c, rules)]);
      const show = (v: Verdict) => (v.ok ? `port ${String(v.port)}, config ${String(v.configPath)}` : `exit ${v.exit}`).replaceAll(home.dir, '~');
      const same = theirs.ok && ours.ok ? theirs.port === ours.port && theirs.configPath === ours.configPath : !theirs.ok && !ours.ok && theirs.exit === 2;
      if (!same) failures.push(`${c.id} --profile ${JSON.stringify(c.name)} port ${c.noConfig ? '(no config)' : c.port ?? '(absent)'} env ${JSON.stringify(c.env)}: openclaw ${show(theirs)}${theirs.ok ? '' : ` ${theirs.stderr}`}; ours ${show(ours)}`);
    } finally {
      await home.remove();
    }
  });
  return { checked: cases.length, failures };
}

test(`the pinned CLI resolves every generated profile as our model does (seed ${SEED})`, { timeout: 900_000 }, async () => {
  requireOpenclaw();
  const cases = [...generate(104, SEED), ...environmentCases()];
  assert.ok(cases.length >= 104);
  const { checked, failures } = await differential(cases, rulesFor('2026.9.6'));
  assert.deepEqual(failures, [], `${failures.length} of ${checked} combinations differ`);
});

for (const release of (() => { try { return olderReleases(); } catch (e) { return [{ version: 'older releases', bin: '', error: e as Error }]; } })()) {
  test(`OpenClaw ${release.version} resolves a smaller generated set as our model does with its rules (seed ${SEED})`, { timeout: 600_000 }, async () => {
    if ('error' in release) throw release.error;
    const cases = [...generate(18, SEED + 1), ...environmentCases()];
    const { checked, failures } = await differential(cases, rulesFor(release.version), release.bin);
    assert.deepEqual(failures, [], `${failures.length} of ${checked} combinations differ`);
  });
}
