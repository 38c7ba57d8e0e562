// `openclaw-config-check --print-schema` is a schema other tools can use: VS Code's own JSON language service loads
// it (every $ref resolving from the root) and finds the errors OpenClaw would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { getLanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';

const REPO = path.resolve(__dirname, '../../..');

function printedSchema(): Record<string, unknown> {
  const out = execFileSync(process.execPath, [path.join(REPO, 'dist/cli.js'), '--print-schema'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out) as Record<string, unknown>;
}

/** Every "$ref" in the schema, wherever it sits (not inside enum/const/default values). */
function refsOf(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsOf(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else if (k !== 'enum' && k !== 'const' && k !== 'default') refsOf(v, out);
    }
  }
  return out;
}

function resolvePointer(root: unknown, ref: string): unknown {
  assert.ok(ref.startsWith('#/'), `not a local ref: ${ref}`);
  let node = root;
  for (const raw of ref.slice(2).split('/')) {
    const seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
  }
  return node;
}

async function validateWith(schema: Record<string, unknown>, text: string) {
  const ls = getLanguageService({});
  ls.configure({ validate: true, allowComments: true, schemas: [{ uri: 'openclaw://printed-schema.json', fileMatch: ['*.json'], schema }] });
  const doc = TextDocument.create('file:///work/openclaw.json', 'json', 1, text);
  return ls.doValidation(doc, ls.parseJSONDocument(doc), { schemaValidation: 'error' });
}

test('--print-schema prints a JSON Schema whose every $ref resolves from the root', () => {
  const schema = printedSchema();
  assert.equal(schema.type, 'object');
  assert.equal(Object.keys(schema.properties as object).length, 44);
  const refs = refsOf(schema);
  assert.ok(refs.length > 0, 'the schema has no $ref at all, so this test would prove nothing');
  const dangling = [...new Set(refs)].filter((r) => resolvePointer(schema, r) === undefined);
  assert.deepEqual(dangling, []);
});

test("VS Code's JSON language service loads the printed schema, accepts a valid config and catches errors", async () => {
  const schema = printedSchema();
  const valid = await validateWith(schema, JSON.stringify({ gateway: { mode: 'local', port: 19001, bind: 'loopback' }, logging: { level: 'info' } }));
  assert.deepEqual(valid.map((d) => d.message), [], 'a valid config got problems');
  const broken = await validateWith(schema, JSON.stringify({ gateway: { port: 'high', bogus: 1 }, discovery: { mdns: { mode: 'loud' } } }));
  const messages = broken.map((d) => d.message).join('\n');
  assert.ok(broken.length >= 3, `expected three problems, got:\n${messages}`);
  assert.ok(!/unable to (load|resolve)|could not be resolved|\$ref/i.test(messages), `the service could not resolve the schema:\n${messages}`);
});
