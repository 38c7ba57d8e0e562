// The editor features in the real host: completion, hover, inlay hints, and a quick fix applied as an ordinary
// edit that keeps comments and is undone by Undo.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, configOf, waitFor } from './util';

describe('editing a profile config', function () {
  this.timeout(60000);
  let doc: vscode.TextDocument;
  let editor: vscode.TextEditor;

  before(async () => {
    await api();
    doc = await vscode.workspace.openTextDocument(vscode.Uri.file(configOf('.openclaw-rescue')));
    editor = await vscode.window.showTextDocument(doc);
    await waitFor('the clash diagnostic', 20000, () => vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'port-conflict'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('offers keys of the object at the cursor, and hovers with docs', async () => {
    const bind = doc.positionAt(doc.getText().indexOf('bind'));
    const list = (await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, bind)) as vscode.CompletionList;
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('auth') && labels.includes('customBindHost'), labels.join(','));
    const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, bind.translate(0, 1))) as vscode.Hover[];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /gateway\.bind/);
    assert.match(text, /"loopback"/);
  });

  it('shows the derived port map beside gateway.port, whole, at the end of its line', async () => {
    const hints = (await vscode.commands.executeCommand('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0))) as vscode.InlayHint[];
    assert.deepStrictEqual(hints.map((h) => h.label), ['control 18811, relay 18819, CDP 18820-18919']);
    const line = doc.lineAt(hints[0].position.line);
    assert.ok(line.text.includes('port: 18809'));
    assert.strictEqual(hints[0].position.character, line.text.length);
    const max = vscode.workspace.getConfiguration('editor.inlayHints').get<number>('maximumLength');
    assert.ok(max && String(hints[0].label).length <= max, `the hint is longer than editor.inlayHints.maximumLength (${max})`);
  });

  it('the clash on gateway.port names this profile\'s ports and the other\'s ranges, as the hover and the tree write them', async () => {
    const clash = vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'port-conflict')!;
    assert.strictEqual(clash.message, 'Port clash with profile "default": gateway 18809, browser control 18811, relay 18819 and CDP range 18820-18919 '
      + "overlap default's CDP range 18800-18899; CDP range 18820-18919 covers default's CDP port (work) 18850.");
    const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, clash.range.start.translate(0, 1))) as vscode.Hover[];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Derived ports from base 18809: browser control 18811 · relay 18819 · CDP range 18820-18919/);
    const oc = await api();
    const rescue = oc.tree.profileNodes().find((n) => n.profile.name === 'rescue')!;
    const portsRow = oc.tree.getChildren(rescue).find((n) => n.type === 'ports')!;
    const rows = oc.tree.getChildren(portsRow).map((n) => oc.tree.getTreeItem(n)).map((i) => `${i.label} ${i.description}`);
    assert.ok(rows.includes('CDP range 18820-18919'), rows.join(' | '));
  });

  it('"Move to a free base port" edits only the port, keeps the comments, and Undo restores the file', async () => {
    const before = doc.getText();
    const clash = vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'port-conflict')!;
    const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, clash.range, vscode.CodeActionKind.QuickFix.value)) as vscode.CodeAction[];
    const move = actions.find((a) => a.title.startsWith('Move to a free base port'));
    assert.ok(move?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(move.edit));
    const port = Number(/\((\d+)\)/.exec(move.title)![1]);
    assert.strictEqual(doc.getText(), before.replace('port: 18809', `port: ${port}`));
    assert.ok(doc.getText().includes('// A rescue bot placed only 20 ports above main'));
    await waitFor('the clash to clear', 20000, () => !vscode.languages.getDiagnostics(doc.uri).some((d) => d.code === 'port-conflict'));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), before);
  });
});
