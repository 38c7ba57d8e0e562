// The derived port map beside gateway.port, so the ports a base implies are seen where the base is typed.
import { InlayHintKind, type InlayHint } from 'vscode-languageserver-protocol';
import { LineIndex } from '../parse/lines';
import { nodeAt, type ParsedConfig } from '../parse/tree';
import { portMapSummary } from '../host/ports';

export function portInlayHints(parsed: ParsedConfig): InlayHint[] {
  const node = nodeAt(parsed.root, ['gateway', 'port']);
  if (node?.kind !== 'number' || !Number.isInteger(node.value) || (node.value as number) < 1 || (node.value as number) > 65535) return [];
  return [{
    position: new LineIndex(parsed.text).positionAt(node.end),
    label: portMapSummary(node.value as number),
    kind: InlayHintKind.Parameter,
    paddingLeft: true,
    tooltip: 'Ports OpenClaw derives from this base: browser control B+2, extension relay B+10, CDP range B+11..B+110.',
  }];
}
