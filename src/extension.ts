// Activation: creates the client, the views, the commands and the status items, and returns at once: the language
// server starts in the background, and every request to it waits for that start.
import * as vscode from 'vscode';
import { HostModelRequest, type HostModel } from '../language-server/src/protocol';
import type { OpenClawApi } from './api';
import { createClient } from './client';
import { ConfigFiles } from './config-files';
import { SchemaStatus } from './language-status';
import { ProfilesTree } from './profiles/tree';
import { SkippedDecorations } from './profiles/host-items';
import { LiveStatePoller } from './profiles/live-state';
import { ProfilesStatusBar } from './profiles/status-bar';
import { PortMapPanel } from './profiles/port-map-view';
import { Terminals } from './gateway/terminals';
import { HANDLERS, planFor, runPlan, type ActionDeps } from './gateway/actions';
import { newProfile, newRescueProfile } from './gateway/new-profile';
import { cliAvailable } from './gateway/cli';
import { goToConflict, goToProblem } from './profiles/go-to-conflict';
import { setPrompt } from './gateway/prompt';
import { INTERNALS, type Internals } from './test-hook';
import * as l10n from '@vscode/l10n';

export type { OpenClawApi } from './api';

export function activate(context: vscode.ExtensionContext): OpenClawApi {
  const started = Date.now();
  // The modules kept free of `vscode` (words, the port map) translate through @vscode/l10n: give it the display
  // language's bundle before anything is worded.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const output = vscode.window.createOutputChannel('OpenClaw', { log: true });
  const tree = new ProfilesTree();
  const schemaStatus = new SchemaStatus();
  const configFiles = new ConfigFiles();
  const skippedDecorations = new SkippedDecorations();
  const onModel = (model: HostModel) => {
    skippedDecorations.setSkipped(model.skipped ?? []);
    tree.setModel(model);
    configFiles.setModel(model);
    schemaStatus.update(model.schema);
    void vscode.commands.executeCommand('setContext', 'openclaw.ready', true);
  };
  const client = createClient(context, output, { onModel });
  const ready = client.start();
  ready.catch((e) => output.error(`the OpenClaw language server did not start: ${e}`));
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

  context.subscriptions.push(output, schemaStatus, configFiles, skippedDecorations, treeView, statusBar, poller, terminals, portMap, { dispose: () => void client.stop() });
  const register = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  for (const [id, handler] of Object.entries(HANDLERS)) register(id, (arg) => handler(deps, arg));
  register('openclaw.newProfile', (opts) => newProfile(deps, (opts ?? {}) as Parameters<typeof newProfile>[1]));
  register('openclaw.newRescueProfile', (arg, opts) => newRescueProfile(deps, arg, (opts ?? {}) as Parameters<typeof newProfile>[1]));
  register('openclaw.refreshProfiles', () => refresh());
  register('openclaw.showPortMap', () => portMap.show());
  register('openclaw.showOutput', () => output.show());
  register('openclaw.goToProblem', (problem) => goToProblem(problem as never));
  register('openclaw.goToConflict', (profile, conflict) => goToConflict(tree, profile as string, conflict as never));
  register('openclaw.openTerminal', async () => {
    const plan = await planFor(deps, { kind: 'shell' });
    if (!plan) return undefined;
    const t = terminals.terminal('OpenClaw', plan.env);
    t.show();
    return t;
  });
  register('openclaw.installCli', async () => {
    const plan = await planFor(deps, { kind: 'installCli' });
    return plan && runPlan(deps, plan, 'install', vscode.l10n.t('OpenClaw: install'));
  });
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client.restart()));

  void refresh().catch((e) => output.error(`could not read the host model: ${e}`));
  if (vscode.workspace.isTrusted) void cliAvailable(client).then((ok) => vscode.commands.executeCommand('setContext', 'openclaw.cliMissing', !ok));
  else void vscode.commands.executeCommand('setContext', 'openclaw.cliMissing', false);
  const api: OpenClawApi = {
    get model() { return tree.getModel(); },
    onDidChangeModel: tree.onDidChangeModel,
    ready,
    refresh,
  };
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    const internals: Internals = { api, client, tree, treeView: treeView as vscode.TreeView<unknown>, statusBar, poller, terminals, portMap, skippedDecorations, deps, refresh, logUri: context.logUri, setPrompt, activationMs: Date.now() - started };
    Object.defineProperty(api, INTERNALS, { value: internals, enumerable: false });
  }
  return api;
}

export function deactivate(): void {
  // the client is stopped through context.subscriptions
}
