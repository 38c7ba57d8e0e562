import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../language-server/src/parse/tree';
import { advertisesMdns, mdnsAdvertisers, mdnsClashDiagnostics, mdnsKeeper, mdnsMode } from '../../language-server/src/validate/mdns';
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

test('mDNS: the mode is read as a string only; anything else is the CLI default', () => {
  for (const [text, mode] of [
    ["{ discovery: { mdns: { mode: 'full' } } }", 'full'],
    ['{ discovery: { mdns: { mode: 0 } } }', 'minimal'],
    ['{ discovery: { mdns: { mode: null } } }', 'minimal'],
    ["{ discovery: { mdns: 'off' } }", 'minimal'],
    ['{}', 'minimal'],
  ] as const) assert.equal(mdnsMode(parseConfig(text).root), mode, text);
  assert.equal(mdnsMode(undefined), 'minimal');
  assert.equal(advertisesMdns(undefined), false, 'no config, no gateway, no advert');
  assert.deepEqual(mdnsAdvertisers([{ name: 'none' }, { name: 'a', root: parseConfig('{}').root }]), ['a']);
});

test('mDNS: the keeper is the default profile when it advertises, else the first in host order', () => {
  assert.equal(mdnsKeeper(['b', 'default', 'a']), 'default');
  assert.equal(mdnsKeeper(['b', 'a']), 'b');
  assert.equal(mdnsKeeper([]), undefined);
});

test('mDNS: the warning, word for word, on the deepest key of discovery.mdns.mode that the file has', () => {
  const warn = (text: string, others: string[]) => {
    const [d, ...rest] = mdnsClashDiagnostics('me', ['default', ...others.filter((o) => o !== 'default'), 'me'], parseConfig(text).root);
    assert.equal(rest.length, 0);
    return { ...d, marked: text.slice(d.start, d.end) };
  };
  const one = warn("{ discovery: { mdns: { mode: 'full' } } }", []);
  assert.equal(one.message, 'mDNS: this gateway announces the host\'s Bonjour name ("discovery.mdns.mode" is "full"), as does profile "default"; all but one get renamed on every restart. Turn it off here with "discovery.mdns.mode": "off".');
  assert.deepEqual([one.severity, one.code, one.path, one.marked, one.fixes], ['warning', 'mdns-clash', 'discovery.mdns.mode', 'mode', [{ kind: 'mdns-off' }]]);
  const many = warn('{ discovery: { mdns: {} } }', ['x']);
  assert.equal(many.message, 'mDNS: this gateway announces the host\'s Bonjour name ("discovery.mdns.mode" is "minimal"), as do profiles "default", "x"; all but one get renamed on every restart. Turn it off here with "discovery.mdns.mode": "off".');
  assert.equal(many.marked, 'mdns');
  assert.equal(warn('{ discovery: {} }', []).marked, 'discovery');
  assert.equal(warn("{ gateway: { mode: 'local' } }", []).marked, 'gateway');
  const bare = warn('  {}', []);
  assert.deepEqual([bare.start, bare.end], [2, 3], 'the opening brace when no key of the path is there');
});

test('mDNS: no warning for a config that is no object, nor for a profile that is not among the advertisers', () => {
  assert.deepEqual(mdnsClashDiagnostics('me', ['default', 'me'], parseConfig('[]').root), []);
  assert.deepEqual(mdnsClashDiagnostics('me', ['default', 'me'], undefined), []);
  assert.deepEqual(mdnsClashDiagnostics('me', ['default', 'a'], parseConfig('{}').root), []);
  assert.deepEqual(mdnsClashDiagnostics('me', ['me'], parseConfig('{}').root), []);
  assert.equal(mdnsClashDiagnostics('me', ['a', 'me'], parseConfig('{}').root).length, 1);
});
