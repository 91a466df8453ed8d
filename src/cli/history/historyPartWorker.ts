/**
 * Worker-thread entry (compiled to build/src/cli/history/historyPartWorker.js): takes one
 * HistoryPartJob, posts progress while it reads, then one HistoryPartOutcome, its typed arrays
 * transferred rather than copied. See historyPartRunner.ts for the other side.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { setCliLang } from '../cliLang';
import { isLang } from '../../core/i18n/lang';
import { readHistoryPart, type HistoryPartJob, type HistoryPartOutcome, type PartProgress } from './readHistoryPart';

export interface PartJobMessage {
  readonly job: HistoryPartJob;
  readonly reportProgress: boolean;
}

export type PartWorkerMessage =
  | { readonly type: 'progress'; readonly bytesRead: number; readonly rows: number }
  | { readonly type: 'outcome'; readonly outcome: HistoryPartOutcome };

const port = parentPort;
const lang: unknown = (workerData as { lang?: unknown } | null)?.lang;
if (isLang(lang)) setCliLang(lang);
if (port) {
  port.once('message', (message: PartJobMessage) => {
    const post = (m: PartWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
    const onProgress = message.reportProgress ? (p: PartProgress) => post({ type: 'progress', ...p }) : undefined;
    void readHistoryPart(message.job, onProgress).then((outcome) => {
      const buffers = new Set<ArrayBuffer>();
      if (outcome.ok) {
        for (const source of outcome.state.sources) {
          for (const arrays of [source.convertedAt, source.stoppedAt, source.durations]) {
            for (const a of arrays) buffers.add(a.buffer as ArrayBuffer);
          }
        }
      }
      post({ type: 'outcome', outcome }, [...buffers]);
    });
  });
}
