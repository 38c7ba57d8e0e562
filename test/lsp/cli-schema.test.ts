// The schema of the user's own OpenClaw, read through the real CLI and cached per version; and every way a CLI can
// fail (missing, not executable, hanging, failing, printing garbage) ends in the bundled schema with a message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HostModelRequest, type HostModel } from '../../language-server/src/protocol';
import { REPAIR_REVISION } from '../../language-server/src/schema/repair';
import { REPO } from '../support/paths';
import { startServer, type Session } from './lsp-client';

const TOOLS = path.join(REPO, '.tools');
const REAL_CLI = path.join(TOOLS, 'openclaw', 'node_modules', '.bin', 'openclaw');
const PATH_WITH_NODE24 = [path.join(TOOLS, 'node24', 'bin'), process.env.PATH].join(path.delimiter);

async function withServer(cliPath: string, fn: (s: Session, status: HostModel['schema'], dir: string) => Promise<void>, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'oc-cli-schema-'));
  await fs.mkdir(path.join(dir, 'home'));
  let s: Session | undefined;
  try {
    s = await startServer({
      env: { OPENCLAW_HOME: path.join(dir, 'home'), ...env },
      init: { trusted: true, storagePath: path.join(dir, 'storage'), settings: { instances: [], liveChecks: false, cliPath }, cliTimeouts: { versionMs: 2000, schemaMs: 60000 } },
    });
    // Polled rather than awaited as a notification: a CLI that fails at once may report before we listen.
    let status: HostModel['schema'] | undefined;
    for (const deadline = Date.now() + 60000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      const st = (await s.conn.sendRequest(HostModelRequest)).schema;
      if (st.source === 'cli' || st.note) { status = st; break; }
    }
    assert.ok(status, 'the server did not settle on a schema within 60 s');
    await fn(s, status, dir);
  } finally {
    await s?.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function fakeCli(dir: string, name: string, body: string, mode = 0o755): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, `#!/bin/sh\n${body}\n`, { mode });
  return file;
}

test('the real CLI\'s schema is used, cached on disk under its version, and catches what only it knows', async () => {
  await fs.access(REAL_CLI).catch(() => assert.fail(`the OpenClaw CLI is missing at ${REAL_CLI}: run npm run install-tools`));
  await withServer(REAL_CLI, async (s, status, dir) => {
    assert.equal(status.source, 'cli');
    assert.equal(status.version, '2026.9.6');
    const cached = path.join(dir, 'storage', 'schemas', `schema-2026.9.6-r${REPAIR_REVISION}.json`);
    const schema = JSON.parse(await fs.readFile(cached, 'utf8'));
    assert.ok(schema.definitions && Object.keys(schema.definitions).length > 0, 'the nested $defs were not hoisted');
    const uri = 'file:///tmp/x/cli.openclaw.json';
    s.open(uri, "{ gateway: { mode: 'local' }, plugins: { entries: { imap: { config: { accounts: [] } } } } }");
    const p = await s.waitDiagnostics(uri);
    assert.ok(p.diagnostics.some((d) => d.message.includes('plugins.entries.imap.config.accounts')), JSON.stringify(p.diagnostics.map((d) => d.message)));
  }, { PATH: PATH_WITH_NODE24 });
});

const FAULTS: [string, (dir: string) => Promise<string>, RegExp][] = [
  ['missing', async (dir) => path.join(dir, 'no-such-openclaw'), /not found/],
  ['not executable', (dir) => fakeCli(dir, 'openclaw-noexec', 'echo "OpenClaw 2026.9.6"', 0o644), /not executable/],
  ['hanging', (dir) => fakeCli(dir, 'openclaw-hang', 'exec sleep 30'), /did not answer within 2 s/],
  ['failing', (dir) => fakeCli(dir, 'openclaw-fail', 'echo boom >&2; exit 3'), /exited with 3/],
  ['printing garbage', (dir) => fakeCli(dir, 'openclaw-garbage', 'if [ "$1" = "--version" ]; then echo "OpenClaw 2026.9.6"; else echo "{not json"; fi'), /not JSON/],
];

for (const [name, make, expected] of FAULTS) {
  test(`a CLI that is ${name} leaves the bundled schema in use with a clear note`, async () => {
    const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'oc-fake-cli-'));
    try {
      const cli = await make(scratch);
      await withServer(cli, async (s, status) => {
        assert.equal(status.source, 'bundled');
        assert.match(status.note ?? '', expected);
        const uri = `file:///tmp/x/${name.replace(/ /g, '-')}.openclaw.json`;
        s.open(uri, "{ gateway: { mode: 'local', prot: 1 } }");
        const p = await s.waitDiagnostics(uri);
        assert.equal(p.diagnostics[0]?.code, 'unknown-key');
        assert.equal(s.proc.exitCode, null);
      });
    } finally {
      await fs.rm(scratch, { recursive: true, force: true });
    }
  });
}
