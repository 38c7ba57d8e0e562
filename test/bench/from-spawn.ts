// Cold start as a user meets it, timed from outside the process: from spawning the built server (dist/server.js over
// LSP) to the first diagnostics of a config, and its RSS then; beside it, a fresh Node process that loads VS Code's
// JSON language service, sets up the same schema and validates the same file, timed from its spawn to its answer.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { getLanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer } from '../lsp/lsp-client';

export interface FromSpawn { ms: number; rssMb: number; problems: number }

/** VS Code's JSON language service set up on a schema, and its first validation of a text: the number of problems. */
export async function jsonServiceFirstValidation(schema: unknown, text: string): Promise<number> {
  const ls = getLanguageService({});
  ls.configure({ validate: true, allowComments: false, schemas: [{ uri: 'openclaw://cli-schema.json', fileMatch: ['*'], schema: schema as object }] });
  const doc = TextDocument.create('file:///bench/openclaw.json', 'json', 1, text);
  return (await ls.doValidation(doc, ls.parseJSONDocument(doc))).length;
}

/** The JSON service's side, run in the child: schema setup and the first validation, then its own RSS. */
export async function jsonServiceChild(schemaFile: string, docFile: string): Promise<void> {
  const problems = await jsonServiceFirstValidation(JSON.parse(readFileSync(schemaFile, 'utf8')), readFileSync(docFile, 'utf8'));
  process.stdout.write(JSON.stringify({ problems, rssMb: process.memoryUsage().rss / 1024 / 1024 }));
}

export function jsonServiceFromSpawn(self: string, schemaFile: string, docFile: string): Promise<FromSpawn> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, [self, '--json-child', schemaFile, docFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stdout.on('end', () => {
      const ms = performance.now() - t;
      try { resolve({ ms, ...JSON.parse(out) }); } catch (e) { reject(e); }
    });
    child.on('error', reject);
  });
}

export async function serverFromSpawn(docFile: string, opts: { env: NodeJS.ProcessEnv; init: Record<string, unknown>; rssMb: (pid: number) => number }): Promise<FromSpawn> {
  const t = performance.now();
  const s = await startServer({ env: opts.env, init: opts.init });
  try {
    const uri = pathToFileURL(docFile).toString();
    s.open(uri, readFileSync(docFile, 'utf8'), 1);
    const p = await s.waitDiagnostics(uri, (d) => d.version === 1, 30000);
    const ms = performance.now() - t;
    return { ms, rssMb: opts.rssMb(s.proc.pid!), problems: p.diagnostics.length };
  } finally {
    await s.close();
  }
}
