// A language status item that says which schema checks the open config: the user's CLI or the bundled one.
import * as vscode from 'vscode';
import type { HostModel } from '../language-server/src/protocol';
import { LANGUAGE_ID } from './client';

export class SchemaStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('openclaw.schema', { language: LANGUAGE_ID });

  constructor() {
    this.item.name = 'OpenClaw Schema';
    this.item.command = { title: 'Show Output', command: 'openclaw.showOutput' };
    this.update({ source: 'bundled' });
  }

  update(schema: HostModel['schema']): void {
    this.item.text = schema.source === 'cli' ? `OpenClaw ${schema.version} schema` : 'OpenClaw bundled schema';
    this.item.detail = schema.source === 'cli'
      ? `read from your OpenClaw CLI${schema.note ? ` (${schema.note})` : ''}`
      : !vscode.workspace.isTrusted ? 'restricted workspace: the CLI is not run' : schema.note ?? 'OpenClaw CLI not found';
    this.item.severity = vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.item.dispose();
  }
}
