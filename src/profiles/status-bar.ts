// "OpenClaw 1/3 · 1 conflict": how many gateways run and whether any collide, one click from the view.
import * as vscode from 'vscode';
import type { ProfilesTree } from './tree';
import { conflictsText } from './words';

export class ProfilesStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('openclaw.status', vscode.StatusBarAlignment.Left, 50);

  constructor(private readonly tree: ProfilesTree) {
    this.item.name = 'OpenClaw Gateways';
    this.item.command = 'openclaw.profiles.focus';
    tree.onDidChangeModel(() => this.update());
  }

  update(): void {
    const nodes = this.tree.profileNodes();
    if (!nodes.length) { this.item.hide(); return; }
    const running = nodes.filter((n) => n.live === 'running').length;
    const conflicts = this.tree.getModel()?.conflicts.length ?? 0;
    const looping = nodes.filter((n) => n.state === 'crash-loop').map((n) => n.profile.name);
    const loopText = looping.length ? ` · ${vscode.l10n.t('{0} in crash loop', looping.length === 1 ? looping[0] : looping.length)}` : '';
    this.item.text = `$(${looping.length ? 'debug-restart' : conflicts ? 'warning' : 'server'}) OpenClaw ${running}/${nodes.length}${loopText}${conflicts ? ` · ${conflictsText(conflicts)}` : ''}`;
    this.item.tooltip = tooltip(running, nodes.length, looping, conflicts);
    this.item.backgroundColor = looping.length ? new vscode.ThemeColor('statusBarItem.errorBackground') : conflicts ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  get tooltip(): string {
    return String(this.item.tooltip);
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}

/** One whole sentence per case: the counts agree with their nouns, and the optional parts are not glued on. */
function tooltip(running: number, total: number, looping: string[], conflicts: number): string {
  const gateways = total === 1 ? vscode.l10n.t('{0} of 1 OpenClaw gateway running', running) : vscode.l10n.t('{0} of {1} OpenClaw gateways running', running, total);
  const parts = [gateways];
  if (looping.length) parts.push(vscode.l10n.t('crash loop: {0}', looping.join(', ')));
  const sentence = conflicts
    ? (conflicts === 1 ? vscode.l10n.t('{0}, 1 conflict between profiles.', parts.join('; ')) : vscode.l10n.t('{0}, {1} conflicts between profiles.', parts.join('; '), conflicts))
    : `${parts.join('; ')}.`;
  return `${sentence} ${vscode.l10n.t('Click to open the Profiles view.')}`;
}
