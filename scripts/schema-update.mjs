// npm run schema:update: regenerates language-server/src/schema/bundled-data.ts and bundled-providers.ts from the
// pinned OpenClaw CLI (.tools/openclaw), run with Node 24 first on PATH in a throw-away HOME so no user config or
// plugin leaks in.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { bundledDataModule, committedStructure, providerOverlayIdListsIn, providersModule, schemaJsonOf } = require(path.join(repo, 'out/language-server/src/schema/generate.js'));
const { parseCliVersion } = require(path.join(repo, 'out/language-server/src/openclaw-cli/version.js'));

const cli = path.join(repo, '.tools/openclaw/node_modules/.bin/openclaw');
const home = mkdtempSync(path.join(os.tmpdir(), 'openclaw-schema-'));
try {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OPENCLAW_')));
  Object.assign(env, {
    PATH: `${path.join(repo, '.tools/node24/bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    HOME: home, OPENCLAW_HOME: home, OPENCLAW_DISABLE_BONJOUR: '1', NO_COLOR: '1', FORCE_COLOR: '0',
  });
  const run = (args) => execFileSync(cli, args, { env, cwd: home, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const version = parseCliVersion(run(['--version']));
  if (!version) throw new Error('the pinned CLI printed no version');
  const structure = committedStructure(schemaJsonOf(run(['config', 'schema'])));
  const out = path.join(repo, 'language-server/src/schema/bundled-data.ts');
  writeFileSync(out, bundledDataModule(structure, version));
  console.log(`wrote ${path.relative(repo, out)}: OpenClaw ${version}, ${Object.keys(structure.properties ?? {}).length} top-level sections`);
  // Every copy of the list in the CLI's files must agree.
  const lists = new Set(providerOverlayIdListsIn(path.join(repo, '.tools/openclaw/node_modules/openclaw/dist')).map((ids) => JSON.stringify(ids)));
  if (lists.size !== 1) throw new Error(`expected one list of built-in model providers in the CLI's files, found ${lists.size}`);
  const ids = JSON.parse([...lists][0]);
  const providersOut = path.join(repo, 'language-server/src/schema/bundled-providers.ts');
  writeFileSync(providersOut, providersModule(ids, version));
  console.log(`wrote ${path.relative(repo, providersOut)}: ${ids.length} built-in model providers`);
} finally {
  rmSync(home, { recursive: true, force: true });
}

