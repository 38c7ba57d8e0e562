// One config text -> every finding about that file alone (isolation checks between profiles live in host/).
import { parseConfig, toValue, type ParsedConfig } from '../parse/tree';
import type { SchemaInUse } from '../schema/in-use';
import type { ConfigDiagnostic } from './diagnostic';
import { duplicateKeyDiagnostics, fileSecretPointerDiagnostics, gatewayModeDiagnostic, refinementDiagnostics, retiredKeyDiagnostics, RETIRED_KEYS } from './rules';
import { schemaDiagnostics, stopsRefinements } from './schema-issues';

export interface CheckResult { parsed: ParsedConfig; diagnostics: ConfigDiagnostic[]; value?: unknown }

export function checkText(text: string, schema: SchemaInUse): CheckResult {
  return checkParsed(parseConfig(text), schema);
}

export function checkParsed(parsed: ParsedConfig, schema: SchemaInUse): CheckResult {
  if (parsed.syntaxError || !parsed.root) {
    const e = parsed.syntaxError ?? { message: 'The file is empty: an OpenClaw config is a JSON5 object.', offset: 0, line: 1, column: 1 };
    const at = Math.min(e.offset, parsed.text.length);
    return { parsed, diagnostics: [{ severity: 'error', code: 'syntax', message: e.message, path: '', start: at, end: Math.min(at + 1, parsed.text.length) }] };
  }
  const root = parsed.root;
  const diagnostics: ConfigDiagnostic[] = [];
  if (root.kind !== 'object') {
    diagnostics.push({ severity: 'error', code: 'invalid-type', message: 'An OpenClaw config must be an object ({ ... }).', path: '', start: root.start, end: root.end });
    return { parsed, diagnostics };
  }
  const value = toValue(root);
  const retired = retiredKeyDiagnostics(root);
  diagnostics.push(...retired);
  const result = schema.zod.safeParse(value);
  if (!result.success) diagnostics.push(...schemaDiagnostics(root, result.error.issues, schema.json, new Set(RETIRED_KEYS.map((r) => r.path))));
  const stopped = result.success ? [] : result.error.issues.filter(stopsRefinements).map((i) => i.path.map(String));
  diagnostics.push(...refinementDiagnostics(root, (at) => stopped.some((p) => at.every((seg, i) => p[i] === seg))));
  if (schema.source === 'cli') diagnostics.push(...fileSecretPointerDiagnostics(root).filter((d) => !stopped.some((p) => p.join('.') === d.path)));
  diagnostics.push(...duplicateKeyDiagnostics(parsed.duplicates));
  const mode = gatewayModeDiagnostic(root);
  if (mode) diagnostics.push(mode);
  return { parsed, diagnostics, value };
}

export function isValid(diagnostics: ConfigDiagnostic[]): boolean {
  return !diagnostics.some((d) => d.severity === 'error');
}
