// The port-map panel's page: the conflicts first, each with links to the keys that cause it, then the picture.
// No scripts: every click is a command link the panel allows. Pure.
import type { Conflict, HostModel } from '../../language-server/src/protocol';
import { esc, goToHref, portMapSvg } from './port-map-svg';
import { conflictsText, profilesText } from './words';
import { t } from '@vscode/l10n';

function kindWords(kind: Conflict['kind']): string {
  switch (kind) {
    case 'port': return t('Port clash');
    case 'configPath': return t('Shared config file');
    case 'stateDir': return t('Shared state dir');
    case 'workspace': return t('Shared workspace');
    case 'cdpUrl': return t('Same browser endpoint');
  }
}

function conflictItem(c: Conflict): string {
  const first = c.locations.find((l) => l.range) ?? c.locations[0];
  const text = esc(c.message);
  const message = first ? `<a href="${goToHref(first.configPath, first.range)}" class="conflict">${text}</a>` : text;
  const seen = new Set<string>();
  const links = c.locations.filter((l) => {
    const k = `${l.profile}\0${l.path}`;
    return !seen.has(k) && !!seen.add(k);
  }).map((l) => `<a href="${goToHref(l.configPath, l.range)}" class="key" data-profile="${esc(l.profile)}">${esc(l.profile)}: ${esc(l.path || t('config'))}</a>`);
  return `<li><strong>${kindWords(c.kind)}</strong> ${message}<div class="keys">${t('Go to {0}', links.join(' · '))}</div></li>`;
}

const STYLE = [
  'body{color:var(--vscode-foreground);font-family:var(--vscode-font-family);padding:0 16px 24px}',
  'a{color:var(--vscode-textLink-foreground);text-decoration:none}a:hover{text-decoration:underline}',
  'a.conflict{color:var(--vscode-foreground)}li{margin:0 0 8px}.keys{font-size:90%;color:var(--vscode-descriptionForeground)}',
  'ul{padding-left:20px;margin:0}h3{margin:14px 0 6px}.hint{color:var(--vscode-descriptionForeground);font-weight:normal;font-size:90%}',
].join('');

export function portMapHtml(model: HostModel | undefined, width = 960): string {
  const head = `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';"><style>${STYLE}</style></head><body>`;
  if (!model) return `${head}<p>${t('Waiting for the OpenClaw language server…')}</p></body></html>`;
  const conflicts = model.conflicts.length
    ? `<section id="conflicts"><h3>${conflictsText(model.conflicts.length)}</h3><ul>${model.conflicts.map(conflictItem).join('')}</ul></section>`
    : `<section id="conflicts"><h3>${t('No conflicts')}</h3></section>`;
  return `${head}${conflicts}<h3>${t('Ports of {0}', profilesText(model.profiles.length))} <span class="hint">· ${t('click a profile or a segment to open the config key that sets its ports')}</span></h3>`
    + `${portMapSvg(model, width)}</body></html>`;
}
