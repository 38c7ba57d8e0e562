/* global document, window, getComputedStyle, Node */ // page.evaluate bodies run in the workbench page
// UI-level check in the real workbench: installs the packaged .vsix into code-server, opens the fixture home and
// looks at what a person sees: the Profiles view and its rows, the clash in Problems, the editor's hover and inlay
// hint (also in a config written on one line), the language status popup, the port map and its links, the
// preflight modal, the welcome view of an empty host, and what `npm run demo` prints.
// Saves screenshots in .run/ (ui-*.png); with --update-screenshot also the README's and the walkthrough's pictures.
// Closing line: "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanupAll, copyFixtures, createRunDir, freePort, openBrowser, repoRoot, startCodeServer, toolsDir } from './vscode-host.mjs';
import {
  clearHover, editorLine, editorVisibleRight, hoverText, runCommand, squash, statusBarText, treeRow, until, untilRows, webview, widenSideBar,
} from './ui-page.mjs';

const updateShot = process.argv.includes('--update-screenshot');
const log = (m) => console.log(`[ui-check] ${m}`);
const results = [];
const check = (name, ok, detail = '') => {
  results.push(ok);
  console.log(`  ${ok ? '✔' : '✖'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
};

// What the fixture home must show: rescue (base 18809) inside the default profile's CDP range 18800-18899.
const RESCUE_CLASH = 'Port clash with profile "default": gateway 18809, browser control 18811, relay 18819 and CDP range 18820-18919 '
  + "overlap default's CDP range 18800-18899; CDP range 18820-18919 covers default's CDP port (work) 18850.";
const RESCUE_HINT = 'control 18811, relay 18819, CDP 18820-18919';
// VS Code's editor.inlayHints.maximumLength default: longer hints of a line are cut and end in "…".
const INLAY_HINT_MAX = 43;
// A config on one line with an unknown key near its end: the hint must not push that squiggle out of sight.
// Short enough that the squiggle is in sight; the hint placed right after the port's value would push it out.
const ONE_LINE = "{ gateway: { mode: 'local', port: 18809, bind: 'loopback', bogusKey: true } }\n";

const shots = path.join(repoRoot, '.run');
const published = [];
async function shot(page, name, { publishAs, clip } = {}) {
  const file = path.join(shots, `ui-${name}.png`);
  await page.screenshot({ path: file, ...(clip ? { clip } : {}) });
  log(`screenshot ${path.relative(repoRoot, file)}`);
  if (updateShot && publishAs) {
    const dest = path.join(repoRoot, publishAs);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.copyFileSync(file, dest);
    published.push(publishAs);
  }
}

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
  fs.writeFileSync(path.join(home, '.openclaw-rescue', 'oneline.openclaw.json'), ONE_LINE);
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
    await openFromExplorer(page, 'openclaw.json');

    await page.locator('.activitybar [aria-label^="OpenClaw"]').first().click({ timeout: 30000 });
    await widenSideBar(page, 470);
    await profilesView(page);
    await problemsPanel(page);
    await editorHoverAndHint(page);
    await languageStatus(page);
    await clearHover(page);
    await shot(page, 'profiles', { publishAs: 'media/screenshots/profiles.png' });
    await shot(page, 'tree', { publishAs: 'media/walkthrough/profiles.png', clip: { x: 0, y: 36, width: 480, height: 390 } });
    await oneLineConfig(page);
    await portMap(page);
    await preflightModal(page);
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
  await italianWorkbench(extensionsDir, home);
  await welcomeOnEmptyHost(extensionsDir);
  await demoPrintsOneUrl();
}

async function openFromExplorer(page, name) {
  await page.keyboard.press('Control+Shift+E');
  const row = page.locator('.explorer-folders-view .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/\./g, '\\.')}$`) }) }).first();
  await row.waitFor({ timeout: 60000 });
  await row.click();
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30000 });
  await until(async () => ({ ok: (await page.locator('.tabs-container .tab.active').innerText().catch(() => '')).includes(name) }));
}

/** Rows, their words, their colours and the profile's tooltip. */
async function profilesView(page) {
  const profileRows = ['default', 'lab', 'ops', 'qa', 'rescue', 'stage'].map((n) => (t) => t.startsWith(n));
  const clashRow = (t) => /^rescue ?:18809 · conflict/.test(t);
  let r = await untilRows(page, [...profileRows, clashRow], { tries: 100 });
  check('the Profiles view renders one row per profile', profileRows.every((has) => r.t.some(has)), JSON.stringify(r.t));
  check('the clash shows in the rows', r.t.some(clashRow), JSON.stringify(r.t));

  await treeRow(page, 'rescue').click();
  // The tree redraws while the server's first models and live state arrive, so one reading may catch it mid-way:
  // wait for the whole set of rows each check needs, and fail only if it never shows.
  const rescueRows = {
    config: (t) => /^Config ?~\/\.openclaw-rescue\/openclaw\.json$/.test(t),
    ports: (t) => /^Ports ?base 18809 · 18811, 18819, 18820-18919$/.test(t),
    clash: (t) => /^Port clash with default ?CDP range 18800-18899, CDP port \(work\) 18850$/.test(t),
  };
  r = await untilRows(page, Object.values(rescueRows));
  check('paths in the rows are written from ~', r.t.some(rescueRows.config), JSON.stringify(r.t));
  check('the Ports row shows the base and the list of spans', r.t.some(rescueRows.ports), JSON.stringify(r.t));
  check("the conflict row names the other profile's spans, whole", r.t.some(rescueRows.clash), JSON.stringify(r.t));

  await treeRow(page, 'Ports').click();
  const spans = ['gateway ?18809', 'browser control ?18811', 'relay ?18819', 'CDP range ?18820-18919'].map((re) => (t) => new RegExp(`^${re}$`).test(t));
  r = await untilRows(page, spans);
  check('the port rows list every span', spans.every((has) => r.t.some(has)), JSON.stringify(r.t));

  // The config has an error, so its row is in the error colour; the state dir holding it must not take that on.
  const { colours } = await until(async () => {
    const found = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.pane-body .monaco-list-row')].map((row) => {
      const name = row.querySelector('.label-name');
      return [name?.textContent?.trim(), name ? getComputedStyle(name).color : ''];
    })));
    return { ok: ['Config', 'State dir', 'Workspace'].every((row) => found[row]), colours: found };
  });
  check('the State dir row keeps the plain colour while the Config row shows the error',
    !!colours.Workspace && colours['State dir'] === colours.Workspace && !!colours.Config && colours.Config !== colours.Workspace, JSON.stringify(colours));

  const tip = await hoverText(page, treeRow(page, 'rescue').locator('.label-name'), /conflict/);
  check('the profile tooltip counts "1 conflict", not "conflict(s)"', /\b1 conflict\b/.test(tip) && !/\(s\)/.test(tip), tip.slice(0, 300));
  await clearHover(page);

  const status = await statusBarText(page);
  check('the status bar shows running/total and conflicts, pluralised', /OpenClaw 0\/6 · 4 conflicts/.test(status), status.slice(0, 300));
  const statusTip = await hoverText(page, page.locator('.statusbar-item', { hasText: 'OpenClaw 0/6' }).first(), /gateways running/);
  check('the status bar tooltip pluralises', /0 of 6 OpenClaw gateways running, 4 conflicts between profiles/.test(statusTip) && !/\(s\)/.test(statusTip), statusTip.slice(0, 300));
  await clearHover(page);
}

async function problemsPanel(page) {
  await page.keyboard.press('Control+Shift+M');
  const r = await until(async () => {
    const text = squash(await page.locator('.markers-panel').innerText().catch(() => ''));
    return { ok: text.includes(RESCUE_CLASH), text };
  });
  check("the Problems panel words the clash for gateway.port: this profile's ports inside the other's ranges", r.ok, r.text.slice(0, 400));
}

/** The hover on gateway.port and the hint beside it write rescue's CDP range as the message and the tree do. */
async function editorHoverAndHint(page) {
  const line = editorLine(page, 'port: 18809');
  const lineText = await until(async () => { const t = squash(await line.innerText().catch(() => '')); return { ok: t.includes('control'), t }; });
  check(`the inlay hint shows whole (at most ${INLAY_HINT_MAX} characters, no "…")`, lineText.t.endsWith(RESCUE_HINT) && !lineText.t.includes('…') && RESCUE_HINT.length <= INLAY_HINT_MAX, lineText.t);

  const hover = await hoverText(page, line.locator('span', { hasText: /^port$/ }).first(), /Derived ports/);
  check('the hover on gateway.port shows the clash and the derived ports', hover.includes(RESCUE_CLASH.slice(0, 60)) && /Derived ports from base 18809: browser control 18811 · relay 18819 · CDP range 18820-18919/.test(hover), hover.slice(0, 500));
  await shot(page, 'hover', { publishAs: 'media/walkthrough/configs.png', clip: { x: 470, y: 36, width: 890, height: 420 } });
  const fromHover = /Derived ports from base \d+: .*?CDP range (\d+-\d+)/.exec(hover)?.[1];
  const fromMessage = /CDP range (\d+-\d+) overlap /.exec(RESCUE_CLASH)?.[1];
  const fromHint = /CDP (\d+-\d+)$/.exec(lineText.t)?.[1];
  const cdpRow = /^CDP range ?(\d+-\d+)$/;
  const rows = await untilRows(page, [(t) => cdpRow.test(t)]);
  const fromTree = rows.t.map((t) => cdpRow.exec(t)?.[1]).find(Boolean);
  check("rescue's CDP range reads the same in the message, the hover, the hint and the tree",
    !!fromHover && [fromMessage, fromHint, fromTree].every((x) => x === fromHover), JSON.stringify({ fromMessage, fromHover, fromHint, fromTree }));
  await clearHover(page);
}

/** The popup of the language status item stays inside the window and says what the schema means for the user. */
async function languageStatus(page) {
  const item = page.locator('[id="status.languageStatus"]');
  let text = '';
  let box;
  // The CLI's schema arrives a few seconds after start; until then the item speaks of the bundled one.
  for (let i = 0; i < 30 && !/your CLI/.test(text); i++) {
    text = await hoverText(page, item, /OpenClaw/, { tries: 10 });
    // Its rows keep to one line: whatever of them ends right of the window is cut off.
    box = await page.evaluate(() => {
      const rows = [...document.querySelectorAll('.hover-language-status')].filter((e) => /OpenClaw/.test(e.textContent));
      return rows.map((e) => {
        const rects = [e, ...e.querySelectorAll('*')].map((x) => x.getBoundingClientRect()).filter((r) => r.width > 0);
        return { left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)), width: window.innerWidth };
      });
    });
    if (!/your CLI/.test(text)) { await clearHover(page); await page.waitForTimeout(1000); }
  }
  await shot(page, 'language-status');
  check('the language status popup fits in the window', !!box?.length && box.every((b) => b.left >= 0 && b.right <= b.width), JSON.stringify(box));
  check('the language status says what the schema means, without jargon', /OpenClaw 2026\.\d+\.\d+ ?–? ?your CLI's/.test(text) && !/constraint|not\/if|conditional/i.test(text), text.slice(0, 300));
}

/** In a config on one line the hint sits at the line's end, after the squiggle, which stays in sight. */
async function oneLineConfig(page) {
  await openFromExplorer(page, 'oneline.openclaw.json');
  const line = editorLine(page, 'bogusKey');
  await until(async () => ({ ok: (await line.innerText().catch(() => '')).includes('control') && (await page.locator('.monaco-editor .squiggly-error').count()) > 0 }), { tries: 75 });
  const geo = await page.evaluate((hint) => {
    const squiggle = [...document.querySelectorAll('.monaco-editor .squiggly-error')].map((e) => e.getBoundingClientRect()).sort((a, b) => b.right - a.right)[0];
    const lineEl = [...document.querySelectorAll('.monaco-editor .view-line')].find((e) => e.textContent.includes('bogusKey'));
    // The hint is text the editor injects into the line: find its text node and measure it.
    const walker = lineEl && document.createTreeWalker(lineEl, 4 /* NodeFilter.SHOW_TEXT */);
    let h;
    for (let n = walker?.nextNode(); n; n = walker.nextNode()) {
      // The editor writes spaces as no-break spaces.
      if (!n.textContent.replace(/\u00a0/g, ' ').includes(hint.slice(0, 12))) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      h = range.getBoundingClientRect();
      break;
    }
    return { squiggleLeft: squiggle?.left, squiggleRight: squiggle?.right, hintLeft: h?.left, hintRight: h?.right, line: lineEl?.textContent };
  }, RESCUE_HINT);
  const visibleRight = await editorVisibleRight(page);
  await shot(page, 'one-line');
  check('in a one-line config the squiggle stays in sight and the hint comes after it',
    geo.squiggleRight !== undefined && geo.hintLeft !== undefined && geo.squiggleRight <= visibleRight && geo.hintLeft >= geo.squiggleRight,
    JSON.stringify({ ...geo, visibleRight }));
  await page.keyboard.press('Control+W');
}

/** The port map: conflicts first, one row per profile, a legend, labelled segments; clicks go to config keys. */
async function portMap(page) {
  // The picture gets the whole height of the editor area, as a person would give it.
  if (await page.locator('.part.panel').isVisible()) await page.keyboard.press('Control+J');
  await runCommand(page, 'OpenClaw: Show Port Map');
  const doc = webview(page);
  await doc.locator('svg').waitFor({ timeout: 30000 });
  const facts = await doc.locator('body').evaluate((body) => {
    const svg = body.querySelector('svg');
    const conflicts = body.querySelector('#conflicts');
    return {
      conflictsFirst: !!conflicts && !!(conflicts.compareDocumentPosition(svg) & Node.DOCUMENT_POSITION_FOLLOWING),
      conflicts: conflicts?.querySelectorAll('li').length,
      rows: svg.querySelectorAll('g.row').length,
      names: [...svg.querySelectorAll('a.profile .name')].map((t) => t.textContent),
      legend: [...svg.querySelectorAll('.legend')].map((t) => t.textContent),
      breaks: svg.querySelectorAll('.brk').length,
      labels: [...svg.querySelectorAll('.lbl')].map((t) => t.textContent),
      segments: svg.querySelectorAll('rect.seg').length,
    };
  });
  await page.waitForTimeout(500);
  await shot(page, 'port-map', { publishAs: 'media/walkthrough/port-map.png', clip: { x: 470, y: 36, width: 890, height: 750 } });
  check('the port map lists the conflicts first', facts.conflictsFirst && facts.conflicts === 4, JSON.stringify(facts));
  check('the port map draws one row per profile on one axis with breaks between regions',
    facts.rows === 6 && facts.names.join() === 'default,lab,ops,qa,rescue,stage' && facts.breaks >= 4, JSON.stringify(facts));
  check('the port map has a legend and labels every segment with its ports',
    ['gateway (base)', 'CDP range', 'ports two profiles share'].every((l) => facts.legend.includes(l)) && facts.labels.length === facts.segments
      && ['18809', '18820-18919', '18800-18899', '18850'].every((l) => facts.labels.includes(l)), JSON.stringify(facts));

  await doc.locator('a.profile[data-profile="rescue"]').click();
  let r = await until(async () => { const s = await statusBarText(page); return { ok: /Ln 5, Col \d+ \(4 selected\)/.test(s), s }; });
  const rescueText = squash(await page.locator('.monaco-editor .view-lines').first().innerText().catch(() => ''));
  check("clicking a profile in the port map selects its gateway.port", r.ok && rescueText.includes('A rescue bot'), r.s.slice(0, 200));

  await page.locator('.tabs-container .tab', { hasText: 'OpenClaw Port Map' }).click();
  await doc.locator('a.key[data-profile="default"]', { hasText: 'browser.profiles.work.cdpPort' }).click();
  r = await until(async () => { const s = await statusBarText(page); return { ok: /Ln 11, Col \d+ \(7 selected\)/.test(s), s }; });
  const defaultText = squash(await page.locator('.monaco-editor .view-lines').first().innerText().catch(() => ''));
  check("clicking a conflict's key in the port map selects that key in the other profile's config", r.ok && defaultText.includes('The main bot'), r.s.slice(0, 200));
}

/** Launch on a profile that clashes: the real modal of the preflight, with its two ways on; Escape runs nothing. */
async function preflightModal(page) {
  await runCommand(page, 'OpenClaw: Launch Gateway', 'rescue');
  const dialog = page.locator('.monaco-dialog-box');
  const text = await dialog.waitFor({ timeout: 20000 }).then(() => dialog.innerText(), (e) => `no dialog: ${e.message}`);
  await shot(page, 'preflight');
  check('Launch of a clashing profile opens the preflight modal: the clash, "Show Problems", "Launch Anyway"',
    /would stop the gateway of "rescue"/.test(text) && /Port clash with profile "default"/.test(text) && /Show Problems/.test(text) && /Launch Anyway/.test(text), text.slice(0, 400));
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden', timeout: 10000 }).catch(() => {});
  const tabs = await page.locator('.terminal-tabs-entry, .single-terminal-tab').allInnerTexts().catch(() => []);
  check('dismissing the modal launches nothing (no gateway terminal)', !tabs.some((t) => /OpenClaw: rescue/.test(t)) && !(await dialog.isVisible()), JSON.stringify(tabs));
}

/** The same host with VS Code's display language set to Italian: the view, its rows and the status bar in Italian. */
async function italianWorkbench(extensionsDir, home) {
  const runDir = createRunDir('ui-it');
  const server = await startCodeServer({ runDir, extensionsDir, env: { OPENCLAW_HOME: home }, locale: 'it' });
  const browser = await openBrowser({ runDir });
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 820 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(path.join(home, '.openclaw-rescue'))}`, { timeout: 120000 });
    await page.waitForSelector('.monaco-workbench .activitybar', { timeout: 60000 });
    await page.locator('.activitybar [aria-label^="OpenClaw"]').first().click({ timeout: 30000 });
    await widenSideBar(page, 470);
    const header = await until(async () => { const t = squash(await page.locator('.pane-header').allInnerTexts().then((x) => x.join(' | '), () => '')); return { ok: /Profili/.test(t), t }; }, { tries: 100 });
    check('in Italian, the view is called "Profili" (package.nls.it.json)', header.ok, header.t.slice(0, 200));
    await untilRows(page, [(x) => x.startsWith('rescue')], { tries: 100 });
    await treeRow(page, 'rescue').click();
    const italianRows = [/^Configurazione ?~\/\.openclaw-rescue\/openclaw\.json$/, /^Cartella di stato ?~\/\.openclaw-rescue$/, /^Porte ?base 18809 · /, /^Conflitto di porte con default/];
    const r = await untilRows(page, italianRows.map((re) => (t) => re.test(t)));
    check('in Italian, the rows: "Configurazione", "Cartella di stato", "Porte", "Conflitto di porte con default"', r.ok, JSON.stringify(r.t));
    const status = await statusBarText(page);
    check('in Italian, the status bar counts "4 conflitti"', /OpenClaw 0\/6 · 4 conflitti/.test(status), status.slice(0, 300));
    await shot(page, 'italian');
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
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

/** `npm run demo` prints the one URL to open, and that URL answers; Ctrl-C stops everything it started. */
async function demoPrintsOneUrl() {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'demo.mjs')], {
    cwd: repoRoot, env: { ...process.env, DEMO_PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const ready = await until(async () => ({ ok: /Ctrl-C stops/.test(out) || child.exitCode !== null }), { tries: 600, every: 200 });
  const urls = out.match(/https?:\/\/\S+/g) ?? [];
  const answers = urls.length === 1 ? await fetch(urls[0]).then((res) => res.ok, () => false) : false;
  check('the demo prints one URL to open, and it answers', ready.ok && urls.length === 1 && /Open in your browser: +http/.test(out) && answers, out.slice(-600));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
  await exited;
  clearTimeout(timer);
  check('Ctrl-C stops the demo and says nothing is left running', /nothing from the demo is left running/.test(out), out.slice(-300));
}

main().catch((e) => {
  check('ui check ran', false, e.stack ?? String(e));
}).finally(async () => {
  await cleanupAll();
  if (published.length) log(`pictures updated: ${published.join(', ')}`);
  const failed = results.filter((r) => !r).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed || !results.length ? 1 : 0);
});
