// What the tree says about a gateway that keeps coming back: the signs of a crash loop word for word, the window
// each profile's polls are kept in, and the log's last error as the tooltip shows it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, readdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { detectCrashLoop, parseSystemdShow, withinWindow, type Observation } from '../../language-server/src/host/crash-loop';
import { errorMessageOf, gatewayLogPath, lastErrorIn, lastErrorInFile, localDate, logProfileSegment } from '../../language-server/src/host/gateway-log';
import { ObservationWindows } from '../../language-server/src/host/live-state';
import { parseConfig } from '../../language-server/src/parse/tree';

const unit = 'openclaw-gateway-x.service';

test('the signs, each counted: new pids, flaps of /readyz, the unit\'s restarts while it waits or after it climbed', () => {
  const obs: Observation[] = [
    { at: 0, pid: 1, ready: true, service: { unit, restarts: 2, state: 'active/running' } },
    { at: 1, pid: 2, ready: false },
    { at: 2, pid: 3, ready: true },
    { at: 3, pid: 4, ready: false, service: { unit, restarts: 6, state: 'activating/auto-restart' } },
  ];
  assert.deepEqual(detectCrashLoop(obs), { looping: true, restarts: 6, signs: ['lock pid changed 3×', '/readyz flapped 1×', `${unit} restarted 6×, waiting to restart again`], service: unit });
  const climbed = obs.map((o, i) => (i === 3 ? { ...o, service: { unit, restarts: 6, state: 'active/running' } } : o));
  assert.deepEqual(detectCrashLoop(climbed).signs, ['lock pid changed 3×', '/readyz flapped 1×', `${unit} restarted 4×`]);
  assert.equal(detectCrashLoop(climbed).restarts, 4);
});

test('a newest poll that got no answer from the manager: the unit is named from the polls that did', () => {
  const obs: Observation[] = [
    { at: 0, pid: 1, ready: false, service: { unit, restarts: 1, state: 'activating/start' } },
    { at: 1, pid: 1, ready: false, service: { unit, restarts: 4, state: 'activating/start' } },
    { at: 2, pid: 1, ready: false },
  ];
  assert.deepEqual(detectCrashLoop(obs).signs, [`${unit} restarted 3×`]);
});

test('the observations are taken in time order, whatever order they were recorded in', () => {
  const obs: Observation[] = [{ at: 3, pid: 1, ready: true }, { at: 1, pid: 1, ready: true }, { at: 2, pid: 2, ready: false }];
  // In time order: pid 1, 2, 1 (two changes) and ready, down, ready (one flap).
  assert.deepEqual(detectCrashLoop(obs).signs, ['lock pid changed 2×', '/readyz flapped 1×']);
});

test('polls without a pid do not break the pid sequence, and a first poll that is down is no flap', () => {
  const obs: Observation[] = [{ at: 0, ready: false }, { at: 1, pid: 7, ready: true }, { at: 2, ready: false }, { at: 3, pid: 7, ready: false }];
  assert.deepEqual(detectCrashLoop(obs), { looping: false, restarts: 0, signs: [] });
});

test('a unit counter that only went down is no restart; a unit waiting with no counter counts none', () => {
  const obs: Observation[] = [
    { at: 0, ready: false, service: { unit, restarts: 5, state: 'active/running' } },
    { at: 1, ready: false, service: { unit, restarts: 1, state: 'active/running' } },
  ];
  assert.deepEqual(detectCrashLoop(obs).signs, []);
  assert.deepEqual(detectCrashLoop([{ at: 0, ready: false, service: { unit, state: 'activating/auto-restart' } }]), { looping: false, restarts: 0, signs: [], service: unit });
});

test('a looping rule of one\'s own: the window and the count', () => {
  const rule = { windowMs: 10, minRestarts: 1 };
  const obs: Observation[] = [{ at: 0, pid: 1, ready: false }, { at: 10, pid: 2, ready: false }, { at: 11, pid: 3, ready: false }];
  assert.deepEqual(withinWindow(obs, 20, rule).map((o) => o.at), [10, 11], 'ten ms old is still inside');
  assert.equal(detectCrashLoop([obs[0], obs[1]], rule).looping, true);
  assert.equal(detectCrashLoop([obs[0]], rule).looping, false);
});

test('the windows of several profiles: recorded apart, forgotten on request or when a profile goes away', () => {
  const windows = new ObservationWindows({ windowMs: 1000, minRestarts: 2 });
  for (const [i, pid] of [1, 2, 3].entries()) windows.record('a', { at: i * 100, pid, ready: false });
  assert.deepEqual(windows.record('b', { at: 0, pid: 9, ready: false }).map((o) => o.pid), [9]);
  assert.deepEqual([windows.verdict('a').looping, windows.verdict('a').restarts], [true, 2]);
  assert.deepEqual(windows.record('a', { at: 1200, pid: 3, ready: false }).map((o) => o.at), [200, 1200], 'what is older than the window is dropped');
  windows.forget('a');
  assert.deepEqual(windows.verdict('a'), { looping: false, restarts: 0, signs: [] });
  windows.retain(new Set(['a']));
  assert.deepEqual(windows.verdict('b'), { looping: false, restarts: 0, signs: [] });
  assert.deepEqual(windows.record('b', { at: 5, pid: 10, ready: false }).map((o) => o.pid), [10], 'b started over');
});

test('systemctl show: the counter only when it is a count; the state with its sub-state when there is one', () => {
  assert.deepEqual(parseSystemdShow(unit, 'NRestarts=x\nActiveState=active\n'), { unit, state: 'active' });
  assert.deepEqual(parseSystemdShow(unit, 'NRestarts=-1\nActiveState=failed\nSubState=failed\n'), { unit, state: 'failed/failed' });
  assert.deepEqual(parseSystemdShow(unit, ' NRestarts = 3 \r\nActiveState=active\r\n=x\n'), { unit, restarts: 3, state: 'active' });
  assert.equal(parseSystemdShow(unit, 'NRestarts=3\nLoadState=loaded\n'), undefined, 'no ActiveState');
  // A unit never restarted yet counts 0, which is a count; blanks after a value are no part of it.
  assert.deepEqual(parseSystemdShow(unit, 'NRestarts=0\nActiveState=activating \nSubState=auto-restart  \n'), { unit, restarts: 0, state: 'activating/auto-restart' });
});

test('the log\'s name: every character of a profile name encoded as the CLI does, the date in local time', () => {
  assert.equal(logProfileSegment('a-b_C.d'), 'a--b-0-1c-22e-d');
  assert.equal(logProfileSegment('DEFAULT'), undefined);
  assert.equal(logProfileSegment(''), undefined);
  assert.equal(localDate(new Date(2026, 11, 7, 23, 59)), '2026-12-07');
  assert.equal(localDate(new Date(2026, 0, 1)), '2026-01-01');
  const date = new Date(2026, 0, 5);
  assert.equal(gatewayLogPath({ profile: 'x', date, logDir: '/var/tmp/oc' }), '/var/tmp/oc/openclaw-x-2026-01-05.log');
  assert.equal(gatewayLogPath({ profile: 'x', date, parsed: parseConfig("{ logging: { file: '  ' } }") }), '/tmp/openclaw/openclaw-x-2026-01-05.log', 'a blank logging.file is no file');
  assert.equal(gatewayLogPath({ profile: 'x', date, parsed: parseConfig('{ logging: { file: 5 } }') }), '/tmp/openclaw/openclaw-x-2026-01-05.log');
});

test('error lines: the level from _meta or "level", the message or the numbered parts, plain lines by word', () => {
  assert.equal(errorMessageOf(JSON.stringify({ level: 'error', message: 'm' })), 'm');
  assert.equal(errorMessageOf(JSON.stringify({ _meta: { logLevelName: 'WARN' }, level: 'error', message: 'm' })), undefined, '_meta wins');
  assert.equal(errorMessageOf(JSON.stringify({ _meta: { logLevelName: 'ERROR' }, 1: 'b', 0: 'a', 2: { message: 'c' }, 3: 4, 10: 'k' })), 'a b c k');
  assert.equal(errorMessageOf(JSON.stringify({ level: 'error', 0: 5 })), undefined, 'nothing to say');
  assert.equal(errorMessageOf(JSON.stringify({ level: 'errors', message: 'm' })), undefined);
  assert.equal(errorMessageOf('"a string"'), undefined);
  assert.equal(errorMessageOf('null'), undefined);
  assert.equal(errorMessageOf('  plain ERROR here  '), 'plain ERROR here');
  assert.equal(errorMessageOf('terrorist'), undefined, 'a word, not a part of one');
  assert.equal(errorMessageOf(JSON.stringify({ level: 'non-error', message: 'm' })), undefined, 'the whole level, not its end');
  // Only keys that are all digits are the logger's arguments; a part of none or of a non-string message says nothing.
  assert.equal(errorMessageOf(JSON.stringify({ level: 'fatal', 0: 'a', 1: null, 2: { message: 42 }, v3: 'x', '4b': 'y', 5: 'z' })), 'a z');
  assert.equal(lastErrorIn(`${JSON.stringify({ level: 'error', message: '  port\n\tin use  ' })}\n`), 'port in use');
  assert.equal(lastErrorIn('fatal one\n\n   \nfine\n'), 'fatal one');
  assert.equal(lastErrorIn(`${JSON.stringify({ level: 'error', message: 'boom' })}\nnull\n7\n"error"\n`), 'boom', 'JSON lines that are no object are passed over');
  assert.equal(lastErrorIn('error:\tmany   spaces\r\n'), 'error: many spaces');
  const long = `error ${'x'.repeat(400)}`;
  assert.equal(lastErrorIn(long), `${long.slice(0, 299)}…`);
  assert.equal(lastErrorIn(long, 10), 'error xxx…');
  assert.equal(lastErrorIn(`error ${'x'.repeat(294)}`), `error ${'x'.repeat(294)}`, 'exactly the limit stays whole');
});

test('the last error of a log file, read from its tail only', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'oc-log-'));
  try {
    const file = path.join(dir, 'g.log');
    await fs.writeFile(file, `error early\n${'fine\n'.repeat(100)}`);
    assert.equal(await lastErrorInFile(file), 'error early');
    assert.equal(await lastErrorInFile(file, 50), undefined, 'the error lies before the tail');
    assert.equal(await lastErrorInFile(path.join(dir, 'none.log')), undefined);
    // Tooltips read the log again and again: every read closes its file.
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 20; i++) await lastErrorInFile(file);
    assert.equal(open(), before);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
