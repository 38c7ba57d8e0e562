// Every string the extension and its server show goes through l10n, and every one has its Italian translation: the
// messages are read out of the sources themselves (each `t('…')` / `vscode.l10n.t('…')`, each `%key%` of package.json),
// so a new string without a translation, a stale translation or a lost placeholder fails here.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { bundleFromEnv, localeLanguage } from '../../language-server/src/l10n';
import { REPO } from '../support/paths';

const SOURCE_DIRS = ['src', 'language-server/src'];
const LANGUAGES = ['it'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** `t(…)`, `l10n.t(…)` and `vscode.l10n.t(…)` calls: their literal messages, and where one is not a literal. */
function messagesIn(file: string): { messages: string[]; notLiteral: string[] } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const messages: string[] = [];
  const notLiteral: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isT = (ts.isIdentifier(callee) && callee.text === 't')
        || (ts.isPropertyAccessExpression(callee) && callee.name.text === 't' && /(^|\.)l10n$/.test(callee.expression.getText(source)));
      if (isT) {
        const arg = node.arguments[0];
        if (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) messages.push(arg.text);
        else notLiteral.push(`${path.relative(REPO, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { messages, notLiteral };
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
const readJson = (p: string) => JSON.parse(readFileSync(path.join(REPO, p), 'utf8')) as Record<string, string>;

const found = SOURCE_DIRS.flatMap((d) => tsFiles(path.join(REPO, d))).map(messagesIn);
const sourceMessages = new Set(found.flatMap((f) => f.messages));

test('every message passed to l10n is a literal, so it can be translated', () => {
  assert.deepEqual(found.flatMap((f) => f.notLiteral), []);
  assert.ok(sourceMessages.size > 0);
});

for (const lang of LANGUAGES) {
  test(`the ${lang} bundle translates every message of the sources, and nothing else`, () => {
    const bundle = readJson(`l10n/bundle.l10n.${lang}.json`);
    assert.deepEqual([...sourceMessages].filter((m) => !(m in bundle)), [], 'messages without a translation');
    assert.deepEqual(Object.keys(bundle).filter((k) => !sourceMessages.has(k)), [], 'translations of messages no source has');
    for (const [k, v] of Object.entries(bundle)) {
      assert.ok(v.trim(), `empty translation of ${k}`);
      assert.equal(placeholders(v), placeholders(k), `placeholders of ${JSON.stringify(k)}`);
    }
  });

  test(`the ${lang} field docs translate words the English field docs have, keeping their quoted values`, () => {
    const english = JSON.parse(readFileSync(path.join(REPO, 'language-server/src/features/field-docs.json'), 'utf8')) as Record<string, [string, string]>;
    const words = new Set(Object.values(english).flat());
    const translated = readJson(`language-server/src/features/field-docs.${lang}.json`);
    assert.deepEqual(Object.keys(translated).filter((k) => !words.has(k)), [], 'translations of words no field has');
    const quoted = (x: string) => [...x.matchAll(/"[^"]*"|`[^`]*`/g)].map((m) => m[0]).sort().join(' ');
    for (const [k, v] of Object.entries(translated)) {
      assert.ok(v.trim(), `empty translation of ${k}`);
      assert.equal(quoted(v), quoted(k), `quoted values of ${JSON.stringify(k)}`);
    }
  });

  test(`package.json: every %key% is in package.nls.json and package.nls.${lang}.json, with nothing stale`, () => {
    const keys = new Set([...readFileSync(path.join(REPO, 'package.json'), 'utf8').matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]));
    const english = readJson('package.nls.json');
    const translated = readJson(`package.nls.${lang}.json`);
    for (const [name, nls] of [['package.nls.json', english], [`package.nls.${lang}.json`, translated]] as const) {
      assert.deepEqual([...keys].filter((k) => !(k in nls)), [], `keys missing from ${name}`);
      assert.deepEqual(Object.keys(nls).filter((k) => !keys.has(k)), [], `stale keys in ${name}`);
    }
    for (const k of keys) assert.equal(placeholders(translated[k]), placeholders(english[k]), k);
  });
}

/** Words a person reads, written straight into a place the UI shows (a message, title, tooltip, label, tree row,
 *  notification) instead of through l10n: the extraction above cannot see those, so they are looked for here. */
const SINKS = new Set(['message', 'title', 'tooltip', 'description', 'detail', 'label', 'placeHolder', 'prompt', 'reason', 'summary', 'text', 'name']);
const SHOWN_BY_CALL = /(^|\.)(show(Information|Warning|Error)Message|setStatusBarMessage|createWebviewPanel|createTerminal|showInputBox|showQuickPick)$/;
/** Left in English on purpose: a product name, and the prefix naming the CLI command whose own (English) words follow. */
const NOT_TRANSLATED = new Set(['src/profiles/status-bar.ts: OpenClaw Gateways', 'language-server/src/host/doctor.ts: openclaw doctor: {}']);

function literalText(n: ts.Node): string | undefined {
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
  if (ts.isTemplateExpression(n)) return [n.head.text, ...n.templateSpans.map((x) => x.literal.text)].join('{}');
  return undefined;
}

function untranslatedIn(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    let shown: ts.Node | undefined;
    if (ts.isPropertyAssignment(node) && SINKS.has(node.name.getText(source))) shown = node.initializer;
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && SINKS.has(node.left.name.text)) shown = node.right;
    else if (ts.isNewExpression(node) && /TreeItem$/.test(node.expression.getText(source))) shown = node.arguments?.[0];
    else if (ts.isCallExpression(node) && SHOWN_BY_CALL.test(node.expression.getText(source))) shown = node.arguments[0];
    const candidates = shown ? (ts.isConditionalExpression(shown) ? [shown.whenTrue, shown.whenFalse] : [shown]) : [];
    for (const c of candidates) {
      const text = literalText(c);
      const where = `${path.relative(REPO, file)}: ${text}`;
      if (text !== undefined && /[A-Za-z]{2,} [A-Za-z]{2,}/.test(text) && !NOT_TRANSLATED.has(where)) out.push(`${where} (line ${source.getLineAndCharacterOfPosition(c.getStart()).line + 1})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

test('no words reach a message, title, tooltip, label, tree row or notification without l10n', () => {
  assert.deepEqual(SOURCE_DIRS.flatMap((d) => tsFiles(path.join(REPO, d))).flatMap(untranslatedIn), []);
});

test('package.json shows no words of its own: every title, name, description and welcome text is a %key%', () => {
  const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const literal: string[] = [];
  const visit = (v: unknown, at: string): void => {
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${at}[${i}]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, `${at}.${k}`);
    else if (typeof v === 'string' && /\.(title|name|description|markdownDescription|contents|category|contextualTitle)$/.test(at) && !/^%[^%]+%$/.test(v)) literal.push(`${at}: ${v}`);
  };
  visit({ description: pkg.description, capabilities: pkg.capabilities, contributes: pkg.contributes }, 'package');
  // Product and section names that read the same in every language.
  const same = new Set(['package.contributes.viewsContainers.activitybar[0].title: OpenClaw', 'package.contributes.views.openclaw[0].contextualTitle: OpenClaw']);
  assert.deepEqual(literal.filter((l) => !same.has(l)), []);
});

test('the checker picks its language as command-line programs do', () => {
  assert.equal(localeLanguage({ LANG: 'it_IT.UTF-8' }), 'it');
  assert.equal(localeLanguage({ LANG: 'en_US.UTF-8', LC_ALL: 'it_IT' }), 'it');
  assert.equal(localeLanguage({ LANG: 'it_IT.UTF-8', LC_MESSAGES: 'de_DE' }), 'de');
  assert.equal(localeLanguage({ LANG: 'it' }), 'it');
  assert.equal(localeLanguage({ LANG: 'C.UTF-8' }), undefined);
  assert.equal(localeLanguage({ LANG: 'POSIX' }), undefined);
  assert.equal(localeLanguage({}), undefined);
  const l10nDir = path.join(REPO, 'l10n');
  assert.equal(bundleFromEnv({ LANG: 'it_IT.UTF-8' }, l10nDir)?.['No conflicts.'], 'Nessun conflitto.');
  assert.equal(bundleFromEnv({ LANG: 'en_GB.UTF-8' }, l10nDir), undefined);
  assert.equal(bundleFromEnv({ LANG: 'xx_XX' }, l10nDir), undefined);
});
