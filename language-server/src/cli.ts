// openclaw-config-check: the language server's core on the command line, for CI and other editors.
//   openclaw-config-check [--json] [--openclaw CLI] FILE...      exit 0 all valid, 1 any invalid, 2 usage
//   openclaw-config-check --profiles [--home DIR] [--openclaw CLI] [--json]   exit 0 no conflicts, 1 conflicts, 2 usage
//   openclaw-config-check --print-schema [--openclaw CLI]       the repaired JSON Schema, for $schema and other editors
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LineIndex } from './parse/lines';
import { bundledSchemaInUse, type SchemaInUse } from './schema/in-use';
import { loadCliSchema } from './schema/cli-loader';
import { checkText, isValid } from './validate/check';
import { loadHost } from './host/model';
import { resolveHome } from './host/paths';
import { rulesFor } from './host/profile-rules';
import { cliVersion } from './openclaw-cli/version';
import { CDP_RANGE_ROLE } from './host/ports';
import { formatPorts, spanText } from './protocol';
import { bundleFromEnv, t, useBundle } from './l10n';

const USAGE = `usage: openclaw-config-check [--json] [--openclaw CLI] FILE...
       openclaw-config-check --profiles [--home DIR] [--openclaw CLI] [--json]
       openclaw-config-check --print-schema [--openclaw CLI]`;

interface Args { json: boolean; profiles: boolean; printSchema: boolean; home?: string; openclaw?: string; files: string[] }

function parseArgs(argv: string[]): Args | string {
  const a: Args = { json: false, profiles: false, printSchema: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') a.json = true;
    else if (arg === '--profiles') a.profiles = true;
    else if (arg === '--print-schema') a.printSchema = true;
    else if (arg === '--home' || arg === '--openclaw') {
      const v = argv[++i];
      if (!v) return t('{0} needs a value', arg);
      if (arg === '--home') a.home = v; else a.openclaw = v;
    } else if (arg === '--help' || arg === '-h') return '';
    else if (arg === '--') {
      a.files.push(...argv.slice(i + 1));
      break;
    }
    else if (arg.startsWith('-')) return t('unknown option {0}', arg);
    else a.files.push(arg);
  }
  if (a.printSchema) return a.files.length || a.profiles ? t('--print-schema takes no files and no --profiles') : a;
  if (a.profiles && a.files.length) return t('--profiles takes no files');
  if (!a.profiles && !a.files.length) return t('no files given');
  return a;
}

async function schemaFor(args: Args): Promise<SchemaInUse> {
  if (!args.openclaw) return bundledSchemaInUse();
  const r = await loadCliSchema(args.openclaw, path.join(os.homedir(), '.cache', 'openclaw-gateways', 'schemas'), process.env);
  if (!r.schema) process.stderr.write(`openclaw-config-check: ${t('using the bundled schema: {0}', String(r.error))}\n`);
  return r.schema ?? bundledSchemaInUse();
}

async function checkFiles(args: Args, out: (s: string) => void): Promise<number> {
  const schema = await schemaFor(args);
  const results = [];
  let allValid = true;
  for (const file of args.files) {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      const message = t('cannot read: {0}', (e as NodeJS.ErrnoException).code ?? (e as Error).message);
      results.push({ file, valid: false, diagnostics: [{ severity: 'error', code: 'unreadable', message, path: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] });
      allValid = false;
      continue;
    }
    const { diagnostics } = checkText(text, schema);
    const lines = new LineIndex(text);
    const valid = isValid(diagnostics);
    allValid &&= valid;
    results.push({
      file, valid,
      diagnostics: diagnostics.map((d) => ({ severity: d.severity, code: d.code, message: d.message, path: d.path, range: lines.range(d.start, Math.max(d.start, d.end)) })),
    });
  }
  if (args.json) out(JSON.stringify(results, null, 2));
  else {
    for (const r of results) {
      for (const d of r.diagnostics) out(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message}`);
    }
  }
  return allValid ? 0 : 1;
}

async function showProfiles(args: Args, out: (s: string) => void): Promise<number> {
  const home = resolveHome(args.home, process.env);
  // With --openclaw, the profile rules of that CLI's release (its ports, its lock dir); the newest without.
  const version = args.openclaw ? await cliVersion(args.openclaw, process.env) : undefined;
  if (version?.error) process.stderr.write(`openclaw-config-check: ${t('the newest profile rules apply: {0}', version.error)}\n`);
  const rules = rulesFor(version?.version);
  const host = await loadHost({ home, env: process.env, declared: [], schema: bundledSchemaInUse(), rules });
  const model = {
    profiles: host.profiles.map(({ summary: p }) => ({
      name: p.name, origin: p.origin, ...(p.foundBy ? { foundBy: p.foundBy } : {}), configPath: p.configPath, stateDir: p.stateDir, workspace: p.workspace,
      basePort: p.basePort, basePortSource: p.basePortSource, spans: p.ports,
    })),
    conflicts: host.conflicts.map((c) => ({ kind: c.kind, profiles: c.profiles, ports: c.ports, message: c.message })),
    skipped: host.skipped,
    rules: rules.since,
  };
  // The --json shape predates the one list of spans and is kept for scripts that read it.
  const json = {
    ...model,
    profiles: model.profiles.map(({ spans, ...p }) => ({
      ...p,
      ports: spans.filter((s) => s.from === s.to).map((s) => ({ port: s.from, role: s.role })),
      cdpRange: [spans.find((s) => s.role === CDP_RANGE_ROLE)?.from, spans.find((s) => s.role === CDP_RANGE_ROLE)?.to],
    })),
  };
  if (args.json) out(JSON.stringify(json, null, 2));
  else {
    out(t('OpenClaw profiles in {0}: {1} (profile rules as of OpenClaw {2})', home, model.profiles.length, rules.since));
    // The field names make a column as wide as the longest of them in the language in use.
    const fields = { foundBy: t('found by'), config: t('config'), stateDir: t('state dir'), workspace: t('workspace'), ports: t('ports') };
    const width = Math.max(...Object.values(fields).map((f) => f.length)) + 2;
    const row = (field: string, value: string) => out(`  ${field.padEnd(width)}${value}`);
    for (const p of model.profiles) {
      out(`\n${t('{0}  base {1} ({2})', p.name, p.basePort, p.basePortSource)}`);
      if (p.foundBy) row(fields.foundBy, p.foundBy);
      row(fields.config, p.configPath);
      row(fields.stateDir, p.stateDir);
      row(fields.workspace, p.workspace);
      row(fields.ports, p.spans.map((s) => `${s.label} ${spanText(s)}`).join(' · '));
    }
    if (model.skipped.length) {
      out(`\n${model.skipped.length === 1 ? t('Skipped, no --profile reaches this folder:') : t('Skipped, no --profile reaches these {0} folders:', model.skipped.length)}`);
    }
    for (const f of model.skipped) out(`  ${f.dir}: ${f.reason}`);
    out(`\n${model.conflicts.length ? t('Conflicts: {0}', model.conflicts.length) : t('No conflicts.')}`);
    for (const c of model.conflicts) out(`  ${c.kind}: ${c.message}${c.ports.length ? ` [${formatPorts(c.ports)}]` : ''}`);
  }
  return model.conflicts.length ? 1 : 0;
}

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(`${s}\n`)): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args ? `openclaw-config-check: ${args}\n` : ''}${USAGE}\n`);
    return args ? 2 : 0;
  }
  if (args.printSchema) {
    out(JSON.stringify((await schemaFor(args)).json, null, 2));
    return 0;
  }
  return args.profiles ? showProfiles(args, out) : checkFiles(args, out);
}

if (require.main === module) {
  // dist/cli.js sits next to l10n/ in the package.
  useBundle(bundleFromEnv(process.env, path.join(__dirname, '..', 'l10n')));
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => {
    process.stderr.write(`openclaw-config-check: ${(e as Error).message}\n`);
    process.exitCode = 2;
  });
}
