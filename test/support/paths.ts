// Where things are, for every test layer and the bench: the repository, its fixtures and the built and pinned tools.
// Compiled to out/test/support/, three levels below the repository.
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../../..');
export const FIXTURE_HOME = path.join(REPO, 'test/fixtures/home');
export const CORPUS = path.join(REPO, 'test/corpus');
export const CHECKER = path.join(REPO, 'dist/cli.js');
export const SERVER = path.join(REPO, 'dist/server.js');
export const OPENCLAW = path.join(REPO, '.tools/openclaw/node_modules/.bin/openclaw');
export const NODE24_BIN = path.join(REPO, '.tools/node24/bin');
