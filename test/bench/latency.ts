// Requests while a large file is checked, as an editor meets them: the built server over LSP gets a 10 MB config,
// and while its check runs in the background, hovers in a small config are timed from send to answer: the first
// one right after the open, then one every 20 ms until the large file's findings are out.
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { ServerInfoRequest } from '../../language-server/src/protocol';
import { startServer } from '../lsp/lsp-client';

export interface Latency { afterOpenMs: number; hoverMs: number[]; largeCheckMs: number; problems: number }

export async function hoversDuringLargeCheck(node: string, work: string, largeText: string, env: NodeJS.ProcessEnv): Promise<Latency> {
  const s = await startServer({ env, node });
  try {
    const small = pathToFileURL(path.join(work, 'latency-small', 'openclaw.json')).toString();
    const large = pathToFileURL(path.join(work, 'latency-large', 'openclaw.json')).toString();
    s.open(small, "{\n  gateway: { mode: 'local', port: 18789 },\n}\n");
    await s.waitDiagnostics(small);
    const t0 = performance.now();
    s.open(large, largeText, 1);
    const done = s.waitDiagnostics(large, (d) => d.version === 1, 300_000).then((p) => ({ ms: performance.now() - t0, problems: p.diagnostics.length }));
    let finished = false;
    void done.then(() => { finished = true; });
    // The first answer also waits for the server to read and decode the 10 MB message, as any LSP server must.
    const t1 = performance.now();
    await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: { line: 1, character: 32 } });
    const afterOpenMs = performance.now() - t1;
    const hoverMs: number[] = [];
    while (!finished) {
      const t = performance.now();
      await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: { line: 1, character: 32 } });
      if (!finished) hoverMs.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
    const { ms, problems } = await done;
    // The check is over when its findings are out; the server is asked so a stale worker would show here.
    await s.conn.sendRequest(ServerInfoRequest);
    return { afterOpenMs, hoverMs, largeCheckMs: ms, problems };
  } finally {
    await s.close();
  }
}
