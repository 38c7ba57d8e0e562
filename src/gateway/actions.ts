// The gateway commands: each resolves a profile, checks trust and the CLI, then runs in that profile's terminal.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CommandPlanRequest, DoctorRequest, GatewayStatusRequest, StopGatewayRequest,
  type CommandPlan, type ProfileSummary, type ProfileTask, type TerminalCommand,
} from '../../language-server/src/protocol';
import type { ProfilesTree } from '../profiles/tree';
import { portMapText } from '../profiles/items';
import { cliPathSetting, showRefusal } from './cli';
import type { RunResult, Terminals } from './terminals';
import { passesPreflight, type PreflightVerb } from './preflight';
import { ask } from './prompt';

export interface ActionDeps {
  client: LanguageClient;
  tree: ProfilesTree;
  terminals: Terminals;
  output: vscode.LogOutputChannel;
  refresh: () => Promise<void>;
}

/** The gateway runs in the profile's own terminal; logs and one-shot checks get their own, so a running
 *  gateway never receives another command's keystrokes. */
export type TerminalPurpose = 'gateway' | 'logs' | 'tasks';

export function terminalName(profile: string, purpose: TerminalPurpose = 'gateway'): string {
  if (purpose === 'logs') return vscode.l10n.t('OpenClaw: {0} (logs)', profile);
  if (purpose === 'tasks') return vscode.l10n.t('OpenClaw: {0} (tasks)', profile);
  return `OpenClaw: ${profile}`;
}

export function requireTrust(what: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(vscode.l10n.t('{0} is disabled in a restricted workspace: OpenClaw Gateways runs no program until you trust this workspace. Diagnostics keep working.', what), vscode.l10n.t('Manage Workspace Trust'))
    .then((pick) => { if (pick) void vscode.commands.executeCommand('workbench.trust.manage'); });
  return false;
}

export async function pickProfile(tree: ProfilesTree, arg: unknown, placeHolder: string): Promise<ProfileSummary | undefined> {
  const name = typeof arg === 'string' ? arg : (arg as { profile?: ProfileSummary } | undefined)?.profile?.name;
  if (name) return tree.profile(name);
  const profiles = tree.getModel()?.profiles ?? [];
  if (!profiles.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No OpenClaw profile found on this host.'), vscode.l10n.t('New Profile')).then((p) => { if (p) void vscode.commands.executeCommand('openclaw.newProfile'); });
    return undefined;
  }
  if (profiles.length === 1) return profiles[0];
  const pick = await vscode.window.showQuickPick(profiles.map((p) => ({ label: p.name, description: `:${p.basePort}`, detail: p.configPath, p })), { placeHolder });
  return pick?.p;
}

/** The server's command line for `command`, or undefined after saying why there is none. */
export async function planFor(deps: Pick<ActionDeps, 'client' | 'output'>, command: TerminalCommand): Promise<Extract<CommandPlan, { ok: true }> | undefined> {
  const plan = await deps.client.sendRequest(CommandPlanRequest, { command, cliPath: cliPathSetting() });
  if (plan.ok) return plan;
  showRefusal(plan, deps.output);
  return undefined;
}

/** Runs a planned command in the named terminal and logs it; a failure it waited for becomes a warning. */
export async function runPlan(deps: ActionDeps, plan: Extract<CommandPlan, { ok: true }>, name: string, terminal: string, opts: { wait?: boolean; waitTimeoutMs?: number } = {}): Promise<RunResult> {
  const result = await deps.terminals.run({ terminalName: terminal, argv: plan.argv, env: plan.env, ...opts });
  deps.output.info(`[${name}] ${result.commandLine}${result.exitCode !== undefined ? ` -> exit ${result.exitCode}` : ''}`);
  if (opts.wait && result.exitCode !== undefined && result.exitCode !== 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} ({1}) exited with code {2}. See the "{3}" terminal.', plan.display, name, result.exitCode, terminal));
  }
  return result;
}

async function runInProfileTerminal(deps: ActionDeps, p: ProfileSummary, task: ProfileTask, purpose: TerminalPurpose, wait = false) {
  const plan = await planFor(deps, { kind: task, profile: p.name });
  return plan && runPlan(deps, plan, p.name, terminalName(p.name, purpose), { wait });
}

type Handler = (deps: ActionDeps, arg: unknown) => Promise<unknown>;

/** `what` names the action in a sentence of its own ("Launching a gateway"); a function, so it is worded in the
 *  display language of the moment it runs. */
function profileAction(what: () => string, run: (deps: ActionDeps, p: ProfileSummary) => Promise<unknown>): Handler {
  return async (deps, arg) => {
    if (!requireTrust(what())) return undefined;
    const p = await pickProfile(deps.tree, arg, vscode.l10n.t('{0}: which profile?', what()));
    return p ? run(deps, p) : undefined;
  };
}

/** Launch goes through the preflight unless the caller (Restart) has just run it. */
async function launch(deps: ActionDeps, p: ProfileSummary, checked = false) {
  const live = deps.tree.getLive()[p.name];
  if (live?.state === 'running' || live?.state === 'starting') {
    const running = live.state === 'running';
    void vscode.window.showInformationMessage(live.pid
      ? (running ? vscode.l10n.t('The gateway of "{0}" is already running (pid {1}).', p.name, live.pid) : vscode.l10n.t('The gateway of "{0}" is already starting (pid {1}).', p.name, live.pid))
      : (running ? vscode.l10n.t('The gateway of "{0}" is already running.', p.name) : vscode.l10n.t('The gateway of "{0}" is already starting.', p.name)));
    return undefined;
  }
  if (!checked && !(await passesPreflight(deps.client, p, 'Launch', deps.output))) return undefined;
  const r = await runInProfileTerminal(deps, p, 'launch', 'gateway');
  setTimeout(() => void deps.refresh(), 1500);
  return r;
}

export const stopServiceToo = (): string => vscode.l10n.t('Stop the Service Too');

async function stop(deps: ActionDeps, p: ProfileSummary) {
  // A gateway in a crash loop comes straight back after its process is stopped: only its service manager ends that.
  const loop = deps.tree.getLive()[p.name]?.crashLoop;
  const alsoService = loop && (await ask(
    vscode.l10n.t('The gateway of "{0}" is in a crash loop', p.name),
    [
      vscode.l10n.t('It came back {0} times ({1}).', loop.restarts, loop.signs.join('; ')),
      ...(loop.lastError ? [vscode.l10n.t('Last error: {0}', loop.lastError)] : []),
      loop.service ? vscode.l10n.t('Stopping its process alone lets {0} start it again.', loop.service) : vscode.l10n.t('Stopping its process alone lets its service start it again.'),
    ].join('\n'),
    stopServiceToo(), vscode.l10n.t('Stop the Process Only'),
  )) === stopServiceToo();
  if (alsoService) await runInProfileTerminal(deps, p, 'stopService', 'tasks', true);
  const result = await deps.client.sendRequest(StopGatewayRequest, { profile: p.name, timeoutMs: 15000 });
  deps.output.info(`[${p.name}] stop: ${result.message}`);
  if (result.stopped) void vscode.window.setStatusBarMessage(`$(debug-stop) ${result.message}`, 5000);
  else if (!alsoService) void vscode.window.showWarningMessage(result.message);
  await deps.refresh();
  return result;
}

function checkedAction(verb: PreflightVerb, what: () => string, run: (deps: ActionDeps, p: ProfileSummary) => Promise<unknown>): Handler {
  return profileAction(what, async (deps, p) => (await passesPreflight(deps.client, p, verb, deps.output)) ? run(deps, p) : undefined);
}

async function gatewayStatus(deps: ActionDeps, p: ProfileSummary) {
  const r = await deps.client.sendRequest(GatewayStatusRequest, { profile: p.name, cliPath: cliPathSetting() });
  deps.output.info(`[${p.name}] gateway status: ${r.ok ? r.summary : r.message}`);
  if (!r.ok) return void showRefusal(r, deps.output, `${p.name}: `);
  void vscode.window.showInformationMessage(`${p.name}: ${r.summary}`);
  return r.summary;
}

async function doctor(deps: ActionDeps, p: ProfileSummary) {
  const plan = await planFor(deps, { kind: 'doctor', profile: p.name });
  if (!plan) return undefined;
  void runPlan(deps, plan, p.name, terminalName(p.name, 'tasks'));
  const result = await deps.client.sendRequest(DoctorRequest, { profile: p.name, cliPath: cliPathSetting() });
  deps.output.info(`[${p.name}] doctor --lint: ${result.message}`);
  // Notifications are not awaited: a command must finish whether or not anyone clicks.
  if (result.findings) {
    void vscode.window.showWarningMessage(`${p.name}: ${result.message}`, vscode.l10n.t('Open Config')).then((open) => {
      if (open) void vscode.window.showTextDocument(vscode.Uri.file(p.configPath));
    });
  } else void vscode.window.showInformationMessage(`${p.name}: ${result.message}`);
  return result;
}

export const HANDLERS: Record<string, Handler> = {
  'openclaw.launch': profileAction(() => vscode.l10n.t('Launching a gateway'), (deps, p) => launch(deps, p)),
  // The same launch, offered under its own name for a profile whose config is known to be invalid.
  'openclaw.launchChecked': profileAction(() => vscode.l10n.t('Launching a gateway'), (deps, p) => launch(deps, p)),
  'openclaw.stop': profileAction(() => vscode.l10n.t('Stopping a gateway'), stop),
  'openclaw.restart': checkedAction('Restart', () => vscode.l10n.t('Restarting a gateway'), async (deps, p) => {
    await stop(deps, p);
    return launch(deps, p, true);
  }),
  'openclaw.installService': checkedAction('Install', () => vscode.l10n.t('Installing a service'), (deps, p) => runInProfileTerminal(deps, p, 'installService', 'tasks', true)),
  // A service that pins another port or config than the profile's, written again from the profile.
  'openclaw.reinstallService': checkedAction('Install', () => vscode.l10n.t('Reinstalling a service'), (deps, p) => runInProfileTerminal(deps, p, 'reinstallService', 'tasks', true)),
  'openclaw.uninstallService': profileAction(() => vscode.l10n.t('Uninstalling a service'), (deps, p) => runInProfileTerminal(deps, p, 'uninstallService', 'tasks', true)),
  'openclaw.checkStatus': profileAction(() => vscode.l10n.t('Checking status'), (deps, p) => runInProfileTerminal(deps, p, 'status', 'tasks', true)),
  'openclaw.gatewayStatus': profileAction(() => vscode.l10n.t('Checking gateway status'), gatewayStatus),
  'openclaw.browserStatus': profileAction(() => vscode.l10n.t('Checking browser status'), (deps, p) => runInProfileTerminal(deps, p, 'browserStatus', 'tasks', true)),
  'openclaw.doctor': profileAction(() => vscode.l10n.t('Running doctor'), doctor),
  'openclaw.showLogs': profileAction(() => vscode.l10n.t('Showing logs'), (deps, p) => runInProfileTerminal(deps, p, 'logs', 'logs')),
  'openclaw.openControlUi': async (deps, arg) => {
    const p = await pickProfile(deps.tree, arg, vscode.l10n.t('Open the Control UI of which profile?'));
    if (!p) return undefined;
    const uri = await vscode.env.asExternalUri(vscode.Uri.parse(`http://127.0.0.1:${p.basePort}/`));
    return vscode.env.openExternal(uri);
  },
  'openclaw.openConfig': async (deps, arg) => {
    const p = await pickProfile(deps.tree, arg, vscode.l10n.t('Open the config of which profile?'));
    return p && vscode.window.showTextDocument(vscode.Uri.file(p.configPath));
  },
  'openclaw.revealStateDir': async (deps, arg) => {
    const p = await pickProfile(deps.tree, arg, vscode.l10n.t('Reveal the state dir of which profile?'));
    if (!p) return undefined;
    if (vscode.env.remoteName || vscode.env.uiKind === vscode.UIKind.Web) {
      await vscode.env.clipboard.writeText(p.stateDir);
      return vscode.window.showInformationMessage(vscode.l10n.t('State dir of {0}: {1} (copied)', p.name, p.stateDir));
    }
    return vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(p.stateDir));
  },
  'openclaw.copyPortMap': async (deps, arg) => {
    const p = await pickProfile(deps.tree, arg, vscode.l10n.t('Copy the port map of which profile?'));
    if (!p) return undefined;
    await vscode.env.clipboard.writeText(portMapText(p));
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Port map of {0} copied', p.name), 3000);
    return portMapText(p);
  },
};
