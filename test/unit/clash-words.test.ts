// How a port clash is worded: this profile's spans inside the other's ranges, every span whole, and each diagnostic
// worded for the key it sits on (gateway.port, a cdpPort, or no key for a base from the profile name).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { clashWords, clauses, listWords } from '../../language-server/src/host/clash-words';
import { isolationDiagnostics } from '../../language-server/src/host/isolation';
import { assembleHost, loadHost, toProtocolModel } from '../../language-server/src/host/model';
import { discoverProfiles } from '../../language-server/src/host/discovery';
import { hashedBasePort } from '../../language-server/src/host/profile-rules';
import { samePathKey } from '../../language-server/src/host/paths';
import { parseConfig } from '../../language-server/src/parse/tree';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';
import { FIXTURE_HOME } from '../support/paths';

const schema = bundledSchemaInUse();
const span = (label: string, from: number, to = from) => ({ label, from, to });

const gw = span('gateway', 18809), ctl = span('browser control', 18811), relay = span('relay', 18819), rcdp = span('CDP range', 18820, 18919);
const dcdp = span('CDP range', 18800, 18899), work = span('CDP port (work)', 18850);

test('the spans of one side that meet one span of the other go in one clause, in port order', () => {
  const pairs: [typeof gw, typeof gw][] = [[relay, dcdp], [gw, dcdp], [rcdp, dcdp], [ctl, dcdp], [rcdp, work]];
  assert.equal(clashWords(pairs, { other: 'default' }),
    "gateway 18809, browser control 18811, relay 18819 and CDP range 18820-18919 overlap default's CDP range 18800-18899; "
    + "CDP range 18820-18919 covers default's CDP port (work) 18850");
  assert.equal(clauses(pairs).length, 2);
});

test('told from the other side, one clause per own span when that takes fewer', () => {
  const pairs: [typeof gw, typeof gw][] = [[dcdp, gw], [dcdp, ctl], [dcdp, relay], [dcdp, rcdp], [work, rcdp]];
  assert.equal(clashWords(pairs, { other: 'rescue', mineOwner: 'default' }),
    "default's CDP range 18800-18899 overlaps rescue's gateway 18809, browser control 18811, relay 18819 and CDP range 18820-18919; "
    + "default's CDP port (work) 18850 lies inside rescue's CDP range 18820-18919");
});

test('the verb says how the spans meet', () => {
  assert.equal(clashWords([[span('gateway', 5), span('CDP range', 1, 9)]], { other: 'x' }), "gateway 5 lies inside x's CDP range 1-9");
  assert.equal(clashWords([[span('gateway', 5), span('CDP range', 1, 9)], [span('relay', 6), span('CDP range', 1, 9)]], { other: 'x' }), "gateway 5 and relay 6 lie inside x's CDP range 1-9");
  assert.equal(clashWords([[span('CDP range', 1, 9), span('gateway', 5)]], { other: 'x' }), "CDP range 1-9 covers x's gateway 5");
  assert.equal(clashWords([[span('CDP range', 1, 9), span('CDP range', 1, 9)]], { other: 'x' }), "CDP range 1-9 is also x's CDP range 1-9");
  assert.equal(clashWords([[span('CDP range', 1, 9), span('CDP range', 5, 20)]], { other: 'x' }), "CDP range 1-9 overlaps x's CDP range 5-20");
  assert.equal(clashWords([[span('CDP port (w)', 7), span('gateway', 7)]], { other: 'x', nameMine: (s) => `this CDP port ${s.from}` }), "this CDP port 7 is also x's gateway 7");
});

test('spans that start at one port are listed shorter first, and clauses go in port order, whatever order the pairs come in', () => {
  const range = span('CDP range', 18800, 18899), port = span('CDP port (w)', 18800), theirs = span('CDP range', 18750, 18850);
  const words = "CDP port (w) 18800 and CDP range 18800-18899 overlap x's CDP range 18750-18850";
  assert.equal(clashWords([[range, theirs], [port, theirs]], { other: 'x' }), words);
  assert.equal(clashWords([[port, theirs], [range, theirs]], { other: 'x' }), words);
  const high: [typeof gw, typeof gw] = [span('CDP port (w)', 40), span('gateway', 40)], low: [typeof gw, typeof gw] = [span('gateway', 5), span('CDP range', 1, 9)];
  const both = "gateway 5 lies inside x's CDP range 1-9; CDP port (w) 40 is also x's gateway 40";
  assert.equal(clashWords([high, low], { other: 'x' }), both);
  assert.equal(clashWords([low, high], { other: 'x' }), both);
});

test('a span that shares one end with a range but not the other lies inside it, or covers it the other way round', () => {
  const range = span('CDP range', 1, 9);
  assert.equal(clashWords([[span('CDP port (w)', 1), range]], { other: 'x' }), "CDP port (w) 1 lies inside x's CDP range 1-9");
  assert.equal(clashWords([[span('CDP port (w)', 9), range]], { other: 'x' }), "CDP port (w) 9 lies inside x's CDP range 1-9");
  assert.equal(clashWords([[range, span('CDP port (v)', 1)]], { other: 'x' }), "CDP range 1-9 covers x's CDP port (v) 1");
});

test('"is also" only for one span against one equal span: with more on either side the clause says lie inside or covers', () => {
  const mine = span('CDP range', 1, 9), theirs = span('CDP range', 1, 9);
  // Same base on both profiles, and one of them also points a browser profile into that range.
  assert.equal(clashWords([[mine, theirs], [span('CDP port (w)', 5), theirs]], { other: 'x' }), "CDP range 1-9 and CDP port (w) 5 lie inside x's CDP range 1-9");
  assert.equal(clashWords([[mine, theirs], [mine, span('CDP port (v)', 5)]], { other: 'x' }), "CDP range 1-9 covers x's CDP range 1-9 and CDP port (v) 5");
});

test('lists read as a person writes them', () => {
  assert.equal(listWords([]), '');
  assert.equal(listWords(['a']), 'a');
  assert.equal(listWords(['a', 'b']), 'a and b');
  assert.equal(listWords(['a', 'b', 'c']), 'a, b and c');
});

test('on the fixture home: each diagnostic is worded for its key, the conflict for both sides', async () => {
  const host = await loadHost({ home: FIXTURE_HOME, env: {}, declared: [], schema });
  const messages = async (dir: string) => {
    const file = path.join(FIXTURE_HOME, dir, 'openclaw.json');
    return isolationDiagnostics(host, file, parseConfig(await fs.readFile(file, 'utf8'))).filter((d) => d.code === 'port-conflict').map((d) => `${d.path}: ${d.message}`);
  };
  assert.deepEqual(await messages('.openclaw-rescue'), [
    'gateway.port: Port clash with profile "default": gateway 18809, browser control 18811, relay 18819 and CDP range 18820-18919 overlap '
    + "default's CDP range 18800-18899; CDP range 18820-18919 covers default's CDP port (work) 18850.",
  ]);
  assert.deepEqual(await messages('.openclaw'), [
    'gateway.port: Port clash with profile "rescue": CDP range 18800-18899 overlaps rescue\'s gateway 18809, browser control 18811, relay 18819 and CDP range 18820-18919.',
    'browser.profiles.work.cdpPort: Port clash with profile "rescue": this CDP port 18850 lies inside rescue\'s CDP range 18820-18919.',
  ]);
  assert.deepEqual(await messages('.openclaw-stage'), [
    'browser.profiles.shared.cdpPort: Port clash with profile "qa": this CDP port 40050 lies inside qa\'s CDP range 40011-40110.',
  ]);
  assert.deepEqual(await messages('.openclaw-qa'), [
    'gateway.port: Port clash with profile "stage": CDP range 40011-40110 covers stage\'s CDP port (shared) 40050.',
  ]);
  const shared = host.conflicts.find((c) => c.kind === 'workspace')!;
  assert.equal(shared.message, 'Profiles "default" and "lab" share the workspace ~/.openclaw/workspace: two gateways writing one workspace race each other.');
  assert.deepEqual(shared.detail, ['shares the workspace ~/.openclaw/workspace with lab', 'shares the workspace ~/.openclaw/workspace with default']);
  const clash = host.conflicts.find((c) => c.kind === 'port' && c.profiles.includes('stage'))!;
  assert.equal(clash.message, 'Port clash between "stage" and "qa": stage\'s CDP port (shared) 40050 lies inside qa\'s CDP range 40011-40110.');
  assert.deepEqual(clash.detail, ["CDP range 40011-40110 covers stage's CDP port (shared) 40050", "CDP port (shared) 40050 lies inside qa's CDP range 40011-40110"]);
});

test('the model carries the clashing spans whole, with the keys and ranges to go to', async () => {
  const host = await loadHost({ home: FIXTURE_HOME, env: {}, declared: [], schema });
  const model = toProtocolModel(host, { source: 'bundled' });
  const c = model.conflicts.find((x) => x.kind === 'port' && x.profiles.join() === 'default,rescue')!;
  assert.deepEqual(c.overlaps.map(([a, b]) => `${a.label} ${a.from}-${a.to} / ${b.label} ${b.from}-${b.to}`), [
    'CDP range 18800-18899 / gateway 18809-18809', 'CDP range 18800-18899 / browser control 18811-18811', 'CDP range 18800-18899 / relay 18819-18819',
    'CDP range 18800-18899 / CDP range 18820-18919', 'CDP port (work) 18850-18850 / CDP range 18820-18919',
  ]);
  const [work, rescueCdp] = c.overlaps[4];
  assert.equal(work.key, 'browser.profiles.work.cdpPort');
  assert.deepEqual(work.range, { start: { line: 10, character: 14 }, end: { line: 10, character: 21 } });
  assert.equal(rescueCdp.key, 'gateway.port');
  assert.deepEqual(rescueCdp.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 8 } });
  // The first span of a profile, its gateway port, goes to its key as well.
  const rescueGateway = c.overlaps[0][1];
  assert.equal(rescueGateway.key, 'gateway.port');
  assert.deepEqual(rescueGateway.range, rescueCdp.range);
  const ops = model.profiles.find((p) => p.name === 'ops')!;
  assert.ok(ops.ports.every((s) => s.key === undefined && s.range === undefined), 'a hashed base has no key to go to');
  for (const other of model.conflicts.filter((x) => x.kind !== 'port')) assert.deepEqual(other.overlaps, []);
});

test('a base from the profile name: the diagnostic sits on "gateway" and says where the base comes from', async () => {
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'oc-words-'));
  try {
    for (const dir of ['.openclaw', '.openclaw-other']) {
      await fs.mkdir(path.join(home, dir));
      await fs.writeFile(path.join(home, dir, 'openclaw.json'), "{ gateway: { mode: 'local' } }");
    }
    const sources = await discoverProfiles(home, {}, []);
    const hashed = hashedBasePort('other');
    const texts = new Map<string, string | undefined>();
    const otherText = "{ gateway: { mode: 'local' } }";
    for (const s of sources) texts.set(samePathKey(s.configPath), s.name === 'default' ? `{ gateway: { mode: 'local', port: ${hashed + 10} } }` : otherText);
    const host = assembleHost(home, sources, texts, {}, schema);
    const other = sources.find((s) => s.name === 'other')!;
    const [d] = isolationDiagnostics(host, other.configPath, parseConfig(otherText));
    assert.equal(otherText.slice(d.start, d.end), 'gateway');
    // other: 51541, 51543, 51551, 51552-51651; default (10 above): 51551, 51553, 51561, 51562-51661.
    assert.equal(d.message, `Port clash with profile "default": relay ${hashed + 10} is also default's gateway ${hashed + 10}; `
      + `CDP range ${hashed + 11}-${hashed + 110} overlaps default's browser control ${hashed + 12}, relay ${hashed + 20} and CDP range ${hashed + 21}-${hashed + 120}. `
      + `The base port ${hashed} is from the profile name; set gateway.port to move it.`);
  } finally {
    await fs.rm(home, { recursive: true, force: true });
  }
});
