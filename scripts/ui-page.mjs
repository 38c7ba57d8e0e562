/* global document */ // page.evaluate bodies run in the workbench page
// What the UI check does with the rendered workbench, in a person's terms: read rows, run a command from the
// palette, hover something and read the hover, read the status bar, reach into a webview. Playwright page in.

export const squash = (t) => t.replace(/\s+/g, ' ').trim();

export async function until(fn, { tries = 50, every = 200 } = {}) {
  let last;
  for (let i = 0; i < tries; i++) {
    last = await fn();
    if (last.ok) return last;
    await new Promise((r) => setTimeout(r, every));
  }
  return last;
}

/** The rows of the side bar's tree views, each as its rendered text. */
export async function treeRows(page) {
  return (await page.locator('.pane-body .monaco-list-row').allInnerTexts()).map(squash);
}

/** Polls the tree until every test matches one of its rows; returns the last rows read either way. */
export async function untilRows(page, tests, options) {
  return until(async () => { const t = await treeRows(page); return { ok: tests.every((has) => t.some(has)), t }; }, options);
}

export function treeRow(page, startsWith) {
  return page.locator('.pane-body .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${startsWith}`) }) }).first();
}

export async function runCommand(page, title, answer) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget').waitFor({ state: 'visible', timeout: 10000 });
  await page.keyboard.type(title);
  await page.locator('.quick-input-list-row', { hasText: title }).first().waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
  if (answer) {
    await page.locator('.quick-input-list-row', { hasText: answer }).first().waitFor({ timeout: 10000 });
    await page.keyboard.type(answer);
    await page.keyboard.press('Enter');
  }
}

/** Moves the mouse onto `locator` and returns the text of the hover that shows, once it matches `want`. */
export async function hoverText(page, locator, want, { tries = 40 } = {}) {
  const box = await locator.boundingBox();
  if (!box) return '';
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const r = await until(async () => {
    const texts = await page.locator('.monaco-hover:visible, .workbench-hover:visible').allInnerTexts().catch(() => []);
    const text = texts.map(squash).find((t) => want.test(t)) ?? texts.map(squash).join(' | ');
    return { ok: want.test(text), text };
  }, { tries });
  return r.text;
}

export async function clearHover(page) {
  await page.mouse.move(5, 400);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
}

export async function statusBarText(page) {
  return squash(await page.locator('.statusbar').innerText());
}

/** The active webview's own document (VS Code nests it in two iframes). */
export function webview(page) {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

/** The editor line whose text contains `text`, as rendered (inlay hints included). */
export function editorLine(page, text) {
  return page.locator('.monaco-editor .view-line', { hasText: text }).first();
}

/** The right edge of what the active editor shows of its lines: left of the minimap and the scroll bar. */
export async function editorVisibleRight(page) {
  return page.evaluate(() => {
    const editor = [...document.querySelectorAll('.monaco-editor')].find((e) => e.querySelector('.view-lines') && e.getBoundingClientRect().width > 200);
    const guard = editor.querySelector('.overflow-guard').getBoundingClientRect();
    const minimap = editor.querySelector('.minimap');
    const mm = minimap && minimap.getBoundingClientRect().width > 0 ? minimap.getBoundingClientRect().left : guard.right - 14;
    return Math.min(guard.right - 14, mm);
  });
}

/** Drags the side bar's right edge to `x`, so its rows show whole. */
export async function widenSideBar(page, x) {
  const sash = page.locator('.monaco-sash.vertical');
  const boxes = await sash.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })));
  const side = await page.locator('.part.sidebar').boundingBox();
  const target = boxes.filter((b) => b.h > 200).sort((a, b) => Math.abs(a.x - (side.x + side.width)) - Math.abs(b.x - (side.x + side.width)))[0];
  if (!target) return;
  const sx = target.x + target.w / 2, sy = target.y + target.h / 2;
  await page.mouse.move(sx, sy);
  await page.mouse.down();
  await page.mouse.move(x, sy, { steps: 8 });
  await page.mouse.up();
}
