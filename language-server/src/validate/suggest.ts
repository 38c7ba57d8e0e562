// "Did you mean ...?" for unknown keys: the closest known key by edit distance (a swap of two neighbouring
// letters counts as one edit, the commonest typo), case-insensitive.
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  for (let i = 0; i < w.length; i++) letters[bucket(w, i)]++;
  let best: string | undefined;
  let bestScore = Infinity;
  try {
    for (const c of candidates) {
      const limit = Math.max(1, Math.floor(Math.max(w.length, c.length) / 3));
      // The distance is at least the difference in length: most candidates are ruled out without computing it.
      if (Math.abs(w.length - c.length) > limit) continue;
      const lc = lower(c);
      // Stryker disable next-line MethodExpression,ArithmeticOperator: a looser bound only prunes less and stops the distance later; what passes is still judged by limit and bestScore.
      const bound = Math.min(limit, bestScore - 1);
      if (Math.ceil(letterDifference(w.length, lc) / 2) > bound) continue;
      const d = distance(w, lc, bound);
      if (d <= limit && d < bestScore) { best = c; bestScore = d; }
    }
  } finally {
    letters.fill(0);
  }
  return best;
}

// The letters of the word asked about, counted. A substitution changes these counts by two, an insertion or a
// deletion by one and a swap not at all, so half their difference from a candidate's is a lower bound of the
// distance: it rules out most candidates of a file full of unknown keys in time linear in the key.
const letters = new Int32Array(128);
const bucket = (s: string, i: number) => Math.min(s.charCodeAt(i), 127);

function letterDifference(wordLength: number, candidate: string): number {
  let diff = wordLength;
  for (let i = 0; i < candidate.length; i++) {
    const b = bucket(candidate, i);
    diff += letters[b] > 0 ? -1 : 1;
    // Stryker disable next-line UpdateOperator: counts that only grow make matches likelier, so the bound only gets looser.
    letters[b]--;
  }
  for (let i = 0; i < candidate.length; i++) letters[bucket(candidate, i)]++;
  return diff;
}

// Schema keys are asked about again for every unknown key of an object.
const lowered = new Map<string, string>();
function lower(s: string): string {
  let l = lowered.get(s);
  if (l === undefined) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: when the cache is emptied changes only memory and time, not the lower-cased key.
    if (lowered.size > 10_000) lowered.clear();
    l = s.toLowerCase();
    lowered.set(s, l);
  }
  return l;
}

// Three rows reused across calls: a file with 300,000 unknown keys asks this millions of times.
let rows = [new Uint32Array(64), new Uint32Array(64), new Uint32Array(64)];

/** Optimal string alignment distance; once every cell of a row exceeds `atMost`, the answer is only known to be
 *  larger than it, and atMost + 1 is returned. */
export function distance(a: string, b: string, atMost = Infinity): number {
  if (a === b) return 0;
  if (rows[0].length <= b.length) rows = [0, 1, 2].map(() => new Uint32Array(b.length * 2 + 1));
  let before = rows[0], prev = rows[1], cur = rows[2];
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  let lastMin = 0;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, before[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // A transposition reaches back two rows, so two rows past the bound prove the rest is past it too.
    if (rowMin > atMost && lastMin > atMost) return atMost + 1;
    lastMin = rowMin;
    const spare = before;
    before = prev;
    prev = cur;
    cur = spare;
  }
  return prev[b.length];
}
