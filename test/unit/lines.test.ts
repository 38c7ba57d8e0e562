// Offsets <-> LSP positions: every diagnostic, hover and edit the editor shows goes through this map, so a wrong
// line break or an off-by-one puts the squiggle on the wrong character.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../language-server/src/parse/lines';

/** The obvious way: walk the text, counting \r\n, \r and \n each as one break. */
function naive(text: string, offset: number): { line: number; character: number } {
  let line = 0, start = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') {
      if (i + 1 === offset) return { line, character: i - start };
      i++; line++; start = i + 1;
    }
    else if (text[i] === '\n' || text[i] === '\r') { line++; start = i + 1; }
  }
  return { line, character: offset - start };
}

test('\\n, \\r\\n and a lone \\r each end a line, once', () => {
  const text = 'ab\ncd\r\nef\rgh';
  const idx = new LineIndex(text);
  assert.equal(idx.lineCount, 4);
  assert.deepEqual(idx.positionAt(text.indexOf('c')), { line: 1, character: 0 });
  assert.deepEqual(idx.positionAt(text.indexOf('e')), { line: 2, character: 0 });
  assert.deepEqual(idx.positionAt(text.indexOf('g')), { line: 3, character: 0 });
  assert.deepEqual(idx.positionAt(text.indexOf('h')), { line: 3, character: 1 });
  assert.equal(new LineIndex('').lineCount, 1);
  assert.equal(new LineIndex('x\n').lineCount, 2);
  assert.equal(new LineIndex('\r\r').lineCount, 3);
});

test('the end of a line is its break; between the \\r and the \\n of one break is still that line\'s end', () => {
  const text = 'ab\r\ncd';
  const idx = new LineIndex(text);
  assert.deepEqual(idx.positionAt(2), { line: 0, character: 2 }, 'at the \\r');
  assert.deepEqual(idx.positionAt(3), { line: 0, character: 2 }, 'between \\r and \\n');
  assert.deepEqual(idx.positionAt(4), { line: 1, character: 0 });
  // A \n that is not after a \r is a character of its own.
  assert.deepEqual(new LineIndex('ab\n\ncd').positionAt(3), { line: 1, character: 0 });
  assert.deepEqual(new LineIndex('\ncd').positionAt(0), { line: 0, character: 0 });
});

test('positions agree with a plain walk over the text at every offset, on many lines', () => {
  const lines = Array.from({ length: 40 }, (_, i) => 'x'.repeat(i % 7));
  const breaks = ['\n', '\r\n', '\r'];
  const text = lines.map((l, i) => l + breaks[i % 3]).join('') + 'tail';
  const idx = new LineIndex(text);
  // Line 21 is empty and follows a \r: its \n joins that \r into one break.
  assert.equal(idx.lineCount, 40);
  assert.equal(idx.lineCount, naive(text, text.length).line + 1);
  for (let o = 0; o <= text.length; o++) assert.deepEqual(idx.positionAt(o), naive(text, o), `offset ${o}`);
});

test('offsets outside the text are clamped to its ends', () => {
  const text = 'ab\ncd';
  const idx = new LineIndex(text);
  assert.deepEqual(idx.positionAt(-5), { line: 0, character: 0 });
  assert.deepEqual(idx.positionAt(99), { line: 1, character: 2 });
  assert.deepEqual(idx.range(-1, 99), { start: { line: 0, character: 0 }, end: { line: 1, character: 2 } });
});

test('a range maps both ends', () => {
  const text = '{\n  port: 1,\n}';
  const idx = new LineIndex(text);
  const start = text.indexOf('port');
  assert.deepEqual(idx.range(start, start + 4), { start: { line: 1, character: 2 }, end: { line: 1, character: 6 } });
});

test('offsetAt is positionAt backwards, and clamps what lies outside the text', () => {
  const text = 'ab\r\ncd\nef';
  const idx = new LineIndex(text);
  for (let o = 0; o <= text.length; o++) {
    if (o === 3) continue; // inside \r\n: mapped to the line's end, one before
    assert.equal(idx.offsetAt(idx.positionAt(o)), o, `offset ${o}`);
  }
  assert.equal(idx.offsetAt({ line: 0, character: 1 }), 1);
  assert.equal(idx.offsetAt({ line: 1, character: 1 }), 5);
  assert.equal(idx.offsetAt({ line: -1, character: 5 }), 0, 'a line before the first');
  assert.equal(idx.offsetAt({ line: 3, character: 0 }), text.length, 'the line after the last');
  assert.equal(idx.offsetAt({ line: 9, character: 0 }), text.length);
  assert.equal(idx.offsetAt({ line: 2, character: -4 }), 7, 'a negative character is the line start');
  assert.equal(idx.offsetAt({ line: 2, character: 50 }), text.length, 'past the end of the text');
});
