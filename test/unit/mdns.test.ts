import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../language-server/src/parse/tree';
import { advertisesMdns, mdnsAdvertisers, mdnsClashDiagnostics, mdnsKeeper } from '../../language-server/src/validate/mdns';
import { fixFor } from '../../language-server/src/features/code-actions';
import { applyEdits } from '../support/text';

test('mDNS: the CLI default advertises; only "off" does not', () => {
  for (const [text, adv] of [['{}', true], ["{ discovery: {} }", true], ["{ discovery: { mdns: { mode: 'minimal' } } }", true], ["{ discovery: { mdns: { mode: 'full' } } }", true], ["{ discovery: { mdns: { mode: 'off' } } }", false], ['[]', false]] as const) {
    assert.equal(advertisesMdns(parseConfig(text).root), adv, text);
  }
});

test('mDNS: with two or more advertisers, every one but the keeper is warned, and its quick fix silences it', () => {
  const names = ['default', 'a', 'b', 'c'];
  const texts = [
    '{}',
    "// keep me\n{\n  gateway: { mode: 'local' }, // and me\n}\n",
    "{ discovery: { wideArea: { enabled: false } } }",
    "{ discovery: { mdns: { mode: 'full' } } }",
  ];
  // Every subset of advertisers (the rest set "off"), with and without the default profile among them.
  for (let mask = 0; mask < 1 << names.length; mask++) {
    const on = names.filter((_, i) => mask & (1 << i));
    const roots = names.map((n, i) => parseConfig(on.includes(n) ? texts[i] : "{ discovery: { mdns: { mode: 'off' } } }").root);
    const advertisers = mdnsAdvertisers(names.map((name, i) => ({ name, root: roots[i] })));
    assert.deepEqual(advertisers, on);
    const keeper = mdnsKeeper(on);
    names.forEach((name, i) => {
      const ds = mdnsClashDiagnostics(name, advertisers, roots[i]);
      const expected = on.length >= 2 && on.includes(name) && name !== keeper;
      assert.equal(ds.length, expected ? 1 : 0, `${on.join(',')} / ${name}`);
      if (!expected) return;
      if (on.includes('default')) assert.notEqual(name, 'default');
      const parsed = parseConfig(texts[i]);
      const fix = fixFor(parsed, ds[0].fixes![0]);
      assert.ok(fix, name);
      const fixed = applyEdits(texts[i], fix.edits);
      assert.equal(advertisesMdns(parseConfig(fixed).root), false, fixed);
      assert.equal(mdnsClashDiagnostics(name, mdnsAdvertisers(names.map((n, j) => ({ name: n, root: j === i ? parseConfig(fixed).root : roots[j] }))), parseConfig(fixed).root).length, 0);
      for (const comment of ['// keep me', '// and me']) if (texts[i].includes(comment)) assert.ok(fixed.includes(comment), fixed);
    });
  }
});
