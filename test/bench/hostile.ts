// Hostile shapes for the bench: how the checker's time grows with the input (4x the input may cost at most 6x
// the time) and how long the command-line checker takes on a 40,000-key file (goal: 1.5 s).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import type { SchemaInUse } from '../../language-server/src/schema/in-use';
import type { checkText as CheckText } from '../../language-server/src/validate/check';

type Row = (section: string, measure: string, value: number | string, unit: string, runs: number | string, note?: string) => void;

export const HOSTILE_SHAPES: Record<string, (n: number) => string> = {
  'unknown top-level keys': (n: number) => `{\n${Array.from({ length: n }, (_, i) => `  "k${i}": ${i},`).join('\n')}\n}\n`,
  'unknown keys in gateway': (n: number) => `{ "gateway": {\n${Array.from({ length: n }, (_, i) => `  "k${i}": ${i},`).join('\n')}\n} }\n`,
  'repeated keys': (n: number) => `{\n${Array.from({ length: n }, (_, i) => `  "gateway": { "port": ${1000 + (i % 60000)} },`).join('\n')}\n}\n`,
  'array elements': (n: number) => `{ "bindings": [${Array.from({ length: n }, (_, i) => `{"agentId":"a${i}","match":{"channel":"telegram"}}`).join(',')}] }\n`,
};

const SIZES = [10_000, 40_000];
const LARGE: Record<string, number> = { 'unknown top-level keys': 300_000, 'array elements': 100_000 };

/** Rows for every shape: times at 10k and 40k (and the large sizes), the 40k/10k ratio, and 10 MB. */
export function hostileRows(row: Row, { checkText, schema, schemaLabel, median, now, runs = 3 }: {
  checkText: typeof CheckText; schema: SchemaInUse; schemaLabel: string; median: (xs: number[]) => number; now: () => number; runs?: number;
}): void {
  const S = `Hostile input, ${schemaLabel} (checkText, in process)`;
  const time = (text: string) => {
    const xs: number[] = [];
    let problems = 0;
    for (let i = 0; i < runs; i++) { const t = now(); problems = checkText(text, schema).diagnostics.length; xs.push(now() - t); }
    return { ms: median(xs), problems };
  };
  for (const [shape, gen] of Object.entries(HOSTILE_SHAPES)) {
    const [small, big] = SIZES.map((n: number) => ({ n, text: gen(n) })).map((d) => ({ ...d, ...time(d.text) }));
    const ratio = big.ms / small.ms;
    row(S, `${shape}: ${small.n.toLocaleString('en')}`, small.ms, 'ms', runs, `${(small.text.length / 1e6).toFixed(2)} MB, ${small.problems} problems`);
    row(S, `${shape}: ${big.n.toLocaleString('en')}`, big.ms, 'ms', runs, `4x the input = ${ratio.toFixed(2)}x the time (${ratio <= 6 ? 'meets' : 'MISSES'} the 6x bound)`);
    if (LARGE[shape]) {
      const text = gen(LARGE[shape]);
      const r = time(text);
      row(S, `${shape}: ${LARGE[shape].toLocaleString('en')}`, r.ms, 'ms', runs, `${(text.length / 1e6).toFixed(2)} MB, ${r.problems} problems`);
    }
  }
  const tenMb = HOSTILE_SHAPES['repeated keys'](330_000);
  const r = time(tenMb);
  row(S, 'a 10 MB file (repeated keys)', r.ms, 'ms', runs, `${(tenMb.length / 1e6).toFixed(1)} MB, ${r.problems} problems`);
}

/** The built command-line checker on a 40,000-key file: process start to exit. */
export function checkerRow(row: Row, { repo, median, now, runs = 3 }: { repo: string; median: (xs: number[]) => number; now: () => number; runs?: number }): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oc-hostile-'));
  try {
    const file = path.join(dir, 'openclaw.json');
    writeFileSync(file, HOSTILE_SHAPES['unknown top-level keys'](40_000));
    const xs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = now();
      try { execFileSync(process.execPath, [path.join(repo, 'dist/cli.js'), file], { stdio: 'ignore' }); } catch { /* exit 1: the file is invalid */ }
      xs.push(now() - t);
    }
    const m = median(xs);
    row('Hostile input, command-line checker', 'openclaw-config-check on 40,000 unknown keys (process)', m, 'ms', runs, `${m <= 1500 ? 'meets' : 'MISSES'} the 1.5 s goal`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
