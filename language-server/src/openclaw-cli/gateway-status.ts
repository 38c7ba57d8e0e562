// `openclaw gateway status --json` for one profile, in one line: port, reachable, listeners, service, config validity.
import type { ProfileSummary } from '../protocol';
import { GATEWAY_STATUS_ARGS, profileArgs, profileCommandEnv } from './command-lines';
import { runCli } from './run';
import { t } from '../l10n';

export async function gatewayStatus(cliPath: string, p: ProfileSummary, env: NodeJS.ProcessEnv): Promise<{ summary?: string; error?: string }> {
  const r = await runCli(cliPath, profileArgs(p, ...GATEWAY_STATUS_ARGS), { env: profileCommandEnv(env, p.env), timeoutMs: 60000 });
  const summary = summarizeGatewayStatus(r.stdout);
  return summary ? { summary } : { error: r.error ?? `exit ${r.exitCode}` };
}

export function summarizeGatewayStatus(stdout: string): string | undefined {
  let j: Record<string, any>;
  try {
    j = JSON.parse(stdout.slice(stdout.indexOf('{')));
  } catch {
    return undefined;
  }
  const parts: string[] = [];
  const port = j.gateway?.port ?? j.port?.port;
  // The CLI's own values (port source, service status, addresses) are passed on as it spells them.
  if (port !== undefined) parts.push(j.gateway?.portSource ? t('port {0} ({1})', port, String(j.gateway.portSource)) : t('port {0}', port));
  const reachable = j.gateway?.reachable ?? j.rpc?.ok;
  parts.push(reachable ? t('reachable') : t('not reachable'));
  const listeners = Array.isArray(j.port?.listeners) ? j.port.listeners : [];
  parts.push(listeners.length ? t('listeners: {0}', listeners.map((l: { pid?: number; address?: string }) => `${l.pid ?? '?'}@${l.address ?? '?'}`).join(', ')) : t('no listener'));
  const service = j.service?.loaded !== undefined
    ? (j.service.loaded ? (j.service.runtime?.status ? t('service {0}', String(j.service.runtime.status)) : t('service loaded')) : t('service not installed'))
    : j.service?.label ? t('service {0}', String(j.service.label)) : undefined;
  if (service) parts.push(service);
  const valid = j.config?.cli?.valid;
  if (valid !== undefined) parts.push(valid ? t('config valid') : t('config INVALID'));
  return parts.join(' · ');
}
