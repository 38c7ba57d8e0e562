// The base port our host model gives each profile against the one OpenClaw itself resolves
// (`openclaw --profile NAME gateway status --json`), which works with no gateway running. A named profile without
// gateway.port gets a port hashed from its name, so any drift in the hash shows up here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { loadHost } from '../../language-server/src/host/model';
import { bundledSchemaInUse } from '../../language-server/src/schema/in-use';
import { jsonOf, makeTempHome, mapLimit, requireOpenclaw, runOpenclaw } from './cli-tools';

interface Profile { name: string; port?: number }

// `X` checks that the hash takes the name as written (upper case), `lab-2` a name with a dash; `default` is the
// unnamed profile (~/.openclaw, no hash).
const PROFILES: Profile[] = [
  { name: 'ops' }, { name: 'rescue' }, { name: 'X' }, { name: 'lab-2' }, { name: 'default' },
  { name: 'pinned', port: 24680 },
];

interface GatewayStatus { gateway?: { port?: unknown; portSource?: unknown }; config?: { cli?: { path?: unknown } } }

test("our base port of each profile is the one `openclaw gateway status` resolves", async (t) => {
  requireOpenclaw();
  const home = await makeTempHome('openclaw-base-port-');
  try {
    for (const p of PROFILES) {
      const dir = path.join(home.dir, p.name === 'default' ? '.openclaw' : `.openclaw-${p.name}`);
      await fs.mkdir(dir, { recursive: true });
      const port = p.port === undefined ? '' : ` port: ${p.port},`;
      await fs.writeFile(path.join(dir, 'openclaw.json'), `{ gateway: { mode: 'local', bind: 'loopback',${port} } }\n`);
    }

    // An empty env: an OPENCLAW_GATEWAY_PORT exported by whoever runs the tests must not move our ports either.
    const host = await loadHost({ home: home.dir, env: {}, declared: [], schema: bundledSchemaInUse() });
    const ours = new Map(host.profiles.map(({ summary }) => [summary.name, summary]));
    assert.deepEqual([...ours.keys()].sort(), PROFILES.map((p) => p.name).sort(), 'profiles our model found');

    const statuses = await mapLimit(PROFILES, 2, async (p) => {
      const r = await runOpenclaw([...(p.name === 'default' ? [] : ['--profile', p.name]), 'gateway', 'status', '--json'], { home: home.dir });
      assert.equal(r.code, 0, `openclaw --profile ${p.name} gateway status exited ${r.code}: ${r.stderr.slice(0, 1000)}`);
      return jsonOf<GatewayStatus>(r, `openclaw --profile ${p.name} gateway status --json`);
    });

    for (const [i, p] of PROFILES.entries()) {
      await t.test(p.name, () => {
        const mine = ours.get(p.name)!;
        const theirs = statuses[i];
        assert.equal(mine.basePort, theirs.gateway?.port, `base port of ${p.name}: ours (${mine.basePortSource}) vs OpenClaw's (${String(theirs.gateway?.portSource)})`);
        assert.equal(mine.basePortSource, p.port !== undefined ? 'config' : p.name === 'default' ? 'default' : 'hash');
        if (p.port !== undefined) assert.equal(mine.basePort, p.port);
        assert.equal(mine.configPath, theirs.config?.cli?.path, `config path of ${p.name}`);
      });
    }
  } finally {
    await home.remove();
  }
});
