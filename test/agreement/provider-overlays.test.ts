// `models.providers`: a provider OpenClaw brings may be overlaid with a few settings, any other must declare baseUrl
// and models. Checked over every id of the committed list (as written, and spelled with other case and spaces),
// each with a suffix that makes it a custom provider, and half-declared custom providers, against
// `openclaw config validate --json`, with the committed data and with the CLI's own schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILT_IN_PROVIDER_IDS } from '../../language-server/src/schema/bundled-providers';
import { cliIssuePaths } from './cli-tools';
import { corpusOnDisk, describeCli, testBothSchemas, testOpenclawAnswers } from './verdicts';

const providers = (entries: [string, unknown][]) => ({ models: { providers: Object.fromEntries(entries) } });
const FILES = [
  { name: 'built-in.json', config: providers(BUILT_IN_PROVIDER_IDS.map((id) => [id, {}])), missing: [] as string[] },
  { name: 'built-in-spelled.json', config: providers(BUILT_IN_PROVIDER_IDS.map((id) => [` ${id.toUpperCase()} `, {}])), missing: [] },
  {
    name: 'custom.json',
    config: providers(BUILT_IN_PROVIDER_IDS.map((id) => [`${id}-custom`, {}])),
    missing: BUILT_IN_PROVIDER_IDS.flatMap((id) => [`models.providers.${id}-custom.baseUrl`, `models.providers.${id}-custom.models`]),
  },
  {
    name: 'half-declared.json',
    config: providers([
      ['only-url', { baseUrl: 'http://127.0.0.1:4000' }], ['only-models', { models: [] }], ['empty-url', { baseUrl: '', models: [] }],
      ['whole', { baseUrl: 'http://127.0.0.1:4000', models: [] }],
    ]),
    missing: ['models.providers.only-url.models', 'models.providers.only-models.baseUrl', 'models.providers.empty-url.baseUrl'],
  },
];
const disk = corpusOnDisk(FILES, 'openclaw-providers-');

testOpenclawAnswers('OpenClaw accepts its own providers overlaid, however spelled, and asks every other one for baseUrl and models', disk, (f, a) => {
  assert.ok(BUILT_IN_PROVIDER_IDS.length > 50, `only ${BUILT_IN_PROVIDER_IDS.length} built-in providers`);
  assert.equal(a.valid, !f.missing.length, describeCli(a));
  assert.deepEqual(cliIssuePaths(a.issues ?? []).sort(), [...f.missing].sort(), describeCli(a));
});

testBothSchemas('the checker judges every provider as openclaw config validate does', disk);

test.after(disk.remove);
