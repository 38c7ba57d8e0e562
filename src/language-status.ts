// A language status item that says which schema checks the open config: the user's CLI or the bundled one.
import * as vscode from 'vscode';
import type { HostModel } from '../language-server/src/protocol';
import { LANGUAGE_ID } from './client';
import { schemaStatusWords } from './language-status-words';

export class SchemaStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('openclaw.schema', { language: LANGUAGE_ID });

  constructor() {
    this.item.name = vscode.l10n.t('OpenClaw Schema');
    this.item.command = { title: vscode.l10n.t('Output'), command: 'openclaw.showOutput', tooltip: vscode.l10n.t('Show the OpenClaw output: why this schema, and what of it is left out') };
    this.update({ source: 'bundled' });
  }

  update(schema: HostModel['schema']): void {
    const words = schemaStatusWords(schema, vscode.workspace.isTrusted);
    this.item.text = words.text;
    this.item.detail = words.detail;
    this.item.severity = vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.item.dispose();
  }
}
