import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ImportError, type ImportEvent, type ImportOptions } from '../../../core/import/index';
import type { ParseWorkerMessage } from './parse-worker-protocol';

/**
 * Heap limits of the parser thread. Parsing a million rows makes hundreds of megabytes of
 * short-lived strings. A small old generation makes V8 collect them early instead of letting the
 * process grow, and keeps a hostile file from taking the app's memory.
 */
const parserLimits = { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 32 };

/**
 * Returns the worker script: the built file next to the bundle, else a loader for the TypeScript
 * source, because the command line, browser mode and tests run from source through tsx.
 */
function workerScript(): { url: URL; execArgv: string[] } {
  const here = dirname(fileURLToPath(import.meta.url));
  const built = join(here, 'parse-worker.js');
  if (existsSync(built)) return { url: pathToFileURL(built), execArgv: [] };
  return { url: pathToFileURL(join(here, 'parse-worker-source.mjs')), execArgv: [] };
}

/**
 * Parses a file on a worker thread and yields its events, and finally resolves `sha256`. The
 * caller writes while the worker parses ahead, so both cores work on a large import.
 */
export function parseFileInWorker(path: string, options: ImportOptions): { events: AsyncIterable<ImportEvent>; sha256: () => string } {
  let digest = '';
  const events = (async function* () {
    const script = workerScript();
    const worker = new Worker(script.url, { workerData: { path, options }, resourceLimits: parserLimits, execArgv: script.execArgv });
    const queue: ParseWorkerMessage[] = [];
    let notify: (() => void) | null = null;
    let exitError: Error | null = null;
    worker.on('message', (message: ParseWorkerMessage) => {
      queue.push(message);
      notify?.();
    });
    worker.on('error', (error) => {
      exitError = error;
      notify?.();
    });
    worker.on('exit', (code) => {
      if (code !== 0 && exitError === null) exitError = new Error(`The import parser stopped with exit code ${code}.`);
      notify?.();
    });
    try {
      for (;;) {
        const message = queue.shift();
        if (message === undefined) {
          if (exitError !== null) throw translateWorkerError(exitError);
          await new Promise<void>((resolve) => (notify = resolve));
          notify = null;
          continue;
        }
        if (message.type === 'done') {
          digest = message.sha256;
          return;
        }
        if (message.type === 'import-error') throw new ImportError(message.code, message.message, message.detail);
        if (message.type === 'failed') throw new Error(`The import parser failed: ${message.message}`);
        yield message.event;
        if (message.event.type === 'batch') worker.postMessage({ type: 'ack' });
      }
    } finally {
      await worker.terminate();
    }
  })();
  return { events, sha256: () => digest };
}

function translateWorkerError(error: Error): Error {
  if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new ImportError('TOO_MANY_ROWS', 'The file needs more memory to read than an import may use. Split it into smaller files and import them one by one.');
  }
  return error;
}
