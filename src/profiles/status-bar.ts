// "OpenClaw 1/3 · 1 conflict": how many gateways run and whether any collide, one click from the view.
import * as vscode from 'vscode';
import type { ProfilesTree } from './tree';
import { plural } from './words';

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
    const loopText = looping.length ? ` · ${looping.length === 1 ? `${looping[0]} in crash loop` : `${looping.length} in crash loop`}` : '';
    this.item.text = `$(${looping.length ? 'debug-restart' : conflicts ? 'warning' : 'server'}) OpenClaw ${running}/${nodes.length}${loopText}${conflicts ? ` · ${plural(conflicts, 'conflict')}` : ''}`;
    this.item.tooltip = `${running} of ${plural(nodes.length, 'OpenClaw gateway')} running${looping.length ? `; crash loop: ${looping.join(', ')}` : ''}${conflicts ? `, ${plural(conflicts, 'conflict')} between profiles` : ''}. Click to open the Profiles view.`;
    this.item.backgroundColor = looping.length ? new vscode.ThemeColor('statusBarItem.errorBackground') : conflicts ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}
