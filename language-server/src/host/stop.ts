// Stops one profile's gateway and nothing else: the pid comes from that profile's lock file and is signalled
// only while the lock still describes a live process started for this config.
import type { ProfileSummary, StopResult } from '../protocol';
import { lockIsLive, readGatewayLock } from './liveness';
import { samePathKey } from './paths';

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

export async function stopGateway(p: ProfileSummary, timeoutMs: number): Promise<StopResult> {
  const lock = await readGatewayLock(p.stateDir, p.configPath);
  if (!lock) return { stopped: false, message: `The gateway of "${p.name}" is not running (no lock file).` };
  if (lock.configPath && samePathKey(lock.configPath) !== samePathKey(p.configPath)) {
    return { stopped: false, pid: lock.pid, message: `The lock of "${p.name}" names another config (${lock.configPath}); nothing was stopped.` };
  }
  if (!(await lockIsLive(lock))) return { stopped: false, pid: lock.pid, message: `The gateway of "${p.name}" is not running (stale lock of pid ${lock.pid}).` };
  try {
    process.kill(lock.pid, 'SIGTERM');
  } catch (e) {
    return { stopped: false, pid: lock.pid, message: `Could not signal pid ${lock.pid}: ${(e as Error).message}` };
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(lock.pid)) return { stopped: true, pid: lock.pid, message: `Stopped the gateway of "${p.name}" (pid ${lock.pid}).` };
    await new Promise((r) => setTimeout(r, 200));
  }
  return { stopped: false, pid: lock.pid, message: `The gateway of "${p.name}" (pid ${lock.pid}) did not exit within ${Math.round(timeoutMs / 1000)} s.` };
}
