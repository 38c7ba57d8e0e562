// Gives the OpenClaw config language to files that are configs by location rather than by name: any file a
// known profile points at (OPENCLAW_CONFIG_PATH) and any file matching the user's globs.
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HostModel } from '../language-server/src/protocol';
import { LANGUAGE_ID } from './client';

/** A profile's config opened through a link is still that profile's config. */
function realPath(p: string): string {
  try { return realpathSync.native(p); } catch { return path.resolve(p); }
}

export class ConfigFiles implements vscode.Disposable {
  private profileConfigs = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(vscode.workspace.onDidOpenTextDocument((d) => void this.claim(d)));
    this.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('openclaw.configGlobs')) this.claimAll(); }));
    this.claimAll();
  }

  setModel(model: HostModel): void {
    this.profileConfigs = new Set(model.profiles.map((p) => realPath(p.configPath)));
    this.claimAll();
  }

  private claimAll(): void {
    for (const d of vscode.workspace.textDocuments) void this.claim(d);
  }

  private isConfig(doc: vscode.TextDocument): boolean {
    if (doc.uri.scheme !== 'file') return false;
    const file = path.resolve(doc.uri.fsPath);
    const base = path.basename(file);
    if (base === 'openclaw.json' || base.endsWith('.openclaw.json')) return true;
    if (this.profileConfigs.has(realPath(file))) return true;
    const globs = vscode.workspace.getConfiguration('openclaw').get<string[]>('configGlobs', []);
    return globs.some((g) => vscode.languages.match({ pattern: g }, doc) > 0);
  }

  private async claim(doc: vscode.TextDocument): Promise<void> {
    if (doc.languageId === LANGUAGE_ID || !this.isConfig(doc)) return;
    try {
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    } catch {
      // the document was closed meanwhile
    }
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
