// Activation: creates the client, the views, the commands and the status items; nothing else.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { HostModelRequest, type HostModel } from '../language-server/src/protocol';
import { startClient } from './client';
import { ConfigFiles } from './config-files';
import { SchemaStatus } from './language-status';
import { ProfilesTree } from './profiles/tree';
import { LiveStatePoller } from './profiles/live-state';
import { ProfilesStatusBar } from './profiles/status-bar';
import { PortMapPanel } from './profiles/port-map-view';
import { Terminals } from './gateway/terminals';
import { HANDLERS, type ActionDeps } from './gateway/actions';
import { newProfile, newRescueProfile } from './gateway/new-profile';
import { cliAvailable, forgetCli } from './gateway/cli';
import { goToConflict, goToProblem } from './profiles/go-to-conflict';
import { setPrompt } from './gateway/prompt';

export interface OpenClawApi {
  client: LanguageClient;
  tree: ProfilesTree;
  treeView: vscode.TreeView<unknown>;
  statusBar: ProfilesStatusBar;
  poller: LiveStatePoller;
  terminals: Terminals;
  portMap: PortMapPanel;
  deps: ActionDeps;
  /** Where this extension's logs (and its output channel's file) live. */
  logUri: vscode.Uri;
  /** Only when the extension runs under its test harness: lets in-host tests answer modal questions. */
  testHooks?: { setPrompt: typeof setPrompt };
  /** Wall time of activate() itself, for `npm run bench`. */
  activationMs: number;
  refresh(): Promise<void>;
}

export async function activate(context: vscode.ExtensionContext): Promise<OpenClawApi> {
  const started = Date.now();
  const output = vscode.window.createOutputChannel('OpenClaw', { log: true });
  const tree = new ProfilesTree();
  const schemaStatus = new SchemaStatus();
  const configFiles = new ConfigFiles();
  const onModel = (model: HostModel) => {
    tree.setModel(model);
    configFiles.setModel(model);
    schemaStatus.update(model.schema);
    void vscode.commands.executeCommand('setContext', 'openclaw.ready', true);
  };
  const client = await startClient(context, output, { onModel, onSchema: (s) => schemaStatus.update(s) });
  const treeView = vscode.window.createTreeView('openclaw.profiles', { treeDataProvider: tree, showCollapseAll: true });
  const statusBar = new ProfilesStatusBar(tree);
  const poller = new LiveStatePoller(client, tree, treeView as vscode.TreeView<unknown>);
  const terminals = new Terminals();
  const portMap = new PortMapPanel(tree);
  const refresh = async () => {
    onModel(await client.sendRequest(HostModelRequest));
    await poller.refresh();
  };
  const deps: ActionDeps = { client, tree, terminals, output, refresh };

  context.subscriptions.push(output, schemaStatus, configFiles, treeView, statusBar, poller, terminals, portMap, { dispose: () => void client.stop() });
  const register = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  for (const [id, handler] of Object.entries(HANDLERS)) register(id, (arg) => handler(deps, arg));
  register('openclaw.newProfile', (opts) => newProfile(deps, (opts ?? {}) as Parameters<typeof newProfile>[1]));
  register('openclaw.newRescueProfile', (arg, opts) => newRescueProfile(deps, arg, (opts ?? {}) as Parameters<typeof newProfile>[1]));
  register('openclaw.refreshProfiles', () => refresh());
  register('openclaw.showPortMap', () => portMap.show());
  register('openclaw.showOutput', () => output.show());
  register('openclaw.goToProblem', (problem) => goToProblem(problem as never));
  register('openclaw.goToConflict', (profile, conflict) => goToConflict(tree, profile as string, conflict as never));
  register('openclaw.openTerminal', () => {
    const t = terminals.terminal('OpenClaw');
    t.show();
    return t;
  });
  register('openclaw.installCli', () => {
    const t = terminals.terminal('OpenClaw: install');
    t.show();
    t.sendText('npm install -g openclaw@latest', true);
    forgetCli();
  });
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client.restart()));
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('openclaw.cliPath')) forgetCli(); }));

  void refresh().catch((e) => output.error(`could not read the host model: ${e}`));
  if (vscode.workspace.isTrusted) void cliAvailable().then((ok) => vscode.commands.executeCommand('setContext', 'openclaw.cliMissing', !ok));
  else void vscode.commands.executeCommand('setContext', 'openclaw.cliMissing', false);
  const testHooks = context.extensionMode === vscode.ExtensionMode.Test ? { setPrompt } : undefined;
  return { client, tree, treeView: treeView as vscode.TreeView<unknown>, statusBar, poller, terminals, portMap, deps, refresh, logUri: context.logUri, testHooks, activationMs: Date.now() - started };
}

export function deactivate(): void {
  // the client is stopped through context.subscriptions
}
