// Where the cursor stands in a config that may not parse (it rarely does while a key is being typed):
// a tolerant scan that tracks the container stack, the path and the keys already present.
import type { Segment } from './tree';

export interface CursorContext {
  /** Path of the container the cursor is in (for a value: path of the key it belongs to). */
  path: Segment[];
  expecting: 'key' | 'value' | 'none';
  /** Start of the word under the cursor, which a completion replaces. */
  wordStart: number;
  /** Keys already present in the object around the cursor. */
  siblings: Set<string>;
  inString: boolean;
}

interface Frame { kind: 'object' | 'array'; key?: string; index: number; expect: 'key' | 'value'; keys: Set<string> }

export function cursorContext(text: string, offset: number): CursorContext {
  const stack: Frame[] = [];
  let i = 0;
  let tokenStart = -1;
  let inString = false;
  const end = Math.min(offset, text.length);
  while (i < end) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') { const nl = text.indexOf('\n', i); if (nl < 0 || nl >= end) return none(stack, offset); i = nl + 1; continue; }
    if (c === '/' && text[i + 1] === '*') { const e = text.indexOf('*/', i + 2); if (e < 0 || e + 2 > end) return none(stack, offset); i = e + 2; continue; }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      if (j >= end) { tokenStart = i; inString = true; break; }
      token(stack, unescape(text.slice(i + 1, j)));
      i = j + 1;
      continue;
    }
    if (/[A-Za-z0-9_$+\-.]/.test(c)) {
      let j = i;
      while (j < text.length && /[A-Za-z0-9_$+\-.]/.test(text[j])) j++;
      if (j >= end) { tokenStart = i; break; }
      token(stack, text.slice(i, j));
      i = j;
      continue;
    }
    const top = stack[stack.length - 1];
    // The enclosing object's expectation is set when this one closes; nothing reads it while this one is open.
    if (c === '{') { stack.push({ kind: 'object', index: 0, expect: 'key', keys: new Set() }); }
    else if (c === '[') { stack.push({ kind: 'array', index: 0, expect: 'value', keys: new Set() }); }
    else if (c === '}' || c === ']') { stack.pop(); const parent = stack[stack.length - 1]; if (parent?.kind === 'object') parent.expect = 'key'; }
    else if (c === ':') { if (top?.kind === 'object') top.expect = 'value'; }
    else if (c === ',') { if (top?.kind === 'object') { top.expect = 'key'; top.key = undefined; } else if (top) top.index++; }
    i++;
  }
  const top = stack[stack.length - 1];
  if (!top) return { path: [], expecting: stack.length ? 'none' : 'value', wordStart: tokenStart >= 0 ? tokenStart : offset, siblings: new Set(), inString };
  const path = pathOf(stack);
  // Keys after the cursor count too: completing a key must not offer one that is already there.
  if (top.kind === 'object') for (const k of keysAfter(text, offset)) top.keys.add(k);
  if (top.kind === 'object' && top.expect === 'key') return { path, expecting: 'key', wordStart: tokenStart >= 0 ? tokenStart : offset, siblings: top.keys, inString };
  if (top.kind === 'object' && top.key !== undefined) return { path: [...path, top.key], expecting: 'value', wordStart: tokenStart >= 0 ? tokenStart : offset, siblings: top.keys, inString };
  if (top.kind === 'array') return { path: [...path, top.index], expecting: 'value', wordStart: tokenStart >= 0 ? tokenStart : offset, siblings: new Set(), inString };
  return none(stack, offset);
}

function token(stack: Frame[], value: string): void {
  const top = stack[stack.length - 1];
  if (top?.kind === 'object' && top.expect === 'key') { top.key = value; top.keys.add(value); top.expect = 'value'; }
}

function pathOf(stack: Frame[]): Segment[] {
  const path: Segment[] = [];
  for (let i = 0; i < stack.length - 1; i++) {
    const f = stack[i];
    if (f.kind === 'object') path.push(f.key ?? '');
    else path.push(f.index);
  }
  return path;
}

function none(stack: Frame[], offset: number): CursorContext {
  return { path: pathOf(stack), expecting: 'none', wordStart: offset, siblings: new Set(), inString: false };
}

function unescape(s: string): string {
  return s.includes('\\') ? s.replace(/\\(.)/g, '$1') : s;
}

/** Keys that follow the cursor at the same depth, up to the object's closing brace. */
function keysAfter(text: string, offset: number): string[] {
  const keys: string[] = [];
  let depth = 0;
  const re = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|([A-Za-z_$][\w$]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*:|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[{}[\]]/g;
  re.lastIndex = offset;
  const limit = Math.min(text.length, offset + 200000);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < limit) {
    const t = m[0];
    if (t === '{' || t === '[') depth++;
    else if (t === '}' || t === ']') { if (depth-- === 0) break; }
    else if (m[1] && depth === 0) keys.push(m[1].replace(/^["']|["']$/g, ''));
  }
  return keys;
}
