// The edit distance behind "Did you mean": optimal string alignment (a swap of neighbours is one edit, but no edit
// is made twice), with a cap past which only "more than the cap" is known; keys longer than the reused rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closest, distance } from '../../language-server/src/validate/suggest';

test('distances: insertions, deletions, substitutions, one swap of neighbours', () => {
  assert.equal(distance('kitten', 'sitting'), 3);
  assert.equal(distance('port', 'prot'), 1);
  assert.equal(distance('mode', 'mdoe'), 1);
  assert.equal(distance('abcd', 'badc'), 2, 'two swaps');
  assert.equal(distance('ca', 'abc'), 3, 'a swapped pair is not edited again');
  assert.equal(distance('', 'abc'), 3);
  assert.equal(distance('abc', ''), 3);
  assert.equal(distance('same', 'same'), 0);
  assert.equal(distance('a', 'b'), 1);
});

test('with a cap: the true distance up to it, the cap plus one past it', () => {
  assert.equal(distance('kitten', 'sitting', 3), 3);
  assert.equal(distance('kitten', 'sitting', 2), 3);
  assert.equal(distance('kitten', 'sitting', 1), 2);
  assert.equal(distance('kitten', 'sitting', 0), 1);
  assert.equal(distance('abcdefgh', 'abcdefgz', 0), 1);
  assert.equal(distance('xbcdefgh', 'abcdefgh', 1), 1, 'a difference in the first letter, the rest equal');
  assert.equal(distance('abcdefgh', 'hgfedcba', 2), 3);
  assert.equal(distance('ab', 'ba', 1), 1, 'a swap within the cap');
});

test('keys longer than the rows kept between calls', () => {
  const long = 'a'.repeat(63) + 'b'.repeat(70);
  assert.equal(distance(long, `${long}c`), 1);
  assert.equal(distance(`x${'a'.repeat(200)}`, 'a'.repeat(200)), 1);
  assert.equal(distance('ab', 'ba'), 1, 'and short ones after them');
  const key = `${'k'.repeat(90)}ey`;
  assert.equal(closest(`${'k'.repeat(90)}ye`, [key, 'other']), key);
});

test('closest: case does not count, the nearest wins, the first of equals, nothing past a third of the length', () => {
  assert.equal(closest('GATEWAY', ['gateway', 'agents']), 'gateway');
  assert.equal(closest('prot', ['port', 'prof']), 'port', 'both one edit away: the first');
  assert.equal(closest('prot', ['prof', 'port']), 'prof');
  assert.equal(closest('bindd', ['bind', 'bindx']), 'bind');
  assert.equal(closest('abcdef', ['abcxyz']), undefined, 'three edits in six letters is too many');
  assert.equal(closest('abcdef', ['abcdyz']), 'abcdyz', 'two is not');
  assert.equal(closest('ab', ['xy']), undefined);
  assert.equal(closest('ab', ['ax']), 'ax', 'short words may still have one edit');
  assert.equal(closest('x', []), undefined);
  assert.equal(closest('mode', ['mode']), 'mode');
  // A word asked about twice gets the same answer: nothing is left over from the first question.
  assert.equal(closest('tokne', ['token', 'bind']), 'token');
  assert.equal(closest('tokne', ['token', 'bind']), 'token');
  assert.equal(closest('bnid', ['token', 'bind']), 'bind');
});

test('a key exactly as long as the rows kept between calls gets its suggestion', () => {
  // The rows grow only for a key that does not fit; whatever length the tests before left them at (267 after the
  // 133-letter key above), one key of this sweep is that long.
  for (let n = 1; n <= 300; n++) {
    const key = `${'k'.repeat(n - 1)}y`;
    assert.equal(closest(`${'k'.repeat(n - 1)}x`, [key]), key, `a key of ${n} letters`);
  }
});

test('closest: keys in other scripts, whose letters the letter-count bound puts in one bucket', () => {
  assert.equal(closest('παράμετρος', ['παράμετροι', 'port']), 'παράμετροι');
  assert.equal(closest('настройка', ['настройки']), 'настройки');
  assert.equal(closest('設定項目', ['設定項日']), '設定項日');
});
