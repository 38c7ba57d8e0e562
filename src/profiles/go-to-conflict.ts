// Jumps from a conflict row to the key that causes it in this profile's config.
import * as vscode from 'vscode';
import type { Conflict } from '../../language-server/src/protocol';
import type { ProfilesTree } from './tree';

export async function goToConflict(tree: ProfilesTree, profile: string, conflict: Conflict): Promise<vscode.TextEditor | undefined> {
  const here = conflict.locations.find((l) => l.profile === profile && l.range) ?? conflict.locations.find((l) => l.profile === profile);
  const configPath = here?.configPath ?? tree.profile(profile)?.configPath;
  if (!configPath) return undefined;
  const editor = await vscode.window.showTextDocument(vscode.Uri.file(configPath));
  if (here?.range) {
    const r = new vscode.Range(here.range.start.line, here.range.start.character, here.range.end.line, here.range.end.character);
    editor.selection = new vscode.Selection(r.start, r.end);
    editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return editor;
}
