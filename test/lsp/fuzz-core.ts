// The fuzzer behind `npm run fuzz` and the fixed-seed run in the LSP tests: mutated configs go through the built
// server over a real LSP client, and anything but a timely, in-range answer from a live server is a failure.
// A mutant depends only on (seed, index) and the seed files, so one failing index can be rebuilt alone.
import { promises as fs, readdirSync, readFileSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest, HoverRequest, InlayHintRequest,
  type CompletionItem, type CompletionList, type Hover, type InlayHint, type Position, type Range,
} from 'vscode-languageserver-protocol/node';
import { HostModelRequest } from '../../language-server/src/protocol';
import { FIXTURE_HOME, REPO } from '../support/paths';
import { startServer, type Session } from './lsp-client';

export interface SeedFile { name: string; bytes: Buffer }
export interface Mutant { index: number; seedName: string; ops: string[]; bytes: Buffer; text: string }
export interface FuzzFailure { index: number; seedName: string; ops: string[]; kind: 'crash' | 'timeout' | 'range' | 'exception'; detail: string }
export interface FuzzReport {
  seed: number;
  inputs: number;
  requests: number;
  crashes: number;
  failures: FuzzFailure[];
  maxResponseMs: number;
  slowest?: { index: number; ops: string[]; ms: number; chars: number };
  /** How many times each kind of mutation was applied. */
  ops: Record<string, number>;
  elapsedMs: number;
}
export interface FuzzOptions {
  count: number;
  seed: number;
  /** Only these mutant indexes (a replay); default 0..count-1. */
  indexes?: number[];
  /** Per-answer bound in ms: diagnostics of a version, hover, completion, inlay hints. */
  boundMs?: number;
  log?: (line: string) => void;
  /** Validate with this OpenClaw CLI's own schema (a trusted server) instead of the bundled one. */
  cli?: { path: string; env: NodeJS.ProcessEnv };
}

export const DEFAULT_BOUND_MS = 5000;

/** mulberry32: small, fast, and the same sequence on every platform. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Mixing seed and index (murmur3's finalizer) keeps neighbouring indexes' streams unrelated.
function mutantSeed(seed: number, index: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function loadSeeds(repo = REPO): SeedFile[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try { names = readdirSync(dir); } catch { return; }
    for (const n of names.sort()) {
      const p = path.join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n === 'openclaw.json') found.push(p);
    }
  };
  walk(path.join(repo, 'test/fixtures/home'));
  const corpus = path.join(repo, 'test/corpus');
  try {
    for (const n of readdirSync(corpus).sort()) {
      const p = path.join(corpus, n);
      if (statSync(p).isFile()) found.push(p);
    }
  } catch { /* the corpus is optional */ }
  return found.map((p) => ({ name: path.relative(repo, p), bytes: readFileSync(p) }));
}

type Rng = () => number;
const int = (r: Rng, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)];

function splice(buf: Buffer, at: number, del: number, insert: Buffer | string = ''): Buffer {
  const ins = typeof insert === 'string' ? Buffer.from(insert, 'utf8') : insert;
  return Buffer.concat([buf.subarray(0, at), ins, buf.subarray(Math.min(buf.length, at + del))]);
}

const TOKEN = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\/\/[^\n]*|\/\*[\s\S]*?\*\/|[-+]?(?:0x[0-9a-f]+|\d+(?:\.\d+)?(?:e[-+]?\d+)?)|[A-Za-z_$][\w$]*|[{}[\]:,]/gi;

const INVALID_UTF8: number[][] = [
  [0xff], [0xfe], [0x80], [0xbf], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xc3],
];

const HUGE_ALPHABETS = ['abcdefghijklmnopqrstuvwxyz ', 'é漢字🦀 ', '\\n\\t\\u0041\\\\ ', '"\'/*{}[]:, '];

function hugeString(r: Rng): string {
  const size = (1 + r() * 4) * 1024 * 1024;
  const alpha = pick(r, HUGE_ALPHABETS);
  // A repeated random block keeps 5 MB cheap to build while the content still varies per mutant.
  let block = '';
  for (let i = 0; i < 4096; i++) block += alpha[int(r, alpha.length)];
  if (alpha.startsWith('\\')) block = block.replace(/\\+$/, '');
  if (alpha.startsWith('"')) block = block.replace(/["\\]/g, '');
  return block.repeat(Math.ceil(size / block.length)).slice(0, size);
}

const MUTATIONS: { name: string; weight: number; apply: (b: Buffer, r: Rng) => Buffer }[] = [
  { name: 'truncate', weight: 3, apply: (b, r) => b.subarray(0, int(r, b.length + 1)) },
  { name: 'delete-span', weight: 3, apply: (b, r) => { const at = int(r, b.length + 1); return splice(b, at, 1 + int(r, r() < 0.8 ? 16 : b.length)); } },
  {
    name: 'duplicate-span', weight: 3, apply: (b, r) => {
      const from = int(r, b.length + 1), len = 1 + int(r, r() < 0.7 ? 32 : b.length);
      return splice(b, int(r, b.length + 1), 0, Buffer.from(b.subarray(from, from + len)));
    },
  },
  {
    name: 'deep-nesting', weight: 2, apply: (b, r) => {
      const n = pick(r, [20, 255, 256, 257, 1000, 20000, 200000]);
      const [open, close] = pick(r, [['{a:', '}'], ['[', ']'], ['{"a":[', ']}'], ["{'k':", '}']] as const);
      const inner = pick(r, ['1', '"x"', '', 'null']);
      const closed = r() < 0.5;
      const text = open.repeat(n) + inner + (closed ? close.repeat(n) : '');
      // Either the whole document or the value of a new top-level member.
      if (r() < 0.4) return Buffer.from(text);
      const brace = b.indexOf('{');
      return brace < 0 ? Buffer.from(text) : splice(b, brace + 1, 0, `deep: ${text},`);
    },
  },
  {
    name: 'huge-string', weight: 1, apply: (b, r) => {
      const s = hugeString(r);
      const brace = b.indexOf('{');
      const member = r() < 0.8 ? `huge: "${s}",` : `huge: "${s}`;
      return brace < 0 || r() < 0.15 ? Buffer.from(`"${s}"`) : splice(b, brace + 1, 0, member);
    },
  },
  {
    name: 'invalid-utf8', weight: 3, apply: (b, r) => {
      let out = b;
      for (let k = 1 + int(r, 6); k > 0; k--) out = splice(out, int(r, out.length + 1), 0, Buffer.from(pick(r, INVALID_UTF8)));
      return out;
    },
  },
  {
    name: 'byte-flips', weight: 3, apply: (b, r) => {
      const out = Buffer.from(b);
      for (let k = 1 + int(r, 8); k > 0 && out.length; k--) out[int(r, out.length)] ^= 1 << int(r, 8);
      return out;
    },
  },
  {
    name: 'swap-tokens', weight: 3, apply: (b, r) => {
      const text = b.toString('utf8');
      const toks = [...text.matchAll(TOKEN)].map((m) => ({ at: m.index!, s: m[0] }));
      if (toks.length < 2) return b;
      let i = int(r, toks.length), j = int(r, toks.length);
      if (i > j) [i, j] = [j, i];
      const a = toks[i], c = toks[j];
      if (i === j) return b;
      // Half the time the first token is overwritten by a copy of the second instead of swapped with it.
      const second = r() < 0.5 ? a.s : c.s;
      return Buffer.from(text.slice(0, a.at) + c.s + text.slice(a.at + a.s.length, c.at) + second + text.slice(c.at + c.s.length));
    },
  },
  {
    name: 'unbalanced', weight: 3, apply: (b, r) => {
      let out = b;
      for (let k = 1 + int(r, 3); k > 0; k--) out = splice(out, int(r, out.length + 1), 0, pick(r, ['"', "'", '/*', '*/', '//', '\\', '`', '{', '}', '[', ']', ':', ',']));
      return out;
    },
  },
  {
    // Keys that are also names on Object.prototype, or empty, or schema keywords: lookups by key must not trip.
    name: 'odd-keys', weight: 2, apply: (b, r) => {
      let out = b;
      for (let k = 1 + int(r, 2); k > 0; k--) {
        const braces: number[] = [];
        for (let i = out.indexOf(0x7b); i >= 0; i = out.indexOf(0x7b, i + 1)) braces.push(i);
        const key = pick(r, ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '', ' ', '$ref', 'properties', 'additionalProperties', '__defineGetter__']);
        const value = pick(r, ['1', '{}', '[]', 'null', '"x"', '{"__proto__": {"cdpPort": 1}}', '{"constructor": {}}']);
        out = splice(out, braces.length ? braces[int(r, braces.length)] + 1 : 0, 0, `${JSON.stringify(key)}: ${value},`);
      }
      return out;
    },
  },
  {
    name: 'line-endings', weight: 2, apply: (b, r) => {
      const text = b.toString('latin1');
      const mode = int(r, 4);
      const out = mode === 0 ? text.replace(/\n/g, '\r\n') : mode === 1 ? text.replace(/\n/g, '\r')
        : mode === 2 ? text.replace(/\n/g, () => pick(r, ['\n', '\r', '\r\n', '\n\r']))
          : text.slice(0, int(r, text.length + 1)) + '\r';
      return Buffer.from(out, 'latin1');
    },
  },
  {
    name: 'odd-bytes', weight: 1, apply: (b, r) => {
      const what = int(r, 4);
      if (what === 0) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]);
      if (what === 1) return splice(b, int(r, b.length + 1), 0, Buffer.from([0]));
      if (what === 2) return Buffer.from(pick(r, ['', ' ', '\n', '// only a comment', '/*', '{', '[]', 'null', '"x"', '0x', '\ufeff']));
      return splice(b, int(r, b.length + 1), 0, Buffer.from(pick(r, ['\u2028', '\u2029', '\u00a0', '\ud83e\udd80', '\u0301'])));
    },
  },
  {
    // The bench's hostile shapes: thousands of unknown keys, one key over and over, a long array.
    name: 'many-members', weight: 1, apply: (b, r) => {
      const n = pick(r, [1000, 10_000, 40_000]);
      const shape = pick(r, ['unknown', 'repeated', 'array'] as const);
      const parts: string[] = [];
      for (let i = 0; i < n; i++) parts.push(shape === 'unknown' ? `k${i}: ${i}` : shape === 'repeated' ? `gateway: { port: ${1000 + (i % 60000)} }` : `{ agentId: "a${i}" }`);
      const text = shape === 'array' ? `bindings: [${parts.join(',')}],` : `${parts.join(',\n')},`;
      const brace = b.indexOf('{');
      return brace < 0 ? Buffer.from(`{${text}}`) : splice(b, brace + 1, 0, text);
    },
  },
];
const TOTAL_WEIGHT = MUTATIONS.reduce((n, m) => n + m.weight, 0);
export const MUTATION_KINDS = MUTATIONS.map((m) => m.name);

function chooseMutation(r: Rng): (typeof MUTATIONS)[number] {
  let x = r() * TOTAL_WEIGHT;
  for (const m of MUTATIONS) if ((x -= m.weight) < 0) return m;
  return MUTATIONS[MUTATIONS.length - 1];
}

export function makeMutant(seeds: SeedFile[], seed: number, index: number): Mutant {
  if (!seeds.length) throw new Error('no seed configs found');
  const r = prng(mutantSeed(seed, index));
  const base = seeds[int(r, seeds.length)];
  let bytes = base.bytes;
  const ops: string[] = [];
  const n = 1 + (r() < 0.3 ? 1 : 0) + (r() < 0.1 ? 1 : 0);
  for (let k = 0; k < n; k++) {
    // The first mutants take every kind in turn, so even a short run covers huge strings and deep nesting.
    const m = k === 0 && index < MUTATIONS.length ? MUTATIONS[index] : chooseMutation(r);
    // Two multi-megabyte steps in one mutant would only test memory, not the parser.
    if ((m.name === 'huge-string' || m.name === 'deep-nesting' || m.name === 'many-members') && bytes.length > 1024 * 1024) continue;
    bytes = m.apply(bytes, r);
    ops.push(m.name);
  }
  // What an editor holds after opening those bytes as UTF-8: invalid sequences become U+FFFD.
  return { index, seedName: base.name, ops, bytes, text: bytes.toString('utf8') };
}

/** LSP line lengths: lines end at \r\n, \r or \n; a character may sit at most at the line's end. */
export function lineLengths(text: string): number[] {
  const out: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      out.push(i - start);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  out.push(text.length - start);
  return out;
}

export function rangeProblem(lines: number[], range: Range | undefined, what: string): string | undefined {
  if (!range) return undefined;
  const bad = (p: Position) => !p || !Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0
    || p.line >= lines.length || p.character > lines[p.line];
  if (bad(range.start) || bad(range.end)) {
    return `${what} range ${JSON.stringify(range)} is outside the document (${lines.length} lines; line lengths there: ${[range.start?.line, range.end?.line].map((l) => lines[l] ?? 'none').join(', ')})`;
  }
  if (range.end.line < range.start.line || (range.end.line === range.start.line && range.end.character < range.start.character)) {
    return `${what} range ${JSON.stringify(range)} ends before it starts`;
  }
  return undefined;
}

const BAD_LOG = /uncaught|unhandled rejection|validation failed for|request failed:/i;

class Bound extends Error {}

function within<T>(p: Promise<T>, ms: number, what: string, died: Promise<never>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Bound(`${what}: no answer within ${ms} ms`)), ms); });
  return Promise.race([p, timeout, died]).finally(() => clearTimeout(timer));
}

interface Live { s: Session; died: Promise<never>; exited: () => string | undefined; versions: Map<string, number>; logMark: number; errMark: number }

export async function runFuzz(opts: FuzzOptions): Promise<FuzzReport> {
  const bound = opts.boundMs ?? DEFAULT_BOUND_MS;
  const log = opts.log ?? (() => undefined);
  const seeds = loadSeeds();
  const indexes = opts.indexes ?? Array.from({ length: opts.count }, (_, i) => i);
  const t0 = performance.now();

  // A copy of the fixture home, so one of the two fuzzed documents is a profile config: edits to it go through
  // the host model and the isolation checks too, not only the single-file checker.
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'oc-fuzz-'));
  const home = path.join(tmp, 'home');
  await fs.cp(FIXTURE_HOME, home, { recursive: true });
  const profileUri = pathToFileURL(path.join(home, '.openclaw-rescue', 'openclaw.json')).toString();
  const plainUri = pathToFileURL(path.join(tmp, 'elsewhere', 'openclaw.json')).toString();
  const uris = [plainUri, profileUri];

  const start = async (): Promise<Live> => {
    const env = { ...opts.cli?.env, OPENCLAW_HOME: home, OPENCLAW_STATE_DIR: '', OPENCLAW_CONFIG_PATH: '', OPENCLAW_GATEWAY_PORT: '' };
    const init = opts.cli ? { trusted: true, storagePath: path.join(tmp, 'storage'), settings: { instances: [], liveChecks: false, cliPath: opts.cli.path } } : undefined;
    const s = await startServer({ env, init });
    // A dead server's pipes raise EPIPE; that is reported as a crash, not thrown at the fuzzer.
    s.proc.stdin?.on('error', () => undefined);
    let exit: string | undefined;
    const died = new Promise<never>((_, reject) => {
      s.proc.once('exit', (code, signal) => { exit = `server exited (code ${code}, signal ${signal})`; reject(new Error(exit)); });
    });
    died.catch(() => undefined);
    const live: Live = { s, died, exited: () => exit, versions: new Map(), logMark: 0, errMark: 0 };
    if (opts.cli) {
      // The first start asks the CLI (seconds); restarts read the schema from the server's disk cache.
      for (const until = Date.now() + 120000; ;) {
        const model = await within(s.conn.sendRequest(HostModelRequest), bound, 'host model', died);
        if (model.schema.source === 'cli') break;
        if (Date.now() > until) throw new Error(`the server did not load the CLI's schema: ${s.logs.join(' | ')}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    for (const uri of uris) {
      s.open(uri, '{}\n', 1);
      live.versions.set(uri, 1);
      await within(s.waitDiagnostics(uri, (p) => p.version === 1, bound * 2), bound * 2, `first diagnostics of ${uri}`, died);
    }
    return live;
  };

  let live = await start();
  const report: FuzzReport = { seed: opts.seed, inputs: 0, requests: 0, crashes: 0, failures: [], maxResponseMs: 0, elapsedMs: 0, ops: {} };
  const timed = async <T>(p: () => Promise<T>, what: string, m: Mutant): Promise<T> => {
    const t = performance.now();
    const v = await within(p(), bound, what, live.died);
    const ms = performance.now() - t;
    report.requests++;
    if (ms > report.maxResponseMs) {
      report.maxResponseMs = ms;
      report.slowest = { index: m.index, ops: m.ops, ms: Math.round(ms), chars: m.text.length };
    }
    return v;
  };

  try {
    for (const index of indexes) {
      const m = makeMutant(seeds, opts.seed, index);
      const r = prng(mutantSeed(opts.seed ^ 0x5bd1e995, index));
      const uri = uris[index % 2];
      const lines = lineLengths(m.text);
      const problems: { kind: FuzzFailure['kind']; detail: string }[] = [];
      report.inputs++;
      for (const op of m.ops) report.ops[op] = (report.ops[op] ?? 0) + 1;
      try {
        const version = live.versions.get(uri)! + 1;
        live.versions.set(uri, version);
        live.s.change(uri, m.text, version);
        const p = await timed(() => live.s.waitDiagnostics(uri, (x) => x.version === version, bound + 1000), 'diagnostics', m);
        for (const d of p.diagnostics) {
          const bad = rangeProblem(lines, d.range, `diagnostic "${d.code}: ${d.message.slice(0, 120)}"`);
          if (bad) problems.push({ kind: 'range', detail: bad });
          if (d.code === 'internal') problems.push({ kind: 'exception', detail: `internal diagnostic: ${d.message}` });
        }
        if (r() < 0.35) {
          for (let k = 0; k < 3; k++) {
            const offset = int(r, m.text.length + 1);
            const position = offsetToPosition(m.text, offset);
            const td = { uri };
            const h = await timed(() => live.s.conn.sendRequest(HoverRequest.type, { textDocument: td, position }) as Promise<Hover | null>, 'hover', m);
            const hb = rangeProblem(lines, h?.range, `hover at ${JSON.stringify(position)}`);
            if (hb) problems.push({ kind: 'range', detail: hb });
            const c = await timed(() => live.s.conn.sendRequest(CompletionRequest.type, { textDocument: td, position }) as Promise<CompletionItem[] | CompletionList | null>, 'completion', m);
            for (const item of (Array.isArray(c) ? c : c?.items ?? [])) {
              const edit = item.textEdit && 'range' in item.textEdit ? item.textEdit.range : undefined;
              const cb = rangeProblem(lines, edit, `completion "${item.label}" at ${JSON.stringify(position)}`);
              if (cb) { problems.push({ kind: 'range', detail: cb }); break; }
            }
          }
          const all = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1] } };
          const hints = await timed(() => live.s.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: all }) as Promise<InlayHint[] | null>, 'inlay hints', m);
          for (const hint of hints ?? []) {
            const ib = rangeProblem(lines, { start: hint.position, end: hint.position }, `inlay hint "${String(hint.label)}"`);
            if (ib) { problems.push({ kind: 'range', detail: ib }); break; }
          }
        }
      } catch (e) {
        const exit = live.exited();
        if (exit) problems.push({ kind: 'crash', detail: exit });
        else if (e instanceof Bound) problems.push({ kind: 'timeout', detail: e.message });
        else problems.push({ kind: 'exception', detail: `client: ${(e as Error).stack ?? e}` });
      }
      const newLogs = live.s.logs.slice(live.logMark).concat(live.s.stderr.slice(live.errMark));
      live.logMark = live.s.logs.length;
      live.errMark = live.s.stderr.length;
      for (const line of newLogs) if (BAD_LOG.test(line)) problems.push({ kind: 'exception', detail: line.slice(0, 4000) });
      if (!problems.length && live.exited()) problems.push({ kind: 'crash', detail: live.exited()! });
      if (problems.length) {
        if (problems.some((x) => x.kind === 'crash')) report.crashes++;
        for (const pr of problems) report.failures.push({ index, seedName: m.seedName, ops: m.ops, ...pr });
        log(`mutant ${index} (${m.ops.join('+')} of ${m.seedName}, ${m.text.length} chars): ${problems.map((x) => `${x.kind}: ${x.detail.split('\n')[0]}`).join('; ')}`);
        // A fresh server for the next input, so one failure does not cascade into the rest of the run.
        await stop(live);
        live = await start();
      }
    }
  } finally {
    await stop(live);
    await fs.rm(tmp, { recursive: true, force: true });
  }
  report.elapsedMs = performance.now() - t0;
  return report;
}

async function stop(live: Live): Promise<void> {
  if (live.exited()) { live.s.conn.dispose(); return; }
  await live.s.close();
}

function offsetToPosition(text: string, offset: number): Position {
  let line = 0, start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    const crlf = c === 13 && text.charCodeAt(i + 1) === 10;
    // Between the \r and the \n of one line break is, for LSP, still the end of that line.
    if (crlf && i + 1 === offset) return { line, character: i - start };
    if (crlf) i++;
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

export function formatFailure(seed: number, f: FuzzFailure): string {
  return `seed ${seed}, mutant ${f.index} (${f.ops.join(' + ')} of ${f.seedName}) ${f.kind}: ${f.detail}\n  replay: npm run fuzz -- --seed ${seed} --replay ${f.index}`;
}

export function summaryLine(r: FuzzReport): string {
  return `fuzz: ${r.inputs} inputs, ${r.crashes} crashes, ${r.failures.length} failures, ${r.requests} answers, max response ${Math.round(r.maxResponseMs)} ms (bound ${DEFAULT_BOUND_MS} ms), seed ${r.seed}, ${(r.elapsedMs / 1000).toFixed(1)} s`;
}
