// The project's own short wording for config fields (title, one-line description), by dot path; "*" stands for a
// key of a map or an index of a list. OpenClaw's own prose is shown only when its installed CLI's schema is in use.
import type { Segment } from '../parse/tree';
import docs from './field-docs.json';

interface Node { doc?: [string, string]; children: Map<string, Node> }

let trie: Node | undefined;

function build(): Node {
  const root: Node = { children: new Map() };
  for (const [path, doc] of Object.entries(docs as unknown as Record<string, [string, string]>)) {
    let n = root;
    for (const seg of path.split('.')) {
      let next = n.children.get(seg);
      if (!next) n.children.set(seg, (next = { children: new Map() }));
      n = next;
    }
    n.doc = doc;
  }
  return root;
}

/** Our words for the field at `path`: a named key beats "*" at every step. */
export function fieldDoc(path: readonly Segment[]): { title: string; description: string } | undefined {
  trie ??= build();
  const find = (n: Node, i: number): [string, string] | undefined => {
    if (i === path.length) return n.doc;
    const named = n.children.get(String(path[i]));
    const viaNamed = named && find(named, i + 1);
    if (viaNamed) return viaNamed;
    const any = n.children.get('*');
    return any && find(any, i + 1);
  };
  const d = path.length ? find(trie, 0) : undefined;
  return d && { title: d[0], description: d[1] };
}
