// A new profile on a base port whose whole derived set is free: guided onboarding in a terminal, or a quick
// non-interactive setup (loopback, no channels). A "rescue bot" preset places it next to an existing profile.
// The server checks the name, finds the port and builds the onboarding command; this file only asks and shows.
import * as vscode from 'vscode';
import { NewProfilePlanRequest, type SetupMode } from '../../language-server/src/protocol';
import { pickProfile, planFor, requireTrust, terminalName, type ActionDeps } from './actions';

export interface NewProfileOptions { name?: string; mode?: SetupMode; basePort?: number; /** Place it right after this profile's ports. */ nextTo?: string }

export async function newProfile(deps: ActionDeps, opts: NewProfileOptions = {}): Promise<{ name: string; port: number; exitCode?: number } | undefined> {
  if (!requireTrust(vscode.l10n.t('Creating a profile'))) return undefined;
  const plan = (name: string) => deps.client.sendRequest(NewProfilePlanRequest, { name, nextTo: opts.nextTo, basePort: opts.basePort });
  const validate = async (v: string): Promise<string | undefined> => {
    const r = await plan(v);
    return r.ok ? undefined : r.message;
  };
  const name = opts.name ?? (await vscode.window.showInputBox({ title: vscode.l10n.t('New OpenClaw Profile'), prompt: vscode.l10n.t('Profile name'), placeHolder: vscode.l10n.t('e.g. rescue'), validateInput: validate }));
  if (!name) return undefined;
  const planned = await plan(name);
  if (!planned.ok) {
    deps.output.warn(`[${name}] ${planned.message}`);
    return void vscode.window.showErrorMessage(planned.message);
  }
  const port = planned.port;

  const mode = opts.mode ?? (await vscode.window.showQuickPick([
    { label: vscode.l10n.t('Quick setup'), description: vscode.l10n.t('loopback, no channels, no daemon'), mode: 'quick' as const },
    { label: vscode.l10n.t('Guided onboarding'), description: vscode.l10n.t('the CLI asks in a terminal'), mode: 'guided' as const },
  ], { title: vscode.l10n.t('New profile "{0}" on base port {1}', name, port) }))?.mode;
  if (!mode) return undefined;
  const onboard = await planFor(deps, { kind: 'onboard', profile: name, port, mode });
  if (!onboard) return undefined;
  const result = await deps.terminals.run({ terminalName: terminalName(name), argv: onboard.argv, env: onboard.env, wait: mode === 'quick', waitTimeoutMs: 180000 });
  deps.output.info(`[${name}] ${result.commandLine}${result.exitCode !== undefined ? ` -> exit ${result.exitCode}` : ''}`);
  await deps.refresh();
  return { name, port, exitCode: result.exitCode };
}

export async function newRescueProfile(deps: ActionDeps, arg?: unknown, opts: NewProfileOptions = {}) {
  if (!requireTrust(vscode.l10n.t('Creating a profile'))) return undefined;
  const main = await pickProfile(deps.tree, arg, vscode.l10n.t('Rescue bot for which profile?'));
  if (!main) return undefined;
  const suggested = main.name === 'default' ? 'rescue' : `${main.name}-rescue`;
  const name = opts.name ?? (await vscode.window.showInputBox({ title: vscode.l10n.t('Rescue bot for "{0}"', main.name), prompt: vscode.l10n.t('Profile name'), value: suggested }));
  if (!name) return undefined;
  return newProfile(deps, { ...opts, name, nextTo: main.name });
}
