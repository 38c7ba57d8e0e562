// `canvasHost` per release: accepted (and ignored) until 2026.8.1, rejected from it. `openclaw config validate
// --json` of each installed release against our diagnostics with that release's rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { diagnose } from '../../language-server/src/diagnose';
import { rulesFor } from '../../language-server/src/host/profile-rules';
import { parseConfig } from '../../language-server/src/parse/tree';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';
import { OPENCLAW } from '../support/paths';
import { jsonOf, makeTempHome, olderReleases, requireOpenclaw, runOpenclaw } from './cli-tools';

const TEXT = "{ gateway: { mode: 'local' }, canvasHost: { enabled: true } }\n";

test('canvasHost is an error exactly in the releases that reject it', { timeout: 120_000 }, async () => {
  requireOpenclaw();
  const releases = [...olderReleases(), { version: '2026.9.6', bin: OPENCLAW }];
  const verdicts: string[] = [];
  for (const r of releases) {
    const home = await makeTempHome('openclaw-canvas-');
    try {
      await fs.mkdir(path.join(home.dir, '.openclaw'));
      await fs.writeFile(path.join(home.dir, '.openclaw', 'openclaw.json'), TEXT);
      const cli = jsonOf<{ valid: boolean; issues?: { message: string }[] }>(await runOpenclaw(['config', 'validate', '--json'], { home: home.dir, bin: r.bin }), `${r.version} config validate`);
      const ours = diagnose({ parsed: parseConfig(TEXT), schema: bundledSchemaInUse(), rules: rulesFor(r.version) }).some((d) => d.code === 'retired-key' && d.path === 'canvasHost');
      verdicts.push(`${r.version}: openclaw ${cli.valid ? 'accepts' : 'rejects'}, ours ${ours ? 'rejects' : 'accepts'}`);
      assert.equal(ours, !cli.valid, verdicts.at(-1));
      if (!cli.valid) assert.match(cli.issues![0].message, /canvasHost/);
    } finally {
      await home.remove();
    }
  }
  // Both sides of the boundary were seen.
  assert.ok(verdicts.some((v) => v.includes('openclaw accepts')) && verdicts.some((v) => v.includes('openclaw rejects')), verdicts.join('; '));
});
