// The port-map picture: one row per profile on one shared axis, each span a segment labelled with its ports and
// coloured by role, the ports two profiles share outlined in red. Profile names and segments are links to the
// config key that puts them there. Pure: the model in, SVG text out.
import { spanText, type HostModel, type LspRange, type PortSpan, type ProfileSummary } from '../../language-server/src/protocol';
import { labelLanes, layoutAxis, textWidth, type Axis } from './port-map-layout';
import { t } from '@vscode/l10n';

/** The command a click in the picture runs; the panel allows command links to it alone. */
export const GO_TO_COMMAND = 'openclaw.goToProblem';

/** A command link that opens a config at a key (or at its top without a range). */
export function goToHref(configPath: string, range: LspRange | undefined): string {
  return `command:${GO_TO_COMMAND}?${encodeURIComponent(JSON.stringify([{ configPath, ...(range ? { range } : {}) }]))}`;
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Role -> the class that colours it, and the legend's words for it. */
export function roleClass(role: string): string {
  if (role.startsWith('cdp:')) return 'r-cdp';
  if (role.startsWith('canvas')) return 'r-canvas';
  return `r-${role}`;
}

const legend = (): [string, string][] => [
  ['r-gateway', t('gateway (base)')], ['r-browser-control', t('browser control')], ['r-relay', t('relay')],
  ['r-cdp-range', t('CDP range')], ['r-cdp', t('CDP port of a browser profile')], ['r-canvas', t('canvas (retired canvasHost)')],
];

const STYLE = [
  '.axis{fill:var(--vscode-descriptionForeground,#999);font:10px sans-serif}',
  '.name{fill:var(--vscode-textLink-foreground,#3794ff);font:12px sans-serif}',
  '.lbl{fill:var(--vscode-foreground,#ccc);font:10px sans-serif}',
  '.legend{fill:var(--vscode-foreground,#ccc);font:11px sans-serif}',
  '.stripe{fill:#8881}.brk{stroke:var(--vscode-descriptionForeground,#999);stroke-width:1;fill:none}',
  '.lead{stroke:#8888;stroke-width:1}',
  '.r-gateway{fill:var(--vscode-charts-blue,#3794ff)}.r-browser-control{fill:var(--vscode-charts-purple,#b180d7)}',
  '.r-relay{fill:var(--vscode-charts-yellow,#cca700)}.r-cdp-range{fill:var(--vscode-charts-green,#89d185);fill-opacity:.55}',
  '.r-cdp{fill:var(--vscode-charts-orange,#d18616)}.r-canvas{fill:#888}',
  '.clash{fill:#f14c4c55;stroke:var(--vscode-charts-red,#f14c4c);stroke-width:2}',
  'a:hover .name{text-decoration:underline}a:hover rect{stroke:var(--vscode-focusBorder,#007fd4);stroke-width:1}',
].join('');

const BAR = 14;
const LANE = 12;
const ROW_PAD = 6;
const LEGEND_H = 22;
const AXIS_H = 16;

export interface RowLayout { profile: ProfileSummary; y: number; height: number; labels: { span: PortSpan; x: number; lane: number; text: string }[] }

/** The rows: each profile's y, its height (the bar plus as many label lanes as its labels need) and labels. */
export function layoutRows(model: HostModel, axis: Axis, top: number): RowLayout[] {
  let y = top;
  return model.profiles.map((profile) => {
    const labels = profile.ports.map((span) => {
      const text = spanText(span);
      return { span, text, x: (axis.x(span.from) + axis.xEnd(span.to)) / 2, width: textWidth(text) };
    });
    const lanes = labelLanes(labels);
    const height = ROW_PAD + BAR + 2 + (Math.max(-1, ...lanes) + 1) * LANE + ROW_PAD;
    const row = { profile, y, height, labels: labels.map((l, i) => ({ span: l.span, x: l.x, lane: lanes[i], text: l.text })) };
    y += height;
    return row;
  });
}

/** Per profile, the ports it shares with another profile, merged into runs. */
export function clashRuns(model: Pick<HostModel, 'conflicts'>): Map<string, [number, number][]> {
  const raw = new Map<string, [number, number][]>();
  for (const c of model.conflicts) {
    for (const [a, b] of c.overlaps) {
      const from = Math.max(a.from, b.from), to = Math.min(a.to, b.to);
      if (from > to) continue;
      for (const name of c.profiles) raw.set(name, [...(raw.get(name) ?? []), [from, to]]);
    }
  }
  const out = new Map<string, [number, number][]>();
  for (const [name, runs] of raw) {
    const merged: [number, number][] = [];
    for (const [from, to] of runs.sort((x, y) => x[0] - y[0])) {
      const last = merged[merged.length - 1];
      if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
      else merged.push([from, to]);
    }
    out.set(name, merged);
  }
  return out;
}

export function portMapSvg(model: HostModel, width = 960): string {
  const profiles = model.profiles.filter((p) => p.ports.length);
  if (!profiles.length) return `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="40" role="img" aria-label="${esc(t('OpenClaw port map'))}"><text x="10" y="24" class="legend">${esc(t('No profiles.'))}</text></svg>`;
  const nameW = Math.max(80, ...model.profiles.map((p) => textWidth(p.name, 12) + 16));
  const axis = layoutAxis(profiles.flatMap((p) => p.ports), { left: nameW, width: width - nameW - 16 });
  const top = LEGEND_H + AXIS_H + 4;
  const rows = layoutRows({ ...model, profiles }, axis, top);
  const bottom = rows.length ? rows[rows.length - 1].y + rows[rows.length - 1].height : top;
  const right = Math.max(width, axis.right + 16);
  const parts: string[] = [];

  // Legend: only the roles on this host, and the mark of a clash.
  const roles = new Set(profiles.flatMap((p) => p.ports.map((s) => roleClass(s.role))));
  let lx = 4;
  for (const [cls, words] of legend().filter(([cls]) => roles.has(cls))) {
    parts.push(`<rect x="${lx}" y="4" width="12" height="12" rx="2" class="${cls}"/><text x="${lx + 16}" y="14" class="legend">${esc(words)}</text>`);
    lx += 16 + textWidth(words, 11) + 14;
  }
  parts.push(`<rect x="${lx}" y="4" width="12" height="12" rx="2" class="clash"/><text x="${lx + 16}" y="14" class="legend">${esc(t('ports two profiles share'))}</text>`);

  // The axis: each region's first and last port, and a break mark between regions.
  axis.regions.forEach((r, i) => {
    const y = LEGEND_H + 10;
    parts.push(`<text x="${r.x0}" y="${y}" class="axis">${r.from}</text>`);
    if (r.x1 - r.x0 > textWidth(String(r.from)) + textWidth(String(r.to)) + 6) parts.push(`<text x="${r.x1}" y="${y}" text-anchor="end" class="axis">${r.to}</text>`);
    if (i) {
      const bx = r.x0 - 12;
      parts.push(`<path class="brk" d="M${bx - 4} ${bottom} L${bx} ${LEGEND_H + 2} M${bx + 2} ${bottom} L${bx + 6} ${LEGEND_H + 2}"/>`);
    }
  });

  const clashes = clashRuns(model);
  rows.forEach((row, i) => {
    const p = row.profile;
    const barY = row.y + ROW_PAD;
    if (i % 2 === 0) parts.push(`<rect x="0" y="${row.y}" width="${right}" height="${row.height}" class="stripe"/>`);
    const gateway = p.ports.find((s) => s.role === 'gateway');
    parts.push(`<a href="${goToHref(p.configPath, gateway?.range)}" class="profile" data-profile="${esc(p.name)}"><title>${esc(gateway?.key
      ? t('{0}: base {1} (from {2}); click to open {3}', p.name, p.basePort, p.basePortSource, gateway.key)
      : t('{0}: base {1} (from {2}); click to open its config', p.name, p.basePort, p.basePortSource))}</title>`
      + `<text x="${nameW - 8}" y="${barY + 11}" text-anchor="end" class="name">${esc(p.name)}</text></a>`);
    parts.push(`<g class="row" data-profile="${esc(p.name)}">`);
    for (const s of p.ports) {
      const x0 = axis.x(s.from), x1 = axis.xEnd(s.to);
      const tip = `${p.name}: ${s.label} ${spanText(s)}${s.key ? ` (${s.key})` : ''}`;
      parts.push(`<a href="${goToHref(p.configPath, s.range)}"><title>${esc(tip)}</title><rect x="${x0.toFixed(1)}" y="${barY}" width="${Math.max(1, x1 - x0 - 1).toFixed(1)}" height="${BAR}" rx="2" class="seg ${roleClass(s.role)}" data-ports="${spanText(s)}"/></a>`);
    }
    for (const [from, to] of clashes.get(p.name) ?? []) {
      const x0 = axis.x(from), x1 = axis.xEnd(to);
      parts.push(`<rect x="${(x0 - 1).toFixed(1)}" y="${barY - 2}" width="${Math.max(2, x1 - x0 + 1).toFixed(1)}" height="${BAR + 4}" rx="2" class="clash"><title>${esc(from === to ? t('{0}: port {1} shared with another profile', p.name, from) : t('{0}: ports {1} shared with another profile', p.name, `${from}-${to}`))}</title></rect>`);
    }
    for (const l of row.labels) {
      const ly = barY + BAR + 10 + l.lane * LANE;
      if (l.lane) parts.push(`<line x1="${l.x.toFixed(1)}" x2="${l.x.toFixed(1)}" y1="${barY + BAR}" y2="${ly - 9}" class="lead"/>`);
      parts.push(`<text x="${l.x.toFixed(1)}" y="${ly}" text-anchor="middle" class="lbl">${l.text}</text>`);
    }
    parts.push('</g>');
  });

  const [w, h] = [Math.ceil(right), Math.ceil(bottom + 4)];
  // As wide as the panel, never wider than drawn: a narrower panel scales the picture down instead of cutting it.
  return `<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 ${w} ${h}" style="max-width:${w}px" role="img" aria-label="${esc(t('OpenClaw port map'))}"><style>${STYLE}</style>${parts.join('')}</svg>`;
}
