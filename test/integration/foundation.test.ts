// Foundation checks that run inside a real extension host: the extension's contributions (language, diagnostics,
// view, terminal command) work end to end, not only in unit tests against the language server.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, waitFor } from './util';

function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test window has no workspace folder (the launcher should open one)');
  return folder.uri;
}

/** Figures for `npm run bench`, which reads them from .run/host-metrics.json. */
function recordMetric(name: string, value: number): void {
  const runDir = process.env.OPENCLAW_TEST_RUN_DIR;
  if (!runDir) return;
  const file = path.join(path.dirname(runDir), 'host-metrics.json');
  let metrics: Record<string, number> = {};
  try { metrics = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { /* first figure */ }
  metrics[name] = value;
  fs.writeFileSync(file, JSON.stringify(metrics, null, 2) + '\n');
}

describe('foundation', () => {
  it('the extension is installed and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded in the extension host`);
    const exported = await ext.activate();
    assert.strictEqual(ext.isActive, true);
    recordMetric('activationMs', (await api()).activationMs);
    // The published API, as the README documents it, and nothing of the machinery.
    assert.deepStrictEqual(Object.keys(exported).sort(), ['model', 'onDidChangeModel', 'ready', 'refresh']);
    await exported.ready;
    await exported.refresh();
    assert.ok(exported.model && Array.isArray(exported.model.profiles), 'refresh() left no host model');
  });

  it('openclaw.json is an openclaw-config document and a JSON5 syntax error is reported', async () => {
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'openclaw.json');
    const text = '{\n  gateway: {\n    port: 18789,,\n  },\n}\n';
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    try {
      const opened = Date.now();
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      assert.strictEqual(doc.languageId, 'openclaw-config');

      // The second comma of the doubled pair is the invalid character: json5 says "invalid character ','" at
      // 3:17 (1-based), i.e. line 2, character 16 here.
      const character = text.split('\n')[2].indexOf(',,') + 1;
      assert.strictEqual(character, 16);
      const diag = await waitFor(`an openclaw diagnostic at 2:${character}`, 20000, () =>
        vscode.languages
          .getDiagnostics(uri)
          .find((d) => d.source === 'openclaw' && d.range.start.line === 2 && d.range.start.character === character),
      ).catch((e: Error) => {
        const seen = vscode.languages
          .getDiagnostics(uri)
          .map((d) => `${d.source}@${d.range.start.line}:${d.range.start.character} ${d.message}`);
        throw new Error(`${e.message}; diagnostics seen: ${JSON.stringify(seen)}`);
      });
      assert.ok(diag.message.length > 0);
      recordMetric('firstDiagnosticsMs', Date.now() - opened);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('the profiles view can be focused', async () => {
    // Rejects with "command not found" unless the view container and its view are contributed.
    await vscode.commands.executeCommand('openclaw.profiles.focus');
  });

  it('openclaw.openTerminal opens a terminal named OpenClaw', async () => {
    await vscode.commands.executeCommand('openclaw.openTerminal');
    const term = await waitFor('a terminal named OpenClaw', 10000, () =>
      vscode.window.terminals.find((t) => t.name === 'OpenClaw'),
    );
    const closed = new Promise<void>((resolve) => {
      const sub = vscode.window.onDidCloseTerminal((t) => {
        if (t === term) {
          sub.dispose();
          resolve();
        }
      });
    });
    term.dispose();
    await Promise.race([closed, new Promise((r) => setTimeout(r, 5000))]);
  });
});
