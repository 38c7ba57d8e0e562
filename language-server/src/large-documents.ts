// Configs too large to check between two keystrokes' worth of requests (a generated file, a paste gone wrong) are
// checked off the server's thread, so hovers and completions in other files are answered meanwhile. One worker
// thread, started when first needed and stopped when idle; a newer text of the document being checked stops it at
// once (the older answer is moot), and a schema change restarts it on the new schema.
import { Worker } from 'node:worker_threads';
import type { CheckAnswer, CheckJob, WorkerStart } from './check-worker';
import type { ConfigDiagnostic } from './validate/diagnostic';
import { checkerFailed } from './diagnose';
import { t } from './l10n';

/** From this size on, a document is checked in the worker, and the features that need its tree are off. */
export const LARGE_DOCUMENT_CHARS = 256 * 1024;
const IDLE_MS = 30_000;

/** Shown on a large document, so a hover that does not come is explained. */
export function largeFileNote(): ConfigDiagnostic {
  return {
    severity: 'information', code: 'large-file', path: '', start: 0, end: 0,
    message: t('This file is over {0} K characters long: it is checked in the background, and hover, completion, quick fixes and port hints are off for it.', LARGE_DOCUMENT_CHARS / 1024),
  };
}

interface Waiting { id: number; uri: string; text: string; resolve: (d: ConfigDiagnostic[] | undefined) => void }

export class LargeDocumentChecks {
  private worker?: Worker;
  private nextId = 1;
  private running?: Waiting;
  private readonly queue: Waiting[] = [];
  private idle?: NodeJS.Timeout;

  /** `entry`: the server's own bundle, which runs as the worker when it is not the main thread; `start`: the schema
   *  and words in use, read each time a worker starts. */
  constructor(private readonly entry: string, private readonly start: () => WorkerStart, private readonly log: (m: string) => void) {}

  /** The document's own findings, or undefined when a newer text of the same document came first. */
  check(uri: string, text: string): Promise<ConfigDiagnostic[] | undefined> {
    for (const w of this.queue.filter((q) => q.uri === uri)) {
      this.queue.splice(this.queue.indexOf(w), 1);
      w.resolve(undefined);
    }
    if (this.running?.uri === uri) this.stopWorker();
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, uri, text, resolve });
      this.pump();
    });
  }

  /** The schema changed: later checks start a worker on the new one; one under way on the old schema is dropped. */
  restart(): void {
    this.stopWorker();
    this.pump();
  }

  /** The documents being checked or waiting, by uri. */
  checking(): string[] {
    return [...(this.running ? [this.running.uri] : []), ...this.queue.map((q) => q.uri)];
  }

  dispose(): void {
    this.stopWorker();
    for (const w of this.queue.splice(0)) w.resolve(undefined);
  }

  private pump(): void {
    if (this.running || !this.queue.length) return;
    clearTimeout(this.idle);
    const job = this.queue.shift()!;
    this.running = job;
    this.ensureWorker().postMessage({ id: job.id, text: job.text } satisfies CheckJob);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.entry, { workerData: this.start() });
    w.on('message', (a: CheckAnswer) => {
      const job = this.running;
      if (!job || job.id !== a.id) return;
      this.running = undefined;
      if ('error' in a) {
        this.log(`checking a large document failed: ${a.error}`);
        job.resolve([checkerFailed()]);
      } else job.resolve(a.diagnostics);
      this.afterJob();
    });
    w.on('error', (e) => {
      this.log(`the large-document checker stopped: ${e.stack ?? e}`);
      // A worker already replaced has no job of ours any more.
      if (this.worker !== w) return;
      this.worker = undefined;
      const job = this.running;
      this.running = undefined;
      job?.resolve([checkerFailed()]);
      this.afterJob();
    });
    w.unref();
    this.worker = w;
    return w;
  }

  private afterJob(): void {
    if (this.queue.length) return this.pump();
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stopWorker(), IDLE_MS);
    this.idle.unref();
  }

  private stopWorker(): void {
    const w = this.worker;
    this.worker = undefined;
    if (w) void w.terminate();
    const job = this.running;
    this.running = undefined;
    // Whoever stopped it supersedes the one it was checking: a newer text, or a new schema (which re-checks every document).
    job?.resolve(undefined);
  }
}
