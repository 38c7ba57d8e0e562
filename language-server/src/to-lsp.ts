// Core findings -> LSP shapes. Kept apart from server.ts so the LSP tests and the CLI checker share it.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import type { LineIndex } from './parse/lines';
import type { ConfigDiagnostic, Severity } from './validate/diagnostic';

export const DIAGNOSTIC_SOURCE = 'openclaw';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

export function toLspDiagnostic(d: ConfigDiagnostic, lines: LineIndex): Diagnostic {
  return {
    severity: SEVERITY[d.severity],
    range: lines.range(d.start, Math.max(d.start, d.end)),
    message: d.message,
    source: DIAGNOSTIC_SOURCE,
    code: d.code,
    data: { path: d.path, fixes: d.fixes ?? [] },
  };
}
