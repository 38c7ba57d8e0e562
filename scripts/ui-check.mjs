// UI-level check in the real workbench: installs the packaged .vsix into code-server, opens the fixture home,
// opens a profile config with a port clash, clicks the OpenClaw activity-bar item and reads the rendered rows
// and the Problems panel. Saves a screenshot (.run/ui-profiles.png; with --update-screenshot also the README's).
// Closing line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanupAll, copyFixtures, createRunDir, openBrowser, repoRoot, startCodeServer, toolsDir } from './vscode-host.mjs';

const updateShot = process.argv.includes('--update-screenshot');
const log = (m) => console.log(`[ui-check] ${m}`);
const results = [];
const check = (name, ok, detail = '') => {
  results.push(ok);
  console.log(`  ${ok ? '✔' : '✖'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
};

function packageVsix() {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const vsix = path.join(repoRoot, `${pkg.name}-${pkg.version}.vsix`);
  const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0 || !fs.existsSync(vsix)) throw new Error('npm run package failed');
  return vsix;
}

async function main() {
  const vsix = packageVsix();
  log(`packaged ${path.basename(vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KB)`);
  const runDir = createRunDir('ui');
  const { home } = copyFixtures(runDir);
  const extensionsDir = path.join(runDir, 'extensions');
  const install = spawnSync(path.join(toolsDir, 'node24', 'bin', 'node'), [
    path.join(toolsDir, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    '--extensions-dir', extensionsDir, '--user-data-dir', path.join(runDir, 'user-data'), '--install-extension', vsix,
  ], { env: { ...process.env, XDG_CONFIG_HOME: path.join(runDir, 'xdg'), XDG_DATA_HOME: path.join(runDir, 'xdg'), EXTENSIONS_GALLERY: '{}' }, encoding: 'utf8' });
  check('the .vsix installs into code-server', install.status === 0, install.stderr || install.stdout);

  const server = await startCodeServer({ runDir, extensionsDir, env: { OPENCLAW_HOME: home }, settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
  const browser = await openBrowser({ runDir });
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 820 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(path.join(home, '.openclaw-rescue'))}`, { timeout: 120000 });
    await page.waitForSelector('.monaco-workbench .activitybar', { timeout: 60000 });
    // The file explorer lists the folder once the remote file system answers; opening from it is what a user does.
    const fileRow = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'openclaw.json' }).first();
    await fileRow.waitFor({ timeout: 60000 });
    await fileRow.click();
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30000 });

    const icon = page.locator('.activitybar [aria-label^="OpenClaw"], .activitybar a[aria-label^="OpenClaw"]').first();
    await icon.click({ timeout: 30000 });
    const rows = page.locator('.pane-body .monaco-list-row');
    let texts = [];
    for (let i = 0; i < 100; i++) {
      texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      if (texts.some((t) => t.startsWith('rescue'))) break;
      await page.waitForTimeout(200);
    }
    check('the Profiles view renders one row per profile', ['default', 'lab', 'ops', 'qa', 'rescue', 'stage'].every((n) => texts.some((t) => t.startsWith(n))), JSON.stringify(texts));
    check('the clash shows in the rows', texts.some((t) => /^rescue ?:18809 · conflict/.test(t)), JSON.stringify(texts));

    await rows.filter({ hasText: /^rescue/ }).first().click();
    for (let i = 0; i < 50; i++) {
      texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      if (texts.some((t) => t.startsWith('Port clash with default'))) break;
      await page.waitForTimeout(200);
    }
    check('expanding a profile shows its ports and the conflict row', texts.some((t) => /^Ports ?18809-18919$/.test(t)) && texts.some((t) => t.startsWith('Port clash with default')), JSON.stringify(texts));

    await page.keyboard.press('Control+Shift+M');
    let problems = '';
    for (let i = 0; i < 50 && !/Port clash/.test(problems); i++) {
      await page.waitForTimeout(200);
      problems = await page.locator('.markers-panel').innerText().catch(() => '');
    }
    check('the Problems panel lists the port clash from the language server', /Port clash with profile "default"/.test(problems), problems.slice(0, 300));

    const status = await page.locator('.statusbar').innerText();
    check('the status bar shows running/total and conflicts', /OpenClaw 0\/6 · 4 conflicts/.test(status), status.slice(0, 300));

    // A hover tooltip from the clicks above would cover the rows in the picture.
    await page.mouse.move(900, 330);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1000);
    const shot = path.join(repoRoot, '.run', 'ui-profiles.png');
    await page.screenshot({ path: shot });
    log(`screenshot ${path.relative(repoRoot, shot)}`);
    if (updateShot) {
      const dest = path.join(repoRoot, 'media', 'screenshots', 'profiles.png');
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.copyFileSync(shot, dest);
      log(`README screenshot updated: ${path.relative(repoRoot, dest)}`);
    }
    await preflightModal(page);
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
  await welcomeOnEmptyHost(extensionsDir);
}

/** Launch on a profile that clashes: the real modal of the preflight, with its two ways on; Escape runs nothing. */
async function preflightModal(page) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget').waitFor({ state: 'visible', timeout: 10000 });
  await page.keyboard.type('OpenClaw: Launch Gateway');
  await page.locator('.quick-input-list-row', { hasText: 'OpenClaw: Launch Gateway' }).first().waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-list-row', { hasText: 'rescue' }).first().waitFor({ timeout: 10000 });
  await page.keyboard.type('rescue');
  await page.keyboard.press('Enter');
  const dialog = page.locator('.monaco-dialog-box');
  const text = await dialog.waitFor({ timeout: 20000 }).then(() => dialog.innerText(), (e) => `no dialog: ${e.message}`);
  await page.screenshot({ path: path.join(repoRoot, '.run', 'ui-preflight.png') });
  check('Launch of a clashing profile opens the preflight modal: the clash, "Show Problems", "Launch Anyway"',
    /would stop the gateway of "rescue"/.test(text) && /Port clash with profile "default"/.test(text) && /Show Problems/.test(text) && /Launch Anyway/.test(text), text.slice(0, 400));
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden', timeout: 10000 }).catch(() => {});
  const tabs = await page.locator('.terminal-tabs-entry, .single-terminal-tab').allInnerTexts().catch(() => []);
  check('dismissing the modal launches nothing (no gateway terminal)', !tabs.some((t) => /OpenClaw: rescue/.test(t)) && !(await dialog.isVisible()), JSON.stringify(tabs));
}

/** A host with no profile at all shows the welcome view with its way forward instead of an empty tree. */
async function welcomeOnEmptyHost(extensionsDir) {
  const runDir = createRunDir('ui-empty');
  const home = path.join(runDir, 'home');
  const workspace = path.join(runDir, 'workspace');
  fs.mkdirSync(home, { recursive: true });
  fs.mkdirSync(workspace, { recursive: true });
  const server = await startCodeServer({ runDir, extensionsDir, env: { OPENCLAW_HOME: home } });
  const browser = await openBrowser({ runDir });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 760 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`, { timeout: 120000 });
    await page.waitForSelector('.monaco-workbench .activitybar', { timeout: 60000 });
    await page.locator('.activitybar [aria-label^="OpenClaw"]').first().click({ timeout: 30000 });
    let welcome = '';
    for (let i = 0; i < 75 && !/No OpenClaw profile was found/.test(welcome); i++) {
      await page.waitForTimeout(200);
      welcome = await page.locator('.welcome-view-content').first().innerText().catch(() => '');
    }
    check('an empty host shows the welcome view with "Create a Profile"', /No OpenClaw profile was found/.test(welcome) && /Create a Profile/.test(welcome), welcome.slice(0, 300));
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
}

main().catch((e) => {
  check('ui check ran', false, e.stack ?? String(e));
}).finally(async () => {
  await cleanupAll();
  const failed = results.filter((r) => !r).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed || !results.length ? 1 : 0);
});
