// The port-map picture: every profile's port set on one number line, overlaps in red. Ports of different
// profiles can sit tens of thousands apart, so the line is cut into clusters of nearby ports.
import { spanText, type HostModel } from '../../language-server/src/protocol';

interface Span { profile: string; from: number; to: number; label: string }

const COLORS = ['#3794ff', '#89d185', '#cca700', '#c586c0', '#4ec9b0', '#ce9178', '#9cdcfe', '#d7ba7d'];

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function spansOf(model: HostModel): Span[] {
  const spans: Span[] = [];
  for (const p of model.profiles) {
    for (const s of p.ports) spans.push({ profile: p.name, from: s.from, to: s.to, label: `${s.label} ${spanText(s)}` });
  }
  return spans;
}

function clusters(spans: Span[]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const out: [number, number][] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.from <= last[1] + 300) last[1] = Math.max(last[1], s.to);
    else out.push([s.from, s.to]);
  }
  return out;
}

export function portMapSvg(model: HostModel, width = 900): string {
  const spans = spansOf(model);
  const clash = new Set(model.conflicts.filter((c) => c.kind === 'port').flatMap((c) => c.ports));
  const names = model.profiles.map((p) => p.name);
  const rowH = 22, labelW = 140, top = 28;
  const parts: string[] = [];
  let y = 0;
  for (const [lo, hi] of clusters(spans)) {
    const from = lo - 5, to = hi + 5;
    const scale = (width - labelW - 20) / Math.max(1, to - from);
    const x = (p: number) => labelW + (p - from) * scale;
    const h = top + names.length * rowH + 24;
    parts.push(`<g transform="translate(0,${y})">`);
    parts.push(`<text x="${labelW}" y="16" class="axis">${from}</text><text x="${width - 20}" y="16" text-anchor="end" class="axis">${to}</text>`);
    names.forEach((name, i) => {
      const ry = top + i * rowH;
      parts.push(`<text x="${labelW - 8}" y="${ry + 14}" text-anchor="end" class="name">${esc(name)}</text>`);
      parts.push(`<line x1="${labelW}" x2="${width - 20}" y1="${ry + 10}" y2="${ry + 10}" class="rail"/>`);
      for (const s of spans.filter((sp) => sp.profile === name && sp.to >= lo && sp.from <= hi)) {
        const w = Math.max(3, (s.to - s.from + 1) * scale);
        parts.push(`<rect x="${x(s.from)}" y="${ry + 3}" width="${w}" height="14" rx="2" fill="${COLORS[i % COLORS.length]}" opacity="0.75"><title>${esc(`${name}: ${s.label}`)}</title></rect>`);
        for (const p of clash) {
          if (p >= s.from && p <= s.to) parts.push(`<rect x="${x(p)}" y="${ry + 1}" width="${Math.max(2, scale)}" height="18" class="clash"><title>${esc(`clash on port ${p}`)}</title></rect>`);
        }
      }
    });
    parts.push('</g>');
    y += h;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${Math.max(y, 40)}" role="img" aria-label="OpenClaw port map">`
    + '<style>.axis{fill:#999;font:11px sans-serif}.name{fill:currentColor;font:12px sans-serif}.rail{stroke:#8884;stroke-width:1}.clash{fill:#f14c4c}</style>'
    + (spans.length ? parts.join('') : '<text x="10" y="24" class="name">No profiles.</text>') + '</svg>';
}
