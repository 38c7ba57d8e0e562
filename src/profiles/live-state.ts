// Polls live gateway state only while the Profiles view is visible, as Container Tools does: a hidden view costs nothing.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LiveStateRequest } from '../../language-server/src/protocol';
import type { ProfilesTree } from './tree';

export class LiveStatePoller implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private inFlight: Promise<void> | undefined;

  constructor(private readonly client: LanguageClient, private readonly tree: ProfilesTree, private readonly view: vscode.TreeView<unknown>) {
    this.subscriptions.push(view.onDidChangeVisibility(() => this.reschedule()));
    this.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('openclaw.pollSeconds')) this.reschedule(); }));
    this.reschedule();
  }

  /** One poll now, whatever the visibility: after a config change or an action. */
  refresh(): Promise<void> {
    this.inFlight ??= this.client.sendRequest(LiveStateRequest).then(
      (live) => this.tree.setLive(live),
      () => undefined,
    ).finally(() => { this.inFlight = undefined; });
    return this.inFlight;
  }

  /** Whether the poll timer runs: only while the view is visible. */
  get polling(): boolean {
    return this.timer !== undefined;
  }

  private reschedule(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    if (!this.view.visible) return;
    void this.refresh();
    const seconds = Math.max(1, vscode.workspace.getConfiguration('openclaw').get<number>('pollSeconds', 5));
    this.timer = setInterval(() => void this.refresh(), seconds * 1000);
  }

  dispose(): void {
    clearInterval(this.timer);
    this.subscriptions.forEach((s) => s.dispose());
  }
}
