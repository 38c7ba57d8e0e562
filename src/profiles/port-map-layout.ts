// Where things go in the port-map picture. Profiles' ports can sit tens of thousands apart, so the shared axis is
// cut into regions of nearby ports with a break between them; inside a region ports are to scale, except that a
// single port is drawn at least wide enough to be seen and labelled. Pure.

export interface Run { from: number; to: number }

/** A stretch of the axis: ports from..to drawn between x0 and x1. */
export interface Region extends Run { x0: number; x1: number }

/** Ports held by nobody over more than this many in a row make a break rather than empty axis. */
export const MAX_GAP = 50;

/** Runs merged into regions wherever fewer than `maxGap` free ports separate them, in port order. */
export function regions(runs: Run[], maxGap = MAX_GAP): Run[] {
  const sorted = [...runs].sort((a, b) => a.from - b.from || a.to - b.to);
  const out: Run[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to + 1 + maxGap) last.to = Math.max(last.to, r.to);
    else out.push({ from: r.from, to: r.to });
  }
  return out;
}

/** One stretch of ports inside a region over which nothing starts or ends. */
interface Piece { from: number; len: number; held: boolean; x0: number; w: number }

export interface Axis {
  regions: Region[];
  /** The left edge of a port. */
  x(port: number): number;
  /** The right edge of a port. */
  xEnd(port: number): number;
  /** The right edge of the last region. */
  right: number;
  /** Pixels per port, and the least width of a single port, the layout settled on. */
  scale: number;
  single: number;
}

export interface AxisOptions {
  left: number;
  /** The width the axis should fill from `left`; a map too dense for it comes out wider. */
  width: number;
  /** The gap between two regions, where the break mark goes. */
  breakWidth?: number;
}

const SINGLE_WIDTHS = [34, 28, 22, 16, 12, 8];
/** Below this many pixels per port a CDP range (100 ports) is narrower than its label: singles give way first. */
const GOOD_SCALE = 0.8;
const MIN_SCALE = 0.3;
const MAX_SCALE = 8;

function piecesOf(region: Run, runs: Run[]): Omit<Piece, 'x0' | 'w'>[] {
  const inside = runs.filter((r) => r.to >= region.from && r.from <= region.to);
  const cuts = new Set<number>([region.from, region.to + 1]);
  for (const r of inside) { cuts.add(Math.max(r.from, region.from)); cuts.add(Math.min(r.to, region.to) + 1); }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Omit<Piece, 'x0' | 'w'>[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const from = sorted[i];
    out.push({ from, len: sorted[i + 1] - from, held: inside.some((r) => r.from <= from && r.to >= from) });
  }
  return out;
}

function pieceWidth(p: Omit<Piece, 'x0' | 'w'>, scale: number, single: number): number {
  if (p.held && p.len === 1) return Math.max(single, scale);
  return Math.max(2, p.len * scale);
}

/** The axis for these runs: regions with breaks, the widest single ports and the largest scale that fit. */
export function layoutAxis(runs: Run[], opts: AxisOptions): Axis {
  const breakWidth = opts.breakWidth ?? 20;
  const regionRuns = regions(runs);
  const pieces = regionRuns.map((r) => piecesOf(r, runs));
  const total = (scale: number, single: number) =>
    pieces.reduce((sum, ps) => sum + ps.reduce((s, p) => s + pieceWidth(p, scale, single), 0), 0) + breakWidth * Math.max(0, regionRuns.length - 1);
  // The widest single ports that leave ranges a good scale; failing that, the narrowest singles and what scale fits.
  const single = SINGLE_WIDTHS.find((w) => total(GOOD_SCALE, w) <= opts.width) ?? SINGLE_WIDTHS[SINGLE_WIDTHS.length - 1];
  let lo = MIN_SCALE, hi = MAX_SCALE;
  if (total(hi, single) <= opts.width) lo = hi;
  else if (total(lo, single) <= opts.width) {
    for (let i = 0; i < 40 && hi - lo > 1e-3; i++) {
      const mid = (lo + hi) / 2;
      if (total(mid, single) <= opts.width) lo = mid; else hi = mid;
    }
  }
  const scale = lo;
  const placed: { region: Region; pieces: Piece[] }[] = [];
  let x = opts.left;
  regionRuns.forEach((r, i) => {
    if (i) x += breakWidth;
    const x0 = x;
    const ps = pieces[i].map((p) => {
      const w = pieceWidth(p, scale, single);
      const piece = { ...p, x0: x, w };
      x += w;
      return piece;
    });
    placed.push({ region: { ...r, x0, x1: x }, pieces: ps });
  });
  const at = (port: number): number => {
    for (const { region, pieces: ps } of placed) {
      if (port < region.from || port > region.to + 1) continue;
      if (port === region.to + 1) return region.x1;
      const p = ps.find((q) => port >= q.from && port < q.from + q.len)!;
      return p.x0 + ((port - p.from) / p.len) * p.w;
    }
    throw new RangeError(`port ${port} is on no region of the axis`);
  };
  return { regions: placed.map((p) => p.region), x: at, xEnd: (port) => at(port + 1), right: x, scale, single };
}

export interface Label { x: number; width: number }

/** A lane (0 = nearest the bar) per label, so that no two labels of one lane overlap; labels in x order. */
export function labelLanes(labels: Label[], gap = 4): number[] {
  const order = labels.map((_, i) => i).sort((a, b) => labels[a].x - labels[b].x);
  const ends: number[] = [];
  const lanes = new Array<number>(labels.length);
  for (const i of order) {
    const left = labels[i].x - labels[i].width / 2;
    let lane = ends.findIndex((end) => end + gap <= left);
    if (lane < 0) { lane = ends.length; ends.push(0); }
    ends[lane] = left + labels[i].width;
    lanes[i] = lane;
  }
  return lanes;
}

/** How wide a label of `text` is drawn at the picture's label size (10px sans-serif), generously. */
export function textWidth(text: string, px = 10): number {
  return Math.ceil(text.length * px * 0.6) + 2;
}
