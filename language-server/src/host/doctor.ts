// `openclaw doctor --lint --json` for one profile; its findings become diagnostics on that profile's config.
import type { ProfileSummary } from '../protocol';
import { runCli } from './run-cli';

export interface DoctorFinding { checkId?: string; severity?: string; message: string; path?: string }

export async function runDoctor(cliPath: string, p: ProfileSummary, env: NodeJS.ProcessEnv): Promise<{ ok: boolean; findings: DoctorFinding[]; error?: string }> {
  const args = p.origin === 'convention' ? ['--profile', p.name, 'doctor', '--lint', '--json'] : ['doctor', '--lint', '--json'];
  const clean = { ...env };
  for (const v of ['OPENCLAW_STATE_DIR', 'OPENCLAW_CONFIG_PATH', 'OPENCLAW_PROFILE', 'OPENCLAW_GATEWAY_PORT']) delete clean[v];
  const r = await runCli(cliPath, args, { env: { ...clean, ...p.env }, timeoutMs: 90000 });
  if (r.error) return { ok: false, findings: [], error: r.error };
  try {
    const j = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as { ok?: boolean; findings?: DoctorFinding[] };
    const findings = (j.findings ?? []).filter((f) => f && typeof f.message === 'string');
    return { ok: j.ok !== false, findings };
  } catch {
    return { ok: false, findings: [], error: `doctor printed no JSON (exit ${r.exitCode})` };
  }
}
