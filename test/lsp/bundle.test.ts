// The bundles esbuild.mjs builds: the server and the checker carry zod's English messages and none of its other
// locales, which would be parsed at every start for nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO, SERVER } from '../support/paths';

for (const file of [SERVER, path.join(REPO, 'dist/cli.js')]) {
  test(`${path.basename(file)} holds zod's English locale alone`, () => {
    const text = readFileSync(file, 'utf8');
    assert.match(text, /Invalid input: expected /, "zod's English messages are missing");
    for (const other of [/Ung(?:ü|\\xFC)ltige Eingabe/, /Entrada inv(?:á|\\xE1)lida/, /Entr(?:é|\\xE9)e invalide/]) assert.doesNotMatch(text, other);
  });
}
