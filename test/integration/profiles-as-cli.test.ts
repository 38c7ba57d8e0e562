// Profiles exactly as the CLI resolves them, in a real VS Code host: Problems lists every profile config's clashes
// before anything is opened; a config opened through a workspace link gets its clashes and the quick fix, once; a
// folder no --profile reaches is a greyed row with its reason; a gateway started by hand is found from its lock
// file; an installed service, written in the CLI's own form, shows its profile, port and config and offers a
// reinstall when it drifted. Everything made here is removed again, so the suites after this see the fixture home.
import * as assert from 'assert';
import { spawn } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Internals } from '../../src/test-hook';
import { lockIsLive, probeReady, readGatewayLock } from '../../language-server/src/host/liveness';
import { FreeBasePortRequest } from '../../language-server/src/protocol';
import { cliServiceFiles } from '../support/cli-probe';
import { OPENCLAW } from '../support/paths';
import { apiWithModel, configOf, EXTENSION_ID, fixtureHome, menuCommands, runDir, waitFor } from './util';

const codesAt = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));
const rootNodes = (oc: Internals) => oc.tree.getChildren();

describe('profiles as the CLI resolves them', function () {
  this.timeout(180000);
  let oc: Internals;

  before(async () => {
    oc = await apiWithModel(6);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Problems lists every clash of the host before any profile config is opened, as the status bar counts them', async () => {
    const model = oc.tree.getModel()!;
    assert.ok(model.conflicts.length > 0);
    for (const c of model.conflicts) {
      for (const loc of c.locations) {
        const uri = vscode.Uri.file(loc.configPath);
        await waitFor(`a diagnostic of "${c.kind}" in ${loc.configPath}`, 20000, () => vscode.languages.getDiagnostics(uri).some((d) => d.message.includes(c.profiles[0] === loc.profile ? c.profiles[1] : c.profiles[0])));
      }
    }
    assert.match(oc.statusBar.text, new RegExp(`${model.conflicts.length} conflict`));
  });

  it('a profile config opened through a workspace link gets its clash diagnostics and the quick fix, listed once', async () => {
    // A profile of its own: VS Code keeps a document an extension opened for up to three minutes after its editor
    // closes, and such a document is open for the server too. Rescue's config, opened by earlier suites, may still
    // be one, and then its entry in Problems rightly stays.
    const dir = path.join(fixtureHome(), '.openclaw-linked');
    const ws = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const link = path.join(ws, 'profile-linked');
    const real = vscode.Uri.file(configOf('.openclaw-linked'));
    await fs.mkdir(dir, { recursive: true });
    // 18829 lies inside default's and rescue's CDP ranges.
    await fs.writeFile(real.fsPath, "{ gateway: { mode: 'local', port: 18829, bind: 'loopback' }, discovery: { mdns: { mode: 'off' } } }\n");
    await fs.symlink(dir, link);
    try {
      await oc.refresh();
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === real.fsPath), 'the new profile config is open before the test opens it');
      await waitFor('the clash published on the closed config\'s real path', 20000, () => codesAt(real).includes('port-conflict'));
      const uri = vscode.Uri.file(path.join(link, 'openclaw.json'));
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      await waitFor('the openclaw-config language on the linked file', 10000, () => doc.languageId === 'openclaw-config');
      const clash = await waitFor('the port clash on the linked file', 20000, () => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'port-conflict'));
      assert.strictEqual(doc.getText(clash.range), 'port');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, clash.range);
      const move = actions.find((a) => /Move to a free base port/.test(a.title));
      assert.ok(move, `no move fix among ${actions.map((a) => a.title).join(' | ')}`);
      assert.deepStrictEqual(move.edit!.entries().map(([u]) => u.toString()), [uri.toString()]);
      // One entry for the file in Problems: the real path's goes while the link is open.
      await waitFor('the real path\'s entry to go', 10000, () => vscode.languages.getDiagnostics(real).length === 0);
      const listed = vscode.languages.getDiagnostics().filter(([u, ds]) => ds.length && (u.fsPath === real.fsPath || u.fsPath === uri.fsPath));
      assert.deepStrictEqual(listed.map(([u]) => u.fsPath), [uri.fsPath]);
      // (The LSP test sees the real path's entry come back on close; here VS Code holds the document a while.)
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await fs.rm(link, { force: true });
      await fs.rm(dir, { recursive: true, force: true });
      await oc.refresh();
    }
    assert.ok(!oc.tree.getModel()!.profiles.some((p) => p.name === 'linked'));
  });

  it('a folder no --profile reaches is a greyed row with its reason', async () => {
    const profiles = oc.tree.getModel()!.profiles.length;
    const dirs = ['.openclaw-Default', '.openclaw-Bad Name'].map((d) => path.join(fixtureHome(), d));
    for (const d of dirs) await fs.mkdir(d, { recursive: true });
    try {
      await oc.refresh();
      const rows = rootNodes(oc).filter((n) => n.type === 'skipped').map((n) => oc.tree.getTreeItem(n));
      assert.deepStrictEqual(rows.map((r) => r.label).sort(), ['.openclaw-Bad Name', '.openclaw-Default']);
      const row = rows.find((r) => r.label === '.openclaw-Default')!;
      assert.match(String(row.description), /default profile/);
      assert.strictEqual(((row.iconPath as vscode.ThemeIcon).color as vscode.ThemeColor).id, 'disabledForeground');
      assert.strictEqual(row.resourceUri?.scheme, 'openclaw-skipped');
      const deco = oc.skippedDecorations.provideFileDecoration(row.resourceUri!) as vscode.FileDecoration;
      assert.strictEqual((deco.color as vscode.ThemeColor).id, 'disabledForeground');
      assert.match(deco.tooltip!, /default profile/);
      // Profiles first, skipped folders after them; no profile was made of either folder.
      assert.strictEqual(rootNodes(oc).findIndex((n) => n.type === 'skipped'), oc.tree.profileNodes().length);
      assert.strictEqual(oc.tree.getModel()!.profiles.length, profiles);
    } finally {
      for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
      await oc.refresh();
    }
    assert.ok(!rootNodes(oc).some((n) => n.type === 'skipped'));
  });

  it('a gateway started by hand with OPENCLAW_CONFIG_PATH and OPENCLAW_STATE_DIR is found from its lock file', async () => {
    // The guide's manual example: a config next to the default one, a state dir of its own, a port on the command line.
    const configPath = path.join(fixtureHome(), '.openclaw', 'manual.json');
    const stateDir = path.join(fixtureHome(), '.openclaw-handmade');
    // By method name: the request type's parameter structure belongs to the bundle, not to this compiled test.
    const port = (await oc.client.sendRequest<number | null>(FreeBasePortRequest.method, { near: 47100 }))!;
    await fs.writeFile(configPath, `{ gateway: { mode: 'local', bind: 'loopback', port: ${port} }, discovery: { mdns: { mode: 'off' } } }\n`);
    await fs.mkdir(stateDir, { recursive: true });
    const env = { ...process.env, OPENCLAW_CONFIG_PATH: configPath, OPENCLAW_STATE_DIR: stateDir, OPENCLAW_DISABLE_BONJOUR: '1' };
    const logFile = path.join(runDir() ?? fixtureHome(), 'handmade-gateway.log');
    const log = await fs.open(logFile, 'w');
    const child = spawn(OPENCLAW, ['gateway', '--port', String(port), '--bind', 'loopback'], { env, stdio: ['ignore', log.fd, log.fd], detached: true });
    let pid: number | undefined;
    try {
      await waitFor(`the hand-started gateway ready on ${port}`, 150000, async () => (await probeReady(port, 1000)).ready)
        .catch(async (e) => { throw new Error(`${(e as Error).message}; its log: ${(await fs.readFile(logFile, 'utf8')).slice(-1500)}`); });
      const lock = await readGatewayLock(stateDir, configPath);
      assert.ok(lock && (await lockIsLive(lock)), 'no live lock');
      pid = lock.pid;
      const found = await waitFor('the lock-file profile in the model', 20000, async () => {
        await oc.refresh();
        return oc.tree.getModel()!.profiles.find((p) => p.origin === 'lock');
      });
      assert.strictEqual(found.name, 'manual');
      assert.strictEqual(found.configPath, configPath);
      assert.strictEqual(found.basePort, port);
      const node = oc.tree.profileNodes().find((n) => n.profile.name === 'manual')!;
      assert.strictEqual(node.state, 'running');
      const first = oc.tree.getTreeItem(oc.tree.getChildren(node)[0]);
      assert.strictEqual(first.label, 'Found by');
      assert.match(String(first.description), new RegExp(`lock file .* \\(pid ${pid}\\)`));
      // Its config has the same diagnostics as any profile's: it shares a state dir with the folder's own profile.
      await waitFor('the shared state dir on manual.json', 20000, () => codesAt(vscode.Uri.file(configPath)).includes('shared-state-dir'));
    } finally {
      for (const p of new Set([pid, child.pid].filter((x): x is number => !!x))) {
        try { process.kill(p, 'SIGTERM'); } catch { /* gone */ }
        await waitFor(`pid ${p} to exit`, 20000, () => { try { process.kill(p, 0); return false; } catch { return true; } }).catch(() => { try { process.kill(p, 'SIGKILL'); } catch { /* gone */ } });
      }
      await waitFor('the lock-file profile gone', 20000, async () => {
        await oc.refresh();
        return !oc.tree.getModel()!.profiles.some((p) => p.origin === 'lock');
      });
      await waitFor('its diagnostics cleared', 20000, () => vscode.languages.getDiagnostics(vscode.Uri.file(configPath)).length === 0);
      await log.close();
      await fs.rm(configPath, { force: true });
      await fs.rm(stateDir, { recursive: true, force: true });
      await oc.refresh();
    }
  });

  it('an installed service shows its profile, port and config, and offers a reinstall when it pins another port', async () => {
    const unitDir = path.join(fixtureHome(), '.config', 'systemd', 'user');
    const rescueDir = path.join(fixtureHome(), '.openclaw-rescue');
    // Installed while rescue was on 18700; its config says 18809 now.
    const [files] = await cliServiceFiles(OPENCLAW, [{ home: fixtureHome(), profile: 'rescue', port: 18700, stateDir: rescueDir, configPath: path.join(rescueDir, 'openclaw.json') }]);
    await fs.mkdir(unitDir, { recursive: true });
    await fs.writeFile(path.join(unitDir, files.systemdName), files.systemd);
    try {
      const rescue = await waitFor('the installed service on rescue', 20000, async () => {
        await oc.refresh();
        const n = oc.tree.profileNodes().find((x) => x.profile.name === 'rescue');
        return n?.profile.installedServices?.length ? n : undefined;
      });
      const row = oc.tree.getChildren(rescue).find((n) => n.type === 'installedService')!;
      const item = oc.tree.getTreeItem(row);
      assert.strictEqual(item.description, 'openclaw-gateway-rescue.service · port 18700 · reinstall');
      assert.strictEqual(item.contextValue, 'installedService:drift');
      const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
      assert.ok(menuCommands(pkg, item.contextValue!).includes('openclaw.reinstallService'));
      const details = oc.tree.getChildren(row).map((n) => oc.tree.getTreeItem(n)).map((i) => `${i.label}=${i.description}`);
      assert.deepStrictEqual(details, [
        'Profile=rescue', 'Port=18700', `Config=${path.join(rescueDir, 'openclaw.json')}`, `State dir=${rescueDir}`,
        "Drift=pins port 18700; the profile's gateway is on 18809 now",
      ]);
      const config = vscode.Uri.file(configOf('.openclaw-rescue'));
      const drift = await waitFor('the service-drift warning', 20000, () => vscode.languages.getDiagnostics(config).find((d) => d.code === 'service-drift'));
      assert.strictEqual(drift.severity, vscode.DiagnosticSeverity.Warning);
      const doc = await vscode.workspace.openTextDocument(config);
      const opened = await waitFor('the warning on the open config', 20000, () => vscode.languages.getDiagnostics(config).find((d) => d.code === 'service-drift'));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, opened.range);
      const reinstall = actions.find((a) => a.command?.command === 'openclaw.reinstallService');
      assert.ok(reinstall, actions.map((a) => a.title).join(' | '));
      assert.deepStrictEqual(reinstall.command!.arguments, ['rescue']);
    } finally {
      await fs.rm(path.join(fixtureHome(), '.config'), { recursive: true, force: true });
      await oc.refresh();
    }
  });
});
