// The Profiles view read through the extension's own provider, on the fixture home of six profiles
// (every conflict kind, one clean profile), plus its live state, status bar item and port-map picture.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as http from 'http';
import * as vscode from 'vscode';
import type { Internals } from '../../src/test-hook';
import { apiWithModel, configOf, EXTENSION_ID, menuCommands, waitFor } from './util';

describe('profiles explorer', function () {
  this.timeout(60000);
  let oc: Internals;

  before(async () => {
    oc = await apiWithModel(6);
  });

  const node = (name: string) => oc.tree.profileNodes().find((n) => n.profile.name === name)!;

  it('lists every profile with base port and state in its description', () => {
    const rows = oc.tree.getChildren().map((n) => {
      const item = oc.tree.getTreeItem(n);
      return `${item.label} ${item.description}`;
    });
    assert.deepStrictEqual(rows.sort(), [
      'default :18789 · conflict', 'lab :30000 · conflict', 'ops :55291 · stopped',
      'qa :40000 · conflict', 'rescue :18809 · conflict', 'stage :45000 · conflict',
    ]);
  });

  it('a profile row has the port map in its tooltip and never a secret', () => {
    const item = oc.tree.getTreeItem(node('default'));
    const tip = (item.tooltip as vscode.MarkdownString).value;
    assert.match(tip, /browser control: 18791/);
    assert.match(tip, /CDP range: 18800-18899/);
    assert.ok(!tip.includes('fixture-secret-token'), 'the auth token leaked into a tooltip');
    assert.strictEqual(item.contextValue, 'profile:stopped:conflict');
  });

  it('children: config, state dir, workspace, ports, service and one row per conflict', () => {
    const children = oc.tree.getChildren(node('rescue')).map((n) => oc.tree.getTreeItem(n));
    assert.deepStrictEqual(children.map((c) => c.label), ['Config', 'State dir', 'Workspace', 'Ports', 'Service', 'Port clash with default']);
    assert.strictEqual(children[0].command?.command, 'openclaw.openConfig');
    assert.strictEqual(children[4].description, 'openclaw-gateway-rescue.service');
    const ports = oc.tree.getChildren(oc.tree.getChildren(node('default'))[3]).map((n) => {
      const i = oc.tree.getTreeItem(n);
      return `${i.label}=${i.description}${(i.iconPath as vscode.ThemeIcon).id === 'warning' ? '!' : ''}`;
    });
    assert.deepStrictEqual(ports, ['gateway=18789', 'browser control=18791', 'relay=18799', 'CDP range=18800-18899!', 'CDP port (work)=18850!']);
  });

  it('rows write paths from ~, the Ports row the base and its spans, the conflict row the other side\'s spans', () => {
    const rows = (name: string) => oc.tree.getChildren(node(name)).map((n) => oc.tree.getTreeItem(n));
    const rescue = rows('rescue');
    assert.deepStrictEqual(rescue.slice(0, 3).map((c) => c.description), ['~/.openclaw-rescue/openclaw.json', '~/.openclaw-rescue', '~/.openclaw-rescue/workspace']);
    assert.strictEqual(rescue[0].tooltip, configOf('.openclaw-rescue'), 'the tooltip keeps the whole path');
    assert.strictEqual(rescue[3].description, 'base 18809 · 18811, 18819, 18820-18919');
    assert.strictEqual(rows('stage')[3].description, 'base 45000 · 45002, 45010, 45011-45110, 40050');
    assert.strictEqual(rescue[5].description, 'CDP range 18800-18899, CDP port (work) 18850');
    assert.strictEqual(rescue[5].tooltip, 'Port clash with default: gateway 18809, browser control 18811, relay 18819 and CDP range 18820-18919 '
      + "overlap default's CDP range 18800-18899; CDP range 18820-18919 covers default's CDP port (work) 18850.");
  });

  it('only the config row carries a resourceUri: a folder row would take on the decorations of the files in it', () => {
    const [config, stateDir, workspace] = oc.tree.getChildren(node('rescue')).map((n) => oc.tree.getTreeItem(n));
    assert.strictEqual(config.resourceUri?.fsPath, configOf('.openclaw-rescue'));
    assert.strictEqual(stateDir.resourceUri, undefined);
    assert.strictEqual(workspace.resourceUri, undefined);
  });

  it('counts are pluralised in tooltips', () => {
    const tip = (oc.tree.getTreeItem(node('rescue')).tooltip as vscode.MarkdownString).value;
    assert.match(tip, /\$\(warning\) 1 conflict$/);
    assert.doesNotMatch(tip, /\(s\)/);
  });

  it('a conflict row jumps to the offending key', async () => {
    const conflictNode = oc.tree.getChildren(node('rescue'))[5];
    const item = oc.tree.getTreeItem(conflictNode);
    const editor = (await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []))) as vscode.TextEditor;
    assert.strictEqual(editor.document.uri.fsPath, configOf('.openclaw-rescue'));
    assert.strictEqual(editor.document.getText(editor.selection), 'port');
    assert.strictEqual(editor.selection.start.line, 4);
  });

  it('context menus follow the state', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    assert.deepStrictEqual(menuCommands(pkg, 'profile:stopped', /^\d_/), [
      'openclaw.checkStatus', 'openclaw.copyPortMap', 'openclaw.installService', 'openclaw.launch', 'openclaw.openConfig', 'openclaw.revealStateDir',
    ]);
    assert.deepStrictEqual(menuCommands(pkg, 'profile:running:conflict', /^\d_/), [
      'openclaw.browserStatus', 'openclaw.checkStatus', 'openclaw.copyPortMap', 'openclaw.openConfig', 'openclaw.openControlUi',
      'openclaw.restart', 'openclaw.revealStateDir', 'openclaw.showLogs', 'openclaw.stop',
    ]);
  });

  it('live state is polled only while the view is visible', async () => {
    await vscode.commands.executeCommand('openclaw.profiles.focus');
    await waitFor('the view visible and polled', 10000, () => oc.treeView.visible && oc.poller.polling);
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor('polling stopped with the view hidden', 10000, () => !oc.treeView.visible && !oc.poller.polling);
    await vscode.commands.executeCommand('openclaw.profiles.focus');
    await waitFor('polling again', 10000, () => oc.poller.polling);
  });

  it('the status bar counts running gateways and conflicts', () => {
    assert.strictEqual(oc.statusBar.text, '$(warning) OpenClaw 0/6 · 4 conflicts');
  });

  it('a profile answering /readyz shows as running, and stopped again when it goes away', async () => {
    const ops = node('ops').profile;
    const server = http.createServer((req, res) => {
      res.writeHead(req.url === '/readyz' ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ready: req.url === '/readyz' }));
    });
    await new Promise<void>((r) => server.listen(ops.basePort, '127.0.0.1', r));
    try {
      await oc.refresh();
      await waitFor('ops running', 10000, async () => { await oc.refresh(); return node('ops').state === 'running'; });
      assert.strictEqual(oc.tree.getTreeItem(node('ops')).contextValue, 'profile:running');
      assert.match(oc.statusBar.text, /OpenClaw 1\/6/);
    } finally {
      await new Promise((r) => server.close(r));
    }
    await waitFor('ops stopped', 10000, async () => { await oc.refresh(); return node('ops').state === 'stopped'; });
  });

  it('a config changed on disk updates the tree within a second', async () => {
    const file = configOf('.openclaw-ops');
    const before = await fs.readFile(file, 'utf8');
    try {
      const t0 = Date.now();
      await fs.writeFile(file, "{ gateway: { mode: 'local', bind: 'loopback', port: 56000 } }");
      await waitFor('ops on 56000', 3000, () => oc.tree.profile('ops')?.basePort === 56000);
      assert.ok(Date.now() - t0 < 1500, `took ${Date.now() - t0} ms`);
    } finally {
      await fs.writeFile(file, before);
    }
    await waitFor('ops back on its hashed port', 3000, () => oc.tree.profile('ops')?.basePort === 55291);
  });

  it('a model that says nothing new does not redraw the tree; a changed one does', () => {
    let redraws = 0;
    const sub = oc.tree.onDidChangeTreeData(() => redraws++);
    try {
      const shown = oc.tree.getModel()!;
      oc.tree.setModel(JSON.parse(JSON.stringify(shown)));
      assert.strictEqual(redraws, 0);
      oc.tree.setModel({ ...shown, profiles: shown.profiles.map((p) => (p.name === 'ops' ? { ...p, basePort: p.basePort + 1 } : p)) });
      assert.strictEqual(redraws, 1);
      assert.strictEqual(oc.tree.profile('ops')?.basePort, 55292);
      oc.tree.setModel(shown);
      assert.strictEqual(redraws, 2);
    } finally {
      sub.dispose();
    }
  });

  it('the port map lists the conflicts first, draws one row per profile and links every profile and key', async () => {
    const html = oc.portMap.html();
    assert.ok(html.indexOf('id="conflicts"') < html.indexOf('<svg'));
    assert.strictEqual((html.match(/<g class="row"/g) ?? []).length, 6);
    for (const name of ['default', 'rescue', 'ops', 'lab', 'qa', 'stage']) assert.ok(html.includes(`data-profile="${name}">`), name);
    assert.ok((html.match(/class="clash"/g) ?? []).length > 0);
    assert.match(html, /Port clash between &#34;rescue&#34; and &#34;default&#34;: rescue&#39;s gateway 18809/);
    // A link runs the one allowed command with the location it carries: rescue's name goes to its gateway.port.
    const href = /<a href="command:openclaw\.goToProblem\?([^"]+)" class="profile" data-profile="rescue">/.exec(html)![1];
    const args = JSON.parse(decodeURIComponent(href)) as unknown[];
    const editor = (await vscode.commands.executeCommand('openclaw.goToProblem', ...args)) as vscode.TextEditor;
    assert.strictEqual(editor.document.uri.fsPath, configOf('.openclaw-rescue'));
    assert.strictEqual(editor.document.getText(editor.selection), 'port');
    const key = /<a href="command:openclaw\.goToProblem\?([^"]+)" class="key" data-profile="default">default: browser\.profiles\.work\.cdpPort<\/a>/.exec(html)![1];
    const atKey = (await vscode.commands.executeCommand('openclaw.goToProblem', ...(JSON.parse(decodeURIComponent(key)) as unknown[]))) as vscode.TextEditor;
    assert.strictEqual(atKey.document.uri.fsPath, configOf('.openclaw'));
    assert.strictEqual(atKey.document.getText(atKey.selection), 'cdpPort');
  });
});
