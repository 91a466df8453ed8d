/** Who reads the second part of a split CSV export: a worker thread (the point: a second core), or this thread (tests). */
import { cliLang } from '../cliLang';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PartJobMessage, PartWorkerMessage } from './historyPartWorker';
import { readHistoryPart, type HistoryPartJob, type HistoryPartOutcome, type PartProgress } from './readHistoryPart';

export interface PartRunner {
  /** Starts reading the part; the promise never rejects (a failure is `ok: false`). Called once. */
  run(job: HistoryPartJob, onProgress?: (progress: PartProgress) => void): Promise<HistoryPartOutcome>;
  /** The part is no longer wanted, or is done: stops it and frees its thread. */
  close(): void;
}

/**
 * The compiled worker next to this compiled module. Under ts-jest this module is the .ts
 * source and there is no .js beside it: no worker then (tests use inProcessPartRunner).
 */
const WORKER_FILE = join(__dirname, 'historyPartWorker.js');

/**
 * A worker thread, started at once so it boots while this thread reads the header; null when
 * the compiled worker file is not there.
 */
export function workerPartRunner(): PartRunner | null {
  if (!__filename.endsWith('.js') || !existsSync(WORKER_FILE)) return null;
  let worker: Worker;
  try {
    // The worker's own module state starts in English: it is told the run's language.
    worker = new Worker(WORKER_FILE, { workerData: { lang: cliLang() } });
  } catch {
    return null; // no thread to be had: one thread reads the file
  }
  let closed = false;
  return {
    run(job, onProgress) {
      return new Promise<HistoryPartOutcome>((resolve) => {
        const fail = (reason: string) => resolve({ ok: false, reason });
        worker.on('message', (message: PartWorkerMessage) => {
          if (message.type === 'progress') onProgress?.(message);
          else resolve(message.outcome);
        });
        worker.on('error', (error) => fail(error.message));
        worker.on('messageerror', (error) => fail(error.message));
        worker.on('exit', (code) => fail(`the worker exited (${code})`));
        worker.postMessage({ job, reportProgress: onProgress !== undefined } satisfies PartJobMessage);
      });
    },
    close() {
      if (closed) return;
      closed = true;
      void worker.terminate();
    },
  };
}

/** The same part, read on this thread, interleaved with the first part's reading: for tests of the split itself. */
export function inProcessPartRunner(): PartRunner {
  let closed = false;
  return {
    run: (job, onProgress) => readHistoryPart(job, onProgress, () => closed),
    close() {
      closed = true;
    },
  };
}
