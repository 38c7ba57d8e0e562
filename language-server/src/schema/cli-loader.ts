// Reads the user's own OpenClaw schema once per CLI version: `openclaw config schema` takes seconds and prints
// ~2.4 MB, so its repaired form is cached on disk under the CLI's version.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../openclaw-cli/run';
import { cliVersion } from '../openclaw-cli/version';
import { CONFIG_SCHEMA_ARGS } from '../openclaw-cli/command-lines';
import { repairCliSchema, REPAIR_REVISION } from './repair';
import { schemaFromCli, type SchemaInUse } from './in-use';

export interface CliSchemaResult { schema?: SchemaInUse; version?: string; error?: string; fromCache?: boolean }

export interface CliTimeouts { versionMs: number; schemaMs: number }
export const DEFAULT_CLI_TIMEOUTS: CliTimeouts = { versionMs: 15000, schemaMs: 60000 };

export async function loadCliSchema(cliPath: string, cacheDir: string, env: NodeJS.ProcessEnv, timeouts: CliTimeouts = DEFAULT_CLI_TIMEOUTS): Promise<CliSchemaResult> {
  const v = await cliVersion(cliPath, env, timeouts.versionMs);
  if (!v.version) return { error: v.error };
  const cacheFile = path.join(cacheDir, `schema-${v.version.replace(/[^0-9A-Za-z.-]/g, '_')}-r${REPAIR_REVISION}.json`);
  try {
    const cached = JSON.parse(await fs.readFile(cacheFile, 'utf8'));
    return { schema: schemaFromCli(cached, v.version, true), version: v.version, fromCache: true };
  } catch {
    // not cached yet, or unreadable: ask the CLI
  }
  const r = await runCli(cliPath, CONFIG_SCHEMA_ARGS, { env, timeoutMs: timeouts.schemaMs, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) return { version: v.version, error: r.error };
  if (r.exitCode !== 0) return { version: v.version, error: `"openclaw config schema" exited with ${r.exitCode}` };
  let raw: unknown;
  try {
    raw = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
  } catch {
    return { version: v.version, error: '"openclaw config schema" printed something that is not JSON' };
  }
  try {
    const repaired = repairCliSchema(raw);
    const schema = schemaFromCli(repaired.schema, v.version, true);
    await fs.mkdir(cacheDir, { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(repaired.schema));
    await fs.rename(tmp, cacheFile);
    return { schema, version: v.version };
  } catch (e) {
    return { version: v.version, error: `the CLI's schema could not be used: ${(e as Error).message}` };
  }
}
