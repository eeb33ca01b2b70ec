import { readRecords } from './read-records';
import { emptyStats } from './build/problems';
import type { CustomerDraft, ImportHeader, ImportOptions, ImportSource, ParsedImport } from './types';

/**
 * Reads a whole import into memory: the convenience form of `readRecords` for previews and files
 * that fit in memory. Customers sent again with added fields replace their earlier drafts, and the
 * mapping includes the day/month orders decided from the values.
 */
export async function parseImport(source: ImportSource, options: ImportOptions = {}): Promise<ParsedImport> {
  let header: ImportHeader | null = null;
  const customers = new Map<string, CustomerDraft>();
  const result = {
    invoices: [] as ParsedImport['invoices'],
    payments: [] as ParsedImport['payments'],
    allocations: [] as ParsedImport['allocations'],
    problems: [] as ParsedImport['problems'],
    stats: emptyStats(),
    ambiguousDateColumns: [] as readonly string[],
  };
  let dateOrder: Readonly<Record<string, 'DMY' | 'MDY'>> = {};

  for await (const event of readRecords(source, options)) {
    if (event.type === 'header') {
      header = event.header;
    } else if (event.type === 'batch') {
      for (const customer of event.batch.customers) customers.set(customer.key, customer);
      result.invoices.push(...event.batch.invoices);
      result.payments.push(...event.batch.payments);
      result.allocations.push(...event.batch.allocations);
      result.problems.push(...event.batch.problems);
    } else {
      result.stats = event.stats;
      result.ambiguousDateColumns = event.ambiguousDateColumns;
      dateOrder = event.dateOrder;
    }
  }

  const mapping = header?.mapping ?? null;
  return {
    format: header?.format ?? 'csv',
    preset: header?.preset ?? '',
    mapping: mapping === null ? null : { ...mapping, dateOrder: { ...dateOrder, ...mapping.dateOrder } },
    encoding: header?.encoding ?? '',
    sheetName: header?.sheetName ?? null,
    customers: [...customers.values()],
    ...result,
  };
}
