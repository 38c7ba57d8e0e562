// The OpenClaw CLI as the client sees it: the server checks it and builds every command line; the client passes
// the machine-level CLI path setting along and turns a refusal into a message with actions, never a stack trace.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CliCheckRequest, type Refusal } from '../../language-server/src/protocol';
import { readSettings } from '../client';

/** The CLI path setting, read at the moment of each action. */
export function cliPathSetting(): string | undefined {
  return readSettings().cliPath;
}

export async function cliAvailable(client: LanguageClient): Promise<boolean> {
  return (await client.sendRequest(CliCheckRequest, { cliPath: cliPathSetting() })).ok;
}

/** Says what went wrong (and logs it); when the CLI itself is the problem, offers to install it or to point at it. */
export function showRefusal(r: Refusal, output: vscode.LogOutputChannel, prefix = ''): void {
  output.warn(`${prefix}${r.message}`);
  if (!r.cliMissing) {
    void vscode.window.showWarningMessage(`${prefix}${r.message}`);
    return;
  }
  void vscode.window.showErrorMessage(`OpenClaw CLI unavailable: ${r.message}`, 'Install OpenClaw CLI', 'Set CLI Path').then((pick) => {
    if (pick === 'Install OpenClaw CLI') void vscode.commands.executeCommand('openclaw.installCli');
    if (pick === 'Set CLI Path') void vscode.commands.executeCommand('workbench.action.openSettings', 'openclaw.cliPath');
  });
}
