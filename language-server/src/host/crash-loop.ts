// Is a gateway in a crash loop? Judged from a window of observations taken while the Profiles view polls: a
// service manager (systemd's Restart=always) brings a gateway that dies at start-up back every few seconds, and
// each time it holds a new lock with a new pid, /readyz drops and returns, and the unit's restart counter climbs.
// Pure, so the rule is tested over sequences rather than over real crashes.
import { t } from '../l10n';

export interface ServiceObservation {
  unit: string;
  /** systemd's NRestarts: how often the manager restarted the unit since it was last started by hand. */
  restarts?: number;
  /** ActiveState/SubState, e.g. "activating/auto-restart" between two attempts. */
  state?: string;
}

export interface Observation {
  /** ms since the epoch */
  at: number;
  /** The pid of a live lock for this profile's config, if any. */
  pid?: number;
  /** /readyz answered ready. */
  ready: boolean;
  service?: ServiceObservation;
}

export interface CrashLoopRule {
  /** Observations older than this are forgotten. */
  windowMs: number;
  /** This many restarts within the window make a loop. */
  minRestarts: number;
}

export const DEFAULT_RULE: CrashLoopRule = { windowMs: 5 * 60_000, minRestarts: 3 };

export interface CrashLoopVerdict { looping: boolean; restarts: number; signs: string[]; service?: string }

/** The observations still inside the window that ends at `now`. */
export function withinWindow(window: Observation[], now: number, rule: CrashLoopRule = DEFAULT_RULE): Observation[] {
  return window.filter((o) => now - o.at <= rule.windowMs);
}

export function detectCrashLoop(window: Observation[], rule: CrashLoopRule = DEFAULT_RULE): CrashLoopVerdict {
  const obs = [...window].sort((a, b) => a.at - b.at);
  // A new pid after another one: the old process is gone and something started a new one.
  let pidChanges = 0;
  let lastPid: number | undefined;
  for (const o of obs) {
    if (o.pid === undefined) continue;
    if (lastPid !== undefined && o.pid !== lastPid) pidChanges++;
    lastPid = o.pid;
  }
  // Ready, then not, then ready again: a flap, whoever owns the port.
  let flaps = 0;
  let seen: 'nothing' | 'up' | 'down-after-up' = 'nothing';
  for (const o of obs) {
    if (o.ready) {
      if (seen === 'down-after-up') flaps++;
      seen = 'up';
    } else if (seen === 'up') seen = 'down-after-up';
  }
  // The manager's own counter: how far it climbed within the window, or, while the unit waits to be restarted
  // again, how often it was restarted in all.
  const counted = obs.filter((o) => o.service?.restarts !== undefined).map((o) => o.service!.restarts!);
  const last = obs[obs.length - 1];
  const restartingNow = /auto-restart/.test(last?.service?.state ?? '');
  const climbed = counted.length > 1 ? counted[counted.length - 1] - counted[0] : 0;
  const serviceRestarts = Math.max(climbed, restartingNow ? counted[counted.length - 1] ?? 0 : 0);

  const signs: string[] = [];
  if (pidChanges) signs.push(t('lock pid changed {0}×', pidChanges));
  if (flaps) signs.push(t('/readyz flapped {0}×', flaps));
  // Named by any poll that reached the manager: the newest may not have (systemctl timed out once).
  const unit = obs.find((o) => o.service)?.service?.unit;
  if (serviceRestarts > 0) {
    // A restart count comes from a poll with a service, so there is a unit to name.
    signs.push(restartingNow ? t('{0} restarted {1}×, waiting to restart again', unit!, serviceRestarts) : t('{0} restarted {1}×', unit!, serviceRestarts));
  }
  const restarts = Math.max(pidChanges, flaps, serviceRestarts);
  const looping = restarts >= rule.minRestarts;
  return { looping, restarts, signs, ...(unit ? { service: unit } : {}) };
}

/** `systemctl --user show UNIT -p NRestarts -p ActiveState -p SubState` output -> what the rule needs. */
export function parseSystemdShow(unit: string, text: string): ServiceObservation | undefined {
  const props = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const eq = line.indexOf('=');
    if (eq > 0) props.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  const active = props.get('ActiveState');
  // "inactive" with no counter is what systemd says of a unit it does not know.
  if (!active || (props.get('LoadState') === 'not-found')) return undefined;
  const n = Number(props.get('NRestarts'));
  const sub = props.get('SubState');
  return { unit, ...(Number.isSafeInteger(n) && n >= 0 ? { restarts: n } : {}), state: sub ? `${active}/${sub}` : active };
}
