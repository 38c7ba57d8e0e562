// Runs a real VS Code (code-server: the VS Code workbench plus a real Node extension host) on loopback and drives
// it with Debian's Chromium through playwright-core. Desktop VS Code cannot be downloaded on every machine this
// project runs on, so the test and demo scripts share this module. Tools come from .tools/ (npm run install-tools).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const toolsDir = path.join(repoRoot, '.tools');
export const runRoot = path.join(repoRoot, '.run');

const node24Bin = path.join(toolsDir, 'node24', 'bin');
const codeServerEntry = path.join(toolsDir, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const playwrightDir = path.join(toolsDir, 'cs', 'node_modules', 'playwright-core');
const openclawBin = path.join(toolsDir, 'openclaw', 'node_modules', '.bin');
const chromiumPath = '/usr/bin/chromium';

// Without these the workbench opens welcome pages, asks about trust and reaches for remote services, all of which
// slow the run down or get in the way of what a test or a screenshot should show.
export const quietSettings = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'security.workspace.trust.enabled': false,
  // Canvas rendering would keep terminal text out of the DOM, where UI checks read it.
  'terminal.integrated.gpuAcceleration': 'off',
  'terminal.integrated.defaultProfile.linux': 'bash',
  'chat.disableAIFeatures': true,
  'workbench.enableExperiments': false,
  // The chat side bar would take a third of every screenshot.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

function missingTools(what) {
  return new Error(`${what} is missing: run npm run install-tools (installs into ${path.relative(process.cwd(), toolsDir) || '.tools'}/)`);
}

export function checkTools({ browser = false } = {}) {
  if (!fs.existsSync(path.join(node24Bin, 'node'))) throw missingTools('.tools/node24 (Node 24 for code-server)');
  if (!fs.existsSync(codeServerEntry)) throw missingTools('.tools/cs/node_modules/code-server');
  if (browser) {
    if (!fs.existsSync(playwrightDir)) throw missingTools('.tools/cs/node_modules/playwright-core');
    if (!fs.existsSync(chromiumPath)) throw missingTools(chromiumPath);
  }
}

// ---- cleanup on exit and signals -------------------------------------------------------------------------------
// Everything started here lives in its own process group (code-server) or under playwright (Chromium), so a Ctrl-C
// in the terminal does not reach it: without these hooks an interrupted run would leave servers and watchers behind.
const cleanups = new Set();
const exitKills = new Set();
let signalsHooked = false;
let shuttingDown = null;

export function onCleanup(fn) {
  hookSignals();
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

let cleaning = null;
// A signal handler and the main flow can both get here; the second caller waits for the same teardown instead of
// exiting while the first is still stopping servers.
export function cleanupAll() {
  cleaning ??= (async () => {
    while (cleanups.size) {
      const fns = [...cleanups].reverse();
      cleanups.clear();
      for (const fn of fns) {
        try { await fn(); } catch { /* best effort while shutting down */ }
      }
    }
  })().finally(() => { cleaning = null; });
  return cleaning;
}

/** The signal that is stopping this process, if any: lets callers tell an interruption from a failure. */
export function interrupted() {
  return shuttingDown;
}

function hookSignals() {
  if (signalsHooked) return;
  signalsHooked = true;
  // 'exit' handlers cannot wait, so the last resort is an immediate SIGKILL of every group still registered.
  process.on('exit', () => {
    for (const kill of exitKills) kill();
  });
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(sig, () => {
      if (shuttingDown) return;
      shuttingDown = sig;
      process.stderr.write(`\n[vscode-host] ${sig}: stopping\n`);
      cleanupAll().finally(() => process.exit(code));
    });
  }
}

// ---- ports and run dirs -----------------------------------------------------------------------------------------
export function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

export function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen({ port: 0, host, exclusive: true }, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function pidAlive(pid) {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

// Old runs are kept for post-mortems (server log, screenshot), but only a few: each holds a whole VS Code profile.
// Runs whose owner is still alive are never touched, since several engineers may run tests at once.
function pruneRuns(prefix, keep) {
  let names;
  try { names = fs.readdirSync(runRoot).filter((n) => n.startsWith(`${prefix}-`)).sort(); } catch { return; }
  for (const name of names.slice(0, Math.max(0, names.length - keep))) {
    const dir = path.join(runRoot, name);
    let owner = 0;
    try { owner = Number(fs.readFileSync(path.join(dir, 'owner.pid'), 'utf8').trim()) || 0; } catch { /* no owner */ }
    if (owner && pidAlive(owner)) continue;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function createRunDir(prefix = 'run', { keep = 5 } = {}) {
  fs.mkdirSync(runRoot, { recursive: true });
  try { pruneRuns(prefix, keep - 1); } catch { /* pruning is housekeeping, never a reason to fail a run */ }
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  const dir = fs.mkdtempSync(path.join(runRoot, `${prefix}-${stamp}-`));
  fs.writeFileSync(path.join(dir, 'owner.pid'), `${process.pid}\n`);
  return dir;
}

export function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Members of a killed group linger as zombies until init reaps them, and kill(-pgid, 0) still succeeds for those;
// counting only live members from /proc lets stop() return as soon as the processes are really gone.
function livingGroupMembers(pgid) {
  let pids;
  try {
    pids = fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n));
  } catch {
    try { process.kill(-pgid, 0); return 1; } catch { return 0; }
  }
  let n = 0;
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') n++;
    } catch { /* exited while we looked */ }
  }
  return n;
}

// ---- code-server --------------------------------------------------------------------------------------------------
/**
 * VS Code runs in a display language only when a language pack for it is registered in <user-data>/languagepacks.json
 * (else `--locale` falls back to English), and only the marketplace has real packs. The file is what VS Code itself
 * writes after installing one; pointed at an empty translation file, it changes no text of VS Code's own, but the
 * workbench takes the language, so extensions get `vscode.env.language`, their package.nls.<lang>.json and their
 * l10n bundle. (code-server's --install-extension never writes the file, so installing a pack would not do.)
 */
function writeLanguagePack(userData, locale) {
  const translations = path.join(userData, 'empty-language-pack', 'main.i18n.json');
  fs.mkdirSync(path.dirname(translations), { recursive: true });
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const pack = {
    hash: `openclaw-test-${locale}`,
    extensions: [{ extensionIdentifier: { id: `openclaw-test.language-pack-${locale}` }, version: '0.0.0' }],
    translations: { vscode: translations },
    label: locale,
  };
  fs.writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify({ [locale]: pack }, null, 2));
}

/**
 * Starts code-server on 127.0.0.1 in a fresh run dir. Options: port (free one if omitted), env (merged over the
 * server's env, reaches the extension host and its terminals), extensionsDir, settings (merged over quietSettings),
 * runDir (an existing dir from createRunDir, else one is made), name (run dir prefix), args (extra CLI flags),
 * locale (a display language such as "it": the workbench and the extension host then run in it).
 */
export async function startCodeServer({
  port, env = {}, extensionsDir, settings = {}, runDir, name = 'code-server', args = [], healthTimeoutMs = 30000, locale,
} = {}) {
  checkTools();
  runDir ??= createRunDir(name);
  port ??= await freePort();
  const dirs = {
    userData: path.join(runDir, 'user-data'),
    extensions: extensionsDir ?? path.join(runDir, 'extensions'),
    xdg: path.join(runDir, 'xdg'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  const effective = { ...quietSettings, ...settings };
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(effective, null, 2) + '\n');
  // An explicit --config keeps code-server from creating ~/.config/code-server/config.yaml with a random password.
  const configFile = path.join(runDir, 'config.yaml');
  fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  const flags = [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--config', configFile,
    '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', '--ignore-last-opened',
    // A short grace lets the extension host (and its file watcher) go soon after the page closes.
    '--reconnection-grace-time', '30',
    // Without it the workbench ignores the URL payload that carries extensionTestsPath, and a test run hangs.
    '--vscode-option', 'enable-smoke-test-driver',
    // The server would otherwise run a login shell and take its env for the extension host; Debian's /etc/profile
    // resets PATH there, and the tools below (Node 24, the openclaw CLI) would vanish from the host and terminals.
    '--vscode-option', 'force-disable-user-env',
  ];
  if (locale) {
    writeLanguagePack(dirs.userData, locale);
    flags.push('--locale', locale);
  }
  // The flag beats the setting, so a caller that turns trust on (to test restricted mode) must not get it.
  if (effective['security.workspace.trust.enabled'] === false) flags.push('--disable-workspace-trust');
  flags.push(...args);

  const childEnv = {
    ...process.env,
    PATH: [node24Bin, openclawBin, process.env.PATH].filter(Boolean).join(path.delimiter),
    EXTENSIONS_GALLERY: '{}',
    XDG_CONFIG_HOME: dirs.xdg,
    XDG_DATA_HOME: dirs.xdg,
    XDG_CACHE_HOME: dirs.xdg,
    OPENCLAW_DISABLE_BONJOUR: '1',
    ...env,
  };
  // npm exports these when a script runs under `npm run`; code-server's own node must not pick up npm's settings.
  for (const k of Object.keys(childEnv)) if (k.startsWith('npm_')) delete childEnv[k];
  // A developer's exported OPENCLAW_STATE_DIR, OPENCLAW_PROFILE, ... would silently point the run at their own
  // gateways; only what the caller passes gets through.
  for (const k of Object.keys(childEnv)) {
    if (k.startsWith('OPENCLAW_') && k !== 'OPENCLAW_DISABLE_BONJOUR' && !(k in env)) delete childEnv[k];
  }

  const logFile = path.join(runDir, 'server.log');
  const logFd = fs.openSync(logFile, 'a');
  const child = spawn(path.join(node24Bin, 'node'), [codeServerEntry, ...flags], {
    cwd: runDir, env: childEnv, detached: true, stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  const pgid = child.pid;
  let exited = null;
  const exitedPromise = new Promise((resolve) => child.once('exit', (code, signal) => resolve((exited = { code, signal }))));
  const spawnError = new Promise((_, reject) => child.once('error', reject));
  spawnError.catch(() => {});

  const groupAlive = () => livingGroupMembers(pgid) > 0;
  const killGroup = (sig) => { try { process.kill(-pgid, sig); } catch { /* already gone */ } };
  const exitKill = () => killGroup('SIGKILL');
  exitKills.add(exitKill);

  let stopping;
  const stop = (graceMs = 3000) => (stopping ??= (async () => {
    killGroup('SIGTERM');
    const deadline = Date.now() + graceMs;
    while (groupAlive() && Date.now() < deadline) await sleep(100);
    if (groupAlive()) killGroup('SIGKILL');
    while (groupAlive() && Date.now() < deadline + 2000) await sleep(50);
    exitKills.delete(exitKill);
    unregister();
  })());
  const unregister = onCleanup(() => stop());

  const url = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  try {
    for (;;) {
      if (exited) throw new Error(`code-server exited during startup (${exited.signal ?? `code ${exited.code}`})`);
      try {
        const res = await Promise.race([fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) }), spawnError]);
        if (res.ok) break;
      } catch (e) {
        if (String(e?.syscall ?? '').startsWith('spawn')) throw e;
      }
      if (Date.now() - t0 > healthTimeoutMs) throw new Error(`code-server did not answer ${url}/healthz within ${healthTimeoutMs / 1000}s`);
      await sleep(150);
    }
  } catch (e) {
    await stop(1000);
    const err = new Error(`${e.message}\n--- ${path.relative(process.cwd(), logFile)} (tail) ---\n${tail(logFile)}`);
    err.logFile = logFile;
    throw err;
  }
  return { url, port, runDir, logFile, pid: pgid, dirs, stop, exited: exitedPromise, startupMs: Date.now() - t0 };
}

// ---- Chromium -----------------------------------------------------------------------------------------------------
export function loadPlaywright() {
  checkTools({ browser: true });
  return createRequire(path.join(playwrightDir, 'package.json'))(playwrightDir);
}

/** Launches Debian's Chromium headless; it is closed by cleanupAll()/signals if the caller does not close it first. */
export async function openBrowser({ runDir, headless = true } = {}) {
  const { chromium } = loadPlaywright();
  // Keeps Chromium's crash reports and caches out of $HOME.
  const xdg = path.join(runDir ?? runRoot, 'xdg');
  fs.mkdirSync(xdg, { recursive: true });
  const env = { ...process.env, XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg, XDG_CACHE_HOME: xdg };
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless,
    env,
    // playwright's own signal handlers would exit the process before code-server is stopped.
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const unregister = onCleanup(() => browser.close().catch(() => {}));
  browser.on('disconnected', unregister);
  return browser;
}

// ---- test fixtures ------------------------------------------------------------------------------------------------
/**
 * Copies test/fixtures/home (when present) to <runDir>/home and test/fixtures/workspace to <runDir>/workspace
 * (empty when absent): tests write into both, and the checked-in fixtures must stay as they are.
 */
export function copyFixtures(runDir) {
  const fixtures = path.join(repoRoot, 'test', 'fixtures');
  const home = path.join(runDir, 'home');
  const workspace = path.join(runDir, 'workspace');
  const copy = (from, to) => fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  if (fs.existsSync(path.join(fixtures, 'home'))) copy(path.join(fixtures, 'home'), home);
  else fs.mkdirSync(home, { recursive: true });
  if (fs.existsSync(path.join(fixtures, 'workspace'))) copy(path.join(fixtures, 'workspace'), workspace);
  else fs.mkdirSync(workspace, { recursive: true });
  return { home, workspace };
}
