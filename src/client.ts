// The language client: starts the bundled server and carries the custom requests declared in the protocol file.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { HostModelChanged, SERVER_EXEC_ARGV, type HostModel, type ServerSettings } from '../language-server/src/protocol';

export const LANGUAGE_ID = 'openclaw-config';

export function readSettings(): ServerSettings {
  const c = vscode.workspace.getConfiguration('openclaw');
  // Machine-scoped settings only: a workspace must not point the server at another home or program.
  const machine = <T>(key: string): T | undefined => {
    const i = c.inspect<T>(key);
    return (i?.globalValue ?? i?.defaultValue) as T | undefined;
  };
  return {
    home: machine<string>('home') || undefined,
    instances: machine<ServerSettings['instances']>('instances') ?? [],
    liveChecks: c.get<boolean>('liveChecks', true),
    cliPath: machine<string>('cliPath') || undefined,
  };
}

export interface ClientEvents {
  /** The host model and the schema in use, on every change of either. */
  onModel: (model: HostModel) => void;
}

/** A server that dies is started again, unless it died five times within three minutes. Unlike the library's
 *  default, errors writing to the dead server never shut the client down: a killed server leaves every message
 *  sent before its exit is seen failing, and after three such failures the default gave up for good. */
class RestartOnCrash implements ErrorHandler {
  private readonly crashes: number[] = [];

  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes.push(now);
    while (this.crashes.length && now - this.crashes[0] > 3 * 60_000) this.crashes.shift();
    if (this.crashes.length < 5) return { action: CloseAction.Restart };
    return { action: CloseAction.DoNotRestart, message: vscode.l10n.t('The OpenClaw language server stopped 5 times in 3 minutes and is not started again. Its output has the reason; reload the window to start it.') };
  }
}

/** The client, not yet started: its notification handlers are in place before the server can send anything. */
export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, events: ClientEvents): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    outputChannel: output,
    errorHandler: new RestartOnCrash(),
    synchronize: { configurationSection: 'openclaw' },
    initializationOptions: {
      settings: readSettings(),
      trusted: vscode.workspace.isTrusted,
      storagePath: context.globalStorageUri.fsPath,
      // The server writes most of what the user reads (diagnostics, refusals); it speaks the display language too.
      l10nBundle: vscode.l10n.bundle,
      language: vscode.env.language,
    },
    middleware: {
      workspace: {
        configuration: (params, token, next) =>
          params.items.some((i) => i.section === 'openclaw') ? params.items.map((i) => (i.section === 'openclaw' ? readSettings() : null)) : next(params, token),
      },
    },
  };
  const client = new LanguageClient('openclaw', 'OpenClaw Config Server', serverOptions, clientOptions);
  client.onNotification(HostModelChanged, events.onModel);
  return client;
}
