// Named integrated terminals, one per profile and reused, that run a quoted command line. Shell integration,
// when the terminal has it, tells when a command ends and with which exit code; without it the line still runs.
import * as vscode from 'vscode';
import { commandLine, shellKindOf } from './quote';

/** How long a new terminal may take to report shell integration before its command is typed blind. */
const SHELL_INTEGRATION_WAIT_MS = 15000;

export interface RunRequest {
  terminalName: string;
  argv: string[];
  /** The terminal's environment changes, as the server planned them (null removes a variable). */
  env?: Record<string, string | null>;
  cwd?: string;
  /** Wait for the command to finish and return its exit code (when shell integration can tell). */
  wait?: boolean;
  waitTimeoutMs?: number;
}

export interface RunResult { terminal: vscode.Terminal; commandLine: string; exitCode?: number; shellIntegration: boolean }

export class Terminals implements vscode.Disposable {
  private readonly envOf = new Map<vscode.Terminal, string>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(vscode.window.onDidCloseTerminal((t) => this.envOf.delete(t)));
  }

  terminal(name: string, env: Record<string, string | null> = {}, cwd?: string): vscode.Terminal {
    const envKey = JSON.stringify(env);
    const existing = vscode.window.terminals.find((t) => t.name === name && t.exitStatus === undefined && this.envOf.get(t) === envKey);
    if (existing) return existing;
    for (const stale of vscode.window.terminals.filter((t) => t.name === name && this.envOf.has(t))) stale.dispose();
    const t = vscode.window.createTerminal({ name, env, cwd, iconPath: new vscode.ThemeIcon('server-process'), isTransient: false });
    this.envOf.set(t, envKey);
    return t;
  }

  async run(req: RunRequest): Promise<RunResult> {
    const terminal = this.terminal(req.terminalName, req.env ?? {}, req.cwd);
    terminal.show(true);
    const shell = shellKindOf(vscode.env.shell, process.platform);
    const line = commandLine(req.argv, shell);
    // A shell whose rc files are slow (pyenv, nvm, conda) can take seconds to report integration, and text sent
    // before the shell reads input may be lost. VS Code injects integration into bash, zsh, fish and pwsh only, and
    // not at all when it is turned off: then there is nothing to wait for.
    const enabled = vscode.workspace.getConfiguration('terminal.integrated.shellIntegration').get<boolean>('enabled', true);
    const injected = enabled && shell !== 'sh' && shell !== 'cmd';
    const integration = await waitForShellIntegration(terminal, injected ? SHELL_INTEGRATION_WAIT_MS : 0);
    if (!integration) {
      terminal.sendText(line, true);
      return { terminal, commandLine: line, shellIntegration: false };
    }
    const execution = integration.executeCommand(line);
    if (!req.wait) return { terminal, commandLine: line, shellIntegration: true };
    const exitCode = await new Promise<number | undefined>((resolve) => {
      const timer = setTimeout(() => { sub.dispose(); resolve(undefined); }, req.waitTimeoutMs ?? 120000);
      const sub = vscode.window.onDidEndTerminalShellExecution((e) => {
        if (e.execution !== execution) return;
        clearTimeout(timer);
        sub.dispose();
        resolve(e.exitCode);
      });
    });
    return { terminal, commandLine: line, exitCode, shellIntegration: true };
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}

export function waitForShellIntegration(terminal: vscode.Terminal, timeoutMs: number): Promise<vscode.TerminalShellIntegration | undefined> {
  if (terminal.shellIntegration) return Promise.resolve(terminal.shellIntegration);
  return new Promise((resolve) => {
    const timer = setTimeout(() => { sub.dispose(); resolve(terminal.shellIntegration); }, timeoutMs);
    const sub = vscode.window.onDidChangeTerminalShellIntegration((e) => {
      if (e.terminal !== terminal) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e.shellIntegration);
    });
  });
}
