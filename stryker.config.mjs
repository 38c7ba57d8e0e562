// StrykerJS over language-server/src, one folder at a time (MUTATE_FOLDER, set by scripts/mutate.mjs). Each folder
// is checked by the tests written for it, not by every file that happens to reach it: the parser is reached by
// nearly every unit file, and running all of them for each of its mutants took hours. A folder's score therefore
// counts only its own tests, so it is a lower bound of what the whole suite would kill.
const UNIT = (names) => names.map((n) => `out/test/unit/${n}.test.js`);
const LSP = (names) => names.map((n) => `out/test/lsp/${n}.test.js`);

export const FOLDERS = {
  parse: UNIT(['parse', 'json5-differential', 'edits', 'edits.property', 'hostile', 'lines', 'cursor', 'json5']),
  host: [...UNIT(['host', 'discovery', 'ports', 'port-map', 'profile-rules', 'preflight', 'listeners', 'liveness',
    'installed-services', 'crash-loop', 'clash-words', 'client-words', 'secrets', 'diagnose', 'checks', 'conflicts', 'port-sets',
    'profile-facts', 'profile-warnings', 'host-sources', 'stop', 'locks', 'live-ports', 'live-state', 'crash-signs', 'watcher', 'profile-switch', 'lock-discovery']), ...LSP(['host-live'])],
  validate: [...UNIT(['validate', 'checks', 'refinements', 'schema-messages', 'schema-messages-italian', 'schema-unions', 'cap', 'distance', 'suggest', 'mdns', 'hostile', 'preflight']), ...LSP(['checks'])],
  features: [...UNIT(['features', 'hover-completion', 'edits', 'edits.property', 'mdns', 'schema-data', 'code-actions']), ...LSP(['server'])],
  // Everything else in language-server/src (the server, the CLI checker, the schema loader) against every test file.
  rest: [...UNIT(['!(l10n|import-graph)']), ...LSP(['{server,host-live,checks}'])],
};

const folder = process.env.MUTATE_FOLDER ?? 'rest';
if (!FOLDERS[folder]) throw new Error(`MUTATE_FOLDER must be one of ${Object.keys(FOLDERS).join(', ')}`);
const mutate = folder === 'rest'
  ? ['language-server/src/**/*.ts', '!language-server/src/schema/bundled-data.ts', ...Object.keys(FOLDERS).filter((f) => f !== 'rest').map((f) => `!language-server/src/${f}/**/*.ts`)]
  : [`language-server/src/${folder}/**/*.ts`];

export default {
  mutate,
  testRunner: 'tap',
  tap: { testFiles: FOLDERS[folder], nodeArgs: ['-r', '{{hookFile}}', '--enable-source-maps'] },
  buildCommand: 'node scripts/mutate-build.mjs',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: `reports/mutation/${folder}/incremental.json`,
  // Another folder's run going on at the same time keeps its sandbox under .stryker-tmp too.
  ignorePatterns: ['.tools', 'out', 'dist', 'reports', '.vscode-test', '.run', '*.vsix', 'bench', '.stryker-tmp'],
  reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${folder}/mutation.json` },
  htmlReporter: { fileName: `reports/mutation/${folder}/mutation.html` },
  clearTextReporter: { allowColor: false, reportScoreTable: true, reportMutants: false },
  // Stryker's own allowance: a mutant's tests take well under a second, so 5 s only catches loops that never end. On a
  // loaded machine pass --timeoutMS 20000, or slow runs count as timeouts, which Stryker scores as killed.
  timeoutMS: 5000,
  // Two TypeScript checkers and two test runners: on two cores a checker mostly waits for a runner and vice versa.
  concurrency: 4,
  tempDirName: `.stryker-tmp/${folder}`,
};
