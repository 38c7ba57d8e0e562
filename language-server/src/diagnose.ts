// Every diagnostic of one config document, from all its sources: syntax, schema and OpenClaw's own rules; the
// isolation between profiles; ports held right now by other processes; the last `openclaw doctor` findings.
// Pure: whatever needs I/O (the live ports) is gathered by the caller and passed in, so this policy is tested
// without a server.
import type { ParsedConfig } from './parse/tree';
import type { SchemaInUse } from './schema/in-use';
import { checkParsed, type CheckResult } from './validate/check';
import type { ConfigDiagnostic } from './validate/diagnostic';
import { doctorDiagnostics, type DoctorFinding } from './host/doctor';
import { isolationDiagnostics } from './host/isolation';
import { profilesOfFile, type HostState } from './host/model';
import { overriddenPortDiagnostics } from './host/overridden-port';
import { serviceDriftDiagnostics } from './host/service-drift';
import { NEWEST_RULES, type ProfileRules } from './host/profile-rules';
import { mdnsAdvertisers, mdnsClashDiagnostics } from './validate/mdns';
import { t } from './l10n';

export interface DiagnoseInput {
  parsed: ParsedConfig;
  schema: SchemaInUse;
  /** The schema check already done (the server runs it in slices that give way to newer text); else run here. */
  checked?: CheckResult;
  /** Set when the document is a profile's config: the host it belongs to and the config's path. */
  profile?: { host: HostState; configPath: string };
  /** This profile's ports held by other processes right now (live checks on). */
  livePorts?: ConfigDiagnostic[];
  /** The last doctor findings for this config; re-anchored by path on every call, so edits since the doctor ran
   *  do not leave them on the wrong key. */
  doctorFindings?: DoctorFinding[];
  /** The profile rules of the CLI release in use: which keys it rejects, which ports a profile really gets. */
  rules?: ProfileRules;
}

export function diagnose(input: DiagnoseInput): ConfigDiagnostic[] {
  const out = forRelease((input.checked ?? checkParsed(input.parsed, input.schema)).diagnostics, input.rules ?? NEWEST_RULES);
  if (!input.profile) return out;
  const { host, configPath } = input.profile;
  out.push(...isolationDiagnostics(host, configPath, input.parsed));
  const [me] = profilesOfFile(host, configPath);
  if (me) out.push(...overriddenPortDiagnostics(me, input.parsed), ...serviceDriftDiagnostics(me, input.parsed));
  if (me) out.push(...mdnsClashDiagnostics(me.summary.name, mdnsAdvertisers(host.profiles.map((x) => ({ name: x.summary.name, root: x.parsed?.root }))), input.parsed.root));
  out.push(...(input.livePorts ?? []));
  out.push(...doctorDiagnostics(input.doctorFindings ?? [], input.parsed));
  return out;
}

/** A file's own findings as the CLI release in use sees them: releases before 2026.8.1 accept canvasHost and ignore it. */
export function forRelease(diagnostics: ConfigDiagnostic[], rules: ProfileRules): ConfigDiagnostic[] {
  return diagnostics.filter((d) => rules.canvasHostRejected || !(d.code === 'retired-key' && d.path === 'canvasHost'));
}

/** What a document shows when checking it threw: one error at its start, pointing to the log. */
export function checkerFailed(): ConfigDiagnostic {
  return { severity: 'error', code: 'internal', message: t('The OpenClaw checker failed on this file; see the "OpenClaw" output channel.'), path: '', start: 0, end: 0 };
}
