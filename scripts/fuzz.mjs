// npm run fuzz [-- --count N] [--seed S] [--schema bundled|cli] [--replay INDEX [--out FILE]]: mutated configs
// through the built language server. The fuzzer itself is test/lsp/fuzz-core.ts, shared with the fixed-seed run in the LSP tests.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = process.argv[i + 1];
  if (v === undefined || v.startsWith('--')) { console.error(`--${name} needs a value`); process.exit(2); }
  return v;
}
const intArg = (name, fallback) => {
  const v = arg(name, undefined);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) { console.error(`--${name} takes a non-negative integer, not "${v}"`); process.exit(2); }
  return Number(v);
};
const count = intArg('count', 300);
const seed = intArg('seed', 1);
const replay = intArg('replay', undefined);
const schema = arg('schema', 'bundled');
if (schema !== 'bundled' && schema !== 'cli') { console.error('--schema takes "bundled" or "cli"'); process.exit(2); }
// The CLI as the tests install it (npm run install-tools): Node 24 first on PATH, no mDNS.
const cliBin = path.join(repo, '.tools/openclaw/node_modules/.bin/openclaw');
if (schema === 'cli' && !existsSync(cliBin)) { console.error(`no OpenClaw CLI at ${cliBin}: run npm run install-tools`); process.exit(2); }
const cli = schema === 'cli'
  ? { path: cliBin, env: { PATH: `${path.join(repo, '.tools/node24/bin')}${path.delimiter}${process.env.PATH}`, OPENCLAW_DISABLE_BONJOUR: '1' } }
  : undefined;

// The server is rebuilt every time (2 s) so a stale bundle is never what gets fuzzed.
execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repo, stdio: 'inherit' });
if (!existsSync(path.join(repo, 'out/test/lsp/fuzz-core.js'))) {
  console.log('compiling (out/ has no fuzzer yet)...');
  try { execFileSync('npx', ['tsc', '-p', '.'], { cwd: repo, stdio: 'inherit' }); } catch { /* tsc still emits on type errors */ }
}
const core = require('../out/test/lsp/fuzz-core.js');

if (replay !== undefined) {
  const m = core.makeMutant(core.loadSeeds(), seed, replay);
  const out = arg('out', path.join(os.tmpdir(), `openclaw-fuzz-s${seed}-i${replay}.json`));
  // The text is what the server received; the bytes are the file as mutated, before lossy UTF-8 decoding.
  writeFileSync(out, m.text);
  writeFileSync(`${out}.bytes`, m.bytes);
  console.log(`mutant ${replay} of seed ${seed}: ${m.ops.join(' + ')} of ${m.seedName}, ${m.bytes.length} bytes, ${m.text.length} chars`);
  console.log(`wrote ${out} (text as the server receives it) and ${out}.bytes (raw bytes)`);
}

const report = await core.runFuzz({
  count, seed, cli, indexes: replay === undefined ? undefined : [replay],
  log: (line) => console.log(line),
});
for (const f of report.failures) console.log(core.formatFailure(seed, f));
console.log(`mutations: ${Object.entries(report.ops).map(([k, n]) => `${k} ${n}`).join(', ')}`);
if (report.slowest) console.log(`slowest answer: mutant ${report.slowest.index} (${report.slowest.ops.join(' + ')}, ${report.slowest.chars} chars) ${report.slowest.ms} ms`);
console.log(core.summaryLine(report));
process.exit(report.failures.length ? 1 : 0);
