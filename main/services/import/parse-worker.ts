import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { isImportError, readRecords, type ImportOptions } from '../../../core/import/index';
import type { ParseWorkerInput, ParseWorkerMessage } from './parse-worker-protocol';

/**
 * Parses one import file on a worker thread and posts its events to the main thread, which
 * writes them to the ledger meanwhile. At most `maxBatchesInFlight` batches wait unacknowledged,
 * so a slow writer holds the parser back instead of queueing the whole file in memory.
 */
const maxBatchesInFlight = 4;

async function run(input: ParseWorkerInput): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('The import parser must run on a worker thread.');
  let credits = maxBatchesInFlight;
  let wake: (() => void) | null = null;
  port.on('message', (message: { type: 'ack' }) => {
    if (message.type !== 'ack') return;
    credits += 1;
    wake?.();
    wake = null;
  });
  const post = (message: ParseWorkerMessage) => port.postMessage(message);

  const hash = createHash('sha256');
  async function* hashed(): AsyncIterable<Uint8Array> {
    for await (const chunk of createReadStream(input.path, { highWaterMark: 1024 * 1024 })) {
      hash.update(chunk as Buffer);
      yield chunk as Buffer;
    }
  }
  try {
    for await (const event of readRecords(hashed(), input.options as ImportOptions)) {
      if (event.type === 'batch') {
        while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
        credits -= 1;
      }
      post({ type: 'event', event });
    }
    post({ type: 'done', sha256: hash.digest('hex') });
  } catch (error) {
    if (isImportError(error)) post({ type: 'import-error', code: error.code, message: error.message, detail: { ...error.detail } });
    else post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

void run(workerData as ParseWorkerInput);
