// The pure wording functions with the Italian bundle loaded, as the server and the client load it for an Italian
// display language: whole sentences come out in Italian, the inlay hint still fits what VS Code shows of it, and
// config keys, codes and numbers stay as they are. (Each test file runs in its own process, so the bundle loaded
// here does not leak into the English tests.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { bundleFromEnv, useBundle } from '../../language-server/src/l10n';
import { parseConfig } from '../../language-server/src/parse/tree';
import { checkText } from '../../language-server/src/validate/check';
import { hover } from '../../language-server/src/features/hover';
import { fixFor } from '../../language-server/src/features/code-actions';
import { portHintLabel, VSCODE_INLAY_HINT_MAX } from '../../language-server/src/features/inlay-hints';
import { clashWords } from '../../language-server/src/host/clash-words';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';
import { fieldDoc, useFieldDocsLanguage } from '../../language-server/src/features/field-docs';
import { conflictsText, portsDescription, profilesText } from '../../src/profiles/words';
import { schemaStatusWords } from '../../src/language-status-words';
import { summarizeGatewayStatus } from '../../language-server/src/openclaw-cli/gateway-status';
import { REPO } from '../support/paths';
import { offsetOf } from '../support/text';

const bundle = bundleFromEnv({ LANG: 'it_IT.UTF-8' }, path.join(REPO, 'l10n'));
assert.ok(bundle, 'the Italian bundle loads');
useBundle(bundle);
const schema = bundledSchemaInUse();

test('counts in Italian, one whole phrase for 1 and one for the rest', () => {
  assert.equal(conflictsText(1), '1 conflitto');
  assert.equal(conflictsText(4), '4 conflitti');
  assert.equal(profilesText(1), '1 profilo');
  assert.equal(profilesText(6), '6 profili');
  assert.equal(portsDescription({ basePort: 18789, ports: [{ from: 18789, to: 18789, role: 'gateway', label: 'gateway' }, { from: 18791, to: 18791, role: 'browser-control', label: 'controllo del browser' }] }), 'base 18789 · 18791');
});

test('diagnostics, hovers and quick fixes in Italian; keys and codes untouched', () => {
  const text = "{ gateway: { mode: 'local', port: 'x', prot: 1 } }";
  const { diagnostics, parsed } = checkText(text, schema);
  const unknown = diagnostics.find((d) => d.code === 'unknown-key')!;
  assert.equal(unknown.message, 'Chiave sconosciuta "prot" in "gateway": OpenClaw rifiuta l\'intera configurazione. Forse intendevi "port"?');
  const type = diagnostics.find((d) => d.code === 'invalid-type')!;
  assert.equal(type.message, '"gateway.port" deve essere un numero, non una stringa.');
  const rename = unknown.fixes!.find((f) => f.kind === 'rename-key')!;
  assert.equal(fixFor(parsed, rename)!.title, 'Rinomina in "port"');
  const md = (hover(parseConfig('{ gateway: { port: 18789 } }'), offsetOf('{ gateway: { port: 18789 } }', 'port') + 1, schema)!.contents as { value: string }).value;
  assert.match(md, /Tipo: `integer`/);
  assert.match(md, /Porte derivate dalla base 18789: controllo del browser 18791 · relay 18799 · intervallo CDP 18800-18899/);
  assert.match(md, /_Schema: incluso \(OpenClaw \d/);
});

test('a port clash in Italian names every span whole and the other profile after it', () => {
  const span = (label: string, from: number, to = from) => ({ label, from, to });
  assert.equal(clashWords([[span('gateway', 5), span('intervallo CDP', 1, 9)], [span('relay', 6), span('intervallo CDP', 1, 9)]], { other: 'x', mineOwner: 'y' }),
    'gateway 5 e relay 6 di y cadono dentro intervallo CDP 1-9 di x');
});

test('the Italian inlay hint fits in what VS Code shows of a hint for every base', () => {
  for (let base = 1; base <= 65535; base++) {
    const label = portHintLabel(base);
    assert.ok(label.length <= VSCODE_INLAY_HINT_MAX, `${base}: "${label}" is ${label.length} characters`);
    assert.match(label, /^ctrl \d+(, relay \d+)?, CDP \d+-\d+$/);
  }
});

test('the language status words in Italian', () => {
  assert.deepEqual(schemaStatusWords({ source: 'bundled', version: '2026.9.6' }, false), { text: 'OpenClaw 2026.9.6', detail: 'incluso; finestra con restrizioni' });
  assert.deepEqual(schemaStatusWords({ source: 'cli', version: '2026.9.6' }, true), { text: 'OpenClaw 2026.9.6', detail: 'schema della tua CLI' });
});

test("the gateway status summary in Italian, the CLI's own values as it spells them", () => {
  const json = { gateway: { port: 18789, portSource: 'config', reachable: false }, port: { listeners: [] }, service: { loaded: true, runtime: { status: 'running' } }, config: { cli: { valid: false } } };
  assert.equal(summarizeGatewayStatus(JSON.stringify(json)), 'porta 18789 (config) · non raggiungibile · nessuno in ascolto · servizio running · configurazione NON VALIDA');
});

test('the field docs in Italian where translated, in English where not yet, and English again for another language', () => {
  useFieldDocsLanguage('it');
  assert.deepEqual(fieldDoc(['gateway', 'mode'])?.title, 'Modalità del gateway');
  assert.equal(fieldDoc(['gateway', 'remote', 'token', 'source'])?.description, 'Legge il segreto da una variabile d\'ambiente.');
  const md = (hover(parseConfig('{ gateway: { port: 18789 } }'), offsetOf('{ gateway: { port: 18789 } }', 'port') + 1, schema)!.contents as { value: string }).value;
  assert.match(md, /^\*\*Porta del gateway\*\* `gateway\.port`\n\nPorta TCP su cui è in ascolto il gateway/);
  assert.equal(fieldDoc(['agents', 'defaults', 'model'])?.title, 'Default Model');
  useFieldDocsLanguage('de-DE');
  assert.equal(fieldDoc(['gateway', 'mode'])?.title, 'Gateway Mode');
  useFieldDocsLanguage(undefined);
  assert.equal(fieldDoc(['gateway', 'mode'])?.title, 'Gateway Mode');
});
