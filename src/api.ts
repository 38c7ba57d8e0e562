// What activate() returns: the API other extensions may use, documented in the README. It shows the host model
// the language server reports and can ask for a fresh one; nothing of the extension's machinery is part of it.
import type * as vscode from 'vscode';
import type { HostModel } from '../language-server/src/protocol';

export interface OpenClawApi {
  /** The last host model: every profile with its paths and ports, the conflicts between them, and which schema
   *  checks configs. Undefined until the language server has first reported. */
  readonly model: HostModel | undefined;
  /** Fires with every new host model (profiles found, configs edited, live state, schema loaded). */
  readonly onDidChangeModel: vscode.Event<HostModel>;
  /** Resolves once the language server runs (rejects if it cannot start). Activation does not wait for it. */
  readonly ready: Promise<void>;
  /** Re-reads every profile from disk and polls live state now. */
  refresh(): Promise<void>;
}
