import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_RULE, detectCrashLoop, parseSystemdShow, withinWindow, type Observation } from '../../language-server/src/host/crash-loop';
import { errorMessageOf, gatewayLogPath, lastErrorIn, logProfileSegment } from '../../language-server/src/host/gateway-log';
import { parseConfig } from '../../language-server/src/parse/tree';

/** A gateway that starts `lives` times (a new pid each time), seen by a poll every `pollMs`; each life lasts
 *  `lifeMs`, the first `upAfterMs` of it not ready yet, and `gapMs` pass with no process between two lives. */
function history(lives: number, o: { pollMs: number; lifeMs: number; upAfterMs: number; gapMs: number; t0?: number }): Observation[] {
  const out: Observation[] = [];
  const period = o.lifeMs + o.gapMs;
  const end = lives * period;
  for (let t = 0; t < end; t += o.pollMs) {
    const life = Math.floor(t / period);
    const into = t - life * period;
    const alive = into < o.lifeMs;
    out.push({ at: (o.t0 ?? 0) + t, ...(alive ? { pid: 1000 + life } : {}), ready: alive && into >= o.upAfterMs });
  }
  return out;
}

test('restarts are counted from the pids of the lock, whatever the poll rate and the life of each start', () => {
  for (const lives of [1, 2, 3, 4, 6]) {
    for (const pollMs of [500, 1000, 2000]) {
      for (const lifeMs of [3000, 8000, 20000]) {
        for (const gapMs of [0, 1000, 5000]) {
          const obs = history(lives, { pollMs, lifeMs, upAfterMs: lifeMs / 2, gapMs });
          const v = detectCrashLoop(obs);
          const label = JSON.stringify({ lives, pollMs, lifeMs, gapMs });
          assert.equal(v.restarts, lives - 1, label);
          assert.equal(v.looping, lives - 1 >= DEFAULT_RULE.minRestarts, label);
          if (lives > 1) assert.ok(v.signs.some((s) => s.startsWith('lock pid changed')), label);
        }
      }
    }
  }
});

test('a gateway that stays up, or stays down, is never a loop', () => {
  for (const n of [1, 10, 100]) {
    const up = Array.from({ length: n }, (_, i) => ({ at: i * 1000, pid: 42, ready: i > 2 }));
    assert.equal(detectCrashLoop(up).looping, false);
    const down = Array.from({ length: n }, (_, i) => ({ at: i * 1000, ready: false }));
    assert.deepEqual(detectCrashLoop(down), { looping: false, restarts: 0, signs: [] });
  }
});

test('/readyz that flaps counts when no lock tells the pids apart (an instance outside the state dir)', () => {
  for (const flaps of [0, 1, 2, 3, 5]) {
    const obs: Observation[] = [];
    let t = 0;
    obs.push({ at: t++, ready: true });
    for (let i = 0; i < flaps; i++) { obs.push({ at: t++, ready: false }, { at: t++, ready: false }, { at: t++, ready: true }); }
    const v = detectCrashLoop(obs);
    assert.equal(v.restarts, flaps);
    assert.equal(v.looping, flaps >= 3);
  }
});

test('systemd: the restart counter climbing within the window, or a unit waiting to restart again', () => {
  const unit = 'openclaw-gateway-x.service';
  for (const [from, to, state, looping] of [[0, 0, 'active/running', false], [0, 2, 'active/running', false], [0, 3, 'activating/auto-restart', true], [5, 9, 'active/running', true], [7, 7, 'activating/auto-restart', true], [1, 1, 'activating/auto-restart', false]] as const) {
    const obs: Observation[] = [
      { at: 0, ready: false, service: { unit, restarts: from, state: 'active/running' } },
      { at: 1000, ready: false, service: { unit, restarts: to, state } },
    ];
    const v = detectCrashLoop(obs);
    assert.equal(v.looping, looping, JSON.stringify({ from, to, state }));
    assert.equal(v.service, unit);
  }
  assert.deepEqual(parseSystemdShow(unit, 'NRestarts=12\nActiveState=activating\nSubState=auto-restart\nLoadState=loaded\n'), { unit, restarts: 12, state: 'activating/auto-restart' });
  assert.equal(parseSystemdShow(unit, 'NRestarts=0\nActiveState=inactive\nSubState=dead\nLoadState=not-found\n'), undefined);
  assert.equal(parseSystemdShow(unit, ''), undefined);
});

test('the window forgets what is older than the rule says', () => {
  const obs = history(6, { pollMs: 1000, lifeMs: 70_000, upAfterMs: 10_000, gapMs: 0 });
  const now = obs[obs.length - 1].at;
  const kept = withinWindow(obs, now);
  assert.ok(kept.every((o) => now - o.at <= DEFAULT_RULE.windowMs));
  assert.equal(detectCrashLoop(obs).restarts, 5);
  assert.equal(detectCrashLoop(kept).restarts, 4);
});

test('the log file a profile writes, named as the CLI names it', () => {
  const date = new Date(2026, 0, 5);
  assert.equal(gatewayLogPath({ profile: 'default', date }), '/tmp/openclaw/openclaw-2026-01-05.log');
  assert.equal(gatewayLogPath({ date }), '/tmp/openclaw/openclaw-2026-01-05.log');
  assert.equal(gatewayLogPath({ profile: 'main-rescue', date }), '/tmp/openclaw/openclaw-main--rescue-2026-01-05.log');
  assert.equal(logProfileSegment('Work_1'), '-1work-01');
  assert.equal(gatewayLogPath({ profile: 'x', parsed: parseConfig("{ logging: { file: '/var/log/oc.log' } }") }), '/var/log/oc.log');
});

test('the last error line of a log: JSON lines by level, the newest first, one line', () => {
  const line = (level: string, ...parts: unknown[]) => JSON.stringify({ ...Object.fromEntries(parts.map((p, i) => [String(i), p])), _meta: { logLevelName: level }, time: 'now' });
  const log = [
    line('INFO', 'http server listening'),
    line('ERROR', 'first failure'),
    line('ERROR', '{"subsystem":"gateway"}', 'Gateway failed to start:\nInvalid config at x'),
    line('WARN', 'a warning'),
    'not json at all',
    '',
  ].join('\n');
  assert.equal(lastErrorIn(log), '{"subsystem":"gateway"} Gateway failed to start: Invalid config at x');
  assert.equal(errorMessageOf(line('FATAL', { message: 'boom' })), 'boom');
  assert.equal(errorMessageOf(line('INFO', 'fine')), undefined);
  assert.equal(lastErrorIn(line('INFO', 'fine')), undefined);
  assert.ok(lastErrorIn(line('ERROR', 'x'.repeat(1000)))!.length <= 300);
});
