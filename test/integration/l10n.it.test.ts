// A VS Code host whose display language is Italian (scripts/run-host-tests.mjs --locale it): the extension's
// contributions, its own messages and its language server's diagnostics all come in Italian. Each check names a
// piece a person sees, so a piece left in English fails here rather than in a user's window.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Internals } from '../../src/test-hook';
import { api, apiWithModel, configOf, EXTENSION_ID, waitFor } from './util';

/** A contributed title as the host hands it over: a localized string, or { value, original }. */
function text(title: unknown): string {
  return typeof title === 'string' ? title : (title as { value: string }).value;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('in Italian', function () {
  this.timeout(60000);

  it('the host runs in Italian', () => {
    assert.strictEqual(vscode.env.language, 'it');
  });

  it('package.json contributions come from package.nls.it.json', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const pkg = ext.packageJSON;
    const command = pkg.contributes.commands.find((c: { command: string }) => c.command === 'openclaw.showPortMap');
    assert.strictEqual(text(command.title), 'Mostra mappa delle porte');
    const launch = pkg.contributes.commands.find((c: { command: string }) => c.command === 'openclaw.launch');
    assert.strictEqual(text(launch.title), 'Avvia gateway');
    assert.strictEqual(text(pkg.contributes.views.openclaw[0].name), 'Profili');
    assert.match(text(pkg.contributes.viewsWelcome[0].contents), /^Su questo host non è stato trovato alcun profilo di OpenClaw\.\n\[Crea un profilo\]\(command:openclaw\.newProfile\)/);
    // Every key of the Italian file has reached the manifest the host uses, and no %key% is left unresolved.
    const italian = JSON.parse(await fs.readFile(path.join(ext.extensionPath, 'package.nls.it.json'), 'utf8')) as Record<string, string>;
    const manifest = JSON.stringify(pkg);
    const unresolved = Object.keys(italian).filter((k) => manifest.includes(`"%${k}%"`));
    assert.deepStrictEqual(unresolved, []);
    const missing = Object.entries(italian).filter(([, v]) => !manifest.includes(JSON.stringify(v).slice(1, -1)));
    assert.deepStrictEqual(missing, []);
  });

  it('the language server writes its diagnostics in Italian, and its quick fixes', async () => {
    await api();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, 'italiano.openclaw.json');
    await vscode.workspace.fs.writeFile(uri, Buffer.from("{ gateway: { mode: 'local', prot: 18789 } }"));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const d = await waitFor('the unknown-key diagnostic', 20000, () => vscode.languages.getDiagnostics(uri).find((x) => x.code === 'unknown-key'));
    assert.strictEqual(d.message, 'Chiave sconosciuta "prot" in "gateway": OpenClaw rifiuta l\'intera configurazione. Forse intendevi "port"?');
    const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value)) as vscode.CodeAction[];
    assert.deepStrictEqual(actions.map((a) => a.title).sort(), ['Rimuovi "gateway.prot"', 'Rinomina in "port"']);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri);
  });

  it('the hover and the inlay hint of gateway.port are in Italian', async () => {
    await api();
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(configOf('.openclaw-rescue')));
    await vscode.window.showTextDocument(doc);
    const clash = await waitFor('the clash diagnostic', 20000, () => vscode.languages.getDiagnostics(doc.uri).find((x) => x.code === 'port-conflict'));
    assert.match(clash.message, /^Conflitto di porte con il profilo "default": gateway 18809, controllo del browser 18811, relay 18819 e intervallo CDP 18820-18919 si sovrappongono a intervallo CDP 18800-18899 di default;/);
    const hover = hoverText((await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, clash.range.start.translate(0, 1))) as vscode.Hover[]);
    assert.match(hover, /Porte derivate dalla base 18809: controllo del browser 18811 · relay 18819 · intervallo CDP 18820-18919/);
    assert.match(hover, /Tipo: `/);
    assert.match(hover, /_Schema: (incluso \(OpenClaw |CLI di OpenClaw )/);
    const hints = (await vscode.commands.executeCommand('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0))) as vscode.InlayHint[];
    assert.deepStrictEqual(hints.map((h) => h.label), ['ctrl 18811, relay 18819, CDP 18820-18919']);
    assert.match(String(hints[0].tooltip), /^Porte che OpenClaw deriva dalla porta di base 18809: /);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  describe('the Profiles view, the status bar and the port map', () => {
    let oc: Internals;
    before(async () => {
      oc = await apiWithModel(6);
    });
    const node = (name: string) => oc.tree.profileNodes().find((n) => n.profile.name === name)!;
    const rows = (name: string) => oc.tree.getChildren(node(name)).map((n) => oc.tree.getTreeItem(n));

    it('profile rows say their state in Italian', () => {
      const top = oc.tree.getChildren().map((n) => oc.tree.getTreeItem(n)).map((i) => `${i.label} ${i.description}`);
      assert.deepStrictEqual(top.sort(), [
        'default :18789 · conflitto', 'lab :30000 · conflitto', 'ops :55291 · arrestato',
        'qa :40000 · conflitto', 'rescue :18809 · conflitto', 'stage :45000 · conflitto',
      ]);
      const tip = (oc.tree.getTreeItem(node('default')).tooltip as vscode.MarkdownString).value;
      assert.match(tip, /Porta di base \*\*18789\*\* \(da config\)/);
      assert.match(tip, /- controllo del browser: 18791/);
      assert.match(tip, /Configurazione: `.+openclaw\.json`/);
      assert.match(tip, /Cartella di stato: `/);
      assert.match(tip, /\$\(warning\) 2 conflitti$/);
    });

    it('the Config, State dir, Workspace, Ports, Service and conflict rows', () => {
      const rescue = rows('rescue');
      assert.deepStrictEqual(rescue.map((c) => c.label), ['Configurazione', 'Cartella di stato', 'Area di lavoro', 'Porte', 'Servizio', 'Conflitto di porte con default']);
      assert.strictEqual(rescue[0].command?.title, 'Apri configurazione');
      assert.strictEqual(rescue[3].description, 'base 18809 · 18811, 18819, 18820-18919');
      assert.match(String(rescue[4].tooltip), /\nAttività di Windows: /);
      assert.strictEqual(rescue[5].description, 'intervallo CDP 18800-18899, porta CDP (work) 18850');
      assert.match(String(rescue[5].tooltip), /^Conflitto di porte con default: gateway 18809, .* si sovrappongono a intervallo CDP 18800-18899 di default; intervallo CDP 18820-18919 copre porta CDP \(work\) 18850 di default\.$/);
      assert.strictEqual(rescue[5].command?.title, 'Vai al conflitto');
      const ports = oc.tree.getChildren(oc.tree.getChildren(node('default'))[3]).map((n) => oc.tree.getTreeItem(n)).map((i) => `${i.label}=${i.description}`);
      assert.deepStrictEqual(ports, ['gateway=18789', 'controllo del browser=18791', 'relay=18799', 'intervallo CDP=18800-18899', 'porta CDP (work)=18850']);
      const shared = rows('lab').find((i) => String(i.label).startsWith('Condivide'));
      assert.strictEqual(shared?.label, "Condivide l'area di lavoro con default");
    });

    it('the status bar item', () => {
      assert.strictEqual(oc.statusBar.text, '$(warning) OpenClaw 0/6 · 4 conflitti');
      assert.strictEqual(oc.statusBar.tooltip, '0 gateway OpenClaw su 6 in esecuzione, 4 conflitti tra profili. Fai clic per aprire la visualizzazione Profili.');
    });

    it('the port map page', () => {
      const html = oc.portMap.html();
      assert.match(html, /<h3>4 conflitti<\/h3>/);
      assert.match(html, /<strong>Conflitto di porte<\/strong>/);
      assert.match(html, /<strong>Area di lavoro condivisa<\/strong>/);
      assert.match(html, /Porte di 6 profili <span class="hint">· fai clic su un profilo o su un segmento/);
      assert.match(html, /class="legend">controllo del browser</);
      assert.match(html, /class="legend">porte condivise da due profili</);
      assert.match(html, /aria-label="Mappa delle porte di OpenClaw"/);
      assert.doesNotMatch(html, /Port clash|browser control|CDP range|Go to |click a profile/);
    });
  });
});
