// `npm run mutate [-- folder ...] [-- stryker options]`: StrykerJS over each named folder of language-server/src
// (parse, host, validate, features, rest; all five when none is named), one run after another, each against its own
// tests (see stryker.config.mjs). Options for Stryker itself (e.g. --concurrency 1) follow a second `--`.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FOLDERS } from '../stryker.config.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const split = args.indexOf('--');
const named = split < 0 ? args : args.slice(0, split);
const passThrough = split < 0 ? [] : args.slice(split + 1);
const unknown = named.filter((f) => !FOLDERS[f]);
if (unknown.length) {
  console.error(`unknown folder ${unknown.join(', ')}; choose from ${Object.keys(FOLDERS).join(', ')}`);
  process.exit(2);
}
const stryker = path.join(repo, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
let failed = false;
for (const folder of named.length ? named : Object.keys(FOLDERS)) {
  console.log(`\n== mutation run: language-server/src/${folder === 'rest' ? '(the rest)' : `${folder}/`} ==`);
  const r = spawnSync(process.execPath, [stryker, 'run', 'stryker.config.mjs', ...passThrough], { cwd: repo, stdio: 'inherit', env: { ...process.env, MUTATE_FOLDER: folder } });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
