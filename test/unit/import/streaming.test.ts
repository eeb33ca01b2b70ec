import { describe, expect, it } from 'vitest';
import { parseImport, readRecords, type ImportEvent } from '../../../core/import';

const header = 'Invoice No,Customer,Invoice Date,Due Date,Amount\n';

function row(index: number): string {
  return `INV-${index},Customer ${index % 50},2024-04-01,2024-05-01,${index}.25\n`;
}

/** Yields a generated CSV in chunks and counts the chunks read so far. */
function source(rows: number, rowsPerChunk: number): { chunks: AsyncGenerator<Uint8Array>; chunksRead: () => number } {
  let chunksRead = 0;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    const encoder = new TextEncoder();
    yield encoder.encode(header);
    for (let start = 0; start < rows; start += rowsPerChunk) {
      chunksRead++;
      let text = '';
      for (let index = start; index < Math.min(rows, start + rowsPerChunk); index++) text += row(index);
      yield encoder.encode(text);
    }
  }
  return { chunks: chunks(), chunksRead: () => chunksRead };
}

describe('readRecords streaming', () => {
  it('emits header, bounded batches and a summary', async () => {
    const events: ImportEvent[] = [];
    for await (const event of readRecords(source(50_000, 1_000).chunks, { batchRows: 1_000 })) events.push(event);
    expect(events[0]?.type).toBe('header');
    expect(events.at(-1)?.type).toBe('summary');
    const batches = events.flatMap((event) => (event.type === 'batch' ? [event.batch] : []));
    expect(Math.max(...batches.map((batch) => batch.invoices.length))).toBeLessThanOrEqual(1_000);
    expect(batches.reduce((sum, batch) => sum + batch.invoices.length, 0)).toBe(50_000);
    expect(batches.reduce((sum, batch) => sum + batch.customers.length, 0)).toBe(50);
  });

  it('yields drafts before the whole file is read', async () => {
    const generated = source(60_000, 500);
    let chunksAtFirstBatch = -1;
    for await (const event of readRecords(generated.chunks, { batchRows: 500 })) {
      if (event.type === 'batch' && event.batch.invoices.length > 0 && chunksAtFirstBatch === -1) chunksAtFirstBatch = generated.chunksRead();
    }
    expect(chunksAtFirstBatch).toBeGreaterThan(0);
    expect(chunksAtFirstBatch).toBeLessThan(generated.chunksRead());
  });

  it('matches parseImport', async () => {
    const streamed: number[] = [];
    for await (const event of readRecords(source(5_000, 333).chunks)) {
      if (event.type === 'batch') streamed.push(...event.batch.invoices.map((invoice) => invoice.amountMinor));
    }
    const parsed = await parseImport(source(5_000, 5_000).chunks);
    expect(streamed).toEqual(parsed.invoices.map((invoice) => invoice.amountMinor));
    expect(parsed.invoices[4_999]?.amountMinor).toBe(499_925);
  });
});
