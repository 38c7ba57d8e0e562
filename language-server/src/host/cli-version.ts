// "OpenClaw 2026.9.6 (eb377ac)" -> "2026.9.6". Kept apart so the client can use it without pulling in the schema.
export function parseCliVersion(stdout: string): string | undefined {
  return /(\d{4}\.\d+\.\d+(?:[-.][0-9A-Za-z.]+)?)/.exec(stdout)?.[1];
}
