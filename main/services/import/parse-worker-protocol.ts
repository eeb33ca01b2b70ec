import type { ImportErrorCode, ImportEvent, ImportOptions } from '../../../core/import/index';

export interface ParseWorkerInput {
  readonly path: string;
  readonly options: ImportOptions;
}

/** Messages from the parser thread: import events, then `done` with the file's SHA-256, or an error. */
export type ParseWorkerMessage =
  | { readonly type: 'event'; readonly event: ImportEvent }
  | { readonly type: 'done'; readonly sha256: string }
  | { readonly type: 'import-error'; readonly code: ImportErrorCode; readonly message: string; readonly detail: Record<string, string | number> }
  | { readonly type: 'failed'; readonly message: string };
