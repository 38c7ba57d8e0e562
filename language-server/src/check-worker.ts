// The other side of large-documents.ts: a worker thread that checks one large config text at a time against the
// schema it was started with, and answers with the file's own findings, already capped (one place left for the
// server's note on large files), so the answer is small.
import { parentPort, workerData } from 'node:worker_threads';
import type { JsonSchema } from './schema/json-schema';
import { schemaFromJson, type SchemaInUse } from './schema/in-use';
import { checkText } from './validate/check';
import { capDiagnostics, MAX_DIAGNOSTICS } from './validate/cap';
import { useBundle, type Bundle } from './l10n';
import type { ConfigDiagnostic } from './validate/diagnostic';

export interface WorkerStart { schema: { json: JsonSchema; source: SchemaInUse['source']; version: string; note?: string }; bundle?: Bundle }
export interface CheckJob { id: number; text: string }
export type CheckAnswer = { id: number; diagnostics: ConfigDiagnostic[] } | { id: number; error: string };

export function runCheckWorker(): void {
  const start = workerData as WorkerStart;
  useBundle(start.bundle);
  const schema = schemaFromJson(start.schema.json, start.schema.source, start.schema.version, start.schema.note);
  parentPort!.on('message', (job: CheckJob) => {
    let answer: CheckAnswer;
    try {
      answer = { id: job.id, diagnostics: capDiagnostics(checkText(job.text, schema).diagnostics, MAX_DIAGNOSTICS - 1) };
    } catch (e) {
      answer = { id: job.id, error: (e as Error).stack ?? String(e) };
    }
    parentPort!.postMessage(answer);
  });
}
