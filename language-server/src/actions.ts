// The client's actions, answered by the server: the command line a terminal runs, whether the CLI is usable,
// gateway status, doctor, stop, and where a new profile goes. The client runs terminals and shows messages;
// everything that knows OpenClaw happens here.
import type { Connection } from 'vscode-languageserver/node';
import {
  CliCheckRequest, CommandPlanRequest, DoctorRequest, GatewayStatusRequest, NewProfilePlanRequest, StopGatewayRequest,
  type CommandPlan, type CommandPlanParams, type GatewayStatusResult, type NewProfileParams, type NewProfilePlan, type Refusal, type ServerSettings,
} from './protocol';
import { CLI_NAME, installCliArgv, onboardArgs, profileArgs, taskArgs, terminalEnv } from './openclaw-cli/command-lines';
import { gatewayStatus } from './openclaw-cli/gateway-status';
import type { CliProbes } from './openclaw-cli/version';
import { runDoctor, type DoctorFinding } from './host/doctor';
import type { HostState } from './host/model';
import { newProfileNameProblem, searchStart } from './host/new-profile';
import { stopGateway } from './host/stop';
import type { ProfileFacts } from './host/profile';
import { t } from './l10n';

export interface ActionContext {
  env: NodeJS.ProcessEnv;
  probes: CliProbes;
  trusted(): boolean;
  settings(): ServerSettings;
  host(): HostState;
  profileNamed(name: string | undefined): ProfileFacts | undefined;
  /** The nearest free base port from `near`, clear of other profiles' ports and of ports in use. */
  freeBase(near: number): Promise<number | undefined>;
  /** A gateway was stopped on request: its restart history no longer says anything. */
  stopped(profile: string): void;
  doctorFound(configPath: string, findings: DoctorFinding[]): void;
}

const restricted = (): Refusal => ({ ok: false, message: t('Nothing is run from a restricted workspace.') });

function doctorWords(findings: number): string {
  if (!findings) return t('doctor found nothing to fix');
  return findings === 1 ? t('doctor found 1 issue; it is shown as diagnostics in the config') : t('doctor found {0} issues; they are shown as diagnostics in the config', findings);
}

function noProfile(name: string): Refusal {
  return { ok: false, message: t('No profile "{0}".', name) };
}

export function registerActions(connection: Connection, ctx: ActionContext): void {
  const cliPath = (given?: string) => given || ctx.settings().cliPath || CLI_NAME;
  const cli = async (given?: string) => {
    const probe = await ctx.probes.get(cliPath(given));
    return probe.ok ? probe : { ok: false as const, message: probe.message, cliMissing: true };
  };

  connection.onRequest(CliCheckRequest, async (params) => {
    if (!ctx.trusted()) return restricted();
    return cli(params.cliPath);
  });

  connection.onRequest(CommandPlanRequest, async (params: CommandPlanParams): Promise<CommandPlan> => {
    const c = params.command;
    if (c.kind === 'shell') return { ok: true, argv: [], env: terminalEnv(ctx.env), display: 'shell' };
    if (!ctx.trusted()) return restricted();
    if (c.kind === 'installCli') {
      const argv = installCliArgv();
      return { ok: true, argv, env: terminalEnv(ctx.env), display: argv.join(' ') };
    }
    const found = await cli(params.cliPath);
    if (!found.ok) return found;
    if (c.kind === 'onboard') {
      const args = onboardArgs(c.profile, c.port, c.mode);
      return { ok: true, argv: [found.path, ...args], env: terminalEnv(ctx.env), display: `${CLI_NAME} ${args.join(' ')}` };
    }
    const p = ctx.profileNamed(c.profile);
    if (!p) return noProfile(c.profile);
    const args = taskArgs(c.kind, p.summary);
    return { ok: true, argv: [found.path, ...profileArgs(p.summary, ...args)], env: terminalEnv(ctx.env, p.summary.env), display: `${CLI_NAME} ${args.join(' ')}` };
  });

  connection.onRequest(GatewayStatusRequest, async (params): Promise<GatewayStatusResult> => {
    if (!ctx.trusted()) return restricted();
    const found = await cli(params.cliPath);
    if (!found.ok) return found;
    const p = ctx.profileNamed(params.profile);
    if (!p) return noProfile(params.profile);
    const r = await gatewayStatus(found.path, p.summary, ctx.env);
    return r.summary ? { ok: true, summary: r.summary } : { ok: false, message: t('gateway status failed: {0}', String(r.error)) };
  });

  connection.onRequest(StopGatewayRequest, async (params) => {
    if (!ctx.trusted()) return { stopped: false, message: t('Gateways are not stopped from a restricted workspace.') };
    const p = ctx.profileNamed(params.profile);
    if (!p) return { stopped: false, message: t('No profile "{0}".', params.profile) };
    const r = await stopGateway(p.summary, params.timeoutMs ?? 15000);
    if (r.stopped) ctx.stopped(p.summary.name);
    return r;
  });

  connection.onRequest(DoctorRequest, async (params) => {
    if (!ctx.trusted()) return { ok: false, findings: 0, message: t('Doctor does not run in a restricted workspace.') };
    const found = await cli(params.cliPath);
    if (!found.ok) return { ok: false, findings: 0, message: found.message, cliMissing: true };
    const p = ctx.profileNamed(params.profile);
    if (!p) return { ok: false, findings: 0, message: t('No profile "{0}".', params.profile) };
    const r = await runDoctor(found.path, p.summary, ctx.env);
    if (r.error) return { ok: false, findings: 0, message: r.error };
    ctx.doctorFound(p.summary.configPath, r.findings);
    return { ok: r.ok, findings: r.findings.length, message: doctorWords(r.findings.length) };
  });

  connection.onRequest(NewProfilePlanRequest, async (params: NewProfileParams): Promise<NewProfilePlan> => {
    if (!ctx.trusted()) return restricted();
    const host = ctx.host();
    if (!host.home) return { ok: false, message: t('The OpenClaw language server has not read the host yet; try again in a moment.') };
    const profiles = host.profiles.map((p) => p.summary);
    const problem = await newProfileNameProblem(params.name, host.home, profiles);
    if (problem) return { ok: false, message: problem };
    const nextTo = params.nextTo === undefined ? undefined : ctx.profileNamed(params.nextTo);
    if (params.nextTo !== undefined && !nextTo) return noProfile(params.nextTo);
    const port = params.basePort ?? (await ctx.freeBase(searchStart(profiles, nextTo?.summary)));
    return port ? { ok: true, name: params.name, port } : { ok: false, message: t('No free base port was found for a new gateway.') };
  });
}
