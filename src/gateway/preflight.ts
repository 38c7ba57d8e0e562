// Asks the server what would stop a profile's gateway before it is launched, restarted or installed; a clean
// profile goes ahead without a word, any other one only after the user has seen the list and chosen to.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PreflightRequest, type PreflightProblem, type PreflightResult, type ProfileSummary } from '../../language-server/src/protocol';
import { goToProblem } from '../profiles/go-to-conflict';
import { ask } from './prompt';

export type PreflightVerb = 'Launch' | 'Restart' | 'Install';

export const showProblems = (): string => vscode.l10n.t('Show Problems');
export function anyway(verb: PreflightVerb): string {
  switch (verb) {
    case 'Launch': return vscode.l10n.t('Launch Anyway');
    case 'Restart': return vscode.l10n.t('Restart Anyway');
    case 'Install': return vscode.l10n.t('Install Anyway');
  }
}

function kindText(kind: PreflightProblem['kind']): string {
  switch (kind) {
    case 'config': return vscode.l10n.t('config error');
    case 'clash': return vscode.l10n.t('clash with another profile');
    case 'port-in-use': return vscode.l10n.t('port in use');
    case 'no-config': return vscode.l10n.t('no config');
  }
}

export function preflightDetail(r: PreflightResult, max = 8): string {
  const lines = r.problems.slice(0, max).map((p) => `• ${p.path ? vscode.l10n.t('{0} at {1}', kindText(p.kind), p.path) : kindText(p.kind)}: ${p.message}`);
  if (r.problems.length > max) lines.push(vscode.l10n.t('… and {0} more', r.problems.length - max));
  return lines.join('\n');
}

/** true when the action may go ahead: nothing was found, or the user chose to go ahead anyway. */
export async function passesPreflight(client: LanguageClient, p: ProfileSummary, verb: PreflightVerb, output: vscode.LogOutputChannel): Promise<boolean> {
  const r = await client.sendRequest(PreflightRequest, { profile: p.name });
  if (r.ok) return true;
  output.info(`[${p.name}] preflight before ${verb.toLowerCase()}: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}: ${r.problems.map((x) => x.message).join(' | ')}`);
  const n = r.problems.length;
  const question = n === 1 ? vscode.l10n.t('1 problem would stop the gateway of "{0}"', p.name) : vscode.l10n.t('{0} problems would stop the gateway of "{1}"', n, p.name);
  const pick = await ask(question, preflightDetail(r), showProblems(), anyway(verb));
  if (pick === anyway(verb)) return true;
  if (pick === showProblems()) {
    const first = r.problems.find((x) => x.configPath);
    if (first?.configPath) await goToProblem({ configPath: first.configPath, range: first.range });
    void vscode.commands.executeCommand('workbench.actions.view.problems');
  }
  return false;
}
