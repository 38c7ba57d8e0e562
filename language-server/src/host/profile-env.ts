// The environment a CLI command for one profile runs with. The CLI sets OPENCLAW_STATE_DIR / OPENCLAW_CONFIG_PATH /
// OPENCLAW_PROFILE from --profile only where they are unset, so an exported one would silently redirect the command
// to another profile; OPENCLAW_GATEWAY_PORT would move its port. They are removed, then the profile's own added.
export const REDIRECTING_VARS = ['OPENCLAW_STATE_DIR', 'OPENCLAW_CONFIG_PATH', 'OPENCLAW_PROFILE', 'OPENCLAW_GATEWAY_PORT'] as const;

export function profileCommandEnv(base: NodeJS.ProcessEnv, profileEnv: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...base };
  for (const v of REDIRECTING_VARS) delete env[v];
  return { ...env, ...profileEnv };
}
