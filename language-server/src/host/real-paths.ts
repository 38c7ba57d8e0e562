// Which file a path names: symlinks, `..` and trailing separators resolved, case folded where the file system
// folds it. A config opened through a link (a workspace folder linking to ~/.openclaw-rescue) is the same profile
// config as the one the CLI reads; this is the one place that asks the disk so.
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { samePathKey } from './paths';

export type PathKeyOf = (p: string) => string;

/** The real path of `p`; the part of it that does not exist yet is kept as written after its real parent. */
export function realPath(p: string): string {
  let head = path.resolve(p);
  const tail: string[] = [];
  for (;;) {
    try {
      return path.join(realpathSync.native(head), ...tail);
    } catch {
      const parent = path.dirname(head);
      if (parent === head) return path.join(head, ...tail);
      tail.unshift(path.basename(head));
      head = parent;
    }
  }
}

export function realPathKey(p: string): string {
  return samePathKey(realPath(p));
}

/** Real-path keys remembered until the disk is read again: typing in a config asks for the same few paths. */
export class RealPathKeys {
  private readonly cache = new Map<string, string>();

  readonly keyOf: PathKeyOf = (p) => {
    let k = this.cache.get(p);
    if (k === undefined) {
      k = realPathKey(p);
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(p, k);
    }
    return k;
  };

  clear(): void {
    this.cache.clear();
  }
}
