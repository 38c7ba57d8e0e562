// Gateway actions through the extension's own commands, with the real OpenClaw CLI, loopback only: create a main
// profile and a rescue bot, launch both, see them ready and running, run the checks, stop both. Every gateway
// started here is stopped by its pid in `after`, whatever happened.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Internals } from '../../src/test-hook';
import type { RunResult } from '../../src/gateway/terminals';
import { probeReady, readGatewayLock, lockIsLive } from '../../language-server/src/host/liveness';
import { isPortFree } from '../../language-server/src/host/listeners';
import type { DoctorResult, StopResult } from '../../language-server/src/protocol';
import { apiWithModel, fixtureHome, waitFor } from './util';

const MAIN = 'main';
const RESCUE = 'main-rescue';

async function findFiles(dir: string, re: RegExp, depth = 4): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && depth > 0) out.push(...(await findFiles(p, re, depth - 1)));
    else if (re.test(e.name)) out.push(p);
  }
  return out;
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

describe('gateway actions with the real OpenClaw CLI', function () {
  this.timeout(240000);
  let oc: Internals;
  const ports = new Map<string, number>();
  const pids = new Map<string, number>();

  before(async () => {
    // The launcher exports it on purpose: every command below must still reach its own profile.
    assert.strictEqual(process.env.OPENCLAW_STATE_DIR, path.join(fixtureHome(), '.openclaw'));
    oc = await apiWithModel();
  });

  after(async () => {
    for (const name of [MAIN, RESCUE]) {
      const stateDir = path.join(fixtureHome(), `.openclaw-${name}`);
      const lock = await readGatewayLock(stateDir, path.join(stateDir, 'openclaw.json')).catch(() => undefined);
      for (const pid of new Set([lock?.pid, pids.get(name)].filter((p): p is number => !!p))) {
        if (!alive(pid)) continue;
        process.kill(pid, 'SIGTERM');
        await waitFor(`pid ${pid} to exit`, 15000, () => !alive(pid)).catch(() => process.kill(pid, 'SIGKILL'));
      }
    }
    for (const t of vscode.window.terminals) if (t.name.startsWith('OpenClaw: ')) t.dispose();
  });

  it('a hostile argument list runs as data through the terminal\'s real shell', async () => {
    const out = path.join(os.tmpdir(), `oc-quote-${process.pid}-${Date.now()}.json`);
    const pwned = path.join(os.tmpdir(), `oc-pwned-${process.pid}`);
    const hostile = ['a b', "it's", '"quoted"', `$(touch ${pwned})`, `\`touch ${pwned}\``, `; touch ${pwned}`, '$HOME', '*', '~', '', 'ünï', 'back\\slash', '%PATH%', '!!', 'x|y&z'];
    const script = 'require("fs").writeFileSync(process.argv[1], JSON.stringify(process.argv.slice(2)))';
    const r = await oc.terminals.run({ terminalName: 'OpenClaw: quoting', argv: [process.execPath, '-e', script, out, ...hostile], wait: true, waitTimeoutMs: 30000 });
    const written = await waitFor('the argv file', 15000, async () => fs.readFile(out, 'utf8').catch(() => undefined));
    assert.deepStrictEqual(JSON.parse(written), hostile);
    if (r.shellIntegration) assert.strictEqual(r.exitCode, 0);
    await assert.rejects(fs.stat(pwned), 'a command substitution ran');
    await fs.rm(out, { force: true });
  });

  it('creates a main profile and a rescue bot next to it, on ports that cannot collide', async () => {
    const main = (await vscode.commands.executeCommand('openclaw.newProfile', { name: MAIN, mode: 'quick' })) as { port: number; exitCode?: number };
    assert.ok(main, 'newProfile returned nothing');
    if (main.exitCode !== undefined) assert.strictEqual(main.exitCode, 0);
    ports.set(MAIN, main.port);
    const rescue = (await vscode.commands.executeCommand('openclaw.newRescueProfile', MAIN, { name: RESCUE, mode: 'quick' })) as { port: number; exitCode?: number };
    if (rescue.exitCode !== undefined) assert.strictEqual(rescue.exitCode, 0);
    ports.set(RESCUE, rescue.port);
    await waitFor('both profiles in the model with their ports', 30000, async () => {
      await oc.refresh();
      const m = oc.tree.getModel();
      return [MAIN, RESCUE].every((n) => m?.profiles.find((p) => p.name === n)?.basePort === ports.get(n));
    });
    const model = oc.tree.getModel()!;
    assert.ok(!model.conflicts.some((c) => c.profiles.includes(MAIN) || c.profiles.includes(RESCUE)), JSON.stringify(model.conflicts.map((c) => c.message)));
    assert.ok(rescue.port > main.port + 110, `rescue ${rescue.port} too close to main ${main.port}`);
    const again = (await vscode.commands.executeCommand('openclaw.newProfile', { name: MAIN, mode: 'quick' }));
    assert.strictEqual(again, undefined, 'an existing profile must never be overwritten');
  });

  it('launches both; they become ready on their ports and show as running', async () => {
    assert.strictEqual(ports.size, 2, 'profiles were not created');
    await vscode.commands.executeCommand('openclaw.launch', MAIN);
    await vscode.commands.executeCommand('openclaw.launch', RESCUE);
    for (const name of [MAIN, RESCUE]) {
      await waitFor(`${name} ready on ${ports.get(name)}`, 150000, async () => (await probeReady(ports.get(name)!, 1000)).ready);
    }
    await waitFor('both running in the tree', 20000, async () => {
      await oc.refresh();
      return [MAIN, RESCUE].every((n) => oc.tree.profileNodes().find((x) => x.profile.name === n)?.state === 'running');
    });
    for (const name of [MAIN, RESCUE]) {
      const stateDir = path.join(fixtureHome(), `.openclaw-${name}`);
      const lock = await readGatewayLock(stateDir, path.join(stateDir, 'openclaw.json'));
      assert.ok(lock && (await lockIsLive(lock)), `${name} has no live lock`);
      pids.set(name, lock!.pid);
      assert.strictEqual(oc.tree.getTreeItem(oc.tree.profileNodes().find((x) => x.profile.name === name)!).contextValue, 'profile:running');
    }
  });

  it('runs the checks: gateway status summary, status, browser status, doctor', async () => {
    assert.strictEqual(pids.size, 2, 'gateways are not running');
    const t0 = Date.now();
    const step = (what: string) => console.log(`[gateway-test] ${what} after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    const summary = (await vscode.commands.executeCommand('openclaw.gatewayStatus', MAIN)) as string;
    step(`gateway status: ${summary}`);
    assert.match(summary, new RegExp(`port ${ports.get(MAIN)}`));
    assert.match(summary, /(^| )reachable/);
    const status = (await vscode.commands.executeCommand('openclaw.checkStatus', MAIN)) as RunResult;
    assert.match(status.commandLine, /--profile main status$/);
    step(`status exit ${status.exitCode}`);
    if (status.shellIntegration) assert.strictEqual(status.exitCode, 0);
    const browser = (await vscode.commands.executeCommand('openclaw.browserStatus', RESCUE)) as RunResult;
    assert.match(browser.commandLine, /--profile main-rescue browser status$/);
    step(`browser status exit ${browser.exitCode}`);
    assert.ok(!browser.shellIntegration || browser.exitCode !== undefined, 'browser status did not finish');
    const doctor = (await vscode.commands.executeCommand('openclaw.doctor', MAIN)) as DoctorResult;
    step(`doctor: ${JSON.stringify(doctor)}`);
    assert.ok(doctor && typeof doctor.findings === 'number', JSON.stringify(doctor));
    assert.ok(!/did not answer|not found|printed no JSON/.test(doctor.message), doctor.message);
  });

  it('install service: with no service manager here, the CLI\'s own message and exit code come through', async () => {
    const r = (await vscode.commands.executeCommand('openclaw.installService', MAIN)) as RunResult;
    assert.match(r.commandLine, /--profile main gateway install$/);
    // This container has no systemd user session: the CLI exits 1 ("No supported service manager detected").
    if (r.shellIntegration) assert.strictEqual(r.exitCode, 1);
  });

  it('doctor findings land as diagnostics on the profile\'s config', async () => {
    const uri = vscode.Uri.file(path.join(fixtureHome(), `.openclaw-${MAIN}`, 'openclaw.json'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const found = await waitFor('doctor diagnostics', 20000, () => {
      const ds = vscode.languages.getDiagnostics(uri).filter((d) => String(d.code).startsWith('doctor:'));
      return ds.length ? ds : undefined;
    });
    assert.ok(found.every((d) => d.message.startsWith('openclaw doctor: ')));
  });

  it('the gateway\'s auth token never appears in the output channel, hovers or tooltips', async () => {
    const configPath = path.join(fixtureHome(), `.openclaw-${MAIN}`, 'openclaw.json');
    const text = await fs.readFile(configPath, 'utf8');
    const token = /"token"\s*:\s*"([^"]+)"/.exec(text)?.[1];
    assert.ok(token && token.length >= 16, 'onboarding wrote no auth token');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(configPath));
    const at = doc.positionAt(text.indexOf(token) + 2);
    const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, at)) as vscode.Hover[];
    const hoverText = JSON.stringify(hovers.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))));
    assert.ok(hoverText.length > 2, 'no hover at all on the token');
    assert.ok(!hoverText.includes(token), 'the token leaked into a hover');
    for (const n of oc.tree.profileNodes()) {
      for (const child of [n, ...oc.tree.getChildren(n)]) {
        const item = oc.tree.getTreeItem(child);
        const tip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value ?? '';
        assert.ok(!`${item.label} ${item.description} ${tip}`.includes(token), 'the token leaked into the tree');
      }
    }
    const logs = await findFiles(path.dirname(oc.logUri.fsPath), /OpenClaw.*\.log$/);
    assert.ok(logs.length > 0, `no output channel log under ${path.dirname(oc.logUri.fsPath)}`);
    const logText = (await Promise.all(logs.map((f) => fs.readFile(f, 'utf8')))).join('\n');
    assert.match(logText, /\[main\] /, 'the output channel log does not hold the actions');
    assert.ok(!logText.includes(token), 'the token leaked into the output channel');
  });

  it('stops both: their ports are free and no gateway process is left', async () => {
    for (const name of [MAIN, RESCUE]) {
      const r = (await vscode.commands.executeCommand('openclaw.stop', name)) as StopResult;
      assert.strictEqual(r.stopped, true, r.message);
      assert.strictEqual(r.pid, pids.get(name));
    }
    for (const name of [MAIN, RESCUE]) {
      assert.ok(!alive(pids.get(name)!), `${name} pid still alive`);
      await waitFor(`port ${ports.get(name)} free`, 10000, () => isPortFree(ports.get(name)!));
    }
    await waitFor('both stopped in the tree', 15000, async () => {
      await oc.refresh();
      return [MAIN, RESCUE].every((n) => oc.tree.profileNodes().find((x) => x.profile.name === n)?.live !== 'running');
    });
  });
});
