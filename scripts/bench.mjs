// npm run bench: builds (esbuild for dist/, tsc for out/), then runs the bench itself, typed code in
// test/bench/main.ts, which prints the table and writes bench/results.json.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const progress = (msg) => process.stderr.write(`[bench] ${msg}\n`);

// The bundles as the .vsix ships them (minified), since the bench spawns dist/server.js as a user's VS Code does.
progress('building: node esbuild.mjs --production && npx tsc -p .');
execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: repo, stdio: 'inherit' });
try {
  execFileSync('npx', ['tsc', '-p', '.'], { cwd: repo, stdio: 'inherit' });
} catch {
  // tsc emits even with type errors elsewhere in the tree; only a missing output is fatal.
  if (!existsSync(path.join(repo, 'out/test/bench/main.js'))) throw new Error('tsc produced no out/test/bench/main.js');
  progress('tsc reported errors; benchmarking what it emitted');
}
try {
  execFileSync(process.execPath, [path.join(repo, 'out/test/bench/main.js')], { cwd: repo, stdio: 'inherit' });
} catch (e) {
  process.exitCode = e.status ?? 1;
}
