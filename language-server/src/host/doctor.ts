// `openclaw doctor --lint --json` for one profile; its findings become diagnostics on that profile's config.
import type { ProfileSummary } from '../protocol';
import { memberAt, type ParsedConfig } from '../parse/tree';
import type { ConfigDiagnostic } from '../validate/diagnostic';
import { runCli } from '../openclaw-cli/run';
import { DOCTOR_LINT_ARGS, profileArgs, profileCommandEnv } from '../openclaw-cli/command-lines';

export interface DoctorFinding { checkId?: string; severity?: string; message: string; path?: string }

export async function runDoctor(cliPath: string, p: ProfileSummary, env: NodeJS.ProcessEnv): Promise<{ ok: boolean; findings: DoctorFinding[]; error?: string }> {
  const r = await runCli(cliPath, profileArgs(p, ...DOCTOR_LINT_ARGS), { env: profileCommandEnv(env, p.env), timeoutMs: 90000 });
  if (r.error) return { ok: false, findings: [], error: r.error };
  try {
    const j = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as { ok?: boolean; findings?: DoctorFinding[] };
    const findings = (j.findings ?? []).filter((f) => f && typeof f.message === 'string');
    return { ok: j.ok !== false, findings };
  } catch {
    return { ok: false, findings: [], error: `doctor printed no JSON (exit ${r.exitCode})` };
  }
}

/** Each finding on the deepest key of its path that exists in the config (the file start when none does). */
export function doctorDiagnostics(findings: DoctorFinding[], parsed: ParsedConfig | undefined): ConfigDiagnostic[] {
  return findings.map((f) => {
    let start = 0, end = 0;
    const segs = f.path ? f.path.split('.') : [];
    for (let i = segs.length; i > 0 && parsed?.root; i--) {
      const m = memberAt(parsed.root, segs.slice(0, i));
      if (m) { start = m.keyStart; end = m.keyEnd; break; }
    }
    const severity = f.severity === 'error' ? 'error' : f.severity === 'info' ? 'information' : 'warning';
    return { severity, code: `doctor:${f.checkId ?? 'finding'}`, message: `openclaw doctor: ${f.message}`, path: f.path ?? '', start, end };
  });
}
