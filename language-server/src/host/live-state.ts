// Live state of every profile's gateway, one poll at a time, with a memory of recent polls so that a gateway
// which keeps dying and coming back is called what it is: a crash loop.
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CrashLoop, LiveStateResult } from '../protocol';
import { DEFAULT_RULE, detectCrashLoop, parseSystemdShow, withinWindow, type CrashLoopRule, type Observation, type ServiceObservation } from './crash-loop';
import { gatewayLogPath, lastErrorInFile } from './gateway-log';
import { observeProfile } from './liveness';
import type { HostState } from './model';
import type { ProfileFacts } from './profile';
import { runCli } from '../openclaw-cli/run';
import { redact, secretsOf } from './secrets';

/** Per profile, the observations of the last few minutes. */
export class ObservationWindows {
  private readonly byProfile = new Map<string, Observation[]>();
  constructor(private readonly rule: CrashLoopRule = DEFAULT_RULE) {}

  record(profile: string, o: Observation): Observation[] {
    const kept = withinWindow([...(this.byProfile.get(profile) ?? []), o], o.at, this.rule);
    this.byProfile.set(profile, kept);
    return kept;
  }

  verdict(profile: string) {
    return detectCrashLoop(this.byProfile.get(profile) ?? [], this.rule);
  }

  /** After the user stops a gateway on purpose, its past restarts say nothing about the next start. */
  forget(profile: string): void {
    this.byProfile.delete(profile);
  }

  retain(names: Set<string>): void {
    for (const k of this.byProfile.keys()) if (!names.has(k)) this.byProfile.delete(k);
  }
}

/** systemd's view of the profile's user unit, when that unit is installed (Linux only; nothing is run otherwise). */
export async function systemdObservation(unit: string, env: NodeJS.ProcessEnv = process.env): Promise<ServiceObservation | undefined> {
  if (process.platform !== 'linux') return undefined;
  const unitDir = path.join(env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'systemd', 'user');
  try { await fsp.access(path.join(unitDir, unit)); } catch { return undefined; }
  const r = await runCli('systemctl', ['--user', 'show', unit, '-p', 'NRestarts', '-p', 'ActiveState', '-p', 'SubState', '-p', 'LoadState'], { env, timeoutMs: 3000 });
  return r.exitCode === 0 ? parseSystemdShow(unit, r.stdout) : undefined;
}

export interface LiveStateOptions {
  /** Outside a trusted workspace no program runs, systemctl included. */
  trusted: boolean;
  now?: () => number;
}

export async function liveStates(host: HostState, windows: ObservationWindows, opts: LiveStateOptions): Promise<LiveStateResult> {
  const result: LiveStateResult = {};
  windows.retain(new Set(host.profiles.map((p) => p.summary.name)));
  await Promise.all(host.profiles.map(async (facts) => {
    const p = facts.summary;
    try {
      const [seen, service] = await Promise.all([
        observeProfile({ port: p.basePort, stateDir: p.stateDir, configPath: p.configPath }),
        opts.trusted ? systemdObservation(p.services.systemd) : Promise.resolve(undefined),
      ]);
      windows.record(p.name, { at: (opts.now ?? Date.now)(), pid: seen.pid, ready: seen.ready, ...(service ? { service } : {}) });
      const loop = await crashLoopOf(facts, windows);
      result[p.name] = loop ? { ...seen.liveness, crashLoop: loop } : seen.liveness;
    } catch {
      result[p.name] = { state: 'stopped' };
    }
  }));
  return result;
}

async function crashLoopOf(facts: ProfileFacts, windows: ObservationWindows): Promise<CrashLoop | undefined> {
  const v = windows.verdict(facts.summary.name);
  if (!v.looping) return undefined;
  const logged = await lastErrorInFile(gatewayLogPath({ profile: facts.source.portProfile, parsed: facts.parsed }));
  const lastError = logged && redact(logged, secretsOf(facts.parsed));
  return { restarts: v.restarts, signs: v.signs, ...(lastError ? { lastError } : {}), ...(v.service ? { service: v.service } : {}) };
}
