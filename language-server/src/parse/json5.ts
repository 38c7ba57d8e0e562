// A JSON5 parser that builds the ranged tree in one pass over char codes. It accepts exactly what the json5
// package (OpenClaw's parser) accepts; on any error it only says "failed" and json5 itself supplies the message,
// so line and column match the CLI's. Identifiers outside ASCII are flagged for json5 to confirm, since its
// Unicode tables are ES5's and not quite the engine's.
import type { ArrayNode, DuplicateKey, Member, ObjectNode, ScalarNode, Segment, ValueNode } from './nodes';

export interface Json5Result { root?: ValueNode; duplicates: DuplicateKey[]; ok: boolean; needsConfirmation: boolean }

class Fail extends Error {}

const enum C {
  Tab = 9, Lf = 10, Vt = 11, Ff = 12, Cr = 13, Space = 32, Quote = 34, Dollar = 36, Apos = 39, Plus = 43, Comma = 44,
  Minus = 45, Dot = 46, Slash = 47, Zero = 48, Nine = 57, Colon = 58, UpperA = 65, UpperE = 69, UpperF = 70, UpperX = 88,
  LBracket = 91, Backslash = 92, RBracket = 93, Under = 95, LowerA = 97, LowerE = 101, LowerF = 102, LowerX = 120,
  LBrace = 123, RBrace = 125, Star = 42, Nbsp = 0xa0, Bom = 0xfeff, Ls = 0x2028, Ps = 0x2029,
}

const ID_START = /[\p{ID_Start}$_]/u;
const ID_PART = /[\p{ID_Continue}$_\u200C\u200D]/u;

function isSpaceSeparator(c: number): boolean {
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

function isDigit(c: number): boolean {
  return c >= C.Zero && c <= C.Nine;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= C.LowerA && c <= C.LowerF) || (c >= C.UpperA && c <= C.UpperF);
}

export function parseJson5(text: string): Json5Result {
  const p = new Parser(text);
  try {
    p.skip();
    const root = p.value(undefined, []);
    p.skip();
    if (p.i < text.length) throw new Fail();
    return { root, duplicates: p.duplicates, ok: true, needsConfirmation: p.unusual };
  } catch (e) {
    if (e instanceof Fail || e instanceof RangeError) return { duplicates: [], ok: false, needsConfirmation: false };
    throw e;
  }
}

class Parser {
  i = 0;
  duplicates: DuplicateKey[] = [];
  unusual = false;
  constructor(private readonly t: string) {}

  /** Whitespace and comments, as json5 defines them. */
  skip(): void {
    const t = this.t;
    for (;;) {
      const c = t.charCodeAt(this.i);
      if (c === C.Space || c === C.Lf || c === C.Cr || c === C.Tab || c === C.Vt || c === C.Ff || c === C.Nbsp || c === C.Bom || c === C.Ls || c === C.Ps || isSpaceSeparator(c)) {
        this.i++;
      } else if (c === C.Slash) {
        const n = t.charCodeAt(this.i + 1);
        if (n === C.Slash) {
          this.i += 2;
          while (this.i < t.length) {
            const d = t.charCodeAt(this.i);
            if (d === C.Lf || d === C.Cr || d === C.Ls || d === C.Ps) break;
            this.i++;
          }
        } else if (n === C.Star) {
          const end = t.indexOf('*/', this.i + 2);
          if (end < 0) throw new Fail();
          this.i = end + 2;
        } else throw new Fail();
      } else return;
    }
  }

  value(parent: ObjectNode | ArrayNode | undefined, path: Segment[]): ValueNode {
    const t = this.t;
    const c = t.charCodeAt(this.i);
    if (c === C.LBrace) return this.object(parent, path);
    if (c === C.LBracket) return this.array(parent, path);
    const start = this.i;
    let kind: ScalarNode['kind'];
    let value: unknown;
    if (c === C.Quote || c === C.Apos) [kind, value] = ['string', this.string(c)];
    else if (t.startsWith('true', start)) [kind, value, this.i] = ['boolean', true, start + 4];
    else if (t.startsWith('false', start)) [kind, value, this.i] = ['boolean', false, start + 5];
    else if (t.startsWith('null', start)) [kind, value, this.i] = ['null', null, start + 4];
    else [kind, value] = ['number', this.number()];
    return { kind, start, end: this.i, parent, value };
  }

  private object(parent: ObjectNode | ArrayNode | undefined, path: Segment[]): ObjectNode {
    const t = this.t;
    const obj: ObjectNode = { kind: 'object', start: this.i, end: 0, parent, members: [] };
    this.i++;
    const last = new Map<string, Member>();
    const ownDuplicates: DuplicateKey[] = [];
    this.skip();
    while (t.charCodeAt(this.i) !== C.RBrace) {
      const keyStart = this.i;
      const c = t.charCodeAt(this.i);
      const key = c === C.Quote || c === C.Apos ? this.string(c) : this.identifier();
      const keyEnd = this.i;
      this.skip();
      if (t.charCodeAt(this.i) !== C.Colon) throw new Fail();
      this.i++;
      this.skip();
      const member: Member = { key, keyStart, keyEnd, start: keyStart, end: 0, value: undefined as unknown as ValueNode };
      member.value = this.value(obj, [...path, key]);
      member.end = this.i;
      obj.members.push(member);
      const earlier = last.get(key);
      if (earlier) {
        const dup = { path: [...path, key], member: earlier, winner: member };
        this.duplicates.push(dup);
        ownDuplicates.push(dup);
      }
      last.set(key, member);
      this.separator(C.RBrace);
    }
    this.i++;
    obj.end = this.i;
    // A key seen three times: each earlier one is reported against the one that finally wins.
    for (const d of ownDuplicates) d.winner = last.get(d.member.key)!;
    return obj;
  }

  private array(parent: ObjectNode | ArrayNode | undefined, path: Segment[]): ArrayNode {
    const t = this.t;
    const arr: ArrayNode = { kind: 'array', start: this.i, end: 0, parent, items: [] };
    this.i++;
    this.skip();
    while (t.charCodeAt(this.i) !== C.RBracket) {
      arr.items.push(this.value(arr, [...path, arr.items.length]));
      this.separator(C.RBracket);
    }
    this.i++;
    arr.end = this.i;
    return arr;
  }

  /** After a member or element: a comma (a trailing one is fine) or the closing bracket. */
  private separator(close: number): void {
    this.skip();
    const c = this.t.charCodeAt(this.i);
    if (c === C.Comma) {
      this.i++;
      this.skip();
    } else if (c !== close) throw new Fail();
  }

  private string(quote: number): string {
    const t = this.t;
    let i = ++this.i;
    let out = '';
    let chunk = i;
    for (;;) {
      if (i >= t.length) throw new Fail();
      const c = t.charCodeAt(i);
      if (c === quote) {
        out += t.slice(chunk, i);
        this.i = i + 1;
        return out;
      }
      if (c === C.Lf || c === C.Cr) throw new Fail();
      if (c !== C.Backslash) { i++; continue; }
      out += t.slice(chunk, i);
      const e = t.charCodeAt(i + 1);
      i += 2;
      switch (e) {
        case C.Quote: out += '"'; break;
        case C.Apos: out += "'"; break;
        case C.Backslash: out += '\\'; break;
        case 98: out += '\b'; break;
        case C.LowerF: out += '\f'; break;
        case 110: out += '\n'; break;
        case 114: out += '\r'; break;
        case 116: out += '\t'; break;
        case 118: out += '\v'; break;
        case C.Zero:
          if (isDigit(t.charCodeAt(i))) throw new Fail();
          out += '\0';
          break;
        case C.LowerX:
          if (!isHex(t.charCodeAt(i)) || !isHex(t.charCodeAt(i + 1))) throw new Fail();
          out += String.fromCharCode(parseInt(t.slice(i, i + 2), 16));
          i += 2;
          break;
        case 117:
          out += this.unicodeEscape(i);
          i += 4;
          break;
        case C.Cr:
          if (t.charCodeAt(i) === C.Lf) i++;
          break;
        case C.Lf: case C.Ls: case C.Ps:
          break;
        default:
          if (Number.isNaN(e) || isDigit(e)) throw new Fail();
          out += String.fromCharCode(e);
      }
      chunk = i;
    }
  }

  private unicodeEscape(at: number): string {
    for (let k = 0; k < 4; k++) if (!isHex(this.t.charCodeAt(at + k))) throw new Fail();
    return String.fromCharCode(parseInt(this.t.slice(at, at + 4), 16));
  }

  private identifier(): string {
    const t = this.t;
    const start = this.i;
    let out = '';
    for (;;) {
      const c = t.charCodeAt(this.i);
      const first = this.i === start;
      if ((c >= C.LowerA && c <= 122) || (c >= C.UpperA && c <= 90) || c === C.Dollar || c === C.Under || (!first && isDigit(c))) {
        out += t[this.i++];
        continue;
      }
      let ch: string;
      if (c === C.Backslash) {
        if (t.charCodeAt(this.i + 1) !== 117) throw new Fail();
        ch = this.unicodeEscape(this.i + 2);
        if (!(first ? ID_START : ID_PART).test(ch)) throw new Fail();
        this.i += 6;
      } else if (c > 0x7f) {
        ch = String.fromCodePoint(t.codePointAt(this.i)!);
        if (!(first ? ID_START : ID_PART).test(ch)) {
          if (first) throw new Fail();
          return out;
        }
        this.i += ch.length;
      } else {
        if (first) throw new Fail();
        return out;
      }
      this.unusual = true;
      out += ch;
    }
  }

  private number(): number {
    const t = this.t;
    const start = this.i;
    let sign = 1;
    let c = t.charCodeAt(this.i);
    if (c === C.Plus || c === C.Minus) {
      if (c === C.Minus) sign = -1;
      c = t.charCodeAt(++this.i);
    }
    if (t.startsWith('Infinity', this.i)) { this.i += 8; return sign * Infinity; }
    if (t.startsWith('NaN', this.i)) { this.i += 3; return NaN; }
    if (c === C.Zero && (t.charCodeAt(this.i + 1) === C.LowerX || t.charCodeAt(this.i + 1) === C.UpperX)) {
      this.i += 2;
      const hexStart = this.i;
      while (isHex(t.charCodeAt(this.i))) this.i++;
      if (this.i === hexStart) throw new Fail();
      return sign * parseInt(t.slice(hexStart, this.i), 16);
    }
    const digitsStart = this.i;
    if (c === C.Zero) {
      this.i++;
      if (isDigit(t.charCodeAt(this.i))) throw new Fail();
    } else if (isDigit(c)) {
      while (isDigit(t.charCodeAt(this.i))) this.i++;
    } else if (c !== C.Dot) throw new Fail();
    const intDigits = this.i - digitsStart;
    if (t.charCodeAt(this.i) === C.Dot) {
      this.i++;
      const fracStart = this.i;
      while (isDigit(t.charCodeAt(this.i))) this.i++;
      if (intDigits === 0 && this.i === fracStart) throw new Fail();
    }
    const e = t.charCodeAt(this.i);
    if (e === C.LowerE || e === C.UpperE) {
      this.i++;
      const s = t.charCodeAt(this.i);
      if (s === C.Plus || s === C.Minus) this.i++;
      const expStart = this.i;
      while (isDigit(t.charCodeAt(this.i))) this.i++;
      if (this.i === expStart) throw new Fail();
    }
    return Number(t.slice(start, this.i));
  }
}
