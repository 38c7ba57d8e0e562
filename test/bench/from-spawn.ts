// Cold start as a user meets it, timed from outside the process: from spawning the built server (dist/server.js over
// LSP) to the first diagnostics of a config, and its RSS then; beside it, a fresh Node process that loads VS Code's
// JSON language service, sets up the same schema and validates the same file, timed from its spawn to its answer.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { startServer } from '../lsp/lsp-client';

export interface FromSpawn { ms: number; rssMb: number; problems: number }

export function jsonServiceFromSpawn(node: string, schemaFile: string, docFile: string): Promise<FromSpawn> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(node, [path.join(__dirname, 'json-service.js'), schemaFile, docFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stdout.on('end', () => {
      const ms = performance.now() - t;
      try { resolve({ ms, ...JSON.parse(out) }); } catch (e) { reject(e); }
    });
    child.on('error', reject);
  });
}

export async function serverFromSpawn(docFile: string, opts: { node: string; env: NodeJS.ProcessEnv; init: Record<string, unknown>; rssMb: (pid: number) => number }): Promise<FromSpawn> {
  const t = performance.now();
  const s = await startServer({ env: opts.env, init: opts.init, node: opts.node });
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
