// Runs the integration suite (out/test/integration/index.js) inside a real VS Code extension host: code-server on
// loopback, driven by headless Chromium. Usage: node scripts/run-host-tests.mjs [--grep PATTERN]
// Env: HOST_TEST_TIMEOUT_S (default 600), VERBOSE=1 (show the workbench's own log lines too).
// Last line of output is always "N passed, N failed"; scripts/test-all.mjs reads it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import {
  cleanupAll, copyFixtures, createRunDir, interrupted, openBrowser, repoRoot, runRoot, startCodeServer,
} from './vscode-host.mjs';

const t0 = Date.now();
const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const log = (msg) => console.log(`[host-tests] ${msg}`);

function parseArgs(argv) {
  const opts = { grep: undefined, restricted: false, locale: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--grep' || a === '-g') opts.grep = argv[++i] ?? '';
    else if (a.startsWith('--grep=')) opts.grep = a.slice('--grep='.length);
    else if (a === '--restricted') opts.restricted = true;
    else if (a === '--locale') opts.locale = argv[++i];
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/run-host-tests.mjs [--grep PATTERN] [--restricted | --locale LANG]');
      process.exit(0);
    } else throw new Error(`unknown argument: ${a}`);
  }
  if (opts.grep === '') throw new Error('--grep needs a pattern');
  if (opts.locale !== undefined && !/^[a-z]{2}(-[A-Za-z]{2})?$/.test(opts.locale)) throw new Error('--locale needs a language such as it');
  if (opts.locale && opts.restricted) throw new Error('--locale and --restricted are separate sessions');
  return opts;
}

// The workbench logs plenty that says nothing about the tests (gallery lookups, socket chatter, service workers).
const NOISE = /gallery|builtin extensions cache|socket|connection token|AgentHost|AccountPolicy|Service Worker|grace-time|ChatModel/;

let passed = 0;
let failed = 0;
let summarySeen = false;
let exitCode = 1;

function closing() {
  console.log(`${passed} passed, ${failed} failed`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const grep = opts.grep ?? process.env.MOCHA_GREP;
  const timeoutS = Number(process.env.HOST_TEST_TIMEOUT_S || 600);
  const testsModule = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(testsModule)) {
    throw new Error(`${path.relative(repoRoot, testsModule)} not found: compile first with npx tsc -p . (npm test does)`);
  }
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) {
    log('warning: dist/extension.js is missing (build with node esbuild.mjs); the extension will not activate');
  }

  const runDir = createRunDir('host-tests');
  const { home, workspace } = copyFixtures(runDir);
  // OPENCLAW_STATE_DIR exported as many users have it (pointing at the default profile): the extension must keep it
  // from redirecting `--profile` commands, and the gateway suite fails if it does not.
  const env = { OPENCLAW_HOME: home, OPENCLAW_STATE_DIR: path.join(home, '.openclaw'), OPENCLAW_TEST_RUN_DIR: runDir };
  // The extension host inherits code-server's environment, so this reaches test/integration/index.ts.
  if (grep) env.MOCHA_GREP = grep;

  // Restricted mode: workspace trust on and never granted, so the folder opens untrusted; only the suite written
  // for that (restricted.*.test.js) runs.
  if (opts.restricted) env.OPENCLAW_TEST_RESTRICTED = '1';
  const settings = opts.restricted ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.untrustedFiles': 'open' } : {};
  // A display language: only the suite written for it (<lang>.*.test.js) runs, in a session of its own.
  if (opts.locale) env.OPENCLAW_TEST_LOCALE = opts.locale;
  const server = await startCodeServer({ runDir, env, settings, locale: opts.locale });
  log(`code-server ${server.url} up in ${(server.startupMs / 1000).toFixed(1)}s (run dir ${path.relative(repoRoot, runDir)})`);

  const browser = await openBrowser({ runDir });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let finish;
  const finished = new Promise((r) => (finish = r));

  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const parts = Array.isArray(args) ? args : [args];
    const text = util.format(...parts);
    const m = /\[host-tests\] passed=(\d+) failed=(\d+)/.exec(text);
    if (m) {
      summarySeen = true;
      passed = Number(m[1]);
      failed = Number(m[2]);
    }
    // In another display language the workbench asks the (absent) gallery for its built-in extensions' translations.
    if (!process.env.VERBOSE && opts.locale && /No extension gallery service configured/.test(text)) return;
    const important = type === 'error' || type === 'warn' || m;
    if (!process.env.VERBOSE && !important && NOISE.test(text)) return;
    // Stopping the extension host after the run cancels its pending requests, which the workbench logs as errors.
    if (!process.env.VERBOSE && summarySeen && !m && /^Canceled\b/.test(text)) return;
    console.log(type === 'error' || type === 'warn' ? `[${type}] ${text}` : text);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish({ code }));
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));

  // code-server has no --extensionTestsPath; the smoke-test driver reads the same settings from the URL payload.
  const authority = `127.0.0.1:${server.port}`;
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(testsModule)],
    ['skipWelcome', 'true'],
  ]);
  const timer = setTimeout(() => finish({ timeout: true }), timeoutS * 1000);
  // On a loaded machine the workbench page takes longer than the 30 s default to load; the suite timer still bounds the run.
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`, { timeout: 120000 });
  const result = await finished;
  clearTimeout(timer);

  const shot = path.join(runRoot, 'last-host-tests.png');
  await page.screenshot({ path: shot }).catch((e) => log(`screenshot failed: ${e.message}`));
  await browser.close().catch(() => {});
  await server.stop();

  // The JSON summary is the fallback when the console line got lost (e.g. the page went away first).
  if (!summarySeen) {
    try {
      const s = JSON.parse(fs.readFileSync(path.join(runDir, 'mocha-summary.json'), 'utf8'));
      passed = s.passed;
      failed = s.failed;
      summarySeen = true;
    } catch { /* reported below */ }
  }

  if (result.timeout) {
    log(`timed out after ${timeoutS}s (HOST_TEST_TIMEOUT_S); screenshot ${path.relative(repoRoot, shot)}, log ${path.relative(repoRoot, server.logFile)}`);
  } else {
    log(`extension host exited with code ${result.code} after ${secs()}; screenshot ${path.relative(repoRoot, shot)}`);
    if (!summarySeen) log('the suite reported no summary: the test module did not load or the host died');
    else if (passed + failed === 0) log(grep ? `no test matched --grep ${grep}` : 'no tests ran');
  }

  exitCode = !result.timeout && result.code === 0 && summarySeen && failed === 0 && passed > 0 ? 0 : 1;
}

try {
  await main();
} catch (e) {
  // After Ctrl-C the teardown itself makes page calls fail; that is no error worth reporting.
  if (!interrupted()) console.error(`[host-tests] ${e.message}`);
  exitCode = 1;
} finally {
  await cleanupAll();
}
if (interrupted()) process.exit(130);
closing();
process.exit(exitCode);
