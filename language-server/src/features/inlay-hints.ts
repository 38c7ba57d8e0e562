// The derived port map beside gateway.port, so the ports a base implies are seen where the base is typed.
import { InlayHintKind, type InlayHint } from 'vscode-languageserver-protocol';
import { LineIndex } from '../parse/lines';
import { nodeAt, type ParsedConfig } from '../parse/tree';
import { CDP_RANGE_ROLE, portMapSummary, portSpans } from '../host/ports';
import { NEWEST_RULES, type ProfileRules } from '../host/profile-rules';
import { spanText } from '../protocol';
import { t } from '../l10n';

/** VS Code cuts the hints of one line after this many characters (`editor.inlayHints.maximumLength`, default 43 in
 *  src/vs/editor/common/config/editorOptions.ts; applied per line in inlayHintsController.ts) and ends them with
 *  "…". The hint must stay within it, or the last number, the CDP range's end, is the one lost. */
export const VSCODE_INLAY_HINT_MAX = 43;

/** The hint's short role names; a translation must keep them as short (the Italian "ctrl"), or the line is cut. */
function short(role: string): string | undefined {
  if (role === 'browser-control') return t('control');
  if (role === 'relay') return t('relay');
  if (role === CDP_RANGE_ROLE) return 'CDP';
  return undefined;
}

/** "control 18811, relay 18819, CDP 18820-18919": at most 43 characters for any base. */
export function portHintLabel(base: number, rules: ProfileRules = NEWEST_RULES): string {
  return portSpans({ base, cdpPorts: [], rules }).filter((s) => short(s.role)).map((s) => `${short(s.role)} ${spanText(s)}`).join(', ');
}

/** Where a line ends: the hint goes there rather than right after the value, so that in a config written on one
 *  line it does not push the rest of the line, and the squiggles on it, out of sight. */
function lineEnd(text: string, offset: number): number {
  let e = offset;
  while (e < text.length && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
  return e;
}

/** `applies`: the base the gateway really gets when something outranks gateway.port (dev's OPENCLAW_GATEWAY_PORT). */
export function portInlayHints(parsed: ParsedConfig, opts: { applies?: number; rules?: ProfileRules } = {}): InlayHint[] {
  const node = nodeAt(parsed.root, ['gateway', 'port']);
  if (node?.kind !== 'number' || !Number.isInteger(node.value) || (node.value as number) < 1 || (node.value as number) > 65535) return [];
  const base = opts.applies ?? (node.value as number);
  return [{
    position: new LineIndex(parsed.text).positionAt(lineEnd(parsed.text, node.end)),
    label: portHintLabel(base, opts.rules),
    kind: InlayHintKind.Parameter,
    paddingLeft: true,
    tooltip: t('Ports OpenClaw derives from the base port {0}: {1}.', base, portMapSummary(base, opts.rules)),
  }];
}
