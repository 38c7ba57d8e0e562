// Values in a config that must never be shown: a gateway's log line can quote its own auth token or a channel's
// bot token back (in an error about it), and such a line reaches the tree's tooltip and a modal.
import type { ParsedConfig, ValueNode } from '../parse/tree';

/** Keys whose string values are credentials, whatever section they sit in. */
const SECRET_KEY = /(token|password|secret|api[-_]?key|credential|private[-_]?key)$/i;
/** Shorter values are too common to mean anything (and to replace safely). */
const MIN_SECRET_LENGTH = 6;

export function secretsOf(parsed: ParsedConfig | undefined): string[] {
  const found = new Set<string>();
  const walk = (node: ValueNode | undefined, key?: string): void => {
    if (!node) return;
    if (node.kind === 'object') for (const m of node.members) walk(m.value, m.key);
    else if (node.kind === 'array') for (const item of node.items) walk(item, key);
    else if (node.kind === 'string' && key && SECRET_KEY.test(key) && typeof node.value === 'string' && node.value.length >= MIN_SECRET_LENGTH) found.add(node.value);
  };
  walk(parsed?.root);
  // Longest first, so a secret that contains another is hidden whole.
  return [...found].sort((a, b) => b.length - a.length);
}

export function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('«hidden»');
  return out;
}
