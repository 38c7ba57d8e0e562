import type { TextEdit } from '../../language-server/src/parse/edits';

/** Offset of the n-th occurrence of `needle` in `text` (0-based), failing loudly when absent. */
export function offsetOf(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found`);
  }
  return at;
}

/** Applies non-overlapping edits to a text, last first so earlier offsets stay valid. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}
