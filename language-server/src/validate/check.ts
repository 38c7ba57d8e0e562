// One config text -> every finding about that file alone (isolation checks between profiles live in host/).
import { parseConfig, toValue, type ObjectNode, type ParsedConfig } from '../parse/tree';
import type { Issue } from '../schema/compiled';
import type { SchemaInUse } from '../schema/in-use';
import type { ConfigDiagnostic } from './diagnostic';
import { duplicateKeyDiagnostics, fileSecretPointerDiagnostics, gatewayModeDiagnostic, refinementDiagnostics, retiredKeyDiagnostics, RETIRED_KEYS } from './rules';
import { schemaDiagnostics, stopsRefinements } from './schema-issues';
import { t } from '../l10n';

export interface CheckResult { parsed: ParsedConfig; diagnostics: ConfigDiagnostic[]; value?: unknown }

export function checkText(text: string, schema: SchemaInUse): CheckResult {
  return checkParsed(parseConfig(text), schema);
}

export function checkParsed(parsed: ParsedConfig, schema: SchemaInUse): CheckResult {
  const early = notAnObject(parsed);
  if (early) return early;
  const value = toValue(parsed.root!);
  return findings(parsed, value, schema.compiled.safeParse(value).issues, schema);
}

/** The same check, one schema section at a time, pausing when it has held the event loop for `sliceMs`; it gives up
 *  (undefined) as soon as `current()` says a newer text has replaced this one. */
export async function checkParsedInSlices(parsed: ParsedConfig, schema: SchemaInUse, current: () => boolean, sliceMs = 20): Promise<CheckResult | undefined> {
  const early = notAnObject(parsed);
  if (early) return early;
  const value = toValue(parsed.root!);
  const issues: Issue[] = [];
  let since = Date.now();
  for (const step of schema.compiled.steps(value, issues)) {
    if (Date.now() - since > sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      if (!current()) return undefined;
      since = Date.now();
    }
    step();
  }
  await new Promise((resolve) => setImmediate(resolve));
  return current() ? findings(parsed, value, issues, schema) : undefined;
}

function notAnObject(parsed: ParsedConfig): CheckResult | undefined {
  if (parsed.syntaxError || !parsed.root) {
    const e = parsed.syntaxError ?? { message: t('The file is empty: an OpenClaw config is a JSON5 object.'), offset: 0, line: 1, column: 1 };
    const at = Math.min(e.offset, parsed.text.length);
    return { parsed, diagnostics: [{ severity: 'error', code: 'syntax', message: e.message, path: '', start: at, end: Math.min(at + 1, parsed.text.length) }] };
  }
  const root = parsed.root;
  if (root.kind !== 'object') {
    return { parsed, diagnostics: [{ severity: 'error', code: 'invalid-type', message: t('An OpenClaw config must be an object ({ ... }).'), path: '', start: root.start, end: root.end }] };
  }
  return undefined;
}

function findings(parsed: ParsedConfig, value: unknown, issues: readonly Issue[], schema: SchemaInUse): CheckResult {
  const root = parsed.root as ObjectNode;
  const diagnostics: ConfigDiagnostic[] = [];
  // Not push(...xs): a hostile file yields more findings than a call can take arguments.
  const add = (xs: readonly ConfigDiagnostic[]) => { for (const x of xs) diagnostics.push(x); };
  add(retiredKeyDiagnostics(root));
  add(schemaDiagnostics(root, issues, schema.json, new Set(RETIRED_KEYS.map((r) => r.path))));
  // Sets of paths, so a file with thousands of issues is not checked against each of them for each refinement.
  const stoppedAt = new Set<string>();
  const stoppedWithin = new Set<string>();
  for (const issue of issues) {
    if (!stopsRefinements(issue)) continue;
    const p = issue.path.map(String);
    stoppedAt.add(p.join('.'));
    for (let n = 0; n <= p.length; n++) stoppedWithin.add(p.slice(0, n).join('\u0000'));
  }
  add(refinementDiagnostics(root, (at) => stoppedWithin.has(at.join('\u0000'))));
  add(fileSecretPointerDiagnostics(root).filter((d) => !stoppedAt.has(d.path)));
  add(duplicateKeyDiagnostics(parsed.duplicates));
  const mode = gatewayModeDiagnostic(root);
  if (mode) diagnostics.push(mode);
  return { parsed, diagnostics, value };
}

export function isValid(diagnostics: ConfigDiagnostic[]): boolean {
  return !diagnostics.some((d) => d.severity === 'error');
}
