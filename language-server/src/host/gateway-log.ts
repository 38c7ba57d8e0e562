// Where a gateway writes its log and what its last error said. The CLI's rolling log is
// `<tmp>/openclaw[-<profile segment>]-YYYY-MM-DD.log`, JSON lines, unless `logging.file` names another file.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { nodeAt, type ParsedConfig } from '../parse/tree';

/** The CLI's encoding of a profile name into the log file name (lower-case letters and digits stay as they are). */
export function logProfileSegment(profile: string | undefined): string | undefined {
  if (!profile || profile.toLowerCase() === 'default') return undefined;
  let out = '';
  // Stryker disable Regex: ch is one code point, so dropping an anchor matches the same characters
  for (const ch of profile) {
    if (/^[a-z0-9]$/.test(ch)) out += ch;
    else if (ch === '-') out += '--';
    else if (ch === '_') out += '-0';
    else if (/^[A-Z]$/.test(ch)) out += `-1${ch.toLowerCase()}`;
    else out += `-2${ch.codePointAt(0)!.toString(16)}-`;
  }
  // Stryker restore Regex
  return out;
}

export function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Today's log of a profile, as the CLI names it. */
export function gatewayLogPath(args: { profile?: string; parsed?: ParsedConfig; logDir?: string; date?: Date }): string {
  const configured = nodeAt(args.parsed?.root, ['logging', 'file']);
  if (configured?.kind === 'string' && typeof configured.value === 'string' && configured.value.trim()) return configured.value;
  const seg = logProfileSegment(args.profile);
  return path.join(args.logDir ?? '/tmp/openclaw', `openclaw${seg ? `-${seg}` : ''}-${localDate(args.date ?? new Date())}.log`);
}

const ERROR_LEVEL = /^(error|fatal)$/i;

/** The message of one log line when it is an error, else undefined. JSON lines carry the level in `_meta`. */
export function errorMessageOf(line: string): string | undefined {
  let o: unknown;
  try { o = JSON.parse(line); } catch { return /\b(error|fatal)\b/i.test(line) ? line.trim() : undefined; }
  if (typeof o !== 'object' || o === null) return undefined;
  const r = o as Record<string, unknown>;
  const meta = (r._meta ?? {}) as Record<string, unknown>;
  const level = String(meta.logLevelName ?? r.level);
  if (!ERROR_LEVEL.test(level)) return undefined;
  if (typeof r.message === 'string') return r.message;
  // Integer keys are listed in ascending order, so the arguments come in the order they were logged.
  const parts = Object.keys(r).filter((k) => /^\d+$/.test(k)).map((k) => r[k]);
  const text = parts.map((p) => (typeof p === 'string' ? p : typeof (p as { message?: unknown })?.message === 'string' ? (p as { message: string }).message : '')).filter(Boolean).join(' ');
  return text || undefined;
}

/** The last error in the last `tailBytes` of a log: one line, shortened for a tooltip. */
export function lastErrorIn(text: string, max = 300): string | undefined {
  for (const line of text.split(/\r?\n/).reverse()) {
    const m = errorMessageOf(line);
    if (m) {
      const one = m.replace(/\s+/g, ' ').trim();
      return one.length > max ? `${one.slice(0, max - 1)}…` : one;
    }
  }
  return undefined;
}

export async function lastErrorInFile(file: string, tailBytes = 64 * 1024): Promise<string | undefined> {
  let fh: fsp.FileHandle | undefined;
  try {
    fh = await fsp.open(file, 'r');
    const { size } = await fh.stat();
    const len = Math.min(size, tailBytes);
    const buf = Buffer.alloc(len);
    await fh.read(buf, 0, len, size - len);
    return lastErrorIn(buf.toString('utf8'));
  } catch {
    // a log that is missing or cannot be read has no last error to show
  } finally {
    await fh?.close();
  }
  return undefined;
}
