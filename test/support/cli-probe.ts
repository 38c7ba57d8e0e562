// Runs a few lines against an installed OpenClaw release's own code: a Node 24 child loads the functions named
// from the release's dist (found by their source text and export alias, since bundle names change per release) and
// hands them to `body` together with the JSON on stdin. The tests use it where no CLI command prints what they
// compare (derived browser ports) or where running the command would touch the machine (installing a service).
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NODE24_BIN } from './paths';

const LOADER = `
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const [pkg, names] = [process.argv[1], process.argv[2].split(',')];
const dist = pkg + '/dist';
// Some of the CLI's code finds its own entry point from argv[1], as when it runs as \`openclaw\`.
process.argv[1] = pkg + '/openclaw.mjs';
const fns = {};
for (const f of readdirSync(dist).filter((f) => /\\.m?js$/.test(f))) {
  const text = readFileSync(dist + '/' + f, 'utf8');
  const wanted = names.filter((n) => !fns[n] && new RegExp('(?:async )?function ' + n + '\\\\(').test(text));
  if (!wanted.length) continue;
  const exported = (/export \\{([^}]*)\\}/.exec(text.slice(text.lastIndexOf('export {')))?.[1] ?? '').split(',').map((x) => x.trim().split(/\\s+as\\s+/));
  const mod = await import(pathToFileURL(dist + '/' + f).href);
  for (const n of wanted) {
    const alias = exported.find(([local]) => local === n);
    if (alias) fns[n] = mod[alias[1] ?? alias[0]];
  }
}
for (const n of names) if (!fns[n]) throw new Error('no ' + n + ' in ' + dist);
let input = '';
for await (const chunk of process.stdin) input += chunk;
const body = new Function('fns', 'input', 'return (async () => {' + process.env.OPENCLAW_PROBE_BODY + '})()');
process.stdout.write(JSON.stringify(await body(fns, JSON.parse(input))));
`;

/** The package folder of an installed release, from its `node_modules/.bin/openclaw`. */
export function packageOf(bin: string): string {
  return path.join(path.dirname(path.dirname(bin)), 'openclaw');
}

export async function runCliProbe<T>(bin: string, names: string[], body: string, input: unknown, env: NodeJS.ProcessEnv = {}): Promise<T> {
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'openclaw-probe-'));
  try {
    const childEnv: NodeJS.ProcessEnv = {
      PATH: `${NODE24_BIN}${path.delimiter}${process.env.PATH ?? ''}`, HOME: home, OPENCLAW_HOME: home, OPENCLAW_DISABLE_BONJOUR: '1',
      ...env, OPENCLAW_PROBE_BODY: body,
    };
    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(path.join(NODE24_BIN, 'node'), ['--input-type=module', '-e', LOADER, packageOf(bin), names.join(',')], { env: childEnv, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.stdout.on('data', (d: Buffer) => { stdout += d; });
      child.stderr.on('data', (d: Buffer) => { stderr += d; });
      child.on('error', (e) => { clearTimeout(timer); reject(e); });
      child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
      child.stdin.end(JSON.stringify(input));
    });
    if (r.code !== 0) throw new Error(`the probe of ${names.join(', ')} failed (exit ${r.code}): ${r.stderr.slice(0, 2000)}`);
    return JSON.parse(r.stdout) as T;
  } finally {
    await fs.rm(home, { recursive: true, force: true });
  }
}

/** The service files `openclaw gateway install` would write for one profile, made by the release's own code
 *  (buildGatewayInstallPlan, then buildSystemdUnit and buildLaunchAgentPlist), never installed. */
export interface ServiceSpec { home: string; profile?: string; port: number; stateDir: string; configPath: string }

export function cliServiceFiles(bin: string, specs: ServiceSpec[]): Promise<{ systemd: string; systemdName: string; launchd: string; launchdLabel: string }[]> {
  return runCliProbe(bin, ['buildGatewayInstallPlan', 'buildSystemdUnit', 'buildLaunchAgentPlist', 'resolveGatewaySystemdServiceName', 'resolveGatewayLaunchAgentLabel'], `
    const out = [];
    for (const s of input) {
      const env = { HOME: s.home, OPENCLAW_STATE_DIR: s.stateDir, OPENCLAW_CONFIG_PATH: s.configPath, PATH: process.env.PATH, ...(s.profile ? { OPENCLAW_PROFILE: s.profile } : {}) };
      const systemdName = fns.resolveGatewaySystemdServiceName(s.profile) + '.service';
      const launchdLabel = fns.resolveGatewayLaunchAgentLabel(s.profile);
      const linux = await fns.buildGatewayInstallPlan({ env: { ...env, OPENCLAW_SYSTEMD_UNIT: systemdName }, port: s.port, runtime: 'node', platform: 'linux', config: {} });
      const mac = await fns.buildGatewayInstallPlan({ env: { ...env, OPENCLAW_LAUNCHD_LABEL: launchdLabel }, port: s.port, runtime: 'node', platform: 'darwin', config: {} });
      out.push({
        systemd: fns.buildSystemdUnit({ description: 'OpenClaw Gateway', ...linux }),
        systemdName,
        launchd: fns.buildLaunchAgentPlist({ label: launchdLabel, ...mac, stdoutPath: s.stateDir + '/logs/gateway.log', stderrPath: s.stateDir + '/logs/gateway.err.log' }),
        launchdLabel,
      });
    }
    return out;`, specs);
}
