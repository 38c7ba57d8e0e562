// Two bundles, as in vscode-eslint: the client (vscode stays external) and the server plus the command-line
// checker (bundled whole, so the .vsix needs no node_modules).
import * as esbuild from 'esbuild';

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
  { ...common, entryPoints: { server: 'language-server/src/server-main.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { cli: 'language-server/src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
