// The test-only door to the extension's internals. activate() puts them on its API object under this symbol only
// when the extension host runs tests (ExtensionMode.Test), so the in-host suites can drive the tree, the poller and
// the terminals while the published API stays small.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { OpenClawApi } from './api';
import type { ActionDeps } from './gateway/actions';
import type { setPrompt } from './gateway/prompt';
import type { Terminals } from './gateway/terminals';
import type { LiveStatePoller } from './profiles/live-state';
import type { PortMapPanel } from './profiles/port-map-view';
import type { ProfilesStatusBar } from './profiles/status-bar';
import type { SkippedDecorations } from './profiles/host-items';
import type { ProfilesTree } from './profiles/tree';

export const INTERNALS = Symbol.for('openclaw-gateways.internals');

export interface Internals {
  api: OpenClawApi;
  client: LanguageClient;
  tree: ProfilesTree;
  treeView: vscode.TreeView<unknown>;
  statusBar: ProfilesStatusBar;
  poller: LiveStatePoller;
  terminals: Terminals;
  portMap: PortMapPanel;
  skippedDecorations: SkippedDecorations;
  deps: ActionDeps;
  /** Where this extension's logs (and its output channel's file) live. */
  logUri: vscode.Uri;
  /** Replaces the modal prompt, so in-host tests can answer the preflight's question. */
  setPrompt: typeof setPrompt;
  /** Wall time of activate() itself, for `npm run bench`. */
  activationMs: number;
  refresh(): Promise<void>;
}
