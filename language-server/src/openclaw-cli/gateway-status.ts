// `openclaw gateway status --json` for one profile, in one line: port, reachable, listeners, service, config validity.
import type { ProfileSummary } from '../protocol';
import { GATEWAY_STATUS_ARGS, profileArgs, profileCommandEnv } from './command-lines';
import { runCli } from './run';

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
  if (port !== undefined) parts.push(`port ${port}${j.gateway?.portSource ? ` (${j.gateway.portSource})` : ''}`);
  const reachable = j.gateway?.reachable ?? j.rpc?.ok;
  parts.push(reachable ? 'reachable' : 'not reachable');
  const listeners = Array.isArray(j.port?.listeners) ? j.port.listeners : [];
  parts.push(listeners.length ? `listeners: ${listeners.map((l: { pid?: number; address?: string }) => `${l.pid ?? '?'}@${l.address ?? '?'}`).join(', ')}` : 'no listener');
  const service = j.service?.loaded !== undefined ? (j.service.loaded ? `service ${j.service.runtime?.status ?? 'loaded'}` : 'service not installed') : j.service?.label ? `service ${j.service.label}` : undefined;
  if (service) parts.push(service);
  const valid = j.config?.cli?.valid;
  if (valid !== undefined) parts.push(valid ? 'config valid' : 'config INVALID');
  return parts.join(' · ');
}
