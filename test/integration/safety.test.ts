// Never launch into a crash loop, with the real OpenClaw CLI on loopback: the preflight stops a profile with an
// invalid key (the test answers the modal through the API's test hook; scripts/ui-check.mjs sees the real dialog)
// and no gateway starts; fixed, it launches with no question; a gateway killed three times in a row while
// something keeps bringing it back is marked "crash loop"; two profiles announcing one Bonjour name get a
// warning and a quick fix. Every gateway started here is stopped by its pid.
import * as assert from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Internals } from '../../src/test-hook';
import type { Prompt } from '../../src/gateway/prompt';
import { lockIsLive, probeReady, readGatewayLock } from '../../language-server/src/host/liveness';
import { profileCommandEnv } from '../../language-server/src/openclaw-cli/command-lines';
import type { ConfigProblem, StopResult } from '../../language-server/src/protocol';
import { apiWithModel, configOf, EXTENSION_ID, fixtureHome, menuCommands, waitFor } from './util';

const NAME = 'guarded';

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

/** Pids of every process whose command line runs a gateway for this profile. */
function gatewayPids(profile: string): Promise<number[]> {
  return cliPids(profile, 'gateway');
}

async function cliPids(profile: string, command: string): Promise<number[]> {
  const out: number[] = [];
  for (const d of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const argv = (await fs.readFile(`/proc/${d}/cmdline`, 'utf8').catch(() => '')).split('\0');
    const i = argv.indexOf('--profile');
    if (i >= 0 && argv[i + 1] === profile && argv.includes(command)) out.push(Number(d));
  }
  return out;
}

describe('never launch into a crash loop', function () {
  this.timeout(300000);
  let oc: Internals;
  let port = 0;
  const asked: { message: string; detail: string; choices: string[] }[] = [];
  let answer: string | undefined;
  const started = new Set<number>();
  const children: ChildProcess[] = [];
  const stateDir = () => path.join(fixtureHome(), `.openclaw-${NAME}`);
  const config = () => path.join(stateDir(), 'openclaw.json');
  const node = () => oc.tree.profileNodes().find((n) => n.profile.name === NAME);

  before(async () => {
    oc = await apiWithModel(6);
    const record: Prompt = async (message, detail, ...choices) => { asked.push({ message, detail, choices }); return answer; };
    oc.setPrompt(record);
  });

  after(async () => {
    oc?.setPrompt(undefined);
    const lock = await readGatewayLock(stateDir(), config()).catch(() => undefined);
    if (lock) started.add(lock.pid);
    for (const c of children) if (c.pid) started.add(c.pid);
    for (const pid of started) {
      if (!alive(pid)) continue;
      process.kill(pid, 'SIGTERM');
      await waitFor(`pid ${pid} to exit`, 15000, () => !alive(pid)).catch(() => process.kill(pid, 'SIGKILL'));
    }
    for (const t of vscode.window.terminals) if (t.name.startsWith('OpenClaw: ')) t.dispose();
  });

  it('mDNS: the second advertising profile is warned, the default one is not, and the quick fix turns it off', async () => {
    const ops = vscode.Uri.file(configOf('.openclaw-ops'));
    const main = vscode.Uri.file(configOf('.openclaw'));
    const doc = await vscode.workspace.openTextDocument(ops);
    await vscode.window.showTextDocument(doc);
    await vscode.workspace.openTextDocument(main);
    const warning = await waitFor('the mDNS warning on ops', 20000, () => vscode.languages.getDiagnostics(ops).find((d) => d.code === 'mdns-clash'));
    assert.strictEqual(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(warning.message, /"default"/);
    await waitFor('default checked', 20000, () => vscode.languages.getDiagnostics(main).length > 0);
    assert.ok(!vscode.languages.getDiagnostics(main).some((d) => d.code === 'mdns-clash'), 'the default profile keeps the name');

    const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', ops, warning.range)) as vscode.CodeAction[];
    const fix = actions.find((a) => /mDNS off/.test(a.title));
    assert.ok(fix?.edit, JSON.stringify(actions.map((a) => a.title)));
    const before = doc.getText();
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(), /discovery: \{ mdns: \{ mode: "off" \} \}/);
    for (const line of before.split('\n').filter((l) => l.startsWith('//'))) assert.ok(doc.getText().includes(line), 'a comment was lost');
    await waitFor('the warning to go', 20000, () => !vscode.languages.getDiagnostics(ops).some((d) => d.code === 'mdns-clash'));
    // An ordinary edit: undo brings the file, and the warning, back.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), before);
    await waitFor('the warning back after undo', 20000, () => vscode.languages.getDiagnostics(ops).some((d) => d.code === 'mdns-clash'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('an invalid profile says why: its first error in the tooltip and in a row that jumps to the key', async () => {
    const created = (await vscode.commands.executeCommand('openclaw.newProfile', { name: NAME, mode: 'quick' })) as { port: number; exitCode?: number };
    assert.ok(created, 'newProfile returned nothing');
    if (created.exitCode !== undefined) assert.strictEqual(created.exitCode, 0);
    port = created.port;
    // Onboarding runs in a terminal: the command may return before the CLI has finished with the config, and a
    // write in between makes it fail ("config changed since last load").
    await waitFor('onboarding to finish', 120000, async () => (await cliPids(NAME, 'onboard')).length === 0);
    const text = await waitFor('the onboarded config', 60000, async () => {
      const t = await fs.readFile(config(), 'utf8').catch(() => '');
      return /"gateway"\s*:\s*\{/.test(t) ? t : undefined;
    });
    const broken = text.replace(/"gateway"\s*:\s*\{/, '$&\n    "bogusKey": true,');
    assert.notStrictEqual(broken, text, 'onboarding wrote no gateway object');
    await fs.writeFile(config(), broken);
    const n = await waitFor('the profile invalid in the tree', 30000, async () => { await oc.refresh(); const x = node(); return x?.state === 'invalid' ? x : undefined; });
    const item = oc.tree.getTreeItem(n);
    const tip = (item.tooltip as vscode.MarkdownString).value;
    assert.match(tip, /bogusKey/);
    assert.match(item.contextValue!, /^profile:stopped.*:invalid$/);
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    const offered = menuCommands(pkg, item.contextValue!);
    assert.ok(offered.includes('openclaw.launchChecked') && !offered.includes('openclaw.launch'), offered.join());
    assert.ok(menuCommands(pkg, 'profile:stopped').includes('openclaw.launch'));
    const row = oc.tree.getChildren(n)[0];
    const rowItem = oc.tree.getTreeItem(row);
    assert.strictEqual(row.type, 'error');
    assert.match(String(rowItem.label), /bogusKey/);
    const editor = (await vscode.commands.executeCommand(rowItem.command!.command, ...(rowItem.command!.arguments ?? []))) as vscode.TextEditor;
    assert.strictEqual(editor.document.uri.fsPath, config());
    assert.match(editor.document.getText(editor.selection), /bogusKey/);
    assert.ok((rowItem.command!.arguments![0] as ConfigProblem).range);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the preflight stops it: a modal lists the key, nothing is launched', async () => {
    assert.ok(port, 'no profile');
    for (const t of vscode.window.terminals) if (t.name.startsWith('OpenClaw: ')) t.dispose();
    asked.length = 0;
    answer = 'Show Problems';
    const r = await vscode.commands.executeCommand('openclaw.launchChecked', NAME);
    assert.strictEqual(r, undefined);
    assert.strictEqual(asked.length, 1, JSON.stringify(asked));
    assert.match(asked[0].message, new RegExp(`would stop the gateway of "${NAME}"`));
    assert.match(asked[0].detail, /bogusKey/);
    assert.deepStrictEqual(asked[0].choices, ['Show Problems', 'Launch Anyway']);
    // "Show Problems" opened the config at the key.
    await waitFor('the config open at the key', 10000, () => vscode.window.activeTextEditor?.document.uri.fsPath === config() && /bogusKey/.test(vscode.window.activeTextEditor.document.getText(vscode.window.activeTextEditor.selection)));
    // The plain Launch command goes through the same check.
    answer = undefined;
    assert.strictEqual(await vscode.commands.executeCommand('openclaw.launch', NAME), undefined);
    assert.strictEqual(asked.length, 2);
    await new Promise((res) => setTimeout(res, 5000));
    assert.deepStrictEqual(await gatewayPids(NAME), [], 'a gateway process started');
    assert.ok(!vscode.window.terminals.some((t) => t.name === `OpenClaw: ${NAME}`), 'a gateway terminal was opened');
    assert.strictEqual((await probeReady(port, 800)).ready, false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('fixed, it launches with no prompt and runs; stopped by its pid', async () => {
    // Fixed as a person does it: in the editor, then saved. (VS Code may keep a closed editor's document alive, and
    // the server rightly prefers an open document's text to the disk's.)
    const doc = await vscode.workspace.openTextDocument(config());
    const bogus = /\n\s*"bogusKey": true,/.exec(doc.getText());
    assert.ok(bogus, 'the bogus key is not in the config');
    const fix = new vscode.WorkspaceEdit();
    fix.delete(doc.uri, new vscode.Range(doc.positionAt(bogus.index), doc.positionAt(bogus.index + bogus[0].length)));
    assert.ok(await vscode.workspace.applyEdit(fix));
    assert.ok(await doc.save());
    await waitFor('the profile valid again', 30000, async () => { await oc.refresh(); return node()?.profile.configValid === true; });
    asked.length = 0;
    await vscode.commands.executeCommand('openclaw.launch', NAME);
    assert.strictEqual(asked.length, 0, JSON.stringify(asked));
    await waitFor(`ready on ${port}`, 150000, async () => (await probeReady(port, 1000)).ready);
    const lock = await readGatewayLock(stateDir(), config());
    assert.ok(lock && (await lockIsLive(lock)));
    started.add(lock!.pid);
    const stop = (await vscode.commands.executeCommand('openclaw.stop', NAME)) as StopResult;
    assert.strictEqual(stop.stopped, true, stop.message);
    assert.strictEqual(stop.pid, lock!.pid);
    assert.ok(!alive(lock!.pid));
  });

  it('a gateway killed three times in a row, and brought back each time, shows "crash loop"', async () => {
    // The test plays the service manager (systemd's Restart=always): whenever the gateway exits, it starts another.
    const env = { ...profileCommandEnv(process.env, {}), OPENCLAW_DISABLE_BONJOUR: '1' };
    let supervising = true;
    const startOne = () => {
      const child = spawn('openclaw', ['--profile', NAME, 'gateway', '--port', String(port)], { env, stdio: 'ignore' });
      children.push(child);
      child.on('exit', () => { if (supervising) setTimeout(startOne, 500); });
    };
    startOne();
    const seenPids: number[] = [];
    try {
      for (let kill = 0; kill < 3; kill++) {
        // Each life is seen by the extension's own poll before the test kills it.
        const pid = await waitFor(`a new gateway pid seen by the extension (kill ${kill + 1})`, 150000, async () => {
          await oc.refresh();
          const p = oc.tree.getLive()[NAME]?.pid;
          return p && !seenPids.includes(p) && alive(p) ? p : undefined;
        });
        started.add(pid);
        seenPids.push(pid);
        process.kill(pid, 'SIGKILL');
        await waitFor(`pid ${pid} gone`, 15000, () => !alive(pid));
      }
      const n = await waitFor('the crash-loop mark', 150000, async () => { await oc.refresh(); const x = node(); return x?.state === 'crash-loop' ? x : undefined; });
      assert.ok(n.crashLoop!.restarts >= 3, JSON.stringify(n.crashLoop));
      assert.match(String(oc.tree.getTreeItem(n).description), /crash loop/);
      assert.match(oc.statusBar.text, new RegExp(`${NAME} in crash loop`));
      assert.match((oc.tree.getTreeItem(n).tooltip as vscode.MarkdownString).value, /lock pid changed \d/);
    } finally {
      supervising = false;
    }

    // Stop offers to stop the service too; the test stops only the process here (there is no service manager).
    asked.length = 0;
    answer = 'Stop the Process Only';
    const lock = await readGatewayLock(stateDir(), config());
    const running = lock && (await lockIsLive(lock)) ? lock.pid : undefined;
    if (running) started.add(running);
    const stop = (await vscode.commands.executeCommand('openclaw.stop', NAME)) as StopResult;
    assert.strictEqual(asked.length, 1);
    assert.match(asked[0].message, /crash loop/);
    assert.ok(asked[0].choices.includes('Stop the Service Too'));
    if (running) {
      assert.strictEqual(stop.stopped, true, stop.message);
      assert.strictEqual(stop.pid, running);
      await waitFor('the mark gone after the stop', 30000, async () => { await oc.refresh(); return node()?.state !== 'crash-loop'; });
    }
  });
});
