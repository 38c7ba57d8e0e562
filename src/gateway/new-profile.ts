// A new profile on a base port whose whole derived set is free: guided onboarding in a terminal, or a quick
// non-interactive setup (loopback, no channels). A "rescue bot" preset places it next to an existing profile.
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { FreeBasePortRequest } from '../../language-server/src/protocol';
import { isValidProfileName, stateDirFor } from '../../language-server/src/host/paths';
import { requireCli } from './cli';
import { pickProfile, requireTrust, terminalName, type ActionDeps } from './actions';

export type SetupMode = 'quick' | 'guided';

export interface NewProfileOptions { name?: string; mode?: SetupMode; near?: number; basePort?: number }

export function onboardArgs(name: string, port: number, mode: SetupMode): string[] {
  const common = ['--profile', name, 'onboard'];
  if (mode === 'guided') return [...common, '--gateway-port', String(port), '--gateway-bind', 'loopback'];
  return [...common, '--non-interactive', '--accept-risk', '--mode', 'local', '--auth-choice', 'skip', '--gateway-port', String(port),
    '--gateway-bind', 'loopback', '--skip-channels', '--skip-skills', '--skip-search', '--skip-health', '--skip-ui', '--no-install-daemon'];
}

async function exists(p: string): Promise<boolean> {
  try { await fs.stat(p); return true; } catch { return false; }
}

export async function newProfile(deps: ActionDeps, opts: NewProfileOptions = {}): Promise<{ name: string; port: number; exitCode?: number } | undefined> {
  if (!requireTrust('Creating a profile')) return undefined;
  const model = deps.tree.getModel();
  const home = model?.home;
  if (!home) return void vscode.window.showErrorMessage('The OpenClaw language server has not reported the host yet; try again in a moment.');
  const taken = new Set(model.profiles.map((p) => p.name));
  const validate = async (v: string): Promise<string | undefined> => {
    if (!isValidProfileName(v)) return 'Letters, digits, "-" and "_", starting with a letter or digit, at most 64 characters.';
    if (taken.has(v) || v === 'default' || (await exists(stateDirFor(v, home)))) return `A profile "${v}" already exists (${stateDirFor(v, home)}); choose another name.`;
    return undefined;
  };
  const name = opts.name ?? (await vscode.window.showInputBox({ title: 'New OpenClaw Profile', prompt: 'Profile name', placeHolder: 'e.g. rescue', validateInput: validate }));
  if (!name) return undefined;
  const problem = await validate(name);
  if (problem) return void vscode.window.showErrorMessage(problem);

  const near = opts.near ?? Math.max(18789, ...model.profiles.map((p) => p.cdpRange[1] + 1));
  const port = opts.basePort ?? (await deps.client.sendRequest(FreeBasePortRequest, { near }));
  if (!port) return void vscode.window.showErrorMessage('No free base port was found for a new gateway.');

  const mode = opts.mode ?? (await vscode.window.showQuickPick([
    { label: 'Quick setup', description: 'loopback, no channels, no daemon', mode: 'quick' as const },
    { label: 'Guided onboarding', description: 'the CLI asks in a terminal', mode: 'guided' as const },
  ], { title: `New profile "${name}" on base port ${port}` }))?.mode;
  if (!mode) return undefined;
  const cli = await requireCli();
  if (!cli) return undefined;
  const result = await deps.terminals.run({ terminalName: terminalName(name), argv: [cli.path, ...onboardArgs(name, port, mode)], wait: mode === 'quick', waitTimeoutMs: 180000 });
  deps.output.info(`[${name}] ${result.commandLine}${result.exitCode !== undefined ? ` -> exit ${result.exitCode}` : ''}`);
  await deps.refresh();
  return { name, port, exitCode: result.exitCode };
}

export async function newRescueProfile(deps: ActionDeps, arg?: unknown, opts: NewProfileOptions = {}) {
  if (!requireTrust('Creating a profile')) return undefined;
  const main = await pickProfile(deps.tree, arg, 'Rescue bot for which profile?');
  if (!main) return undefined;
  const suggested = main.name === 'default' ? 'rescue' : `${main.name}-rescue`;
  const name = opts.name ?? (await vscode.window.showInputBox({ title: `Rescue bot for "${main.name}"`, prompt: 'Profile name', value: suggested }));
  if (!name) return undefined;
  return newProfile(deps, { ...opts, name, near: main.cdpRange[1] + 1 });
}
