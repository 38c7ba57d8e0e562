// The service names `openclaw gateway install` registers for a profile, per service manager.
import { isDefaultProfileName } from './profile-rules';

export function serviceNames(profile: string): { systemd: string; launchd: string; windowsTask: string } {
  const isDefault = isDefaultProfileName(profile);
  return {
    systemd: isDefault ? 'openclaw-gateway.service' : `openclaw-gateway-${profile}.service`,
    launchd: isDefault ? 'ai.openclaw.gateway' : `ai.openclaw.${profile}`,
    windowsTask: isDefault ? 'OpenClaw Gateway' : `OpenClaw Gateway (${profile})`,
  };
}
