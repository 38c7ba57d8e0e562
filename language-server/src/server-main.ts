// The language server's process entry: a connection over whatever transport the client chose (ipc, stdio),
// and a server that logs rather than dies on anything thrown outside a request.
// The same file is the worker thread that checks large documents (large-documents.ts starts it).
import { isMainThread } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { runCheckWorker } from './check-worker';

if (isMainThread) {
  const connection = createConnection(ProposedFeatures.all);
  process.on('uncaughtException', (e) => connection.console.log(`uncaught: ${e.stack ?? e}`));
  process.on('unhandledRejection', (e) => connection.console.log(`unhandled rejection: ${(e as Error)?.stack ?? e}`));
  startServer(connection, process.env, { workerEntry: __filename });
} else {
  runCheckWorker();
}
