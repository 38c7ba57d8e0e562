// The language server's process entry: a connection over whatever transport the client chose (ipc, stdio),
// and a server that logs rather than dies on anything thrown outside a request.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (e) => connection.console.log(`uncaught: ${e.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.log(`unhandled rejection: ${(e as Error)?.stack ?? e}`));
startServer(connection);
