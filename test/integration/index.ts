// Mocha entry loaded by the extension host through extensionTestsPath. The same module serves both launchers:
// scripts/run-host-tests.mjs (code-server) and scripts/run-desktop-tests.mjs (@vscode/test-electron).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

interface Summary {
  passed: number;
  failed: number;
  pending: number;
}

// The launchers cannot see mocha's result objects, only the host's console (code-server forwards it to the page)
// or files, so the counts leave by both roads: a fixed-format line and, when the launcher gave us a run dir, JSON.
function report(summary: Summary, error?: string): void {
  console.log(`[host-tests] passed=${summary.passed} failed=${summary.failed} pending=${summary.pending}`);
  const runDir = process.env.OPENCLAW_TEST_RUN_DIR;
  if (runDir) {
    try {
      fs.writeFileSync(path.join(runDir, 'mocha-summary.json'), JSON.stringify({ ...summary, error }, null, 2) + '\n');
    } catch (e) {
      console.error(`[host-tests] could not write summary: ${String(e)}`);
    }
  }
}

export function run(): Promise<void> {
  const grep = process.env.MOCHA_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, ...(grep ? { grep } : {}) });
  const dir = __dirname;
  // The restricted-mode suite needs a window whose folder is untrusted, and a display-language suite a window in that
  // language, so each runs in a session of its own: restricted.*.test.js, l10n.<lang>.*.test.js; the rest run in none.
  const locale = process.env.OPENCLAW_TEST_LOCALE;
  const prefix = process.env.OPENCLAW_TEST_RESTRICTED === '1' ? 'restricted.' : locale ? `l10n.${locale}.` : undefined;
  const ofSession = (f: string) => f.startsWith('restricted.') || f.startsWith('l10n.');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.test.js') && (prefix ? f.startsWith(prefix) : !ofSession(f))).sort()) {
    mocha.addFile(path.join(dir, file));
  }
  if (grep) console.log(`[host-tests] grep: ${grep}`);

  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        const pending = runner.stats?.pending ?? 0;
        report({ passed, failed: failures, pending });
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
    } catch (e) {
      // A test file that throws while loading never reaches the runner; it still has to count as a failure.
      console.error(e);
      report({ passed: 0, failed: 1, pending: 0 }, String(e));
      reject(e);
    }
  });
}
