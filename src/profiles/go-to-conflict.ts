// Jumps from a conflict or error row to the key that causes it in this profile's config.
import * as vscode from 'vscode';
import type { Conflict, ConfigProblem, LspRange } from '../../language-server/src/protocol';
import type { ProfilesTree } from './tree';

export async function goToConflict(tree: ProfilesTree, profile: string, conflict: Conflict): Promise<vscode.TextEditor | undefined> {
  const here = conflict.locations.find((l) => l.profile === profile && l.range) ?? conflict.locations.find((l) => l.profile === profile);
  const configPath = here?.configPath ?? tree.profile(profile)?.configPath;
  return configPath ? revealInConfig(configPath, here?.range) : undefined;
}

export function goToProblem(problem: Pick<ConfigProblem, 'configPath' | 'range'>): Promise<vscode.TextEditor> {
  return revealInConfig(problem.configPath, problem.range);
}

async function revealInConfig(configPath: string, range: LspRange | undefined): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(vscode.Uri.file(configPath));
  if (range) {
    const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    editor.selection = new vscode.Selection(r.start, r.end);
    editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return editor;
}
