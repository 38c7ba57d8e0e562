// A VS Code host whose display language is Italian (scripts/run-host-tests.mjs --locale it): the extension's
// contributions, its own messages and its language server's diagnostics all come in Italian.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, waitFor } from './util';

/** A contributed title as the host hands it over: a localized string, or { value, original }. */
function text(title: unknown): string {
  return typeof title === 'string' ? title : (title as { value: string }).value;
}

describe('in Italian', function () {
  this.timeout(60000);

  it('the host runs in Italian', () => {
    assert.strictEqual(vscode.env.language, 'it');
  });

  it('package.json contributions come from package.nls.it.json', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    const command = pkg.contributes.commands.find((c: { command: string }) => c.command === 'openclaw.showPortMap');
    assert.strictEqual(text(command.title), 'Mostra mappa delle porte');
  });

  it('the language server writes its diagnostics in Italian', async () => {
    await api();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, 'italiano.openclaw.json');
    await vscode.workspace.fs.writeFile(uri, Buffer.from("{ gateway: { mode: 'local', prot: 18789 } }"));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const d = await waitFor('the unknown-key diagnostic', 20000, () => vscode.languages.getDiagnostics(uri).find((x) => x.code === 'unknown-key'));
    assert.strictEqual(d.message, 'Chiave sconosciuta "prot" in "gateway": OpenClaw rifiuta l\'intera configurazione. Forse intendevi "port"?');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri);
  });
});
