// Keeps the profiles' disk state current: profile configs live outside the workspace, so the server watches the
// home and every state/config dir itself, and re-reads within a debounce after any change.
import { watch, type FSWatcher } from 'node:fs';
import * as path from 'node:path';
import type { DeclaredInstance, SkippedFolder } from '../protocol';
import { discoverHost, type ProfileSource } from './discovery';
import { readConfigText } from './model';
import { samePathKey } from './paths';
import type { ProfileRules } from './profile-rules';
import { readServiceFiles, serviceDirs, type ServiceFile } from './installed-services';

export interface WatchInputs { home: string; env: NodeJS.ProcessEnv; declared: DeclaredInstance[]; rules?: ProfileRules }
export interface DiskSnapshot { home: string; sources: ProfileSource[]; skipped: SkippedFolder[]; services: ServiceFile[]; texts: Map<string, string | undefined> }

export class HostWatcher {
  private sources: ProfileSource[] = [];
  private skipped: SkippedFolder[] = [];
  private services: ServiceFile[] = [];
  private texts = new Map<string, string | undefined>();
  private watchers = new Map<string, FSWatcher>();
  private timer: NodeJS.Timeout | undefined;
  private poll: NodeJS.Timeout | undefined;
  private disposed = false;
  private reading: Promise<void> | undefined;

  constructor(private readonly inputs: WatchInputs, private readonly onChange: () => void, private readonly log: (m: string) => void, private readonly debounceMs = 150, private readonly pollMs = 5000) {}

  snapshot(): DiskSnapshot {
    return { home: this.inputs.home, sources: this.sources, skipped: this.skipped, services: this.services, texts: this.texts };
  }

  async start(): Promise<void> {
    await this.reread();
    // inotify misses some changes (network file systems, a replaced parent dir): a slow poll backs it up.
    this.poll = setInterval(() => this.changed(), this.pollMs);
    // Neither the poll nor the watchers keep a process alive: the server and the checker end when their work does.
    this.poll.unref();
  }

  async reread(): Promise<void> {
    const run = async () => {
      const [{ sources, skipped }, services] = await Promise.all([discoverHost(this.inputs.home, this.inputs.env, this.inputs.declared, { rules: this.inputs.rules }), readServiceFiles(this.inputs.home)]);
      const texts = new Map<string, string | undefined>();
      await Promise.all(sources.map(async (s) => texts.set(samePathKey(s.configPath), await readConfigText(s.configPath))));
      if (this.disposed) return;
      const changed = !sameSnapshot(this.sources, this.texts, sources, texts) || JSON.stringify([skipped, services]) !== JSON.stringify([this.skipped, this.services]);
      this.sources = sources;
      this.skipped = skipped;
      this.services = services;
      this.texts = texts;
      this.rewatch();
      if (changed) this.onChange();
    };
    this.reading = (this.reading ?? Promise.resolve()).then(run, run);
    await this.reading;
  }

  private changed(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reread().catch((e) => this.log(`re-reading profiles failed: ${e}`)), this.debounceMs);
  }

  private rewatch(): void {
    const dirs = new Set<string>([this.inputs.home, ...Object.values(serviceDirs(this.inputs.home))]);
    for (const s of this.sources) {
      dirs.add(s.stateDir);
      dirs.add(path.dirname(s.configPath));
    }
    for (const [dir, w] of this.watchers) if (!dirs.has(dir)) { w.close(); this.watchers.delete(dir); }
    for (const dir of dirs) {
      if (this.watchers.has(dir)) continue;
      try {
        const w = watch(dir, { persistent: false }, () => this.changed());
        w.on('error', () => { w.close(); this.watchers.delete(dir); });
        this.watchers.set(dir, w);
      } catch {
        // a dir that does not exist yet is picked up by the poll once it does
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    clearInterval(this.poll);
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }
}

function sameSnapshot(aS: ProfileSource[], aT: Map<string, string | undefined>, bS: ProfileSource[], bT: Map<string, string | undefined>): boolean {
  // Equal sources have equal config paths, so the two maps have the same keys.
  if (JSON.stringify(aS) !== JSON.stringify(bS)) return false;
  for (const [k, v] of aT) if (bT.get(k) !== v) return false;
  return true;
}
