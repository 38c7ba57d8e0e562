// Faults seen from the real host: the language server killed mid-session, a CLI path that leads nowhere,
// and instances declared in settings outside the naming convention.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { ServerInfoRequest } from '../../language-server/src/protocol';
import type { Internals } from '../../src/test-hook';
import { apiWithModel, configOf, fixtureHome, waitFor } from './util';

describe('faults', function () {
  this.timeout(90000);
  let oc: Internals;

  before(async () => {
    oc = await apiWithModel(6);
  });

  it('the language server killed mid-session comes back and the explorer keeps working', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(configOf('.openclaw-rescue')));
    await vscode.window.showTextDocument(doc);
    await waitFor('the clash diagnostic', 20000, () => vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'port-conflict'));
    const { pid } = await oc.client.sendRequest(ServerInfoRequest);
    process.kill(pid, 'SIGKILL');
    const info = await waitFor('a new server process', 30000, async () => {
      try {
        const i = await oc.client.sendRequest(ServerInfoRequest);
        return i.pid !== pid ? i : undefined;
      } catch {
        return undefined;
      }
    });
    assert.notStrictEqual(info.pid, pid);
    await oc.refresh();
    assert.strictEqual(oc.tree.getModel()!.profiles.length >= 6, true);
    assert.strictEqual(oc.tree.profileNodes().find((n) => n.profile.name === 'rescue')?.state, 'conflict');
    await waitFor('diagnostics again after the restart', 20000, () => vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'port-conflict'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a CLI path that leads nowhere: the action explains and runs nothing', async () => {
    const config = vscode.workspace.getConfiguration('openclaw');
    await config.update('cliPath', '/nonexistent/openclaw', vscode.ConfigurationTarget.Global);
    try {
      const before = vscode.window.terminals.length;
      const r = await vscode.commands.executeCommand('openclaw.checkStatus', 'ops');
      assert.strictEqual(r, undefined);
      assert.strictEqual(vscode.window.terminals.length, before);
    } finally {
      await config.update('cliPath', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('an instance declared in settings joins the model, and the file it points at becomes an OpenClaw config', async () => {
    const home = fixtureHome();
    const dir = path.join(home, 'custom-main');
    const file = path.join(dir, 'main.json');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(file, "{\n  gateway: { mode: 'local', port: 18789 },\n}\n");
    const config = vscode.workspace.getConfiguration('openclaw');
    await config.update('instances', [{ name: 'custom', configPath: file, stateDir: path.join(home, '.openclaw-custom-state') }], vscode.ConfigurationTarget.Global);
    try {
      await waitFor('the declared instance in the model', 20000, () => oc.tree.profile('custom'));
      const custom = oc.tree.profile('custom')!;
      assert.strictEqual(custom.origin, 'setting');
      assert.strictEqual(custom.env.OPENCLAW_CONFIG_PATH, file);
      assert.ok(oc.tree.conflictsOf('custom').some((c) => c.kind === 'port' && c.profiles.includes('default')));
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await waitFor('main.json claimed as openclaw-config', 10000, async () => (await vscode.workspace.openTextDocument(vscode.Uri.file(file))).languageId === 'openclaw-config');
      await waitFor('its clash diagnostic', 20000, () => vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'port-conflict'));
    } finally {
      await config.update('instances', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    await waitFor('the instance gone again', 20000, () => !oc.tree.profile('custom'));
  });
});
