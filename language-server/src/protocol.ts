// The one place where the client and the server agree on custom messages and the host model's shape.
// Both sides import this file; nothing here may import `vscode` or server internals.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

/** The Node flags the server runs with wherever it is started (the client, the LSP tests, the bench). V8's young
 *  generation grows to 16 MB semi-spaces, a third of the server's memory, for garbage that lives one validation;
 *  1 MB keeps the scavenges as cheap and the resident size near VS Code's own JSON server. */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=1'];

/** Where a base port comes from, highest first: `gateway run --port`, OPENCLAW_GATEWAY_PORT (which `--profile dev`
 *  sets to 19001 when unset), gateway.port, the profile name's hash, 18789. */
export type BasePortSource = 'cli' | 'env' | 'config' | 'hash' | 'default';

/** How a profile was found: the ~/.openclaw[-name] convention, the environment, the instances setting, or the
 *  lock file of a gateway started by hand. */
export type ProfileOrigin = 'convention' | 'env' | 'setting' | 'lock';

/** A folder that looks like a profile but that no `--profile` reaches, and why. */
export interface SkippedFolder { dir: string; reason: string }

/** A gateway service `openclaw gateway install` wrote (a systemd user unit or a launchd agent), as read from its file. */
export interface InstalledService {
  manager: 'systemd' | 'launchd';
  /** The unit's file name or the agent's label. */
  name: string;
  file: string;
  /** What the service runs with: OPENCLAW_PROFILE, the port it pins (`--port`, OPENCLAW_GATEWAY_PORT), its config
   *  and state dir. */
  profile?: string;
  port?: number;
  configPath?: string;
  stateDir?: string;
  /** Where the service differs from the profile as it is configured now ("pins port 18809, the profile's is 18900"). */
  drift: string[];
  /** What each drift entry is about, in the same order, so the client marks rows without reading the words. */
  driftKinds: ('port' | 'config' | 'stateDir')[];
}

/** A gateway outside the naming convention, from the `openclaw.instances` setting. */
export interface DeclaredInstance { name: string; configPath: string; stateDir: string; env?: Record<string, string> }

/** A run of ports one profile holds (one port when `from === to`). A profile's spans come in the order of its
 *  layout: gateway, browser control, relay, the retired canvas port if configured, the CDP range, then each browser
 *  profile's explicit cdpPort. */
export interface PortSpan {
  from: number;
  to: number;
  /** gateway, browser-control, relay, canvas (retired canvasHost), cdp-range, cdp:<browser profile> */
  role: string;
  /** The role in words: "browser control", "CDP range", "CDP port (work)". */
  label: string;
  /** The config key (dot path) that puts the span there, and where it sits in the config (0-based LSP range);
   *  absent when no key does (a base port from the profile name or the environment). */
  key?: string;
  range?: LspRange;
}

/** "18791" or "18800-18899". */
export function spanText(s: Pick<PortSpan, 'from' | 'to'>): string {
  return s.from === s.to ? String(s.from) : `${s.from}-${s.to}`;
}

/** "18800-18899, 18905": how ports are written in messages and rows, runs joined. */
export function formatPorts(ports: number[]): string {
  const sorted = [...new Set(ports)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return parts.join(', ');
}

export interface ProfileSummary {
  name: string;
  origin: ProfileOrigin;
  configPath: string;
  configExists: boolean;
  stateDir: string;
  workspace: string;
  basePort: number;
  basePortSource: BasePortSource;
  /** Every port the profile holds, as one ordered list of spans. */
  ports: PortSpan[];
  cdpUrls: { key: string; url: string }[];
  services: { systemd: string; launchd: string; windowsTask: string };
  /** undefined when the config does not exist */
  configValid?: boolean;
  configErrors: number;
  /** The first error in the config (what stops the gateway first), where it sits. Messages name keys, never values. */
  firstError?: ConfigProblem;
  /** Extra environment a terminal needs to run this profile (instances outside the convention). */
  env: Record<string, string>;
  /** How a profile outside the convention was found (the lock file of a running gateway, say). */
  foundBy?: string;
  /** The installed services that run this profile's gateway. */
  installedServices?: InstalledService[];
}

export type ConflictKind = 'port' | 'configPath' | 'stateDir' | 'workspace' | 'cdpUrl';

export interface Conflict {
  kind: ConflictKind;
  profiles: [string, string];
  ports: number[];
  message: string;
  /** Per side, in the order of `profiles`: its part told from that profile ("gateway 18809 lies inside default's
   *  CDP range 18800-18899"). */
  detail: [string, string];
  /** A port clash's pairs of spans that intersect: [span of profiles[0], span of profiles[1]]. */
  overlaps: [PortSpan, PortSpan][];
  /** Where each side's offending key sits (0-based LSP ranges), when it comes from a config key. */
  locations: { profile: string; configPath: string; path: string; range?: LspRange }[];
}

/** One finding in a profile's config, located for the client to jump to. */
export interface ConfigProblem { message: string; code: string; configPath: string; path: string; range?: LspRange }

export interface LspRange { start: { line: number; character: number }; end: { line: number; character: number } }

export interface HostModel {
  home: string;
  profiles: ProfileSummary[];
  /** Folders named like profiles that the CLI cannot address. */
  skipped: SkippedFolder[];
  /** The OpenClaw release whose profile rules the model follows (that of the CLI in use; the newest known without one). */
  rules: string;
  conflicts: Conflict[];
  /** Which schema checks configs; `note` says why the CLI's is not in use, or what of it is left out. */
  schema: { source: 'cli' | 'bundled'; version?: string; note?: string };
}

export interface FreeBaseParams { profile?: string; near?: number; checkListeners?: boolean }

export const HostModelRequest = new RequestType0<HostModel, void>('openclaw/hostModel');
/** The one notification: every change of the host model or of the schema in use sends the whole model. */
export const HostModelChanged = new NotificationType<HostModel>('openclaw/hostModelChanged');
export const FreeBasePortRequest = new RequestType<FreeBaseParams, number | null, void>('openclaw/freeBasePort');

/** Settings the server reads (section `openclaw`). */
export interface ServerSettings {
  home?: string;
  instances: DeclaredInstance[];
  liveChecks: boolean;
  cliPath?: string;
}

export type GatewayState = 'running' | 'stopped' | 'starting' | 'stale-lock';
/** A gateway that keeps exiting and coming back (under a service manager, say). */
export interface CrashLoop {
  /** Restarts seen within the observation window. */
  restarts: number;
  /** What gave it away: lock pids that change, /readyz that flaps, the service's restart counter. */
  signs: string[];
  /** The last error line of its log, if one could be read. */
  lastError?: string;
  /** The service unit that keeps bringing it back, when one is known to. */
  service?: string;
}
export interface LiveStateResult { [profile: string]: { state: GatewayState; pid?: number; port?: number; crashLoop?: CrashLoop } }
export const LiveStateRequest = new RequestType0<LiveStateResult, void>('openclaw/liveState');

export interface StopParams { profile: string; timeoutMs?: number }
export interface StopResult { stopped: boolean; pid?: number; message: string }
export const StopGatewayRequest = new RequestType<StopParams, StopResult, void>('openclaw/stopGateway');

// Everything below runs the OpenClaw CLI or plans a command line for it. `cliPath` is the machine setting as the
// client reads it at the moment of the action (empty: the CLI on PATH); the server refuses in a restricted workspace.

/** A refusal or failure the client shows as is; `cliMissing` when installing or pointing at the CLI would help. */
export interface Refusal { ok: false; message: string; cliMissing?: boolean }

export interface CliCheckParams { cliPath?: string }
export type CliCheck = { ok: true; path: string; version: string } | Refusal;
export const CliCheckRequest = new RequestType<CliCheckParams, CliCheck, void>('openclaw/cliCheck');

/** Actions on one profile that run in a terminal. */
export type ProfileTask = 'launch' | 'installService' | 'reinstallService' | 'uninstallService' | 'stopService' | 'status' | 'browserStatus' | 'logs' | 'doctor';
export type SetupMode = 'quick' | 'guided';
export type TerminalCommand =
  | { kind: ProfileTask; profile: string }
  | { kind: 'onboard'; profile: string; port: number; mode: SetupMode }
  | { kind: 'installCli' }
  /** A plain terminal for OpenClaw commands: no command, only the environment. */
  | { kind: 'shell' };
export interface CommandPlanParams { command: TerminalCommand; cliPath?: string }
/** What the client types into a terminal: `argv` (empty for a shell) and the terminal's environment changes
 *  (null removes a variable); `display` names the command in messages. */
export type CommandPlan = { ok: true; argv: string[]; env: Record<string, string | null>; display: string } | Refusal;
export const CommandPlanRequest = new RequestType<CommandPlanParams, CommandPlan, void>('openclaw/commandPlan');

export interface GatewayStatusParams { profile: string; cliPath?: string }
export type GatewayStatusResult = { ok: true; summary: string } | Refusal;
export const GatewayStatusRequest = new RequestType<GatewayStatusParams, GatewayStatusResult, void>('openclaw/gatewayStatus');

/** What would stop a profile's gateway, asked before Launch, Restart and Install Service. */
export interface PreflightParams { profile: string }
export type PreflightKind = 'config' | 'clash' | 'port-in-use' | 'no-config';
export interface PreflightProblem extends Partial<ConfigProblem> { kind: PreflightKind; message: string }
export interface PreflightResult { profile: string; ok: boolean; problems: PreflightProblem[] }
export const PreflightRequest = new RequestType<PreflightParams, PreflightResult, void>('openclaw/preflight');

export interface DoctorParams { profile: string; cliPath?: string }
export interface DoctorResult { ok: boolean; findings: number; message: string; cliMissing?: boolean }
export const DoctorRequest = new RequestType<DoctorParams, DoctorResult, void>('openclaw/doctor');

/** A new profile: its name checked (valid, not taken, no state dir yet) and a base port whose whole set is free,
 *  after every profile's ports or, for a rescue bot, right after those of `nextTo`. */
export interface NewProfileParams { name: string; nextTo?: string; basePort?: number }
export type NewProfilePlan = { ok: true; name: string; port: number } | Refusal;
export const NewProfilePlanRequest = new RequestType<NewProfileParams, NewProfilePlan, void>('openclaw/newProfilePlan');

/** For diagnostics of the extension itself (and its tests): which process serves, on which schema, and which large
 *  documents it is checking in the background right now. */
export const ServerInfoRequest = new RequestType0<{ pid: number; schema: HostModel['schema']; checkingLarge: string[] }, void>('openclaw/serverInfo');
