import { DraftCollector } from '../build/collector';
import { createTermsLookup, type TermsLookup } from '../build/terms';
import { ImportError } from '../errors';
import type { ImportLimits } from '../limits';
import type { ImportMapping } from '../mapping/mapping';
import type { ImportEvent, ImportHeader } from '../types';
import { readDate } from '../values/dates';
import { chooseHeader, type ChosenHeader } from './choose-header';
import { ColumnSet } from './columns';
import { DateColumns, type DateColumnOutcome } from './date-columns';
import type { InvoiceSettings } from './invoice-draft';
import { readInvoiceRow } from './invoice-rows';
import { readOnAccountRow, readOpenItemRow } from './open-item-rows';
import { readPaymentRow } from './payment-rows';
import type { RawRow } from './raw-row';
import { RowCells, type TableContext } from './row-cells';
import { classifyRow } from './row-kinds';
import { readReportTitle } from './titles';

export interface TabularOptions {
  readonly mapping?: ImportMapping;
  readonly preset?: string;
  readonly defaultCurrency: string;
  readonly defaultTermsDays?: number;
  readonly decimalSeparator?: '.' | ',';
  readonly termsByCustomer?: Readonly<Record<string, number>>;
  readonly limits: ImportLimits;
  readonly batchRows: number;
}

/** Data rows read before the day/month order of each date column is fixed. */
const dateEvidenceRows = 20_000;
const dateFields = ['issueDate', 'dueDate', 'paymentDate'] as const;

async function bufferHead(batches: AsyncIterator<RawRow[]>, minimum: number): Promise<{ rows: RawRow[]; ended: boolean }> {
  const rows: RawRow[] = [];
  while (rows.length < minimum) {
    const next = await batches.next();
    if (next.done === true) return { rows, ended: true };
    for (const row of next.value) rows.push(row);
  }
  return { rows, ended: false };
}

/** Reads state that changes from row to row: the party named by the last party-name row. */
interface Reader {
  readonly context: TableContext;
  readonly settings: InvoiceSettings;
  readonly terms: TermsLookup;
  party: string | null;
}

function readRow(reader: Reader, row: RawRow): void {
  const { context } = reader;
  const { collector, columns, mapping } = context;
  collector.stats.rowsRead++;
  const kind = classifyRow(row, columns, mapping.layout);
  if (kind.kind === 'party') reader.party = kind.name;
  if (kind.kind !== 'data' && kind.kind !== 'on-account') {
    collector.stats.rowsSkipped++;
    return;
  }

  const cells = new RowCells(row, context);
  if (kind.kind === 'on-account') readOnAccountRow(cells, context, reader.party, reader.terms);
  else if (mapping.layout === 'invoices') readInvoiceRow(cells, context, reader.settings, reader.terms);
  else if (mapping.layout === 'payments') readPaymentRow(cells, context, reader.terms);
  else readOpenItemRow(cells, context, reader.settings, reader.party, reader.terms);
}

function observeDates(context: TableContext, row: RawRow): void {
  for (const field of dateFields) {
    const header = context.columns.header(field);
    if (header !== null) context.dates.observe(header, readDate(context.columns.raw(row.cells, field)));
  }
}

/** Sets up columns, date orders, the collector and the report title for reading data rows. */
function createReader(chosen: ChosenHeader, mapping: ImportMapping, head: readonly RawRow[], options: TabularOptions): Reader {
  const columns = new ColumnSet(chosen.headers, mapping);
  const dateHeaders = dateFields.map((field) => columns.header(field)).filter((header) => header !== null);
  const context: TableContext = {
    mapping,
    columns,
    dates: new DateColumns(dateHeaders, mapping.dateOrder),
    collector: new DraftCollector(options.limits, mapping.linesRepeatInvoice),
  };
  const title = readReportTitle(head.slice(0, chosen.headerIndex + 1 - mapping.headerRowCount));
  context.collector.stats.rowsRead += chosen.headerIndex + 1;
  context.collector.stats.rowsSkipped += chosen.headerIndex + 1;
  return {
    context,
    settings: { defaultTermsDays: mapping.defaultTermsDays, reportDate: title.reportDate },
    terms: createTermsLookup(options.termsByCustomer),
    party: title.ledgerName,
  };
}

/**
 * Turns rows of a CSV file or sheet into import events: finds the header and preset, buffers the
 * first rows to decide each date column's day/month order, then reads every row into drafts.
 */
export async function* readTabular(
  batches: AsyncIterable<RawRow[]>,
  options: TabularOptions,
  describe: Omit<ImportHeader, 'preset' | 'mapping' | 'columns'>,
): AsyncGenerator<ImportEvent> {
  const iterator = batches[Symbol.asyncIterator]();
  const head = await bufferHead(iterator, dateEvidenceRows);
  if (!head.rows.some((row) => row.cells.some((cell) => cell.trim() !== ''))) {
    throw new ImportError('EMPTY_FILE', 'The file has no rows with data: export the ledger again.');
  }

  const chosen = chooseHeader(head.rows, options);
  const mapping: ImportMapping =
    options.mapping !== undefined
      ? chosen.mapping
      : { ...chosen.mapping, defaultTermsDays: options.defaultTermsDays ?? null, decimalSeparator: options.decimalSeparator ?? '.' };
  const dataRows = head.rows.slice(chosen.headerIndex + 1);
  if (head.ended && !dataRows.some((row) => row.cells.some((cell) => cell.trim() !== ''))) {
    throw new ImportError('HEADER_ONLY', 'The file has a header row but no data rows: export the ledger again with its entries.');
  }
  yield { type: 'header', header: { ...describe, preset: chosen.preset, mapping, columns: chosen.headers } };

  const reader = createReader(chosen, mapping, head.rows, options);
  const { context } = reader;
  for (const row of dataRows) observeDates(context, row);
  context.dates.freeze();
  for (let start = 0; start < dataRows.length; start += options.batchRows) {
    for (const row of dataRows.slice(start, start + options.batchRows)) readRow(reader, row);
    yield { type: 'batch', batch: context.collector.takeBatch() };
  }

  while (!head.ended) {
    const next = await iterator.next();
    if (next.done === true) break;
    for (const row of next.value) {
      observeDates(context, row);
      readRow(reader, row);
    }
    yield { type: 'batch', batch: context.collector.takeBatch() };
  }

  const { ambiguous, decided } = reportDateOrders(context);
  yield { type: 'batch', batch: context.collector.takeBatch() };
  yield { type: 'summary', stats: { ...context.collector.stats }, ambiguousDateColumns: ambiguous, dateOrder: decided };
}

function reportDateOrders(context: TableContext): DateColumnOutcome {
  const outcome = context.dates.finish();
  for (const header of outcome.ambiguous) {
    context.collector.problem({
      row: null,
      column: header,
      value: null,
      code: 'ambiguous-date-order',
      severity: 'error',
      reason: `Dates in column "${header}" fit both DD/MM/YYYY and MM/DD/YYYY, so the day/month order is unknown: choose the order for this column and import again.`,
    });
  }
  for (const { header, order } of outcome.conflicting) {
    context.collector.problem({
      row: null,
      column: header,
      value: null,
      code: 'mixed-date-order',
      severity: 'warning',
      reason: `Column "${header}" mixes DD/MM and MM/DD dates. It was read as ${order === 'DMY' ? 'DD/MM/YYYY' : 'MM/DD/YYYY'}, and rows that do not fit were left out.`,
    });
  }
  return outcome;
}
