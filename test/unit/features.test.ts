import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../language-server/src/parse/tree';
import { cursorContext } from '../../language-server/src/parse/cursor';
import { fieldDoc, useFieldDocsLanguage } from '../../language-server/src/features/field-docs';
import { hover } from '../../language-server/src/features/hover';
import { complete } from '../../language-server/src/features/completion';
import { portHintLabel, portInlayHints, VSCODE_INLAY_HINT_MAX } from '../../language-server/src/features/inlay-hints';
import { rulesFor } from '../../language-server/src/host/profile-rules';
import { cdpRangeFor, portMapSummary } from '../../language-server/src/host/ports';
import { bundledSchemaInUse, schemaFromCli } from '../../language-server/src/schema/in-use';
import { offsetOf } from '../support/text';

const schema = bundledSchemaInUse();

test('the cursor context survives text that does not parse', () => {
  const text = "{ gateway: { mode: 'local', po";
  const ctx = cursorContext(text, text.length);
  assert.equal(ctx.expecting, 'key');
  assert.deepEqual(ctx.path, ['gateway']);
  assert.ok(ctx.siblings.has('mode'));
  assert.equal(ctx.wordStart, text.length - 2);
  const v = cursorContext("{ gateway: { bind: '", 20);
  assert.equal(v.expecting, 'value');
  assert.deepEqual(v.path, ['gateway', 'bind']);
});

test('key completion offers the keys of the object, minus those present, with snippets', () => {
  const text = "{ gateway: { mode: 'local',  } }";
  const items = complete(text, offsetOf(text, '  }') + 1, schema);
  const labels = items.map((i) => i.label);
  assert.ok(labels.includes('port') && labels.includes('bind'));
  assert.ok(!labels.includes('mode'));
  const bind = items.find((i) => i.label === 'bind')!;
  assert.match((bind.textEdit as { newText: string }).newText, /^bind: \$\{1\|"auto",/);
});

test('value completion offers enum values', () => {
  const text = "{ gateway: { bind:  } }";
  const items = complete(text, offsetOf(text, 'bind:') + 6, schema);
  assert.deepEqual(items.map((i) => i.label).sort(), ['"auto"', '"custom"', '"lan"', '"loopback"', '"tailnet"']);
});

test('retired keys are never offered', () => {
  const text = '{  }';
  assert.ok(!complete(text, 2, schema).some((i) => i.label === 'canvasHost'));
});

test('hover shows title, description, type and allowed values, never the value', () => {
  const text = "{ gateway: { bind: 'loopback', auth: { token: 'super-secret-token' } } }";
  const h = hover(parseConfig(text), offsetOf(text, 'bind') + 1, schema)!;
  const md = (h.contents as { value: string }).value;
  assert.match(md, /`gateway\.bind`/);
  assert.match(md, /"loopback"/);
  const tokenHover = hover(parseConfig(text), offsetOf(text, 'super-secret') + 2, schema);
  assert.ok(!JSON.stringify(tokenHover).includes('super-secret-token'));
});

test('hover on gateway.port shows the derived port map', () => {
  const text = '{ gateway: { port: 18789 } }';
  const md = (hover(parseConfig(text), offsetOf(text, 'port') + 1, schema)!.contents as { value: string }).value;
  assert.match(md, /Derived ports from base 18789: browser control 18791 · relay 18799 · CDP range 18800-18899/);
});

test('an inlay hint beside gateway.port carries the derived map, at the end of its line', () => {
  const [hint] = portInlayHints(parseConfig('{ gateway: { port: 20000 } }'));
  assert.equal(hint.label, 'control 20002, relay 20010, CDP 20011-20110');
  assert.deepEqual(hint.position, { line: 0, character: 28 });
  // After the comma and the comment, not between the value and what follows it on the line.
  const text = "{\r\n  gateway: {\r\n    port: 18809, // rescue\r\n    mode: 'local', bogus: 1 },\r\n}";
  const [multi] = portInlayHints(parseConfig(text));
  assert.deepEqual(multi.position, { line: 2, character: '    port: 18809, // rescue'.length });
  const oneLine = "{ gateway: { port: 18809, mode: 'local' }, bogus: 1 }";
  assert.deepEqual(portInlayHints(parseConfig(oneLine))[0].position, { line: 0, character: oneLine.length });
});

test('the hint shows the ports that really apply: dev\'s 19001 over its gateway.port, an older release\'s layout', () => {
  const [dev] = portInlayHints(parseConfig('{ gateway: { port: 25000 } }'), { applies: 19001 });
  assert.equal(dev.label, 'control 19003, relay 19011, CDP 19012-19111');
  assert.match(String(dev.tooltip), /base port 19001: browser control 19003/);
  assert.equal(portHintLabel(18789, rulesFor('2026.6.35')), 'control 18791, CDP 18800-18899');
});

test('the inlay hint fits in what VS Code shows of a hint for every base, and ends with the CDP range', () => {
  assert.equal(VSCODE_INLAY_HINT_MAX, 43);
  for (let base = 1; base <= 65535; base++) {
    const label = portHintLabel(base);
    const [from, to] = cdpRangeFor(base);
    assert.ok(label.length <= VSCODE_INLAY_HINT_MAX, `${base}: "${label}" is ${label.length} characters`);
    assert.ok(label.endsWith(`CDP ${from}-${to}`), label);
    assert.ok(portMapSummary(base).endsWith(`CDP range ${from}-${to}`), 'the hover writes the same range');
  }
});

test('with a CLI-style schema (enums as anyOf of consts), key snippets still offer the values', () => {
  const cli = schemaFromCli({
    type: 'object', additionalProperties: false,
    properties: { gateway: { type: 'object', additionalProperties: false, properties: { bind: { anyOf: [{ type: 'string', const: 'auto' }, { type: 'string', const: 'loopback' }] } } } },
  }, 'test');
  const text = '{ gateway: {  } }';
  const bind = complete(text, text.indexOf('  }') + 1, cli).find((i) => i.label === 'bind')!;
  assert.equal((bind.textEdit as { newText: string }).newText, 'bind: ${1|"auto","loopback"|}');
});

test('the inlay hint, whole, for the lowest base; none for a gateway.port that is no base', () => {
  assert.deepEqual(portInlayHints(parseConfig('{ gateway: { port: 1 } }')), [{
    position: { line: 0, character: 24 },
    label: 'control 3, relay 11, CDP 12-111',
    kind: 2, // a parameter hint, drawn apart from the code
    paddingLeft: true,
    tooltip: 'Ports OpenClaw derives from the base port 1: browser control 3 · relay 11 · CDP range 12-111.',
  }]);
  assert.equal(portInlayHints(parseConfig('{ gateway: { port: 65535 } }')).length, 1);
  for (const port of ['0', '65536', '-1', '1.5', '"18789"', 'null', '[]']) {
    assert.deepEqual(portInlayHints(parseConfig(`{ gateway: { port: ${port} } }`)), [], port);
  }
  assert.deepEqual(portInlayHints(parseConfig('{ gateway: {} }')), []);
  assert.deepEqual(portInlayHints(parseConfig('{ gateway: { port: 1 ')), [], 'a file that does not parse');
  // A lone \r ends a line too.
  assert.deepEqual(portInlayHints(parseConfig('{ gateway: { port: 20000, // x\r} }'))[0].position, { line: 0, character: '{ gateway: { port: 20000, // x'.length });
});

test('the inlay hint goes at the end of a line ended by \\n, after a comment', () => {
  const text = '{\n  gateway: { port: 20000, // x\n  },\n}';
  assert.deepEqual(portInlayHints(parseConfig(text))[0].position, { line: 1, character: '  gateway: { port: 20000, // x'.length });
});

test('field words follow the display language by its first subtag, and fall back to English', () => {
  const title = () => fieldDoc(['gateway', 'port'])?.title;
  try {
    useFieldDocsLanguage('it-IT');
    const italian = title();
    assert.notEqual(italian, 'Gateway Port');
    useFieldDocsLanguage('IT_ch');
    assert.equal(title(), italian);
    useFieldDocsLanguage('de');
    assert.equal(title(), 'Gateway Port');
    useFieldDocsLanguage('it');
    assert.equal(title(), italian);
    useFieldDocsLanguage(undefined);
    assert.equal(title(), 'Gateway Port');
  } finally {
    useFieldDocsLanguage(undefined);
  }
});
