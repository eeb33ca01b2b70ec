import { ImportError } from '../errors';
import type { ImportLimits } from '../limits';
import type { RawRow } from '../tabular/raw-row';
import { sniffDelimiter } from './sniff';
import { CsvTokenizer } from './tokenizer';

const sniffSampleChars = 65_536;

export interface CsvReadOptions {
  readonly delimiter?: string;
  readonly limits: ImportLimits;
  readonly batchRows: number;
  /** Receives the delimiter once it is known, before the first batch. */
  readonly onDelimiter?: (delimiter: string) => void;
}

/**
 * Reads CSV records from decoded text in batches of about `batchRows` rows. The delimiter is
 * sniffed from the first 64 KB of text unless given.
 */
export async function* readCsvRows(text: AsyncIterable<string>, options: CsvReadOptions): AsyncGenerator<RawRow[]> {
  const iterator = text[Symbol.asyncIterator]();
  const head: string[] = [];
  let headChars = 0;
  let ended = false;
  while (headChars < sniffSampleChars) {
    const next = await iterator.next();
    if (next.done === true) {
      ended = true;
      break;
    }
    head.push(next.value);
    headChars += next.value.length;
  }

  const delimiter = options.delimiter ?? sniffDelimiter(head.join('').slice(0, sniffSampleChars));
  options.onDelimiter?.(delimiter);

  const tokenizer = new CsvTokenizer(delimiter, options.limits);
  let batch: RawRow[] = [];
  let rows = 0;
  const onRecord = (cells: string[], number: number): void => {
    rows++;
    if (rows > options.limits.maxRows) {
      throw new ImportError('TOO_MANY_ROWS', `The file has more than ${options.limits.maxRows} rows: split it into smaller files.`);
    }
    batch.push({ number, cells });
  };

  for (const chunk of head) {
    tokenizer.push(chunk, onRecord);
    if (batch.length >= options.batchRows) {
      yield batch;
      batch = [];
    }
  }
  while (!ended) {
    const next = await iterator.next();
    if (next.done === true) break;
    tokenizer.push(next.value, onRecord);
    if (batch.length >= options.batchRows) {
      yield batch;
      batch = [];
    }
  }
  tokenizer.end(onRecord);
  if (batch.length > 0) yield batch;
}
