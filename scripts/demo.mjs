// npm run demo: the extension in a real VS Code (code-server) on 127.0.0.1, against a sample OpenClaw home with
// three profiles (scripts/demo-home.mjs). Runs until Ctrl-C. Env: DEMO_PORT (default 8080, else a free port).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeDemoHome } from './demo-home.mjs';
import { freePort, interrupted, isPortFree, onCleanup, repoRoot, runRoot, startCodeServer } from './vscode-host.mjs';

const say = (msg) => console.log(`[demo] ${msg}`);

function run(cmd, args) {
  say(`$ ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) {
    say(`failed: ${[cmd, ...args].join(' ')} (${r.error?.message ?? `exit ${r.status ?? r.signal}`})`);
    process.exit(1);
  }
}

function pidAlive(pid) {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

async function pickPort() {
  if (process.env.DEMO_PORT) {
    const port = Number(process.env.DEMO_PORT);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`DEMO_PORT=${process.env.DEMO_PORT} is not a port`);
    if (!(await isPortFree(port))) throw new Error(`DEMO_PORT ${port} is in use on 127.0.0.1`);
    return port;
  }
  return (await isPortFree(8080)) ? 8080 : freePort();
}

/** Gateways a demo user launched run under the sample home; each holds a lock file that names its pid. */
async function stopDemoGateways(homeDir) {
  const pids = new Set();
  const walk = (dir, depth) => {
    let entries;
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && depth > 0) walk(full, depth - 1);
      else if (/^gateway\..*\.lock$/.test(e.name)) {
        try {
          const pid = Number(JSON.parse(fs.readFileSync(full, 'utf8')).pid);
          // Only a process that still is an OpenClaw gateway: a stale lock's pid may belong to anything by now.
          if (pid > 0 && /openclaw/.test(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) pids.add(pid);
        } catch { /* unreadable lock or gone process */ }
      }
    }
  };
  walk(homeDir, 4);
  for (const pid of pids) { try { process.kill(pid, 'SIGTERM'); } catch { /* already gone */ } }
  for (let i = 0; i < 50 && [...pids].some(pidAlive); i++) await new Promise((r) => setTimeout(r, 100));
  for (const pid of pids) if (pidAlive(pid)) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
  return pids.size;
}

// Idempotent and quick once everything is there, so it is simply always run.
run('bash', [path.join('scripts', 'install-tools.sh')]);
run(process.execPath, ['esbuild.mjs']);

const demoDir = path.join(runRoot, 'demo');
const ownerFile = path.join(demoDir, 'owner.pid');
const owner = fs.existsSync(ownerFile) ? Number(fs.readFileSync(ownerFile, 'utf8')) : 0;
if (owner && owner !== process.pid && pidAlive(owner)) {
  say(`a demo is already running (pid ${owner}); stop it first`);
  process.exit(1);
}
// Each demo starts from a clean VS Code profile and a fresh sample home.
fs.rmSync(demoDir, { recursive: true, force: true });
fs.mkdirSync(demoDir, { recursive: true });
fs.writeFileSync(ownerFile, `${process.pid}\n`);

const home = path.join(demoDir, 'home');
writeDemoHome(home, { force: true });
const workspace = path.join(demoDir, 'workspace');
fs.mkdirSync(workspace, { recursive: true });
const profiles = { default: '.openclaw', rescue: '.openclaw-rescue', ops: '.openclaw-ops' };
for (const [name, dir] of Object.entries(profiles)) {
  fs.symlinkSync(path.join(home, dir), path.join(workspace, `profile-${name}`));
}
fs.writeFileSync(path.join(workspace, 'README.md'), `# OpenClaw Gateways demo

This window runs with \`OPENCLAW_HOME=${home}\`, a sample home with three gateway profiles:

| profile | config | gateway port |
|---|---|---|
| default | \`${profiles.default}/openclaw.json\` | 18789 (browser CDP range 18800-18899, \`browser.profiles.work.cdpPort\` 18850) |
| rescue | \`${profiles.rescue}/openclaw.json\` | 18809: clashes with the default profile's CDP range |
| ops | \`${profiles.ops}/openclaw.json\` | none set: 55291, derived from the profile name |

The \`profile-*\` folders here are links to those profile folders. Everything under \`.run/demo\` is
recreated on each \`npm run demo\`.
`);

// code-server has no --extensionDevelopmentPath; it does load an unpacked extension found in its extensions dir
// under the <publisher>.<name>-<version> folder name, so a link to the repo serves the freshly built dist/.
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const extensionsDir = path.join(demoDir, 'extensions');
fs.mkdirSync(extensionsDir, { recursive: true });
fs.symlinkSync(repoRoot, path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`));

// Registered before code-server's own cleanup, so it runs after it: by then no terminal can start another gateway.
onCleanup(async () => {
  const stopped = await stopDemoGateways(home);
  say(`stopped: code-server${stopped ? ` and ${stopped} gateway${stopped === 1 ? '' : 's'}` : ''}; nothing from the demo is left running`);
});

try {
  const server = await startCodeServer({
    runDir: demoDir,
    port: await pickPort(),
    extensionsDir,
    env: { OPENCLAW_HOME: home },
  });
  const open = (folder) => `${server.url}/?folder=${encodeURIComponent(folder)}`;
  say(`sample home: ${path.relative(repoRoot, home)} (OPENCLAW_HOME); server log: ${path.relative(repoRoot, server.logFile)}`);
  console.log(`\n  Open in your browser:  ${open(workspace)}\n`);
  say('Ctrl-C stops code-server and any gateway launched from the demo');
  // The signal handlers in vscode-host.mjs stop the server and exit; getting here means it died on its own.
  const { code, signal } = await server.exited;
  // On Ctrl-C the server exits because the signal handler stopped it; that handler also ends the process.
  if (interrupted()) await new Promise(() => {});
  say(`code-server exited (${signal ?? `code ${code}`}); see ${path.relative(repoRoot, server.logFile)}`);
  await server.stop();
  process.exit(1);
} catch (e) {
  say(e.message);
  process.exit(1);
}
