// Stops one profile's gateway and nothing else: the pid comes from that profile's lock file and is signalled
// only while the lock still describes a live process started for this config.
import type { ProfileSummary, StopResult } from '../protocol';
import { lockIsLive, readGatewayLock } from './liveness';
import { samePathKey } from './paths';
import { t } from '../l10n';

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

export async function stopGateway(p: ProfileSummary, timeoutMs: number): Promise<StopResult> {
  const lock = await readGatewayLock(p.stateDir, p.configPath);
  if (!lock) return { stopped: false, message: t('The gateway of "{0}" is not running (no lock file).', p.name) };
  if (lock.configPath && samePathKey(lock.configPath) !== samePathKey(p.configPath)) {
    return { stopped: false, pid: lock.pid, message: t('The lock of "{0}" names another config ({1}); nothing was stopped.', p.name, lock.configPath) };
  }
  if (!(await lockIsLive(lock))) return { stopped: false, pid: lock.pid, message: t('The gateway of "{0}" is not running (stale lock of pid {1}).', p.name, lock.pid) };
  try {
    process.kill(lock.pid, 'SIGTERM');
  } catch (e) {
    return { stopped: false, pid: lock.pid, message: t('Could not signal pid {0}: {1}', lock.pid, (e as Error).message) };
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(lock.pid)) return { stopped: true, pid: lock.pid, message: t('Stopped the gateway of "{0}" (pid {1}).', p.name, lock.pid) };
    await new Promise((r) => setTimeout(r, 200));
  }
  return { stopped: false, pid: lock.pid, message: t('The gateway of "{0}" (pid {1}) did not exit within {2} s.', p.name, lock.pid, Math.round(timeoutMs / 1000)) };
}
