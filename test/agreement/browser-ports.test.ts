// The ports a gateway derives from its base (browser control, relay, CDP range), ours against the CLI's own
// resolveBrowserConfig, loaded from each installed release's dist in a Node 24 child: generated bases from 1 to
// 65535 (the edges where the CLI falls back included) and browser.cdpPortRangeStart set or not, each release with
// its rules. This is where "the relay exists from 2026.7.1" and "cdpPortRangeStart moves the range before 2026.8.1"
// are checked; the releases' `gateway status` does not print these ports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { portSpans } from '../../language-server/src/host/ports';
import { rulesFor } from '../../language-server/src/host/profile-rules';
import { NODE24_BIN, OPENCLAW } from '../support/paths';
import { isolatedEnv, makeTempHome, olderReleases, requireOpenclaw, run } from './cli-tools';

// Finds the module that defines resolveBrowserConfig by its source and its export alias (bundle names change per
// release), calls it for each config on stdin, prints what it derived.
const PROBE = `
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const dist = process.argv[1];
let resolve;
for (const f of readdirSync(dist).filter((f) => /\\.m?js$/.test(f))) {
  const t = readFileSync(dist + '/' + f, 'utf8');
  if (!t.includes('function resolveBrowserConfig(')) continue;
  const names = /export \\{([^}]*)\\}/.exec(t.slice(t.lastIndexOf('export {')))?.[1] ?? '';
  const alias = names.split(',').map((x) => x.trim().split(/\\s+as\\s+/)).find(([n]) => n === 'resolveBrowserConfig');
  if (alias) { resolve = (await import(pathToFileURL(dist + '/' + f).href))[alias[1] ?? alias[0]]; break; }
}
if (!resolve) throw new Error('no resolveBrowserConfig in ' + dist);
let input = '';
for await (const chunk of process.stdin) input += chunk;
const out = JSON.parse(input).map((cfg) => {
  try {
    const r = resolve(cfg.browser, cfg);
    return { control: r.controlPort, cdp: [r.cdpPortRangeStart, r.cdpPortRangeEnd], relay: r.extensionRelayDefaultPort ?? null };
  } catch (e) {
    return { error: String(e.message) };
  }
});
process.stdout.write(JSON.stringify(out));
`;

interface Derived { control: number; cdp: [number, number]; relay: number | null }
type CliDerived = Derived | { error: string };

function configs(count: number, seed: number): { gateway: { port: number }; browser?: { cdpPortRangeStart: number } }[] {
  let a = seed;
  const rand = () => ((a = (Math.imul(a ^ (a >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 4294967296);
  const bases = [1, 1024, 18789, 18809, 65424, 65425, 65426, 65433, 65434, 65533, 65534, 65535];
  while (bases.length < count) bases.push(1 + Math.floor(rand() * 65535));
  return bases.map((port, i) => (i % 3 === 2 ? { gateway: { port }, browser: { cdpPortRangeStart: 1 + Math.floor(rand() * (65535 - 99)) } } : { gateway: { port } }));
}

async function cliDerived(bin: string, cases: unknown[]): Promise<CliDerived[]> {
  const dist = path.join(path.dirname(path.dirname(bin)), 'openclaw', 'dist');
  const home = await makeTempHome('openclaw-browser-ports-');
  try {
    const r = await run(path.join(NODE24_BIN, 'node'), ['--input-type=module', '-e', PROBE, dist], { env: isolatedEnv(home.dir), input: JSON.stringify(cases) });
    assert.equal(r.code, 0, r.stderr.slice(0, 2000));
    return JSON.parse(r.stdout) as CliDerived[];
  } finally {
    await home.remove();
  }
}

async function agree(version: string, bin: string): Promise<void> {
  const cases = configs(240, version.split('.').reduce((a, b) => a * 31 + Number(b), 7));
  const theirs = await cliDerived(bin, cases);
  const rules = rulesFor(version);
  const failures: string[] = [];
  cases.forEach((c, i) => {
    const spans = portSpans({ base: c.gateway.port, cdpPorts: [], cdpRangeStart: c.browser?.cdpPortRangeStart, rules });
    const one = (role: string) => spans.find((s) => s.role === role);
    const ours: Derived = { control: one('browser-control')!.from, cdp: [one('cdp-range')!.from, one('cdp-range')!.to], relay: one('relay')?.from ?? null };
    const t = theirs[i];
    // The CLI refuses a base whose default CDP URL (control + 1) is no port: 65533, where B+2 still fits.
    if ('error' in t) {
      if (ours.control + 1 <= 65535) failures.push(`${JSON.stringify(c)}: openclaw threw ${t.error}`);
      return;
    }
    // A relay the CLI puts past 65535 (control + 8 for a base above 65525) never binds: no port to clash over.
    const cli = { ...t, relay: t.relay !== null && t.relay > 65535 ? null : t.relay };
    if (JSON.stringify(ours) !== JSON.stringify(cli)) failures.push(`${JSON.stringify(c)}: openclaw ${JSON.stringify(theirs[i])}, ours ${JSON.stringify(ours)}`);
  });
  assert.deepEqual(failures, [], `${failures.length} of ${cases.length} differ`);
}

test('the pinned CLI derives browser control, relay and CDP ports as we do', { timeout: 120_000 }, async () => {
  requireOpenclaw();
  await agree('2026.9.6', OPENCLAW);
});

test('each older release derives them as we do with its rules (no relay before 2026.7.1, cdpPortRangeStart before 2026.8.1)', { timeout: 300_000 }, async () => {
  requireOpenclaw();
  for (const r of olderReleases()) await agree(r.version, r.bin);
});
