// The project's own short wording for config fields (title, one-line description), by dot path; "*" stands for a
// key of a map or an index of a list. OpenClaw's own prose is shown only when its installed CLI's schema is in use.
// Translations are keyed by the English words, not by path: the same title or sentence recurs under many paths
// (every SecretRef's source, provider and id), and a field whose words have no translation yet keeps its English.
import type { Segment } from '../parse/tree';
import docs from './field-docs.json';
import italian from './field-docs.it.json';

const TRANSLATIONS: Record<string, Record<string, string>> = { it: italian };
let translation: Record<string, string> | undefined;

/** The display language of the words from here on ("it", "it-IT"); one without translations keeps the English. */
export function useFieldDocsLanguage(language: string | undefined): void {
  translation = language ? TRANSLATIONS[language.toLowerCase().split(/[-_]/)[0]] : undefined;
}

const words = (english: string): string => translation?.[english] ?? english;

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
  return d && { title: words(d[0]), description: words(d[1]) };
}
