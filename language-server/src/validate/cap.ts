// At most so many diagnostics per document, as other language servers do: a file with 300,000 unknown keys gets the
// first problems and one line that says how many more there are, not a list the editor cannot show.
import type { ConfigDiagnostic, Severity } from './diagnostic';
import { t } from '../l10n';

export const MAX_DIAGNOSTICS = 1000;

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2 };

export function capDiagnostics(diagnostics: ConfigDiagnostic[], max = MAX_DIAGNOSTICS): ConfigDiagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  const sorted = [...diagnostics].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.start - b.start);
  const shown = sorted.slice(0, max - 1);
  const hidden = sorted.slice(max - 1);
  // The summary is as severe as the worst problem it stands for, so the file's verdict does not change.
  const severity = hidden[0].severity;
  shown.push({
    severity, code: 'more-problems', path: '', start: 0, end: 0,
    message: t('{0} more problems in this file are not listed ({1} are).', hidden.length, max - 1),
  });
  return shown;
}
