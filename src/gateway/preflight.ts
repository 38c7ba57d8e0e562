// Asks the server what would stop a profile's gateway before it is launched, restarted or installed; a clean
// profile goes ahead without a word, any other one only after the user has seen the list and chosen to.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PreflightRequest, type PreflightProblem, type PreflightResult, type ProfileSummary } from '../../language-server/src/protocol';
import { goToProblem } from '../profiles/go-to-conflict';
import { plural } from '../profiles/words';
import { ask } from './prompt';

export type PreflightVerb = 'Launch' | 'Restart' | 'Install';

export const SHOW_PROBLEMS = 'Show Problems';
export const anyway = (verb: PreflightVerb) => `${verb} Anyway`;

const KIND_TEXT: Record<PreflightProblem['kind'], string> = {
  'config': 'config error', 'clash': 'clash with another profile', 'port-in-use': 'port in use', 'no-config': 'no config',
};

export function preflightDetail(r: PreflightResult, max = 8): string {
  const lines = r.problems.slice(0, max).map((p) => `• ${KIND_TEXT[p.kind]}${p.path ? ` at ${p.path}` : ''}: ${p.message}`);
  if (r.problems.length > max) lines.push(`… and ${r.problems.length - max} more`);
  return lines.join('\n');
}

/** true when the action may go ahead: nothing was found, or the user chose to go ahead anyway. */
export async function passesPreflight(client: LanguageClient, p: ProfileSummary, verb: PreflightVerb, output: vscode.LogOutputChannel): Promise<boolean> {
  const r = await client.sendRequest(PreflightRequest, { profile: p.name });
  if (r.ok) return true;
  output.info(`[${p.name}] preflight before ${verb.toLowerCase()}: ${plural(r.problems.length, 'problem')}: ${r.problems.map((x) => x.message).join(' | ')}`);
  const n = r.problems.length;
  const pick = await ask(`${n} problem${n > 1 ? 's' : ''} would stop the gateway of "${p.name}"`, preflightDetail(r), SHOW_PROBLEMS, anyway(verb));
  if (pick === anyway(verb)) return true;
  if (pick === SHOW_PROBLEMS) {
    const first = r.problems.find((x) => x.configPath);
    if (first?.configPath) await goToProblem({ configPath: first.configPath, range: first.range });
    void vscode.commands.executeCommand('workbench.actions.view.problems');
  }
  return false;
}
