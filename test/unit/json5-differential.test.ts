// Our ranged JSON5 parser must accept exactly what the json5 package (OpenClaw's parser) accepts and read the same
// values: checked on the corpus and on a fixed-seed stream of mutants and random token soups.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import JSON5 from 'json5';
import { parseJson5 } from '../../language-server/src/parse/json5';
import { toValue } from '../../language-server/src/parse/tree';
import { REPO } from '../support/paths';

const ATOMS = ['{', '}', '[', ']', ',', ':', '"', "'", '\\', '\n', '\r', '/', '*', '0', '1', '.', 'e', 'x', '+', '-', 'a', ' ',
  'true', 'null', 'NaN', 'Infinity', '\\u0041', '\\x4', '\u2028', '\u00a0', 'é', '\t', '\\0', '0x', '//', '/*', '*/', '$', '_'];

function agree(text: string): string | undefined {
  const ours = parseJson5(text);
  let theirs: unknown;
  let theirsFailed = false;
  try { theirs = JSON5.parse(text); } catch { theirsFailed = true; }
  // Non-ASCII identifiers are confirmed by json5 at run time, so only the ASCII verdicts must match on their own.
  if (ours.needsConfirmation) return undefined;
  if (ours.ok === theirsFailed) return `verdicts differ: ours ${ours.ok ? 'accepts' : 'rejects'}`;
  if (ours.ok && !Object.is(JSON.stringify(toValue(ours.root!)), JSON.stringify(theirs))) return 'values differ';
  return undefined;
}

test('our parser and json5 agree on acceptance and values', async () => {
  const warn = console.warn;
  console.warn = () => undefined; // json5 warns about U+2028 in strings
  try {
    const dir = path.join(REPO, 'test/corpus');
    const seeds = await Promise.all((await fs.readdir(dir)).map((f) => fs.readFile(path.join(dir, f), 'utf8')));
    let state = 20261129;
    const rnd = (n: number) => { state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff; return state % n; };
    const failures: string[] = [];
    const check = (t: string) => { const why = agree(t); if (why && failures.length < 5) failures.push(`${why}: ${JSON.stringify(t).slice(0, 160)}`); };
    seeds.forEach(check);
    for (let k = 0; k < 20000; k++) {
      let t = seeds[rnd(seeds.length)];
      for (let o = 1 + rnd(3); o > 0; o--) {
        const at = rnd(t.length + 1);
        const op = rnd(3);
        t = op === 0 ? t.slice(0, at) + ATOMS[rnd(ATOMS.length)] + t.slice(at)
          : op === 1 ? t.slice(0, at) + t.slice(at + 1 + rnd(3))
          : t.slice(0, at) + ATOMS[rnd(ATOMS.length)] + t.slice(at + 1);
      }
      check(t);
    }
    for (let k = 0; k < 20000; k++) {
      let t = '';
      for (let i = 1 + rnd(8); i > 0; i--) t += ATOMS[rnd(ATOMS.length)];
      check(t);
    }
    assert.deepEqual(failures, []);
  } finally {
    console.warn = warn;
  }
});
