// The JSON5 tree with source offsets that every feature works on. Our own parser builds it; the json5 package
// (the parser OpenClaw itself uses) words every syntax error, so line and column match the CLI's message.
import JSON5 from 'json5';
import { parseJson5 } from './json5';
import { t } from '../l10n';
import type { ArrayNode, DuplicateKey, Member, ObjectNode, Segment, ValueNode } from './nodes';

export type { ArrayNode, DuplicateKey, Member, ObjectNode, ScalarNode, Segment, ValueNode } from './nodes';

export interface SyntaxProblem { message: string; offset: number; line: number; column: number }

export interface ParsedConfig {
  text: string;
  root?: ValueNode;
  syntaxError?: SyntaxProblem;
  duplicates: DuplicateKey[];
}

/** Nesting deeper than this is refused before parsing, so a hostile file cannot overflow the stack. */
export const MAX_DEPTH = 256;

export function parseConfig(text: string): ParsedConfig {
  if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1);
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep !== undefined) {
    return { text, duplicates: [], syntaxError: { ...locate(text, tooDeep), offset: tooDeep, message: t('Nesting deeper than {0} levels', MAX_DEPTH) } };
  }
  const r = parseJson5(text);
  if (r.ok && !r.needsConfirmation) return { text, root: r.root, duplicates: r.duplicates };
  const strict = json5Error(text);
  if (strict) return { text, duplicates: [], syntaxError: strict };
  if (r.ok) return { text, root: r.root, duplicates: r.duplicates };
  // Only reachable if this parser refused what json5 accepts; say so rather than invent a position.
  return { text, duplicates: [], syntaxError: { message: t('JSON5: this file could not be read with source positions, although OpenClaw accepts it'), offset: 0, line: 1, column: 1 } };
}

function json5Error(text: string): SyntaxProblem | undefined {
  try {
    JSON5.parse(text);
    return undefined;
  } catch (e) {
    const err = e as { message: string; lineNumber?: number; columnNumber?: number };
    if (typeof err.lineNumber !== 'number' || typeof err.columnNumber !== 'number') return { message: `JSON5: ${err.message}`, offset: 0, line: 1, column: 1 };
    return { message: err.message, line: err.lineNumber, column: err.columnNumber, offset: offsetOf(text, err.lineNumber, err.columnNumber) };
  }
}

/** json5 counts lines on \n only and columns in UTF-16 units, 1-based. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return Math.min(offset + column - 1, text.length);
}

function locate(text: string, offset: number): { line: number; column: number } {
  let line = 1, lastNl = -1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) { line++; lastNl = i; }
  return { line, column: offset - lastNl };
}

function findExcessiveNesting(text: string): number | undefined {
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === 92) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 34 || c === 39) quote = c;
    else if (c === 47 && text.charCodeAt(i + 1) === 47) { const nl = text.indexOf('\n', i); i = nl < 0 ? text.length : nl; }
    else if (c === 47 && text.charCodeAt(i + 1) === 42) { const e = text.indexOf('*/', i + 2); i = e < 0 ? text.length : e + 1; }
    else if (c === 123 || c === 91) { if (++depth > MAX_DEPTH) return i; }
    else if (c === 125 || c === 93) depth--;
  }
  return undefined;
}

/** The plain value OpenClaw would see: for duplicate keys the last one wins. */
export function toValue(node: ValueNode): unknown {
  switch (node.kind) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const m of node.members) Object.defineProperty(out, m.key, { value: toValue(m.value), enumerable: true, writable: true, configurable: true });
      return out;
    }
    case 'array': return node.items.map(toValue);
    default: return node.value;
  }
}

/** Objects with more members than this get a key index, so looking every key up stays linear in the file. */
const INDEXED_FROM = 16;
const memberIndex = new WeakMap<ObjectNode, { count: number; byKey: Map<string, Member> }>();

/** The member that wins for `key` (the last one), if any. */
export function memberOf(obj: ObjectNode, key: string): Member | undefined {
  const members = obj.members;
  if (members.length <= INDEXED_FROM) {
    for (let i = members.length - 1; i >= 0; i--) if (members[i].key === key) return members[i];
    return undefined;
  }
  let index = memberIndex.get(obj);
  if (!index || index.count !== members.length) {
    index = { count: members.length, byKey: new Map(members.map((m) => [m.key, m])) };
    memberIndex.set(obj, index);
  }
  return index.byKey.get(key);
}

export function nodeAt(root: ValueNode | undefined, path: readonly Segment[]): ValueNode | undefined {
  let node = root;
  for (const seg of path) {
    if (!node) return undefined;
    if (node.kind === 'object' && typeof seg === 'string') node = memberOf(node, seg)?.value;
    else if (node.kind === 'array' && typeof seg === 'number') node = node.items[seg];
    else return undefined;
  }
  return node;
}

export function memberAt(root: ValueNode | undefined, path: readonly Segment[]): Member | undefined {
  if (!path.length) return undefined;
  const parent = nodeAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  return parent?.kind === 'object' && typeof last === 'string' ? memberOf(parent, last) : undefined;
}

export function pathOf(node: ValueNode): Segment[] {
  const path: Segment[] = [];
  let cur: ValueNode = node;
  while (cur.parent) {
    const p: ObjectNode | ArrayNode = cur.parent;
    if (p.kind === 'object') path.unshift(p.members.find((m) => m.value === cur)!.key);
    else path.unshift(p.items.indexOf(cur));
    cur = p;
  }
  return path;
}

export function dotPath(path: readonly Segment[]): string {
  return path.map(String).join('.');
}

/** The innermost location at an offset: a member's key, a value, or nothing. */
export type Hit = { where: 'key'; member: Member; path: Segment[]; object: ObjectNode } | { where: 'value'; node: ValueNode; path: Segment[] };

export function hitAt(root: ValueNode | undefined, offset: number): Hit | undefined {
  let node = root;
  const path: Segment[] = [];
  let hit: Hit | undefined;
  while (node && offset >= node.start && offset <= node.end) {
    hit = { where: 'value', node, path: [...path] };
    let next: ValueNode | undefined;
    if (node.kind === 'object') {
      for (const m of node.members) {
        if (offset >= m.keyStart && offset <= m.keyEnd) return { where: 'key', member: m, path: [...path, m.key], object: node };
        if (offset >= m.value.start && offset <= m.value.end) { next = m.value; path.push(m.key); break; }
      }
    } else if (node.kind === 'array') {
      const i = node.items.findIndex((it) => offset >= it.start && offset <= it.end);
      if (i >= 0) { next = node.items[i]; path.push(i); }
    }
    node = next;
  }
  return hit;
}
