// Restricted (untrusted) workspace: diagnostics keep working with the bundled schema, and every action that would
// run a program refuses with an explanation instead of running it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, waitFor } from './util';

describe('restricted mode', function () {
  this.timeout(60000);

  it('the window is untrusted', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  it('diagnostics still work, from the bundled schema', async () => {
    const oc = await api();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, 'restricted.openclaw.json');
    await vscode.workspace.fs.writeFile(uri, Buffer.from("{ gateway: { mode: 'local', prot: 18789 } }"));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const d = await waitFor('the unknown-key diagnostic', 20000, () => vscode.languages.getDiagnostics(uri).find((x) => x.code === 'unknown-key'));
    assert.match(d.message, /Did you mean "port"/);
    await waitFor('the host model', 20000, () => oc.tree.getModel());
    assert.strictEqual(oc.tree.getModel()!.schema.source, 'bundled');
  });

  it('actions that run a program refuse, and no terminal is opened', async () => {
    const before = vscode.window.terminals.length;
    for (const id of ['openclaw.launch', 'openclaw.stop', 'openclaw.checkStatus', 'openclaw.gatewayStatus', 'openclaw.doctor', 'openclaw.showLogs', 'openclaw.installService']) {
      const r = await vscode.commands.executeCommand(id, 'default').then((x) => x, (e: Error) => e);
      assert.ok(r === undefined || r instanceof Error, `${id} returned ${JSON.stringify(r)}`);
    }
    const created = await vscode.commands.executeCommand('openclaw.newProfile', { name: 'never', mode: 'quick' });
    assert.strictEqual(created, undefined);
    assert.strictEqual(vscode.window.terminals.length, before);
  });
});
