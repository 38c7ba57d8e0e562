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
    const d = distance(w, c.toLowerCase());
    if (d <= limit && d < bestScore) { best = c; bestScore = d; }
  }
  return best;
}

/** Optimal string alignment distance. */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j], before[j - 2] + 1);
    }
    before = prev;
    prev = cur;
  }
  return prev[b.length];
}
