// Runs the integration suite in desktop VS Code through @vscode/test-electron, for contributors whose machine can
// download VS Code (npm run test:host runs the same suite in code-server and needs no download).
// Usage: node scripts/run-desktop-tests.mjs [--grep PATTERN]   Env: VSCODE_VERSION (default: stable).
// On Linux without a display, run it under xvfb-run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { copyFixtures, createRunDir, repoRoot } from './vscode-host.mjs';

const require = createRequire(import.meta.url);
const { downloadAndUnzipVSCode, runTests } = require('@vscode/test-electron');
const log = (msg) => console.log(`[desktop-tests] ${msg}`);

const argv = process.argv.slice(2);
let grep = process.env.MOCHA_GREP;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--grep' || argv[i] === '-g') grep = argv[++i];
  else if (argv[i].startsWith('--grep=')) grep = argv[i].slice('--grep='.length);
  else {
    console.error(`unknown argument: ${argv[i]}\nusage: node scripts/run-desktop-tests.mjs [--grep PATTERN]`);
    process.exit(2);
  }
}

const extensionTestsPath = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
if (!fs.existsSync(extensionTestsPath)) {
  log(`${path.relative(repoRoot, extensionTestsPath)} not found: compile first with npx tsc -p .`);
  process.exit(1);
}

let vscodeExecutablePath;
try {
  vscodeExecutablePath = await downloadAndUnzipVSCode({
    version: process.env.VSCODE_VERSION || 'stable',
    cachePath: path.join(repoRoot, '.vscode-test'),
    extensionDevelopmentPath: repoRoot,
    timeout: 30000,
  });
} catch (e) {
  console.error(`[desktop-tests] desktop VS Code could not be downloaded on this machine (${String(e?.message ?? e).split('\n')[0]}); npm run test:host runs the same suite in code-server.`);
  process.exit(1);
}

const runDir = createRunDir('desktop-tests');
const { home, workspace } = copyFixtures(runDir);
let code = 0;
try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    // A profile of its own keeps the contributor's VS Code settings and state out of the run.
    launchArgs: [workspace, '--disable-extensions', '--user-data-dir', path.join(runDir, 'user-data'),
      '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: {
      // test-electron merges this over our own env: the developer's OPENCLAW_* must not reach the tests.
      ...Object.fromEntries(Object.keys(process.env).filter((k) => k.startsWith('OPENCLAW_')).map((k) => [k, undefined])),
      OPENCLAW_HOME: home,
      OPENCLAW_TEST_RUN_DIR: runDir,
      OPENCLAW_DISABLE_BONJOUR: '1',
      ...(grep ? { MOCHA_GREP: grep } : {}),
    },
  });
} catch (e) {
  log(`VS Code exited with ${e?.message ?? e}`);
  code = 1;
}

// test/integration/index.ts leaves its counts in the run dir; VS Code's own exit code cannot carry them.
let passed = 0;
let failed = 0;
try {
  ({ passed, failed } = JSON.parse(fs.readFileSync(path.join(runDir, 'mocha-summary.json'), 'utf8')));
} catch {
  log('the suite reported no summary: the test module did not load or VS Code died');
  code = 1;
}
if (passed + failed === 0) code = 1;
if (failed > 0) code = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(code);
