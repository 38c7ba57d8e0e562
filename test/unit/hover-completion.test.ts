// Hover and completion, word for word, on a small schema of our own: which prose wins (the CLI's or ours), every
// fact line, the cut-off of long enum lists, escaping, ranges, retired keys, the snippet for each value shape.
// The mutation run found both files asserted only by patterns; these pin the whole output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../language-server/src/features/hover';
import { complete } from '../../language-server/src/features/completion';
import { parseConfig } from '../../language-server/src/parse/tree';
import { schemaFromJson } from '../../language-server/src/schema/in-use';
import type { JsonSchema } from '../../language-server/src/schema/json-schema';
import { offsetOf } from '../support/text';

const JSON_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    gateway: {
      type: 'object',
      title: 'CLI *gateway* title',
      description: 'CLI gateway prose.',
      properties: {
        bind: { type: 'string', enum: ['loopback', 'lan'], default: 'loopback' },
        port: { type: 'integer', default: 18789 },
        mode: { anyOf: [{ const: 'local' }, { const: 'remote' }] },
        tls: { type: 'object', properties: { enabled: { type: 'boolean' } } },
        tags: { type: 'array', items: { type: 'string' } },
        label: { type: 'string' },
      },
      required: ['mode'],
    },
    many: { type: 'string', enum: Array.from({ length: 31 }, (_, i) => `v${i}`) },
    canvasHost: { type: 'object' },
    flag: { type: 'boolean' },
    'odd$key': { type: 'number' },
    'odd-key': { type: 'number' },
  },
};
const cli = schemaFromJson(JSON_SCHEMA, 'cli', '2026.9.6');
const bundled = schemaFromJson(JSON_SCHEMA, 'bundled', '2026.9.6');

const hoverAt = (text: string, at: string, schema = bundled, delta = 1, base?: number) => {
  const h = hover(parseConfig(text), offsetOf(text, at) + delta, schema, base);
  return h && { value: (h.contents as { value: string }).value, range: h.range };
};

test('hover, bundled schema: our title and words, type, allowed values, default, the schema line; the key\'s range', () => {
  const text = "{ gateway: { bind: 'lan' } }";
  const h = hoverAt(text, 'bind')!;
  assert.equal(h.value, [
    '**Gateway Bind Mode** `gateway.bind`',
    'Interfaces the Gateway listens on: "loopback" 127.0.0.1 only; "lan" 0.0.0.0; "auto" loopback if available, else all interfaces; "tailnet" the Tailscale IPv4 plus loopback; "custom" the IPv4 in customBindHost. Defaults to loopback (auto inside containers); anything non-loopback needs auth.',
    'Type: `string`  \nAllowed: `"loopback"`, `"lan"`  \nDefault: `"loopback"`',
    '_Schema: bundled (OpenClaw 2026.9.6)_',
  ].join('\n\n'));
  assert.deepEqual(h.range, { start: { line: 0, character: 13 }, end: { line: 0, character: 17 } });
});

test('hover, CLI schema: OpenClaw\'s own title and prose, escaped for markdown; the value\'s range on a value', () => {
  const text = '{ gateway: {} }';
  const h = hoverAt(text, 'gateway', cli)!;
  assert.equal(h.value, ['**CLI \\*gateway\\* title** `gateway`', 'CLI gateway prose.', 'Type: `object`', '_Schema: OpenClaw CLI 2026.9.6_'].join('\n\n'));
  const onValue = hoverAt(text, '{}', cli, 0)!;
  assert.deepEqual(onValue.range, { start: { line: 0, character: 11 }, end: { line: 0, character: 13 } });
});

test('hover lists at most 30 allowed values, then an ellipsis', () => {
  const h = hoverAt("{ many: 'v3' }", 'many')!;
  const allowed = h.value.split('\n').find((l) => l.startsWith('Allowed: '))!;
  assert.equal(allowed, `Allowed: ${Array.from({ length: 30 }, (_, i) => `\`"v${i}"\``).join(', ')}, …`);
});

test('hover on enums spelled as anyOf of consts, and on a key the schema does not know, in either mode', () => {
  assert.match(hoverAt("{ gateway: { mode: 'local' } }", 'mode')!.value, /\nAllowed: `"local"`, `"remote"`\n/);
  assert.equal(hoverAt('{ nope: 1 }', 'nope')!.value, ['`nope`', 'Not in the bundled schema.', '_Schema: bundled (OpenClaw 2026.9.6)_'].join('\n\n'));
  assert.equal(hoverAt('{ nope: 1 }', 'nope', cli)!.value, ['`nope`', 'Not in the schema of OpenClaw 2026.9.6.', '_Schema: OpenClaw CLI 2026.9.6_'].join('\n\n'));
});

test('hover on gateway.port derives the ports from the written base, or from the base that really applies', () => {
  const text = '{ gateway: { port: 20000 } }';
  assert.match(hoverAt(text, 'port')!.value, /\n\nDerived ports from base 20000: browser control 20002 · relay 20010 · CDP range 20011-20110\n\n/);
  assert.match(hoverAt(text, 'port', bundled, 1, 19001)!.value, /Derived ports from base 19001: browser control 19003/);
  assert.doesNotMatch(hoverAt("{ gateway: { port: 'x' } }", 'port')!.value, /Derived ports/);
  assert.doesNotMatch(hoverAt('{ gateway: { bind: 1 } }', 'bind')!.value, /Derived ports/);
});

test('hover on a retired key says so and nothing else; on the root value and outside the text, nothing', () => {
  const h = hoverAt('{ canvasHost: {} }', 'canvasHost')!;
  assert.match(h.value, /^\*\*canvasHost\*\* — retired\n\n"canvasHost" was retired in OpenClaw 2026\.8\.1: /);
  assert.doesNotMatch(h.value, /Type:|Schema:/);
  assert.equal(hover(parseConfig('{ gateway: {} }'), 0, bundled), null);
  assert.equal(hover(parseConfig('{}'), 50, bundled), null);
});

/** Completion at the `|` of the text, which is taken out. */
const completeAt = (text: string, schema = bundled) => complete(text.replace('|', ''), text.indexOf('|'), schema);

test('key completion: every key not yet written, required first, with the snippet for its value\'s shape', () => {
  const items = completeAt("{ gateway: { bind: 'lan', | } }");
  const byLabel = new Map(items.map((i) => [i.label, i]));
  assert.deepEqual([...byLabel.keys()].sort(), ['label', 'mode', 'port', 'tags', 'tls']);
  const text = (l: string) => (byLabel.get(l)!.textEdit as { newText: string }).newText;
  assert.equal(text('mode'), 'mode: ${1|"local","remote"|}');
  assert.equal(text('tls'), 'tls: {\n\t$0\n}');
  assert.equal(text('tags'), 'tags: [$0]');
  assert.equal(text('label'), 'label: "$0"');
  assert.equal(text('port'), 'port: ${1:18789}');
  assert.equal(byLabel.get('mode')!.sortText, '0mode');
  assert.equal(byLabel.get('port')!.sortText, '1port');
  assert.equal(byLabel.get('port')!.detail, 'integer');
  assert.equal(byLabel.get('mode')!.detail, undefined);
});

test('key completion at the top level: booleans get a choice, odd keys are quoted and escaped, retired keys are never offered', () => {
  const items = completeAt('{ | }');
  const labels = items.map((i) => i.label);
  assert.ok(!labels.includes('canvasHost'));
  const flag = items.find((i) => i.label === 'flag')!;
  assert.equal((flag.textEdit as { newText: string }).newText, 'flag: ${1|true,false|}');
  // A JSON5 identifier stays bare with the snippet's "$" escaped; any other key is quoted.
  assert.equal((items.find((i) => i.label === 'odd$key')!.textEdit as { newText: string }).newText, 'odd\\$key: $0');
  assert.equal((items.find((i) => i.label === 'odd-key')!.textEdit as { newText: string }).newText, '"odd-key": $0');
});

test('key completion inside quotes keeps the quote and replaces up to the closing one', () => {
  const text = '{ gateway: { "po|" } }';
  const [port] = completeAt(text).filter((i) => i.label === 'port');
  assert.equal(port.filterText, '"port');
  assert.deepEqual(port.textEdit, { range: { start: { line: 0, character: 13 }, end: { line: 0, character: 17 } }, newText: '"port": ${1:18789}' });
});

test('key completion documentation: OpenClaw\'s prose with the CLI schema, ours with the bundled one', () => {
  const doc = (schema: typeof cli) => completeAt('{ | }', schema).find((i) => i.label === 'gateway')!.documentation as { value: string } | undefined;
  assert.equal(doc(cli)!.value, 'CLI gateway prose.');
  assert.notEqual(doc(bundled)?.value, 'CLI gateway prose.');
});

test('value completion: enum values in order, booleans, a quoted value replaced whole, nothing elsewhere', () => {
  const items = completeAt('{ gateway: { bind: | } }');
  assert.deepEqual(items.map((i) => [i.label, i.sortText, (i.textEdit as { newText: string }).newText]), [['"loopback"', '0000', '"loopback"'], ['"lan"', '0001', '"lan"']]);
  assert.deepEqual(completeAt('{ flag: | }').map((i) => i.label), ['true', 'false']);
  const [first] = completeAt("{ gateway: { bind: 'lo|' } }");
  assert.deepEqual(first.textEdit!, { range: { start: { line: 0, character: 19 }, end: { line: 0, character: 23 } }, newText: '"loopback"' });
  assert.deepEqual(completeAt('{ gateway: { label: | } }'), []);
  assert.deepEqual(completeAt('// |\n{}'), []);
});

const ODD = schemaFromJson({
  type: 'object',
  properties: {
    'a}b\\c': { type: 'boolean' },
    choice: { type: 'string', enum: ['x,y', 'p|q', 'b\\s'] },
    either: { type: ['boolean', 'string'], enum: ['on'] },
    count: { type: 'number', default: 'many' },
    plain: { type: 'integer' },
    nested: { type: 'object', properties: { canvasHost: { type: 'boolean' } } },
  },
}, 'bundled', '1');

test('snippets escape what a snippet reads as syntax: "$", "}" and "\\" in keys, ",", "|" and "\\" in choices', () => {
  const byLabel = new Map(completeAt('{ | }', ODD).map((i) => [i.label, (i.textEdit as { newText: string }).newText]));
  assert.equal(byLabel.get('a}b\\c'), '"a\\}b\\\\\\\\c": ${1|true,false|}');
  assert.equal(byLabel.get('choice'), 'choice: ${1|"x\\,y","p\\|q","b\\\\\\\\s"|}');
  assert.equal(byLabel.get('count'), 'count: $0', 'a default that is no number is not offered');
  assert.equal(byLabel.get('plain'), 'plain: $0');
  assert.equal(byLabel.get('nested'), 'nested: {\n\t$0\n}');
  // Only the top-level canvasHost is retired: the same name elsewhere is offered.
  assert.ok(completeAt('{ nested: { | } }', ODD).some((i) => i.label === 'canvasHost'));
});

test('value completion: an enum wins over the boolean choice; a quote not closed on its line is replaced up to the cursor', () => {
  assert.deepEqual(completeAt('{ either: | }', ODD).map((i) => i.label), ['"on"']);
  const [open] = completeAt('{ either: "o|\n}', ODD);
  assert.deepEqual(open.textEdit!, { range: { start: { line: 0, character: 10 }, end: { line: 0, character: 12 } }, newText: '"on"' });
  const [later] = completeAt('{ either: "o|\n "x" }', ODD);
  assert.deepEqual((later.textEdit as { range: unknown }).range, { start: { line: 0, character: 10 }, end: { line: 0, character: 12 } }, 'a quote on a later line is not this one\'s end');
  const [closed] = completeAt("{ either: 'o|' }", ODD);
  assert.deepEqual((closed.textEdit as { range: unknown }).range, { start: { line: 0, character: 10 }, end: { line: 0, character: 13 } });
  const [closedThenMore] = completeAt("{ either: 'o|',\n  flag: true }", ODD);
  assert.deepEqual((closedThenMore.textEdit as { range: unknown }).range, { start: { line: 0, character: 10 }, end: { line: 0, character: 13 } }, 'closed on its line, more lines after');
  const keys = completeAt('{ "pl|\n}', ODD).find((i) => i.label === 'plain')!;
  assert.deepEqual(keys.textEdit, { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 5 } }, newText: '"plain": $0' });
  assert.equal(keys.filterText, '"plain');
  assert.equal(completeAt("{ 'pl|' }", ODD).find((i) => i.label === 'plain')!.filterText, "'plain");
  assert.equal(completeAt('{ pl| }', ODD).find((i) => i.label === 'plain')!.filterText, 'plain');
});

test('completion items carry their kind, and the type as detail', () => {
  const plain = completeAt('{ | }', ODD).find((i) => i.label === 'plain')!;
  assert.deepEqual([plain.kind, plain.insertTextFormat, plain.detail, plain.documentation], [10, 2, 'integer', undefined]);
  const [value] = completeAt('{ either: | }', ODD);
  assert.equal(value.kind, 20);
  assert.equal(value.sortText, '0000');
});

test('a key retired below the top level is not offered either, even by a schema that still has it', () => {
  const older = schemaFromJson({ type: 'object', properties: { browser: { type: 'object', properties: { controlPort: { type: 'integer' }, headless: { type: 'boolean' } } } } }, 'cli', '2026.1.1');
  assert.deepEqual(completeAt('{ browser: { | } }', older).map((i) => i.label), ['headless']);
});

test('key completion documentation with the bundled schema: our words for the field', () => {
  const doc = completeAt('{ | }', bundled).find((i) => i.label === 'gateway')!.documentation;
  assert.deepEqual(doc, { kind: 'markdown', value: 'The Gateway server: port, bind address, auth, Control UI, remote mode, TLS, HTTP API and node policies.' });
});

test('a value that is an object or a boolean: the boolean choice after its colon, nothing inside a comment in it', () => {
  const toggles = schemaFromJson({ type: 'object', properties: { toggle: { type: ['object', 'boolean'] } } }, 'bundled', '1');
  assert.deepEqual(completeAt('{ toggle: | }', toggles).map((i) => i.label), ['true', 'false']);
  assert.deepEqual(completeAt('{ toggle: { /* | */ } }', toggles), []);
  assert.equal(completeAt('{ | }', toggles)[0].detail, 'object | boolean');
});

test('hover with the bundled schema shows our title even where the schema has one; a union type; exactly 30 values', () => {
  const h = hoverAt('{ gateway: {} }', 'gateway')!;
  assert.equal(h.value.split('\n\n')[0], '**Gateway** `gateway`');
  assert.equal(h.value.split('\n\n')[1], 'The Gateway server: port, bind address, auth, Control UI, remote mode, TLS, HTTP API and node policies.');
  const odd = schemaFromJson({ type: 'object', properties: { v: { type: ['boolean', 'string'], enum: Array.from({ length: 30 }, (_, i) => `v${i}`) } } }, 'bundled', '1');
  const v = hover(parseConfig('{ v: 1 }'), 3, odd)!;
  const lines = (v.contents as { value: string }).value.split('\n');
  assert.equal(lines.find((l) => l.startsWith('Type: ')), 'Type: `boolean | string`  ');
  assert.equal(lines.find((l) => l.startsWith('Allowed: ')), `Allowed: ${Array.from({ length: 30 }, (_, i) => `\`"v${i}"\``).join(', ')}`);
});
