// What each row of the Profiles view says and does. Values from configs are never shown except paths and ports,
// so nothing secret can reach a label or tooltip.
import * as vscode from 'vscode';
import { spanText, type ConfigProblem, type Conflict, type CrashLoop, type LiveStateResult, type ProfileSummary } from '../../language-server/src/protocol';
import { homeRelative, otherSpans, plural, portsDescription } from './words';
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

const STATE_TEXT: Record<ProfileState, string> = {
  'crash-loop': 'crash loop', running: 'running', starting: 'starting', stopped: 'stopped', conflict: 'conflict', invalid: 'invalid config', missing: 'no config',
};

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
  return [`${p.name} (base ${p.basePort}, from ${p.basePortSource})`, ...portMapLines(p)].join('\n');
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}

function conflictLabel(c: Conflict, me: string): string {
  const other = c.profiles[0] === me ? c.profiles[1] : c.profiles[0];
  switch (c.kind) {
    case 'port': return `Port clash with ${other}`;
    case 'configPath': return `Shares config file with ${other}`;
    case 'stateDir': return `Shares state dir with ${other}`;
    case 'workspace': return `Shares workspace with ${other}`;
    case 'cdpUrl': return `Same browser endpoint as ${other}`;
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
      item.description = `:${p.basePort} · ${STATE_TEXT[node.state]}`;
      item.iconPath = stateIcon(node.state);
      const running = node.live === 'running' || node.live === 'starting' || node.live === 'crash-loop';
      const invalid = p.configValid === false || !p.configExists;
      item.contextValue = `profile:${running ? 'running' : 'stopped'}${node.conflicts.length ? ':conflict' : ''}${invalid ? ':invalid' : ''}`;
      const md = new vscode.MarkdownString(undefined, true);
      md.appendMarkdown(`**${p.name}** — ${STATE_TEXT[node.state]}\n\n`);
      if (p.foundBy) md.appendMarkdown(`Found by ${escape(p.foundBy)}\n\n`);
      if (node.crashLoop) {
        md.appendMarkdown(`$(debug-restart) Restarted ${node.crashLoop.restarts} times in the last minutes: ${escape(node.crashLoop.signs.join('; '))}\n\n`);
        if (node.crashLoop.lastError) md.appendMarkdown(`Last error: \`${node.crashLoop.lastError.replace(/`/g, "'")}\`\n\n`);
      }
      if (p.firstError) md.appendMarkdown(`$(error) ${escape(p.firstError.message)}${p.firstError.path ? ` (at \`${p.firstError.path}\`)` : ''}\n\n`);
      md.appendMarkdown(`Base port **${p.basePort}** (from ${p.basePortSource})\n\n`);
      for (const line of portMapLines(p)) md.appendMarkdown(`- ${line}\n`);
      md.appendMarkdown(`\nConfig: \`${p.configPath}\`\n\nState dir: \`${p.stateDir}\``);
      if (node.conflicts.length) md.appendMarkdown(`\n\n$(warning) ${plural(node.conflicts.length, 'conflict')}`);
      item.tooltip = md;
      return item;
    }
    case 'file': {
      const label = node.role === 'config' ? 'Config' : node.role === 'stateDir' ? 'State dir' : 'Workspace';
      const item = new vscode.TreeItem(label);
      item.id = `${node.profile.name}:${node.role}`;
      item.description = homeRelative(node.path, node.home);
      item.tooltip = node.path;
      // A resourceUri brings the file decorations along, and a folder's bubble up from the files in it: the state
      // dir row would turn red for an error in the config inside it. Only the config row carries its own.
      if (node.role === 'config') item.resourceUri = vscode.Uri.file(node.path);
      item.iconPath = node.role === 'config' ? new vscode.ThemeIcon('file-code') : new vscode.ThemeIcon('folder');
      item.contextValue = `path:${node.role}`;
      if (node.role === 'config') item.command = { title: 'Open Config', command: 'openclaw.openConfig', arguments: [node.profile.name] };
      return item;
    }
    case 'ports': {
      const item = new vscode.TreeItem('Ports', vscode.TreeItemCollapsibleState.Collapsed);
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
      const item = new vscode.TreeItem('Service');
      item.id = `${node.profile.name}:service`;
      item.description = serviceName(node.profile);
      item.tooltip = `systemd: ${node.profile.services.systemd}\nlaunchd: ${node.profile.services.launchd}\nWindows task: ${node.profile.services.windowsTask}`;
      item.iconPath = new vscode.ThemeIcon('server-process');
      item.contextValue = 'service';
      return item;
    }
    case 'error': {
      const item = new vscode.TreeItem(node.problem.message);
      item.id = `${node.profile.name}:error`;
      item.description = node.problem.path || undefined;
      item.tooltip = `${node.problem.message}${node.problem.path ? `\n\nat ${node.problem.path}` : ''}${node.profile.configErrors > 1 ? `\n\n${plural(node.profile.configErrors - 1, 'more error', 'more errors')} in this config` : ''}`;
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
      item.contextValue = 'configError';
      item.command = { title: 'Go to Error', command: 'openclaw.goToProblem', arguments: [node.problem] };
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
      item.command = { title: 'Go to Conflict', command: 'openclaw.goToConflict', arguments: [node.profile.name, node.conflict] };
      return item;
    }
  }
}
