// What each row of the Profiles view says and does. Values from configs are never shown except paths and ports,
// so nothing secret can reach a label or tooltip.
import * as vscode from 'vscode';
import { spanText, type ConfigProblem, type Conflict, type CrashLoop, type LiveStateResult, type ProfileSummary } from '../../language-server/src/protocol';
import { conflictsText, homeRelative, otherSpans, portsDescription } from './words';
import { hostTreeItem, isHostNode, type HostNode } from './host-items';

export type ProfileState = 'crash-loop' | 'running' | 'starting' | 'stopped' | 'conflict' | 'invalid' | 'missing';

export type Node =
  | { type: 'profile'; profile: ProfileSummary; state: ProfileState; live: string; conflicts: Conflict[]; crashLoop?: CrashLoop }
  | { type: 'file'; profile: ProfileSummary; role: 'config' | 'stateDir' | 'workspace'; path: string; home?: string }
  | { type: 'ports'; profile: ProfileSummary; conflicts: Conflict[] }
  | { type: 'port'; profile: ProfileSummary; label: string; value: string; clash: boolean }
  | { type: 'service'; profile: ProfileSummary }
  | { type: 'conflict'; profile: ProfileSummary; conflict: Conflict }
  | { type: 'error'; profile: ProfileSummary; problem: ConfigProblem }
  | HostNode;

export function stateOf(profile: ProfileSummary, live: LiveStateResult[string] | undefined, conflicts: Conflict[]): { state: ProfileState; live: string } {
  const liveName = live?.state ?? 'unknown';
  // Before anything else: whatever the last poll caught it doing, this gateway does not stay up.
  if (live?.crashLoop) return { state: 'crash-loop', live: live.state === 'running' || live.state === 'starting' ? live.state : 'crash-loop' };
  if (live?.state === 'running') return { state: 'running', live: 'running' };
  if (live?.state === 'starting') return { state: 'starting', live: 'starting' };
  if (!profile.configExists) return { state: 'missing', live: liveName };
  if (profile.configValid === false) return { state: 'invalid', live: liveName };
  if (conflicts.length) return { state: 'conflict', live: liveName };
  return { state: 'stopped', live: liveName };
}

function stateText(state: ProfileState): string {
  switch (state) {
    case 'crash-loop': return vscode.l10n.t('crash loop');
    case 'running': return vscode.l10n.t('running');
    case 'starting': return vscode.l10n.t('starting');
    case 'stopped': return vscode.l10n.t('stopped');
    case 'conflict': return vscode.l10n.t('conflict');
    case 'invalid': return vscode.l10n.t('invalid config');
    case 'missing': return vscode.l10n.t('no config');
  }
}

function stateIcon(state: ProfileState): vscode.ThemeIcon {
  switch (state) {
    case 'crash-loop': return new vscode.ThemeIcon('debug-restart', new vscode.ThemeColor('list.errorForeground'));
    case 'running': return new vscode.ThemeIcon('vm-running', new vscode.ThemeColor('testing.iconPassed'));
    case 'starting': return new vscode.ThemeIcon('loading~spin');
    case 'conflict': return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground'));
    case 'invalid': return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    case 'missing': return new vscode.ThemeIcon('circle-slash');
    default: return new vscode.ThemeIcon('vm-outline');
  }
}

export function portMapLines(p: ProfileSummary): string[] {
  return p.ports.map((s) => `${s.label}: ${spanText(s)}`);
}

export function portMapText(p: ProfileSummary): string {
  return [vscode.l10n.t('{0} (base {1}, from {2})', p.name, p.basePort, p.basePortSource), ...portMapLines(p)].join('\n');
}

function moreErrorsText(n: number): string {
  return n === 1 ? vscode.l10n.t('1 more error in this config') : vscode.l10n.t('{0} more errors in this config', n);
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}

function conflictLabel(c: Conflict, me: string): string {
  const other = c.profiles[0] === me ? c.profiles[1] : c.profiles[0];
  switch (c.kind) {
    case 'port': return vscode.l10n.t('Port clash with {0}', other);
    case 'configPath': return vscode.l10n.t('Shares config file with {0}', other);
    case 'stateDir': return vscode.l10n.t('Shares state dir with {0}', other);
    case 'workspace': return vscode.l10n.t('Shares workspace with {0}', other);
    case 'cdpUrl': return vscode.l10n.t('Same browser endpoint as {0}', other);
  }
}

export function serviceName(p: ProfileSummary): string {
  return process.platform === 'darwin' ? p.services.launchd : process.platform === 'win32' ? p.services.windowsTask : p.services.systemd;
}

export function toTreeItem(node: Node): vscode.TreeItem {
  if (isHostNode(node)) return hostTreeItem(node);
  switch (node.type) {
    case 'profile': {
      const p = node.profile;
      const item = new vscode.TreeItem(p.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `profile:${p.name}`;
      item.description = `:${p.basePort} · ${stateText(node.state)}`;
      item.iconPath = stateIcon(node.state);
      const running = node.live === 'running' || node.live === 'starting' || node.live === 'crash-loop';
      const invalid = p.configValid === false || !p.configExists;
      item.contextValue = `profile:${running ? 'running' : 'stopped'}${node.conflicts.length ? ':conflict' : ''}${invalid ? ':invalid' : ''}`;
      const md = new vscode.MarkdownString(undefined, true);
      md.appendMarkdown(`**${p.name}** — ${stateText(node.state)}\n\n`);
      if (p.foundBy) md.appendMarkdown(`${vscode.l10n.t('Found by {0}', escape(p.foundBy))}\n\n`);
      if (node.crashLoop) {
        md.appendMarkdown(`$(debug-restart) ${vscode.l10n.t('Restarted {0} times in the last minutes: {1}', node.crashLoop.restarts, escape(node.crashLoop.signs.join('; ')))}\n\n`);
        if (node.crashLoop.lastError) md.appendMarkdown(`${vscode.l10n.t('Last error: {0}', `\`${node.crashLoop.lastError.replace(/`/g, "'")}\``)}\n\n`);
      }
      if (p.firstError) md.appendMarkdown(`$(error) ${p.firstError.path ? vscode.l10n.t('{0} (at {1})', escape(p.firstError.message), `\`${p.firstError.path}\``) : escape(p.firstError.message)}\n\n`);
      md.appendMarkdown(`${vscode.l10n.t('Base port {0} (from {1})', `**${p.basePort}**`, p.basePortSource)}\n\n`);
      for (const line of portMapLines(p)) md.appendMarkdown(`- ${line}\n`);
      md.appendMarkdown(`\n${vscode.l10n.t('Config: {0}', `\`${p.configPath}\``)}\n\n${vscode.l10n.t('State dir: {0}', `\`${p.stateDir}\``)}`);
      if (node.conflicts.length) md.appendMarkdown(`\n\n$(warning) ${conflictsText(node.conflicts.length)}`);
      item.tooltip = md;
      return item;
    }
    case 'file': {
      const label = node.role === 'config' ? vscode.l10n.t('Config') : node.role === 'stateDir' ? vscode.l10n.t('State dir') : vscode.l10n.t('Workspace');
      const item = new vscode.TreeItem(label);
      item.id = `${node.profile.name}:${node.role}`;
      item.description = homeRelative(node.path, node.home);
      item.tooltip = node.path;
      // A resourceUri brings the file decorations along, and a folder's bubble up from the files in it: the state
      // dir row would turn red for an error in the config inside it. Only the config row carries its own.
      if (node.role === 'config') item.resourceUri = vscode.Uri.file(node.path);
      item.iconPath = node.role === 'config' ? new vscode.ThemeIcon('file-code') : new vscode.ThemeIcon('folder');
      item.contextValue = `path:${node.role}`;
      if (node.role === 'config') item.command = { title: vscode.l10n.t('Open Config'), command: 'openclaw.openConfig', arguments: [node.profile.name] };
      return item;
    }
    case 'ports': {
      const item = new vscode.TreeItem(vscode.l10n.t('Ports'), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `${node.profile.name}:ports`;
      item.description = portsDescription(node.profile);
      item.iconPath = new vscode.ThemeIcon('plug', node.conflicts.length ? new vscode.ThemeColor('list.errorForeground') : undefined);
      item.contextValue = 'ports';
      return item;
    }
    case 'port': {
      const item = new vscode.TreeItem(node.label);
      item.id = `${node.profile.name}:port:${node.label}`;
      item.description = node.value;
      item.iconPath = new vscode.ThemeIcon(node.clash ? 'warning' : 'circle-small', node.clash ? new vscode.ThemeColor('list.errorForeground') : undefined);
      item.contextValue = 'port';
      return item;
    }
    case 'service': {
      const item = new vscode.TreeItem(vscode.l10n.t('Service'));
      item.id = `${node.profile.name}:service`;
      item.description = serviceName(node.profile);
      item.tooltip = `systemd: ${node.profile.services.systemd}\nlaunchd: ${node.profile.services.launchd}\n${vscode.l10n.t('Windows task: {0}', node.profile.services.windowsTask)}`;
      item.iconPath = new vscode.ThemeIcon('server-process');
      item.contextValue = 'service';
      return item;
    }
    case 'error': {
      const item = new vscode.TreeItem(node.problem.message);
      item.id = `${node.profile.name}:error`;
      item.description = node.problem.path || undefined;
      item.tooltip = `${node.problem.message}${node.problem.path ? `\n\n${vscode.l10n.t('at {0}', node.problem.path)}` : ''}${node.profile.configErrors > 1 ? `\n\n${moreErrorsText(node.profile.configErrors - 1)}` : ''}`;
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
      item.contextValue = 'configError';
      item.command = { title: vscode.l10n.t('Go to Error'), command: 'openclaw.goToProblem', arguments: [node.problem] };
      return item;
    }
    case 'conflict': {
      const item = new vscode.TreeItem(conflictLabel(node.conflict, node.profile.name));
      item.id = `${node.profile.name}:conflict:${node.conflict.kind}:${node.conflict.profiles.join('/')}:${node.conflict.ports.join(',')}`;
      const c = node.conflict;
      const mine = c.profiles[0] === node.profile.name ? 0 : 1;
      item.description = c.kind === 'port' ? otherSpans(c, node.profile.name) : undefined;
      item.tooltip = c.kind === 'port' ? `${conflictLabel(c, node.profile.name)}: ${c.detail[mine]}.` : c.message;
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground'));
      item.contextValue = 'conflict';
      item.command = { title: vscode.l10n.t('Go to Conflict'), command: 'openclaw.goToConflict', arguments: [node.profile.name, node.conflict] };
      return item;
    }
  }
}
