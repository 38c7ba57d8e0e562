// The words of the Profiles view, the status bar and the language status item: counts, paths from ~, port lists,
// and what the schema in use means for the user.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conflictsText, homeRelative, otherSpans, portsDescription, profilesText } from '../../src/profiles/words';
import { schemaStatusWords } from '../../src/language-status-words';
import { loadHost, toProtocolModel } from '../../language-server/src/host/model';
import { bundledSchemaInUse, unjudgedNote } from '../../language-server/src/schema/in-use';
import { FIXTURE_HOME } from '../support/paths';

test('counts are pluralised', () => {
  assert.equal(conflictsText(0), '0 conflicts');
  assert.equal(conflictsText(1), '1 conflict');
  assert.equal(conflictsText(2), '2 conflicts');
  assert.equal(profilesText(1), '1 profile');
  assert.equal(profilesText(3), '3 profiles');
});

test('paths under the OpenClaw home are written from ~, others stay whole', () => {
  assert.equal(homeRelative('/home/al/.openclaw-rescue/openclaw.json', '/home/al'), '~/.openclaw-rescue/openclaw.json');
  assert.equal(homeRelative('/home/al/.openclaw', '/home/al/'), '~/.openclaw');
  assert.equal(homeRelative('/home/al', '/home/al'), '~');
  assert.equal(homeRelative('/home/alice/.openclaw', '/home/al'), '/home/alice/.openclaw');
  assert.equal(homeRelative('/srv/oc/openclaw.json', '/home/al'), '/srv/oc/openclaw.json');
  assert.equal(homeRelative('C:\\Users\\al\\.openclaw', 'C:\\Users\\al'), '~\\.openclaw');
  assert.equal(homeRelative('/x', undefined), '/x');
});

test('the Ports row: the base, then every other span, a far cdpPort as a place of its own', async () => {
  const model = toProtocolModel(await loadHost({ home: FIXTURE_HOME, env: {}, declared: [], schema: bundledSchemaInUse() }), { source: 'bundled' });
  const p = (name: string) => model.profiles.find((x) => x.name === name)!;
  assert.equal(portsDescription(p('rescue')), 'base 18809 · 18811, 18819, 18820-18919');
  assert.equal(portsDescription(p('stage')), 'base 45000 · 45002, 45010, 45011-45110, 40050');
  assert.equal(portsDescription({ basePort: 7, ports: [{ from: 7, to: 7, role: 'gateway', label: 'gateway' }] }), 'base 7');

  const clash = model.conflicts.find((c) => c.kind === 'port' && c.profiles.includes('rescue'))!;
  assert.equal(otherSpans(clash, 'rescue'), 'CDP range 18800-18899, CDP port (work) 18850');
  assert.equal(otherSpans(clash, 'default'), 'gateway 18809, browser control 18811, relay 18819, CDP range 18820-18919');
});

test('the language status says which OpenClaw checks and what that means, short enough for its one line', () => {
  // A rule written with a keyword the checker does not judge (format) is said to be left to the CLI.
  const note = unjudgedNote({ type: 'object', properties: { a: { not: { format: 'email' } }, b: { if: { required: ['x'] }, then: { required: ['y'] } } } })!;
  const cases: [Parameters<typeof schemaStatusWords>[0], boolean, string, string][] = [
    [{ source: 'cli', version: '2026.9.6', note }, true, 'OpenClaw 2026.9.6', "your CLI's, save a few plugin rules"],
    [{ source: 'cli', version: '2026.9.6' }, true, 'OpenClaw 2026.9.6', "your CLI's schema"],
    [{ source: 'bundled', version: '2026.9.6' }, false, 'OpenClaw 2026.9.6', 'bundled; restricted window'],
    [{ source: 'bundled', version: '2026.9.6' }, true, 'OpenClaw 2026.9.6', 'bundled, until your CLI answers'],
    [{ source: 'bundled', version: '2026.9.6', note: 'OpenClaw CLI not found at "openclaw"' }, true, 'OpenClaw 2026.9.6', 'bundled; no OpenClaw CLI found'],
    [{ source: 'bundled', version: '2026.9.6', note: '"openclaw config schema" exited with 1' }, true, 'OpenClaw 2026.9.6', "bundled; your CLI's schema failed"],
    [{ source: 'bundled' }, true, 'OpenClaw', 'bundled, until your CLI answers'],
  ];
  for (const [schema, trusted, text, detail] of cases) {
    const w = schemaStatusWords(schema, trusted);
    assert.deepEqual(w, { text, detail }, JSON.stringify(schema));
    // VS Code puts text and detail on one unbroken line next to the status bar's right end.
    assert.ok(`${w.text} – ${w.detail}`.length <= 56, `${w.text} – ${w.detail}`);
    assert.doesNotMatch(`${w.text} ${w.detail}`, /constraint|not\/if|conditional/i);
  }
  assert.doesNotMatch(note, /conditional constraints/);
  assert.match(note, /^1 of the rules .*openclaw config validate/);
  assert.equal(unjudgedNote(bundledSchemaInUse().json), undefined);
});
