// A webview panel holding the port-map picture, redrawn whenever the host model changes. No scripts run in it.
import * as vscode from 'vscode';
import type { ProfilesTree } from './tree';
import { portMapSvg } from './port-map-svg';

export class PortMapPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly sub: vscode.Disposable;

  constructor(private readonly tree: ProfilesTree) {
    this.sub = tree.onDidChangeModel(() => this.render());
  }

  show(): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('openclaw.portMap', 'OpenClaw Port Map', vscode.ViewColumn.Active, { enableScripts: false });
      this.panel.onDidDispose(() => { this.panel = undefined; });
    }
    this.render();
    this.panel.reveal();
  }

  html(): string {
    const model = this.tree.getModel();
    const body = model ? portMapSvg(model) : '<p>Waiting for the OpenClaw language server…</p>';
    const conflicts = model?.conflicts ?? [];
    const list = conflicts.map((c) => `<li>${c.message.replace(/[&<>]/g, (ch) => `&#${ch.charCodeAt(0)};`)}</li>`).join('');
    return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';"></head>`
      + `<body style="color:var(--vscode-foreground);font-family:var(--vscode-font-family)"><h2>Port map</h2>${body}`
      + `${conflicts.length ? `<h3>Conflicts</h3><ul>${list}</ul>` : '<p>No conflicts.</p>'}</body></html>`;
  }

  private render(): void {
    if (this.panel) this.panel.webview.html = this.html();
  }

  dispose(): void {
    this.sub.dispose();
    this.panel?.dispose();
  }
}
