// Finding the OpenClaw CLI: a machine-level setting or PATH, its version checked once. A missing or unusable
// CLI becomes a message with an action, never a stack trace.
import * as vscode from 'vscode';
import { runCli } from '../../language-server/src/host/run-cli';
import { parseCliVersion } from '../../language-server/src/host/cli-version';
import { readSettings } from '../client';

export interface CliInfo { path: string; version: string }

const MIN_NODE = [24, 16];

let cached: Promise<CliInfo | { error: string }> | undefined;

export function forgetCli(): void {
  cached = undefined;
}

export function cliPath(): string {
  return readSettings().cliPath || 'openclaw';
}

async function probe(): Promise<CliInfo | { error: string }> {
  const path = cliPath();
  const r = await runCli(path, ['--version'], { env: process.env, timeoutMs: 20000 });
  const version = r.exitCode === 0 ? parseCliVersion(r.stdout) : undefined;
  if (version) return { path, version };
  if (r.error) return { error: r.error };
  const node = await runCli('node', ['--version'], { env: process.env, timeoutMs: 5000 });
  const m = /^v(\d+)\.(\d+)/.exec(node.stdout.trim());
  if (m && (Number(m[1]) < MIN_NODE[0] || (Number(m[1]) === MIN_NODE[0] && Number(m[2]) < MIN_NODE[1]))) {
    return { error: `OpenClaw needs Node ${MIN_NODE.join('.')} or newer, but "node" on PATH is ${node.stdout.trim()}.` };
  }
  return { error: `"${path} --version" failed (exit ${r.exitCode ?? '?'}): ${firstLine(r.stderr || r.stdout)}` };
}

function firstLine(s: string): string {
  return s.trim().split('\n')[0]?.slice(0, 200) || 'no output';
}

/** The CLI, or undefined after telling the user what is wrong and offering to fix it. */
export async function requireCli(): Promise<CliInfo | undefined> {
  cached ??= probe();
  const r = await cached;
  if ('path' in r) return r;
  cached = undefined;
  void vscode.window.showErrorMessage(`OpenClaw CLI unavailable: ${r.error}`, 'Install OpenClaw CLI', 'Set CLI Path').then((pick) => {
    if (pick === 'Install OpenClaw CLI') void vscode.commands.executeCommand('openclaw.installCli');
    if (pick === 'Set CLI Path') void vscode.commands.executeCommand('workbench.action.openSettings', 'openclaw.cliPath');
  });
  return undefined;
}

export async function cliAvailable(): Promise<boolean> {
  cached ??= probe();
  return 'path' in (await cached);
}
