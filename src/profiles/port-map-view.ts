// A webview panel holding the port-map page, redrawn whenever the host model changes. No scripts run in it; its
// links run the one command that opens a config at a key.
import * as vscode from 'vscode';
import type { ProfilesTree } from './tree';
import { portMapHtml } from './port-map-html';
import { GO_TO_COMMAND } from './port-map-svg';

export class PortMapPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly sub: vscode.Disposable;

  constructor(private readonly tree: ProfilesTree) {
    this.sub = tree.onDidChangeModel(() => this.render());
  }

  show(): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('openclaw.portMap', vscode.l10n.t('OpenClaw Port Map'), vscode.ViewColumn.Active, { enableScripts: false, enableCommandUris: [GO_TO_COMMAND] });
      this.panel.onDidDispose(() => { this.panel = undefined; });
    }
    this.render();
    this.panel.reveal();
  }

  html(): string {
    return portMapHtml(this.tree.getModel());
  }

  private render(): void {
    if (this.panel) this.panel.webview.html = this.html();
  }

  dispose(): void {
    this.sub.dispose();
    this.panel?.dispose();
  }
}
