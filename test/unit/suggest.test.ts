// "Did you mean": the fast search (length and letter-count bounds, early exit) must pick exactly what a plain
// search over every candidate picks, on typos of real schema keys and on words that resemble nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { closest } from '../../language-server/src/validate/suggest';
import { propertiesAt } from '../../language-server/src/schema/json-schema';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';

const RUNS = Number(process.env.FC_RUNS ?? 2000);
const SEED = Number(process.env.FC_SEED ?? 1717);
const schema = bundledSchemaInUse();
const KEY_SETS = [[], ['gateway'], ['browser'], ['agents', 'defaults']].map((p) => [...propertiesAt(schema.json, p).keys()]);

/** Optimal string alignment distance, the textbook table with no shortcut. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function plainClosest(word: string, candidates: string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const limit = Math.max(1, Math.floor(Math.max(w.length, c.length) / 3));
    const d = osa(w, c.toLowerCase());
    if (d <= limit && d < bestScore) { best = c; bestScore = d; }
  }
  return best;
}

const edit = fc.tuple(fc.constantFrom('swap', 'drop', 'add', 'change', 'upper'), fc.nat(), fc.constantFrom(...'abcdeimnoprstuxyzAÉß_-0İ'));
function typo(key: string, edits: [string, number, string][]): string {
  let s = key;
  for (const [kind, at, ch] of edits) {
    const i = s.length ? at % s.length : 0;
    if (kind === 'swap' && i + 1 < s.length) s = s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
    else if (kind === 'drop') s = s.slice(0, i) + s.slice(i + 1);
    else if (kind === 'add') s = s.slice(0, i) + ch + s.slice(i);
    else if (kind === 'change') s = s.slice(0, i) + ch + s.slice(i + 1);
    else if (kind === 'upper') s = s.toUpperCase();
  }
  return s;
}

test('the fast search suggests what a plain search over every candidate suggests', () => {
  fc.assert(
    fc.property(fc.nat(KEY_SETS.length - 1), fc.nat(), fc.array(edit, { maxLength: 4 }), fc.string({ maxLength: 12 }), fc.boolean(), (set, k, edits, noise, useNoise) => {
      const keys = KEY_SETS[set];
      const word = useNoise ? noise : typo(keys[k % keys.length], edits);
      assert.equal(closest(word, keys), plainClosest(word, keys), `for ${JSON.stringify(word)}`);
    }),
    { numRuns: RUNS, seed: SEED },
  );
});
