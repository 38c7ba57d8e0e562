// Rows about how the host's profiles were found: folders the CLI cannot address (greyed, with the reason), how a
// profile outside the convention was found, and the installed services that run a profile's gateway.
import * as vscode from 'vscode';
import type { InstalledService, ProfileSummary, SkippedFolder } from '../../language-server/src/protocol';

export type HostNode =
  | { type: 'skipped'; folder: SkippedFolder }
  | { type: 'origin'; profile: ProfileSummary; foundBy: string }
  | { type: 'installedService'; profile: ProfileSummary; service: InstalledService }
  | { type: 'serviceDetail'; profile: ProfileSummary; service: InstalledService; label: string; value: string; drift?: boolean };

/** Labels of skipped rows are drawn in the disabled colour through this scheme's file decorations. */
export const SKIPPED_SCHEME = 'openclaw-skipped';

const HOST_TYPES = new Set<string>(['skipped', 'origin', 'installedService', 'serviceDetail']);

export function isHostNode(node: { type: string }): node is HostNode {
  return HOST_TYPES.has(node.type);
}

export function skippedUri(folder: SkippedFolder): vscode.Uri {
  return vscode.Uri.from({ scheme: SKIPPED_SCHEME, path: folder.dir });
}

/** Greys the label of every skipped row and gives it the reason as its tooltip. */
export class SkippedDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private reasons = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly registration = vscode.window.registerFileDecorationProvider(this);

  setSkipped(folders: SkippedFolder[]): void {
    const old = [...this.reasons.keys()];
    this.reasons = new Map(folders.map((f) => [skippedUri(f).toString(), f.reason]));
    this.changed.fire([...old, ...this.reasons.keys()].map((u) => vscode.Uri.parse(u)));
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const reason = this.reasons.get(uri.toString());
    return reason === undefined ? undefined : { color: new vscode.ThemeColor('disabledForeground'), tooltip: reason };
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}

function drifting(s: InstalledService): boolean {
  return s.drift.length > 0;
}

export function serviceDetails(profile: ProfileSummary, service: InstalledService): HostNode[] {
  const row = (label: string, value: string | undefined, drift?: boolean): HostNode[] => (value === undefined ? [] : [{ type: 'serviceDetail', profile, service, label, value, ...(drift ? { drift } : {}) }]);
  return [
    ...row(vscode.l10n.t('Profile'), service.profile),
    ...row(vscode.l10n.t('Port'), service.port === undefined ? undefined : String(service.port), service.port !== undefined && service.port !== profile.basePort),
    ...row(vscode.l10n.t('Config'), service.configPath, service.driftKinds.includes('config')),
    ...row(vscode.l10n.t('State dir'), service.stateDir, service.driftKinds.includes('stateDir')),
    ...service.drift.flatMap((d) => row(vscode.l10n.t('Drift'), d, true)),
  ];
}

export function hostTreeItem(node: HostNode): vscode.TreeItem {
  switch (node.type) {
    case 'skipped': {
      const item = new vscode.TreeItem(node.folder.dir.split(/[\\/]/).pop() ?? node.folder.dir);
      item.id = `skipped:${node.folder.dir}`;
      item.description = node.folder.reason;
      item.tooltip = `${node.folder.dir}\n\n${vscode.l10n.t('Not a profile: {0}.', node.folder.reason)}`;
      item.resourceUri = skippedUri(node.folder);
      item.iconPath = new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
      item.contextValue = 'skippedFolder';
      return item;
    }
    case 'origin': {
      const item = new vscode.TreeItem(vscode.l10n.t('Found by'));
      item.id = `${node.profile.name}:origin`;
      item.description = node.foundBy;
      item.tooltip = vscode.l10n.t('This gateway runs outside the ~/.openclaw-<name> convention; it was found by {0}.', node.foundBy);
      item.iconPath = new vscode.ThemeIcon('search');
      item.contextValue = 'origin';
      return item;
    }
    case 'installedService': {
      const s = node.service;
      const item = new vscode.TreeItem(vscode.l10n.t('Installed service'), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `${node.profile.name}:installed:${s.file}`;
      item.description = `${s.name}${s.port !== undefined ? ` · ${vscode.l10n.t('port {0}', s.port)}` : ''}${drifting(s) ? ` · ${vscode.l10n.t('reinstall')}` : ''}`;
      const md = new vscode.MarkdownString(undefined, true);
      md.appendMarkdown(`**${s.name}** (${s.manager}), \`${s.file}\`\n\n`);
      if (s.profile) md.appendMarkdown(`- ${vscode.l10n.t('profile: {0}', s.profile)}\n`);
      if (s.port !== undefined) md.appendMarkdown(`- ${vscode.l10n.t('port: {0}', s.port)}\n`);
      if (s.configPath) md.appendMarkdown(`- ${vscode.l10n.t('config: {0}', `\`${s.configPath}\``)}\n`);
      if (drifting(s)) md.appendMarkdown(`\n$(warning) ${vscode.l10n.t('It {0}. **Reinstall Gateway Service** writes it again from the profile.', s.drift.join('; '))}`);
      item.tooltip = md;
      item.iconPath = drifting(s) ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('server-environment');
      item.contextValue = `installedService${drifting(s) ? ':drift' : ''}`;
      return item;
    }
    case 'serviceDetail': {
      const item = new vscode.TreeItem(node.label);
      item.id = `${node.profile.name}:installed:${node.service.file}:${node.label}:${node.value}`;
      item.description = node.value;
      item.tooltip = node.value;
      item.iconPath = new vscode.ThemeIcon(node.drift ? 'warning' : 'circle-small', node.drift ? new vscode.ThemeColor('list.warningForeground') : undefined);
      item.contextValue = 'serviceDetail';
      return item;
    }
  }
}
