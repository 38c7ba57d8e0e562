// The committed schema data is what the pinned OpenClaw CLI says, no more and no less: regenerated here from
// `openclaw config schema` exactly as `npm run schema:update` does it, and compared; so is the list of model
// providers OpenClaw brings, from its built files. A new pin without `npm run schema:update` fails here.
import { test } from 'node:test';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import { BUNDLED_SCHEMA_TEXT, BUNDLED_SCHEMA_VERSION } from '../../language-server/src/schema/bundled-data';
import { BUILT_IN_PROVIDER_IDS, BUNDLED_PROVIDERS_VERSION } from '../../language-server/src/schema/bundled-providers';
import { committedStructure, providerOverlayIdListsIn, schemaJsonOf } from '../../language-server/src/schema/generate';
import { parseCliVersion } from '../../language-server/src/openclaw-cli/version';
import { OPENCLAW } from '../support/paths';
import { requireOpenclaw, runOpenclaw } from './cli-tools';

/** The first place two JSON values differ, as a dot path, so a failure says where to look. */
function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || a === null || b === null || typeof a !== 'object') {
    return JSON.stringify(a) === JSON.stringify(b) ? undefined : `${path || '<root>'}: committed ${JSON.stringify(a)?.slice(0, 200)}, CLI ${JSON.stringify(b)?.slice(0, 200)}`;
  }
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
    if (d) return d;
  }
  return undefined;
}

test('the committed schema data equals what the pinned CLI generates (run `npm run schema:update` when it does not)', async () => {
  requireOpenclaw();
  const version = await runOpenclaw(['--version']);
  assert.equal(parseCliVersion(version.stdout), BUNDLED_SCHEMA_VERSION, 'the pinned CLI is another version than the committed data');
  const r = await runOpenclaw(['config', 'schema'], { timeoutMs: 120_000 });
  assert.equal(r.code, 0, `openclaw config schema exited with ${r.code}: ${r.stderr.slice(0, 2000)}`);
  const fromCli = committedStructure(schemaJsonOf(r.stdout));
  const committed = JSON.parse(BUNDLED_SCHEMA_TEXT);
  const difference = firstDifference(committed, fromCli);
  assert.equal(difference, undefined, `the committed data differs from the CLI's schema at ${difference}`);
  assert.equal(JSON.stringify(committed), JSON.stringify(fromCli), 'same content in another key order');
});

test('the committed list of built-in model providers is the one the pinned CLI\'s files declare, in every copy', () => {
  requireOpenclaw();
  assert.equal(BUNDLED_PROVIDERS_VERSION, BUNDLED_SCHEMA_VERSION);
  const dist = path.join(path.dirname(OPENCLAW), '..', 'openclaw', 'dist');
  const lists = providerOverlayIdListsIn(dist);
  assert.ok(lists.length > 0, `no list of built-in model providers in ${dist}`);
  for (const ids of lists) assert.deepEqual(ids, [...BUILT_IN_PROVIDER_IDS]);
});
