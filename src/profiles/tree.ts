// The Profiles view: a projection of the server's host model plus live gateway state. It holds no OpenClaw
// logic of its own, so it cannot disagree with the diagnostics.
import * as vscode from 'vscode';
import { spanText, type Conflict, type HostModel, type LiveStateResult, type ProfileSummary } from '../../language-server/src/protocol';
import { stateOf, toTreeItem, type Node } from './items';
import { serviceDetails } from './host-items';

export class ProfilesTree implements vscode.TreeDataProvider<Node> {
  private model: HostModel | undefined;
  private live: LiveStateResult = {};
  // What is shown, as text: models and live state arrive often and mostly unchanged, and the shown one need not be
  // serialised again to tell.
  private shownModel = '';
  private shownLive = '{}';
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly modelChanged = new vscode.EventEmitter<HostModel>();
  readonly onDidChangeModel = this.modelChanged.event;

  setModel(model: HostModel): void {
    // The server sends a model on every edit of a profile's config; one that says nothing new must not make VS Code
    // ask for every row of the view again.
    const text = JSON.stringify(model);
    if (text === this.shownModel) return;
    this.shownModel = text;
    this.model = model;
    this.changed.fire(undefined);
    this.modelChanged.fire(model);
  }

  setLive(live: LiveStateResult): void {
    const text = JSON.stringify(live);
    if (text === this.shownLive) return;
    this.shownLive = text;
    this.live = live;
    this.changed.fire(undefined);
    if (this.model) this.modelChanged.fire(this.model);
  }

  getModel(): HostModel | undefined {
    return this.model;
  }

  getLive(): LiveStateResult {
    return this.live;
  }

  profile(name: string): ProfileSummary | undefined {
    return this.model?.profiles.find((p) => p.name === name);
  }

  conflictsOf(name: string): Conflict[] {
    return this.model?.conflicts.filter((c) => c.profiles.includes(name)) ?? [];
  }

  profileNodes(): Extract<Node, { type: 'profile' }>[] {
    return (this.model?.profiles ?? []).map((profile) => {
      const conflicts = this.conflictsOf(profile.name);
      const live = this.live[profile.name];
      return { type: 'profile' as const, profile, conflicts, ...stateOf(profile, live, conflicts), ...(live?.crashLoop ? { crashLoop: live.crashLoop } : {}) };
    });
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return toTreeItem(node);
  }

  getChildren(node?: Node): Node[] {
    // Folders named like profiles that no --profile reaches come after the profiles, greyed, with the reason.
    if (!node) return [...this.profileNodes(), ...(this.model?.skipped ?? []).map((folder) => ({ type: 'skipped' as const, folder }))];
    if (node.type === 'skipped') return [];
    if (node.type === 'installedService') return serviceDetails(node.profile, node.service);
    const p = node.profile;
    if (node.type === 'profile') {
      return [
        ...(p.foundBy ? [{ type: 'origin' as const, profile: p, foundBy: p.foundBy }] : []),
        ...(p.firstError ? [{ type: 'error' as const, profile: p, problem: p.firstError }] : []),
        { type: 'file', profile: p, role: 'config', path: p.configPath, home: this.model?.home },
        { type: 'file', profile: p, role: 'stateDir', path: p.stateDir, home: this.model?.home },
        { type: 'file', profile: p, role: 'workspace', path: p.workspace, home: this.model?.home },
        { type: 'ports', profile: p, conflicts: node.conflicts.filter((c) => c.kind === 'port') },
        { type: 'service', profile: p },
        ...(p.installedServices ?? []).map((service) => ({ type: 'installedService' as const, profile: p, service })),
        ...node.conflicts.map((conflict) => ({ type: 'conflict' as const, profile: p, conflict })),
      ];
    }
    if (node.type === 'ports') {
      const clashing = node.conflicts.flatMap((c) => c.ports);
      return p.ports.map((s) => ({ type: 'port', profile: p, label: s.label, value: spanText(s), clash: clashing.some((x) => x >= s.from && x <= s.to) }));
    }
    return [];
  }

  getParent(): undefined {
    return undefined;
  }
}
