// Activation as VS Code counts it is the bundle's load plus activate(). The in-host suite records activate()
// alone (.run/host-metrics.json); this is the other part: dist/extension.js required in a fresh Node process, with
// the `vscode` module answered by an inert stand-in, timed inside that process.
import { execFileSync } from 'node:child_process';

const CHILD = `
const Module = require('module');
const load = Module._load;
const inert = new Proxy(function () {}, { get: (_, k) => (k === 'then' ? undefined : inert), apply: () => inert, construct: () => inert });
Module._load = function (request, ...rest) { return request === 'vscode' ? inert : load.call(this, request, ...rest); };
const t = performance.now();
require(process.argv[1]);
process.stdout.write(String(performance.now() - t));
`;

export function bundleLoadMs(bundle: string): number {
  return Number(execFileSync(process.execPath, ['-e', CHILD, bundle], { encoding: 'utf8' }));
}
