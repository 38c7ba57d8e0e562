// The one place where the client and the server agree on custom messages and the host model's shape.
// Both sides import this file; nothing here may import `vscode` or server internals.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

export type BasePortSource = 'env' | 'config' | 'hash' | 'default';

export interface PortUse {
  port: number;
  /** gateway, browser-control, relay, canvas (retired), cdp:<browser profile> */
  role: string;
}

export interface ProfileSummary {
  name: string;
  /** How the profile was found: the ~/.openclaw[-name] convention, the environment, or the instances setting. */
  origin: 'convention' | 'env' | 'setting';
  configPath: string;
  configExists: boolean;
  stateDir: string;
  workspace: string;
  basePort: number;
  basePortSource: BasePortSource;
  ports: PortUse[];
  cdpRange: [number, number];
  cdpUrls: { key: string; url: string }[];
  services: { systemd: string; launchd: string; windowsTask: string };
  /** undefined when the config does not exist */
  configValid?: boolean;
  configErrors: number;
  /** The first error in the config (what stops the gateway first), where it sits. Messages name keys, never values. */
  firstError?: ConfigProblem;
  /** Extra environment a terminal needs to run this profile (instances outside the convention). */
  env: Record<string, string>;
}

export type ConflictKind = 'port' | 'configPath' | 'stateDir' | 'workspace' | 'cdpUrl';

export interface Conflict {
  kind: ConflictKind;
  profiles: [string, string];
  ports: number[];
  message: string;
  /** Where each side's offending key sits (0-based LSP ranges), when it comes from a config key. */
  locations: { profile: string; configPath: string; path: string; range?: LspRange }[];
}

/** One finding in a profile's config, located for the client to jump to. */
export interface ConfigProblem { message: string; code: string; configPath: string; path: string; range?: LspRange }

export interface LspRange { start: { line: number; character: number }; end: { line: number; character: number } }

export interface HostModel {
  home: string;
  profiles: ProfileSummary[];
  conflicts: Conflict[];
  /** Which schema checks configs; `note` says why the CLI's is not in use, or what of it is left out. */
  schema: { source: 'cli' | 'bundled'; version?: string; note?: string };
}

export interface FreeBaseParams { profile?: string; near?: number; checkListeners?: boolean }

export const HostModelRequest = new RequestType0<HostModel, void>('openclaw/hostModel');
export const HostModelChanged = new NotificationType<HostModel>('openclaw/hostModelChanged');
export const FreeBasePortRequest = new RequestType<FreeBaseParams, number | null, void>('openclaw/freeBasePort');
export const SchemaStatusNotification = new NotificationType<HostModel['schema']>('openclaw/schemaStatus');

/** Settings the server reads (section `openclaw`). */
export interface ServerSettings {
  home?: string;
  instances: { name: string; configPath: string; stateDir: string; env?: Record<string, string> }[];
  liveChecks: boolean;
  cliPath?: string;
}

export type LiveState = 'running' | 'stopped' | 'starting' | 'stale-lock';
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
export interface LiveStateResult { [profile: string]: { state: LiveState; pid?: number; port?: number; crashLoop?: CrashLoop } }
export const LiveStateRequest = new RequestType0<LiveStateResult, void>('openclaw/liveState');

export interface StopParams { profile: string; timeoutMs?: number }
export interface StopResult { stopped: boolean; pid?: number; message: string }
export const StopGatewayRequest = new RequestType<StopParams, StopResult, void>('openclaw/stopGateway');

/** What would stop a profile's gateway, asked before Launch, Restart and Install Service. */
export interface PreflightParams { profile: string }
export type PreflightKind = 'config' | 'clash' | 'port-in-use' | 'no-config';
export interface PreflightProblem extends Partial<ConfigProblem> { kind: PreflightKind; message: string }
export interface PreflightResult { profile: string; ok: boolean; problems: PreflightProblem[] }
export const PreflightRequest = new RequestType<PreflightParams, PreflightResult, void>('openclaw/preflight');

export interface DoctorParams { profile: string; cliPath?: string }
export interface DoctorResult { ok: boolean; findings: number; message: string }
export const DoctorRequest = new RequestType<DoctorParams, DoctorResult, void>('openclaw/doctor');

/** For diagnostics of the extension itself (and its tests): which process serves. */
export const ServerInfoRequest = new RequestType0<{ pid: number; schema: HostModel['schema'] }, void>('openclaw/serverInfo');
