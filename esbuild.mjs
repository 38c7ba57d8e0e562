// Bundles as in vscode-eslint: the client (vscode stays external), the server (behind a tiny entry) and the
// command-line checker (bundled whole, so the .vsix needs no node_modules).
import * as esbuild from 'esbuild';
import * as path from 'node:path';

// zod exports all of its ~50 locales as `z.locales`, a sixth of the server bundle, parsed at every start;
// the server only ever speaks zod's English (validate/ words every issue itself), so the bundle gets that one.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /locales\/index\.js$/ }, (args) => (args.importer.includes(`${path.sep}zod${path.sep}`)
      ? { path: path.resolve(args.resolveDir, args.path), namespace: 'zod-locales' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(path.join(path.dirname(args.path), 'en.js'))};`,
      resolveDir: path.dirname(args.path),
    }));
  },
};

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { 'server-main': 'language-server/src/server-main.ts' }, outdir: 'dist', plugins: [zodEnglishOnly] },
  // The entry the client starts: it loads server-main.js only once Node's compile cache is on.
  { ...common, entryPoints: { server: 'language-server/src/server-start.ts' }, outdir: 'dist', external: ['./server-main.js'] },
  { ...common, entryPoints: { cli: 'language-server/src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' }, plugins: [zodEnglishOnly] },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
