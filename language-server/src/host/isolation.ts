// Conflicts between profiles, seen from one config file: a diagnostic on each key of this file that causes one.
import { memberAt, memberOf, type ParsedConfig } from '../parse/tree';
import type { ConfigDiagnostic } from '../validate/diagnostic';
import { profilesOfFile, type HostState } from './model';
import { clashWords, spanWords } from './clash-words';
import type { FoundConflict } from './conflicts';
import type { KeyedPortSpan } from './ports';
import { t } from '../l10n';

export function isolationDiagnostics(state: HostState, configPath: string, parsed: ParsedConfig): ConfigDiagnostic[] {
  const root = parsed.root;
  if (!root || root.kind !== 'object') return [];
  const mine = new Set(profilesOfFile(state, configPath).map((p) => p.summary.name));
  if (!mine.size) return [];
  const out: ConfigDiagnostic[] = [];
  for (const c of state.conflicts) {
    c.sides.forEach((sides, i) => {
      if (!mine.has(c.profiles[i])) return;
      const other = c.profiles[1 - i];
      if (mine.has(other) && c.kind === 'configPath') return;
      const code = c.kind === 'port' ? 'port-conflict' : c.kind === 'cdpUrl' ? 'cdp-url-conflict' : `shared-${c.kind === 'configPath' ? 'config' : c.kind === 'stateDir' ? 'state-dir' : 'workspace'}`;
      for (const s of sides) {
        const message = c.kind === 'port' ? portClashMessage(state, c, i, s.path) : c.message;
        const m = s.path ? memberAt(root, s.path.split('.')) : undefined;
        const anchor = m ?? memberOf(root, 'gateway');
        const start = anchor ? anchor.keyStart : root.start;
        const end = anchor ? anchor.keyEnd : root.start + 1;
        out.push({
          severity: 'error', code, message, path: s.path, start, end,
          fixes: c.kind === 'port' ? [{ kind: 'move-base-port', profile: c.profiles[i] }] : undefined,
        });
      }
    });
  }
  return dedupe(out);
}

function dedupe(list: ConfigDiagnostic[]): ConfigDiagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const k = `${d.start}:${d.end}:${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function baseFrom(source: string): string {
  if (source === 'hash') return t('from the profile name');
  if (source === 'env') return t('from OPENCLAW_GATEWAY_PORT');
  if (source === 'default') return t("OpenClaw's default");
  return source;
}

/** The clash worded for the key it sits on: on gateway.port the ports that base derives, on a cdpPort that port. */
export function portClashMessage(state: HostState, c: FoundConflict, side: number, key: string): string {
  const other = c.profiles[1 - side];
  const pairs = c.pairs
    .map((p): [KeyedPortSpan, KeyedPortSpan] => [p[side], p[1 - side]])
    .filter(([mine]) => (mine.key ?? '') === key);
  const words = clashWords(pairs, {
    other,
    nameMine: (s) => (key.endsWith('.cdpPort') ? t('this CDP port {0}', s.from) : spanWords(s)),
  });
  const me = state.profiles.find((p) => p.summary.name === c.profiles[side])?.summary;
  return !key && me
    ? t('Port clash with profile "{0}": {1}. The base port {2} is {3}; set gateway.port to move it.', other, words, me.basePort, baseFrom(me.basePortSource))
    : t('Port clash with profile "{0}": {1}.', other, words);
}
