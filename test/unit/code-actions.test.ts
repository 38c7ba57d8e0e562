// Every quick fix, whole: its title (what the light bulb shows), whether it is the preferred one (what Ctrl+. applies
// at once), the edited text, and when no fix is offered at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixFor } from '../../language-server/src/features/code-actions';
import { parseConfig } from '../../language-server/src/parse/tree';
import type { FixData } from '../../language-server/src/validate/diagnostic';
import { applyEdits } from '../support/text';

function fixed(text: string, fix: FixData, freeBase?: (profile: string) => number | undefined) {
  const f = fixFor(parseConfig(text), fix, freeBase);
  return f && { title: f.title, preferred: f.preferred, text: applyEdits(text, f.edits), edits: f.edits.length };
}

test('no fix for a file that does not parse', () => {
  const broken = '{ gateway: { prot: 1, }';
  for (const fix of [{ kind: 'remove-key', path: 'gateway.prot' }, { kind: 'rename-key', path: 'gateway.prot', to: 'port' }, { kind: 'migrate-canvas-host' }, { kind: 'mdns-off' }] as FixData[]) {
    assert.equal(fixFor(parseConfig(broken), fix, () => 1), undefined, fix.kind);
  }
  assert.equal(fixFor(parseConfig(broken), { kind: 'move-base-port', profile: 'p' }, () => 1), undefined);
});

test('remove and rename a key by its dotted path; rename is the preferred fix', () => {
  const text = '{ gateway: { prot: 1, bind: "lan" } }';
  assert.deepEqual(fixed(text, { kind: 'remove-key', path: 'gateway.prot' }), { title: 'Remove "gateway.prot"', preferred: undefined, text: '{ gateway: { bind: "lan" } }', edits: 1 });
  assert.deepEqual(fixed(text, { kind: 'rename-key', path: 'gateway.prot', to: 'port' }), { title: 'Rename to "port"', preferred: true, text: '{ gateway: { port: 1, bind: "lan" } }', edits: 1 });
  assert.equal(fixed(text, { kind: 'remove-key', path: 'gateway.nope' }), undefined, 'a key no longer there');
  assert.equal(fixed(text, { kind: 'rename-key', path: 'prot', to: 'port' }), undefined);
});

test('canvasHost without plugins: the new key takes the old one\'s place, in its quoting, with its enabled flag', () => {
  const title = 'Migrate "canvasHost" to "plugins.entries.canvas.config.host.enabled"';
  assert.deepEqual(fixed('{ a: 1, canvasHost: { enabled: false }, b: 2 }', { kind: 'migrate-canvas-host' }), {
    title, preferred: true, edits: 1,
    text: '{ a: 1, plugins: { entries: { canvas: { config: { host: { enabled: false } } } } }, b: 2 }',
  });
  assert.deepEqual(fixed('{ "canvasHost": {} }', { kind: 'migrate-canvas-host' })?.text, '{ "plugins": { "entries": { "canvas": { "config": { "host": { "enabled": true } } } } } }');
  assert.deepEqual(fixed("{ 'canvasHost': { enabled: 'yes' } }", { kind: 'migrate-canvas-host' })?.text,
    "{ 'plugins': { 'entries': { 'canvas': { 'config': { 'host': { 'enabled': true } } } } } }", 'a flag that is no boolean reads as enabled');
  assert.equal(fixed('{ a: 1 }', { kind: 'migrate-canvas-host' }), undefined);
});

test('canvasHost beside plugins: removed, and the flag set inside plugins; if plugins is no object, only removed', () => {
  const text = "{\n  canvasHost: { enabled: false },\n  plugins: { entries: {} },\n}\n";
  assert.deepEqual(fixed(text, { kind: 'migrate-canvas-host' }), {
    title: 'Migrate "canvasHost" to "plugins.entries.canvas.config.host.enabled"', preferred: true, edits: 2,
    text: "{\n  plugins: { entries: { canvas: { config: { host: { enabled: false } } } } },\n}\n",
  });
  assert.deepEqual(fixed("{\n  canvasHost: {},\n  plugins: 'none',\n}\n", { kind: 'migrate-canvas-host' }), {
    title: 'Remove the retired "canvasHost"', preferred: undefined, edits: 1, text: "{\n  plugins: 'none',\n}\n",
  });
  // plugins before canvasHost: the flag goes in before the removal, and both edits stand.
  assert.deepEqual(fixed('{ plugins: {}, canvasHost: {} }', { kind: 'migrate-canvas-host' })?.text, '{ plugins: { entries: { canvas: { config: { host: { enabled: true } } } } }, }');
});

test('mDNS off writes discovery.mdns.mode, creating what is missing', () => {
  assert.deepEqual(fixed('{ discovery: { mdns: { mode: "full" } } }', { kind: 'mdns-off' }), {
    title: 'Turn mDNS off for this gateway ("discovery.mdns.mode": "off")', preferred: true, edits: 1, text: '{ discovery: { mdns: { mode: "off" } } }',
  });
  assert.equal(fixed('{ gateway: {} }', { kind: 'mdns-off' })?.text, '{ gateway: {}, discovery: { mdns: { mode: "off" } } }');
  assert.equal(fixed('{ discovery: [] }', { kind: 'mdns-off' }), undefined, 'nowhere to write it');
});

test('move to a free base port asks for the profile\'s free base, and offers nothing without one', () => {
  const asked: string[] = [];
  const free = (profile: string) => { asked.push(profile); return 19100; };
  assert.deepEqual(fixed('{ gateway: { port: 18789 } }', { kind: 'move-base-port', profile: 'rescue' }, free), {
    title: 'Move to a free base port (19100)', preferred: true, edits: 1, text: '{ gateway: { port: 19100 } }',
  });
  assert.deepEqual(asked, ['rescue']);
  assert.equal(fixed('{ gateway: { port: 18789 } }', { kind: 'move-base-port', profile: 'rescue' }, () => undefined), undefined);
  assert.equal(fixed('{ gateway: { port: 18789 } }', { kind: 'move-base-port', profile: 'rescue' }), undefined);
  assert.equal(fixed('{ gateway: 1 }', { kind: 'move-base-port', profile: 'rescue' }, free), undefined, 'nowhere to write it');
});
