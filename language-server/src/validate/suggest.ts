// "Did you mean ...?" for unknown keys: the closest known key by edit distance (a swap of two neighbouring
// letters counts as one edit, the commonest typo), case-insensitive.
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const limit = Math.max(1, Math.floor(Math.max(w.length, c.length) / 3));
    // The distance is at least the difference in length: most candidates are ruled out without computing it.
    if (Math.abs(w.length - c.length) > limit) continue;
    const d = distance(w, c.toLowerCase(), Math.min(limit, bestScore - 1));
    if (d <= limit && d < bestScore) { best = c; bestScore = d; }
  }
  return best;
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
