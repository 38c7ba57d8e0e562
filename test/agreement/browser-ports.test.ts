// The ports a gateway derives from its base (browser control, relay, CDP range), ours against the CLI's own
// resolveBrowserConfig, loaded from each installed release's dist in a Node 24 child: generated bases from 1 to
// 65535 (the edges where the CLI falls back included) and browser.cdpPortRangeStart set or not, each release with
// its rules. This is where "the relay exists from 2026.7.1" and "cdpPortRangeStart moves the range before 2026.8.1"
// are checked; the releases' `gateway status` does not print these ports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { portSpans } from '../../language-server/src/host/ports';
import { rulesFor } from '../../language-server/src/host/profile-rules';
import { runCliProbe } from '../support/cli-probe';
import { OPENCLAW } from '../support/paths';
import { olderReleases, requireOpenclaw } from './cli-tools';

// What the release's resolveBrowserConfig derives for each config; a config it refuses is reported as such.
const PROBE = `
  return input.map((cfg) => {
    try {
      const r = fns.resolveBrowserConfig(cfg.browser, cfg);
      return { control: r.controlPort, cdp: [r.cdpPortRangeStart, r.cdpPortRangeEnd], relay: r.extensionRelayDefaultPort ?? null };
    } catch (e) {
      return { error: String(e.message) };
    }
  });`;

interface Derived { control: number; cdp: [number, number]; relay: number | null }
type CliDerived = Derived | { error: string };

function configs(count: number, seed: number): { gateway: { port: number }; browser?: { cdpPortRangeStart: number } }[] {
  let a = seed;
  const rand = () => ((a = (Math.imul(a ^ (a >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 4294967296);
  const bases = [1, 1024, 18789, 18809, 65424, 65425, 65426, 65433, 65434, 65533, 65534, 65535];
  while (bases.length < count) bases.push(1 + Math.floor(rand() * 65535));
  return bases.map((port, i) => (i % 3 === 2 ? { gateway: { port }, browser: { cdpPortRangeStart: 1 + Math.floor(rand() * (65535 - 99)) } } : { gateway: { port } }));
}

function cliDerived(bin: string, cases: unknown[]): Promise<CliDerived[]> {
  return runCliProbe<CliDerived[]>(bin, ['resolveBrowserConfig'], PROBE, cases);
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
