// Sample OpenClaw home with three gateway profiles, laid out the way the real CLI reads them
// (<home>/.openclaw for the default profile, <home>/.openclaw-<name> for the others). The set is chosen so that
// the extension has something to show: one port clash and one port that comes from the profile-name hash.
// Usage as a script: node scripts/demo-home.mjs DIR [--force]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const files = {
  '.openclaw/openclaw.json': `// Default profile (openclaw with no --profile).
// Its gateway listens on 18789; the browser CDP range derived from it is 18800-18899.
{
  gateway: {
    mode: 'local',
    port: 18789,
    bind: 'loopback', // only reachable from this machine
  },
  agents: {
    defaults: {
      workspace: '~/.openclaw/workspace',
    },
  },
  browser: {
    profiles: {
      // An explicit CDP port also has to stay clear of every other gateway's ports.
      work: { cdpPort: 18850 },
    },
  },
}
`,
  '.openclaw-rescue/openclaw.json': `// Profile "rescue" (openclaw --profile rescue).
{
  gateway: {
    mode: 'local',
    // Deliberate clash: 18809 lies inside the default profile's CDP range (18800-18899).
    port: 18809,
    bind: 'loopback',
  },
}
`,
  '.openclaw-ops/openclaw.json': `// Profile "ops" (openclaw --profile ops).
// No gateway.port: the CLI derives it from the profile name, 20000 + fnv1a32("ops") % 40000 = 55291.
{
  gateway: {
    mode: 'local',
    bind: 'loopback',
  },
}
`,
};

/**
 * Writes the sample profiles under dir. Existing files are kept unless force is set, so a home someone has
 * edited by hand is never clobbered by accident. Returns the files written and the files kept.
 */
export function writeDemoHome(dir, { force = false } = {}) {
  const written = [];
  const kept = [];
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(dir, rel);
    if (!force && fs.existsSync(file)) {
      kept.push(file);
      continue;
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    written.push(file);
  }
  return { written, kept };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) {
    console.error('usage: node scripts/demo-home.mjs DIR [--force]');
    process.exit(2);
  }
  const { written, kept } = writeDemoHome(path.resolve(dir), { force: args.includes('--force') });
  for (const f of written) console.log(`wrote ${f}`);
  for (const f of kept) console.log(`kept  ${f} (exists; --force overwrites)`);
}
