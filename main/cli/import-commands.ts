import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseImportMapping } from '../../core/import/mapping/mapping';
import { unlockLedgerAt, type CliContext } from './context';
import type { OptionValues } from './customer-commands';
import { UsageError } from './secrets';

function option(options: OptionValues, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * `import FILE --ledger PATH [--preset NAME] [--mapping FILE] [--dry-run]`: imports one file in one
 * transaction, or with --dry-run computes the same counts and problems and writes nothing.
 */
export async function importFile(context: CliContext, positionals: string[], options: OptionValues): Promise<number> {
  const file = positionals[0];
  if (file === undefined) throw new UsageError('import needs the FILE to import.');
  const mappingPath = option(options, 'mapping');
  let mapping;
  if (mappingPath !== undefined) {
    let text: string;
    try {
      text = readFileSync(resolve(mappingPath), 'utf8');
    } catch {
      throw new UsageError(`Cannot read the mapping file ${resolve(mappingPath)}.`);
    }
    try {
      mapping = parseImportMapping(JSON.parse(text));
    } catch (error) {
      throw new UsageError(`The mapping file ${resolve(mappingPath)} is invalid: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const currency = option(options, 'currency');
  const terms = option(options, 'terms');
  if (terms !== undefined && !/^\d+$/.test(terms)) throw new UsageError(`--terms "${terms}" is not a whole number of days.`);
  await unlockLedgerAt(context, option(options, 'ledger'));

  const dryRun = options['dry-run'] === true;
  const result = await context.services.imports.importPath(resolve(file), {
    ...(option(options, 'preset') === undefined ? {} : { preset: option(options, 'preset') }),
    ...(mapping === undefined ? {} : { mapping }),
    ...(currency === undefined ? {} : { defaultCurrency: currency.toUpperCase() }),
    ...(terms === undefined ? {} : { defaultTermsDays: Number(terms) }),
  }, dryRun);

  const { changes, problems, stats, header } = result;
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const summary = {
    file: result.file.fileName,
    dryRun,
    importId: dryRun ? null : result.importId,
    format: header?.format ?? null,
    preset: header?.preset ?? null,
    rowsRead: stats?.rowsRead ?? 0,
    changes,
    problems,
    ambiguousDateColumns: result.ambiguousDateColumns,
  };
  const count = (entity: 'customers' | 'invoices' | 'payments') => `${changes[entity].new} new, ${changes[entity].updated} updated, ${changes[entity].unchanged} unchanged`;
  context.output(summary, [
    `${dryRun ? 'Dry run (nothing written)' : `Imported as import ${result.importId}`}: ${result.file.fileName} (${header?.format ?? '?'}, preset ${header?.preset ?? '?'}, ${stats?.rowsRead ?? 0} rows)`,
    `Customers  ${count('customers')}`,
    `Invoices   ${count('invoices')}`,
    `Payments   ${count('payments')}`,
    ...(result.ambiguousDateColumns.length > 0 ? [`Date order unknown in ${result.ambiguousDateColumns.join(', ')}: pass a --mapping with dateOrder set.`] : []),
    ...problems.map((problem) => `${problem.severity === 'error' ? 'error' : 'warning'}: row ${problem.row ?? '-'}${problem.column === null ? '' : `, ${problem.column}`}${problem.value === null ? '' : ` "${problem.value}"`}: ${problem.reason}`),
  ]);
  return errors > 0 || result.ambiguousDateColumns.length > 0 ? 1 : 0;
}
