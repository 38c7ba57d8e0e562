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
  const install = vscode.l10n.t('Install OpenClaw CLI');
  const setPath = vscode.l10n.t('Set CLI Path');
  void vscode.window.showErrorMessage(vscode.l10n.t('OpenClaw CLI unavailable: {0}', r.message), install, setPath).then((pick) => {
    if (pick === install) void vscode.commands.executeCommand('openclaw.installCli');
    if (pick === setPath) void vscode.commands.executeCommand('workbench.action.openSettings', 'openclaw.cliPath');
  });
}
