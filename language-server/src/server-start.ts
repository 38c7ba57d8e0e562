// The server's process entry (dist/server.js), kept tiny: it turns on Node's compile cache (Node 22.1 and later,
// which VS Code's extension host runs) before it loads the server bundle, so every start after the first skips
// compiling 1.3 MB of JavaScript. The cache lives in the system's temp folder, keyed by the bundle's content.
import * as nodeModule from 'node:module';

(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
// A require, not an import: an import would be hoisted above the line that turns the cache on, and bundled in.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('./server-main.js');
