// npm test: every layer in order (build, compile, lint, unit, language server, real VS Code host), output streamed,
// then a table and one closing line "N passed, N failed" over all layers. Exit code is non-zero if any layer failed.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const say = (msg) => console.log(`[test-all] ${msg}`);
// eslint-disable-next-line no-control-regex -- ESC starts the colour codes removed here
const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');

function hasJs(dir) {
  let entries;
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return false; }
  return entries.some((e) => (e.isDirectory() ? hasJs(path.join(dir, e.name)) : e.name.endsWith('.js')));
}

// node --test prints "# pass N" with the TAP reporter and "ℹ pass N" with spec; the last one is the total.
function nodeTestCounts(out) {
  const last = (re) => { const all = [...out.matchAll(re)]; return all.length ? Number(all[all.length - 1][1]) : undefined; };
  const passed = last(/^[#ℹ]\s*pass (\d+)\s*$/gmu);
  const failed = last(/^[#ℹ]\s*fail (\d+)\s*$/gmu);
  return passed === undefined && failed === undefined ? undefined : { passed: passed ?? 0, failed: failed ?? 0 };
}

function closingLineCounts(out) {
  const all = [...out.matchAll(/^(\d+) passed, (\d+) failed\s*$/gm)];
  if (!all.length) return undefined;
  const m = all[all.length - 1];
  return { passed: Number(m[1]), failed: Number(m[2]) };
}

function runLayer(cmd, args, { color = false } = {}) {
  return new Promise((resolve) => {
    const env = { ...process.env };
    if (color && process.stdout.isTTY) env.FORCE_COLOR = '1';
    const child = spawn(cmd, args, { cwd: repoRoot, env, stdio: ['inherit', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; process.stderr.write(d); });
    child.on('error', (e) => { out += `\n${e.message}\n`; resolve({ code: 127, out: stripAnsi(out) }); });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), out: stripAnsi(out) }));
  });
}

const nodeTestArgs = (dir) => ['--test', '--test-reporter=spec', dir];
const layers = [
  { name: 'build', cmd: process.execPath, args: ['esbuild.mjs'] },
  { name: 'compile', cmd: 'npx', args: ['tsc', '-p', '.'] },
  { name: 'lint', cmd: 'npx', args: ['eslint', '.'] },
  { name: 'unit', cmd: process.execPath, args: nodeTestArgs('out/test/unit/'), dir: 'out/test/unit', counts: nodeTestCounts, color: true },
  { name: 'lsp', cmd: process.execPath, args: nodeTestArgs('out/test/lsp/'), dir: 'out/test/lsp', counts: nodeTestCounts, color: true },
  { name: 'agreement', cmd: process.execPath, args: nodeTestArgs('out/test/agreement/'), dir: 'out/test/agreement', counts: nodeTestCounts, color: true },
  { name: 'host', cmd: process.execPath, args: ['scripts/run-host-tests.mjs'], counts: closingLineCounts },
  { name: 'host-restricted', cmd: process.execPath, args: ['scripts/run-host-tests.mjs', '--restricted'], counts: closingLineCounts },
  { name: 'host-it', cmd: process.execPath, args: ['scripts/run-host-tests.mjs', '--locale', 'it'], counts: closingLineCounts },
  { name: 'ui', cmd: process.execPath, args: ['scripts/ui-check.mjs'], counts: closingLineCounts },
];

// Compiled tests of deleted sources would otherwise still run.
fs.rmSync(path.join(repoRoot, 'out'), { recursive: true, force: true });

const results = [];
for (const layer of layers) {
  if (layer.dir && !hasJs(path.join(repoRoot, layer.dir))) {
    say(`SKIPPED ${layer.name}: ${layer.dir}/ has no .js files (no tests compiled for this layer)`);
    results.push({ name: layer.name, status: 'skipped', secs: 0 });
    continue;
  }
  say(`=== ${layer.name}: ${[path.basename(layer.cmd), ...layer.args].join(' ')}`);
  const t0 = Date.now();
  const { code, out } = await runLayer(layer.cmd, layer.args, layer);
  const counts = layer.counts?.(out);
  results.push({
    name: layer.name,
    status: code === 0 ? 'ok' : `FAILED (exit ${code})`,
    code,
    counts,
    secs: (Date.now() - t0) / 1000,
  });
}

let passed = 0;
let failed = 0;
const rows = [['layer', 'result', 'passed', 'failed', 'time']];
for (const r of results) {
  passed += r.counts?.passed ?? 0;
  // A layer that failed without a failing test (build error, crash, timeout) must still show in the closing line.
  failed += r.code && !r.counts?.failed ? 1 : r.counts?.failed ?? 0;
  rows.push([r.name, r.status, String(r.counts?.passed ?? '-'), String(r.counts?.failed ?? '-'), r.status === 'skipped' ? '-' : `${r.secs.toFixed(1)}s`]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
console.log('');
for (const row of rows) console.log(row.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
console.log('');
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.some((r) => r.code) ? 1 : 0);
