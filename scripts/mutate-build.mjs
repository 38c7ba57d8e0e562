// Build step inside Stryker's sandbox (a copy of the repo under .stryker-tmp/): the pinned tools are linked from the
// checkout rather than copied (they are large, and so is node_modules, found from the sandbox by walking up), then the bundles the LSP tests start and the compiled tests are built.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const sandbox = process.cwd();
// The sandbox sits at <checkout>/.stryker-tmp/<folder>/sandbox-*.
const checkout = sandbox.slice(0, sandbox.lastIndexOf(`${path.sep}.stryker-tmp${path.sep}`));
const tools = path.join(checkout, '.tools');
// One liveness test reads the built modules as user nobody; the sandbox folders are created private.
for (let dir = sandbox; dir !== checkout; dir = path.dirname(dir)) fs.chmodSync(dir, 0o755);
if (fs.existsSync(tools) && !fs.existsSync(path.join(sandbox, '.tools'))) fs.symlinkSync(tools, path.join(sandbox, '.tools'));
execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
execFileSync(process.execPath, [path.join(checkout, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], { stdio: 'inherit' });
