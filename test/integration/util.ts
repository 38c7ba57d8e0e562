// Shared by the in-host suites: the extension's API, polling, and where the launcher put the fixture home.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { OpenClawApi } from '../../src/api';
import { INTERNALS, type Internals } from '../../src/test-hook';
import { waitFor } from '../support/wait';

export { waitFor };

export const EXTENSION_ID = 'openclaw-tools.openclaw-gateways';

/** The extension's published API, activating it if need be. */
export async function publicApi(): Promise<OpenClawApi> {
  const ext = vscode.extensions.getExtension<OpenClawApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext.activate();
}

/** The extension's internals, through the test-only hook on its API. */
export async function api(): Promise<Internals> {
  const exported = (await publicApi()) as OpenClawApi & { [INTERNALS]?: Internals };
  const internals = exported[INTERNALS];
  assert.ok(internals, 'the extension exposes no test hook: the host is not running in test mode');
  return internals;
}

/** The extension's internals once the server has reported at least `profiles` profiles (the fixture home has six). */
export async function apiWithModel(profiles = 0): Promise<Internals> {
  const oc = await api();
  await waitFor(`the host model with ${profiles}+ profiles`, 20000, () => !!oc.tree.getModel() && oc.tree.getModel()!.profiles.length >= profiles);
  return oc;
}


export function fixtureHome(): string {
  const home = process.env.OPENCLAW_HOME;
  assert.ok(home, 'OPENCLAW_HOME is not set: run through scripts/run-host-tests.mjs');
  return home;
}

export function runDir(): string | undefined {
  return process.env.OPENCLAW_TEST_RUN_DIR;
}

export function configOf(profileDir: string): string {
  return path.join(fixtureHome(), profileDir, 'openclaw.json');
}

/** Evaluates this extension's own `viewItem =~ /re/` menu clauses for a context value. */
export function menuCommands(packageJSON: any, contextValue: string, group?: RegExp): string[] {
  const items: { command: string; when?: string; group?: string }[] = packageJSON.contributes.menus['view/item/context'];
  return [...new Set(items.filter((i) => {
    if (group && !group.test(i.group ?? '')) return false;
    const m = /viewItem =~ \/(.+?)\//.exec(i.when ?? '');
    return !!m && new RegExp(m[1]).test(contextValue);
  }).map((i) => i.command))].sort();
}
