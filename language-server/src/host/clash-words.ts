// How a port clash is put in words: which of one profile's spans fall inside which of the other's, every span
// written whole ("CDP range 18820-18919"), as the hover and the tree write it. Pure.
import { spanText, type PortSpan } from '../protocol';
import { t } from '../l10n';

type Span = Pick<PortSpan, 'from' | 'to' | 'label'>;

/** Spans of one side against spans of the other: `mine` all meet every span of `theirs`. */
export interface Clause { mine: Span[]; theirs: Span[] }

const id = (s: Span) => `${s.from}:${s.to}:${s.label}`;
const byPort = (x: Span, y: Span) => x.from - y.from || x.to - y.to;

function group(pairs: [Span, Span][], keyOf: 0 | 1): Clause[] {
  const groups = new Map<string, { one: Span; many: Map<string, Span> }>();
  for (const pair of pairs) {
    const one = pair[keyOf];
    const other = pair[1 - keyOf];
    const g = groups.get(id(one)) ?? { one, many: new Map() };
    g.many.set(id(other), other);
    groups.set(id(one), g);
  }
  return [...groups.values()].sort((x, y) => byPort(x.one, y.one)).map(({ one, many }) => {
    const list = [...many.values()].sort(byPort);
    return keyOf === 1 ? { mine: list, theirs: [one] } : { mine: [one], theirs: list };
  });
}

/** Intersecting pairs [mine, theirs] as few clauses as they go in: one per span of theirs ("gateway 18809, relay
 *  18819 and CDP range 18820-18919 overlap default's CDP range 18800-18899"), or one per span of mine when that
 *  takes fewer ("CDP range 18800-18899 overlaps rescue's gateway 18809 and relay 18819"). */
export function clauses(pairs: [Span, Span][]): Clause[] {
  const perTheirs = group(pairs, 1);
  const perMine = group(pairs, 0);
  return perMine.length < perTheirs.length ? perMine : perTheirs;
}

export function spanWords(s: Span): string {
  return `${s.label} ${spanText(s)}`;
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: string[]): string {
  return items.length < 2 ? items.join('') : t('{0} and {1}', items.slice(0, -1).join(', '), items[items.length - 1]);
}

const inside = (s: Span, t: Span) => s.from >= t.from && s.to <= t.to;

/** One clause as a whole sentence per relation (and per number of `mine`), so a translation can order it freely. */
function sentence(c: Clause, mine: string, other: string, theirs: string): string {
  const many = c.mine.length > 1;
  if (!many && c.theirs.length === 1 && c.mine[0].from === c.theirs[0].from && c.mine[0].to === c.theirs[0].to) return t("{0} is also {1}'s {2}", mine, other, theirs);
  if (c.theirs.length === 1 && c.mine.every((s) => inside(s, c.theirs[0]))) return many ? t("{0} lie inside {1}'s {2}", mine, other, theirs) : t("{0} lies inside {1}'s {2}", mine, other, theirs);
  if (!many && c.theirs.every((x) => inside(x, c.mine[0]))) return t("{0} covers {1}'s {2}", mine, other, theirs);
  return many ? t("{0} overlap {1}'s {2}", mine, other, theirs) : t("{0} overlaps {1}'s {2}", mine, other, theirs);
}

export interface ClashWording {
  /** The other profile's name. */
  other: string;
  /** The profile whose spans `mine` are, named with them ("rescue's gateway 18809"), or none when the sentence is
   *  already about this side. */
  mineOwner?: string;
  /** How one of this side's spans is named; the span's label by default. */
  nameMine?: (s: Span) => string;
}

/** "gateway 18809, browser control 18811, relay 18819 and CDP range 18820-18919 overlap default's CDP range
 *  18800-18899; CDP range 18820-18919 covers default's CDP port (work) 18850". */
export function clashWords(pairs: [Span, Span][], w: ClashWording): string {
  const name = w.nameMine ?? spanWords;
  return clauses(pairs).map((c) => {
    const list = listWords(c.mine.map(name));
    const mine = w.mineOwner === undefined ? list : t("{0}'s {1}", w.mineOwner, list);
    return sentence(c, mine, w.other, listWords(c.theirs.map(spanWords)));
  }).join('; ');
}
