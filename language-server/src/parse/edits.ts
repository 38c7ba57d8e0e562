// Text edits on a config that touch only the bytes they must: comments, formatting and key quoting style stay.
import { memberAt, nodeAt, type Member, type ObjectNode, type Segment, type ValueNode } from './tree';

export interface TextEdit { start: number; end: number; newText: string }

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function indentOf(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

function quoteStyle(text: string, obj: ObjectNode | undefined): 'bare' | '"' | "'" {
  const first = obj?.members[0];
  if (!first) return 'bare';
  const c = text[first.keyStart];
  return c === '"' ? '"' : c === "'" ? "'" : 'bare';
}

export function formatKey(key: string, style: 'bare' | '"' | "'"): string {
  if (style === 'bare' && IDENT.test(key)) return key;
  if (style === "'") return `'${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return JSON.stringify(key);
}

/** Index of the comma that ends a member ending at `from`, looking past blanks and comments; -1 if none. */
function commaAfter(text: string, from: number): number {
  let i = from;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('//', i)) {
      const nl = text.slice(i).search(/[\n\r\u2028\u2029]/);
      if (nl < 0) return -1;
      i += nl;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return -1;
      i = close + 2;
    } else return text[i] === ',' ? i : -1;
  }
}

/**
 * Removes a member and its comma. Comments between the value and that comma (`port: 1 /* why *\/,`) are not the
 * member's: they stay, and the comma goes with the member, or the object would be left with two commas in a row.
 */
export function removeMember(text: string, member: Member): TextEdit {
  const comma = commaAfter(text, member.end);
  const kept = comma < 0 ? '' : text.slice(member.end, comma).replace(/^[ \t]+/, '');
  let lineEnd = comma < 0 ? member.end : comma + 1;
  while (lineEnd < text.length && (text[lineEnd] === ' ' || text[lineEnd] === '\t')) lineEnd++;
  const lineStart = lineStartOf(text, member.start);
  const aloneBefore = /^[ \t]*$/.test(text.slice(lineStart, member.start));
  const aloneAfter = lineEnd >= text.length || text[lineEnd] === '\n' || text[lineEnd] === '\r';
  if (aloneBefore && aloneAfter && !kept) {
    let next = lineEnd;
    if (text[next] === '\r') next++;
    if (text[next] === '\n') next++;
    return { start: lineStart, end: next, newText: '' };
  }
  let newText = kept;
  if (!/[\r\n][ \t]*$/.test(kept)) newText = kept.replace(/[ \t]+$/, '') + (kept && !aloneAfter ? ' ' : '');
  return { start: member.start, end: lineEnd, newText };
}

export function renameKey(text: string, member: Member, to: string): TextEdit {
  const c = text[member.keyStart];
  const style = c === '"' ? '"' : c === "'" ? "'" : 'bare';
  return { start: member.keyStart, end: member.keyEnd, newText: formatKey(to, style) };
}

/** Sets `path` to the JSON5 `valueText`, replacing an existing value or inserting the missing objects. */
export function setValue(text: string, root: ValueNode, path: Segment[], valueText: string): TextEdit | undefined {
  const existing = memberAt(root, path);
  if (existing) return { start: existing.value.start, end: existing.value.end, newText: valueText };
  let depth = path.length - 1;
  let obj: ValueNode | undefined;
  for (; depth >= 0; depth--) {
    obj = nodeAt(root, path.slice(0, depth));
    if (obj) break;
  }
  if (!obj || obj.kind !== 'object') return undefined;
  const style = quoteStyle(text, obj);
  let value = valueText;
  for (let i = path.length - 1; i > depth; i--) value = `{ ${formatKey(String(path[i]), style)}: ${value} }`;
  return insertMember(text, obj, formatKey(String(path[depth]), style), value);
}

/**
 * The end of the line at `from` (before its break) when only blanks and comments stand between: a comment there
 * belongs to what precedes it, so a new member goes below it. Undefined when anything else (or a comment that runs
 * on to the next line) comes first.
 */
function endOfCommentedLine(text: string, from: number, close: number): number | undefined {
  let i = from;
  for (;;) {
    while (i < close && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0 || /[\r\n\u2028\u2029]/.test(text.slice(i, end))) return undefined;
      i = end + 2;
    } else if (text.startsWith('//', i)) {
      return i + text.slice(i).search(/[\r\n\u2028\u2029]/);
    } else return text[i] === '\n' || text[i] === '\r' ? i : undefined;
  }
}

function insertMember(text: string, obj: ObjectNode, keyText: string, valueText: string): TextEdit {
  const close = obj.end - 1;
  const last = obj.members[obj.members.length - 1];
  if (!last) {
    const inner = text.slice(obj.start + 1, close);
    const multiline = /\n/.test(inner);
    const indent = indentOf(text, obj.start);
    if (multiline) {
      const at = endOfCommentedLine(text, obj.start + 1, close) ?? obj.start + 1;
      return { start: at, end: at, newText: `\n${indent}  ${keyText}: ${valueText},` };
    }
    // An empty object may still hold a comment (`{ /* none yet */ }`): the member goes after it, the comment stays.
    if (inner.trim()) {
      const at = close - (inner.length - inner.trimEnd().length);
      return { start: at, end: at, newText: ` ${keyText}: ${valueText}` };
    }
    return { start: obj.start + 1, end: close, newText: ` ${keyText}: ${valueText} ` };
  }
  let i = last.end;
  while (i < close && /\s/.test(text[i])) i++;
  const hasComma = text[i] === ',';
  const sameLine = lineStartOf(text, last.start) === lineStartOf(text, obj.start);
  const at = hasComma ? i + 1 : last.end;
  if (sameLine) return { start: at, end: at, newText: `${hasComma ? '' : ','} ${keyText}: ${valueText}` };
  const indent = indentOf(text, last.start);
  const member = `\n${indent}${keyText}: ${valueText}${hasComma ? ',' : ''}`;
  const eol = endOfCommentedLine(text, at, close);
  if (eol === undefined || eol === at) return { start: at, end: at, newText: `${hasComma ? '' : ','}${member}` };
  // The comma still goes right after the last member, the new member after the comments: one edit over both.
  return hasComma ? { start: eol, end: eol, newText: member } : { start: at, end: eol, newText: `,${text.slice(at, eol)}${member}` };
}

