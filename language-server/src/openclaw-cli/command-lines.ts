// Every OpenClaw command line the extension runs, terminal or not: the program's name, the arguments of each
// action, and the environment a profile's command needs. The client never builds one; it asks the server.
import type { ProfileSummary, ProfileTask, SetupMode } from '../protocol';

/** The program on PATH when no CLI path is set, and the npm package that installs it. */
export const CLI_NAME = 'openclaw';
export const CLI_PACKAGE = 'openclaw';

/** The CLI's arguments for a profile: convention profiles by name, other instances through their environment. */
export function profileArgs(p: Pick<ProfileSummary, 'name' | 'origin'>, ...args: string[]): string[] {
  return p.origin === 'convention' ? ['--profile', p.name, ...args] : args;
}

/** What each profile action runs after the profile's own arguments. */
export function taskArgs(task: ProfileTask, p: Pick<ProfileSummary, 'basePort'>): string[] {
  switch (task) {
    case 'launch': return ['gateway', '--port', String(p.basePort)];
    case 'installService': return ['gateway', 'install'];
    // A service that pins another port or config than the profile's: written again with the profile's port.
    case 'reinstallService': return ['gateway', 'install', '--force', '--port', String(p.basePort)];
    case 'uninstallService': return ['gateway', 'uninstall'];
    case 'stopService': return ['gateway', 'stop'];
    case 'status': return ['status'];
    case 'browserStatus': return ['browser', 'status'];
    case 'logs': return ['logs', '--follow'];
    case 'doctor': return ['doctor'];
  }
}

export function onboardArgs(name: string, port: number, mode: SetupMode): string[] {
  const common = ['--profile', name, 'onboard'];
  if (mode === 'guided') return [...common, '--gateway-port', String(port), '--gateway-bind', 'loopback'];
  return [...common, '--non-interactive', '--accept-risk', '--mode', 'local', '--auth-choice', 'skip', '--gateway-port', String(port),
    '--gateway-bind', 'loopback', '--skip-channels', '--skip-skills', '--skip-search', '--skip-health', '--skip-ui', '--no-install-daemon'];
}

export const GATEWAY_STATUS_ARGS = ['gateway', 'status', '--json'];
export const DOCTOR_LINT_ARGS = ['doctor', '--lint', '--json'];
export const VERSION_ARGS = ['--version'];
export const CONFIG_SCHEMA_ARGS = ['config', 'schema'];

/** `npm install -g openclaw@latest`, typed into a terminal. */
export function installCliArgv(): string[] {
  return ['npm', 'install', '-g', `${CLI_PACKAGE}@latest`];
}

// The CLI sets OPENCLAW_STATE_DIR / OPENCLAW_CONFIG_PATH / OPENCLAW_PROFILE from --profile only where they are
// unset, so an exported one would silently redirect the command to another profile; OPENCLAW_GATEWAY_PORT would
// move its port. They are removed, then the profile's own added.
export const REDIRECTING_VARS = ['OPENCLAW_STATE_DIR', 'OPENCLAW_CONFIG_PATH', 'OPENCLAW_PROFILE', 'OPENCLAW_GATEWAY_PORT'] as const;

/** The environment a CLI process for one profile runs with. */
export function profileCommandEnv(base: NodeJS.ProcessEnv, profileEnv: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...base };
  for (const v of REDIRECTING_VARS) delete env[v];
  return { ...env, ...profileEnv };
}

/** The changes a terminal's environment needs (null removes a variable), for a profile's commands or none. */
export function terminalEnv(base: NodeJS.ProcessEnv, profileEnv: Record<string, string> = {}): Record<string, string | null> {
  const env: Record<string, string | null> = Object.fromEntries(REDIRECTING_VARS.map((v) => [v, null]));
  return Object.assign(env, profileEnv, { OPENCLAW_DISABLE_BONJOUR: base.OPENCLAW_DISABLE_BONJOUR ?? null });
}
