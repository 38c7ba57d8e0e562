// The bundles esbuild.mjs builds: the server and the checker carry zod's English messages and none of its other
// locales, which would be parsed at every start for nothing; the server's entry turns Node's compile cache on
// before it loads the server, so a second start finds the server's code compiled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NODE24_BIN, REPO, SERVER } from '../support/paths';

for (const file of [path.join(REPO, 'dist/server-main.js'), path.join(REPO, 'dist/cli.js')]) {
  test(`${path.basename(file)} holds zod's English locale alone`, () => {
    const text = readFileSync(file, 'utf8');
    assert.match(text, /Invalid input: expected /, "zod's English messages are missing");
    for (const other of [/Ung(?:ü|\\xFC)ltige Eingabe/, /Entrada inv(?:á|\\xE1)lida/, /Entr(?:é|\\xE9)e invalide/]) assert.doesNotMatch(text, other);
  });
}

test('the server entry caches the compiled server on Node 24, the Node of the extension host', () => {
  // Node keeps the cache under the temp folder; a fresh one shows what this one start wrote. The server exits when
  // its input ends.
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'oc-compile-cache-'));
  try {
    spawnSync(path.join(NODE24_BIN, 'node'), [SERVER, '--stdio'], { env: { ...process.env, TMPDIR: tmp, NODE_COMPILE_CACHE: '' }, stdio: 'ignore', timeout: 30000 });
    const files = readdirSync(tmp, { recursive: true, encoding: 'utf8' }).map((f) => statSync(path.join(tmp, f))).filter((st) => st.isFile());
    const largest = Math.max(0, ...files.map((st) => st.size));
    assert.ok(largest > 500_000, `the largest cached file has ${largest} bytes (${files.length} files): the server bundle was not cached`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
