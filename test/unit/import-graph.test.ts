// The house's boundaries, checked on the import graph of the sources: the client reaches the language server only
// through protocol.ts, the language server never imports vscode, and no module of the server imports itself back
// through a circle.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../support/paths';

const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(REPO, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    return e.isDirectory() ? sources(rel) : e.name.endsWith('.ts') ? [rel] : [];
  });
}

/** Each source file's imports: relative ones resolved to repo-relative paths without extension, others as written. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(REPO, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => {
    const spec = m[1] ?? m[2];
    return spec.startsWith('.') ? path.join(path.dirname(file), spec) : spec;
  });
}

const client = sources('src');
const server = sources('language-server/src');

test('the client imports nothing from the language server but protocol.ts', () => {
  const bad = client.flatMap((f) => importsOf(f).filter((i) => i.startsWith('language-server/') && i !== 'language-server/src/protocol').map((i) => `${f} -> ${i}`));
  assert.deepEqual(bad, []);
  assert.ok(client.some((f) => importsOf(f).includes('language-server/src/protocol')), 'no client file imports the protocol: is the scan broken?');
});

test('the language server never imports vscode or the language client', () => {
  const bad = server.flatMap((f) => importsOf(f).filter((i) => i === 'vscode' || i.startsWith('vscode-languageclient') || i.startsWith('src/')).map((i) => `${f} -> ${i}`));
  assert.deepEqual(bad, []);
});

test('protocol.ts imports only the LSP protocol package', () => {
  assert.deepEqual(importsOf('language-server/src/protocol.ts'), ['vscode-languageserver-protocol']);
});

test('no circle of imports inside the language server', () => {
  const graph = new Map(server.map((f) => [f.replace(/\.ts$/, ''), importsOf(f).filter((i) => i.startsWith('language-server/'))]));
  const circles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string, trail: string[]) => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'open') { circles.push([...trail.slice(trail.indexOf(node)), node].join(' -> ')); return; }
    state.set(node, 'open');
    for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
    state.set(node, 'done');
  };
  for (const node of graph.keys()) visit(node, []);
  assert.deepEqual(circles, []);
});
