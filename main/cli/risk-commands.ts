import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isIsoDate } from '../../core/ledger/dates';
import { escapeSpreadsheetCell } from '../../core/import/index';
import { backtest } from '../../core/scoring/index';
import { loadSnapshot } from '../services/scoring/snapshot';
import { engineSettings, readRiskSettings } from '../services/scoring/settings';
import { readAppSettings } from '../services/settings-store';
import { unlockLedgerAt, type CliContext } from './context';
import type { OptionValues } from './customer-commands';
import { UsageError } from './secrets';

function option(options: OptionValues, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function dateOption(options: OptionValues, name: string): string | undefined {
  const value = option(options, name);
  if (value !== undefined && !isIsoDate(value)) throw new UsageError(`--${name} "${value}" is not a date: write it as YYYY-MM-DD.`);
  return value;
}

/** `scores --ledger PATH [--as-of DATE]`: scores every customer as of the date and lists them, riskiest first. */
export async function listScores(context: CliContext, options: OptionValues): Promise<void> {
  const asOf = dateOption(options, 'as-of');
  await unlockLedgerAt(context, option(options, 'ledger'));
  const summary = await context.services.scoring.rescoreAll(asOf);
  const rows = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await context.services.scoring.customers({ offset, limit: 1000 });
    rows.push(...page.items);
    if (page.items.length < 1000) break;
  }
  const details = [];
  for (const row of rows) details.push({ ...row, ...(await context.services.scoring.customerRisk(row.customerId)).risk });
  context.output(
    { asOf: summary.asOf, method: summary.method, customers: details.map((detail) => ({ customerId: detail.customerId, name: detail.name, externalRef: detail.externalRef, score: detail.score, band: detail.band, smaClass: detail.smaClass, suggestedAction: detail.suggestedAction, reasons: detail.reasons?.map((reason) => reason.text) ?? [], indicators: detail.indicators?.map((indicator) => ({ category: indicator.category, severity: indicator.severity, message: indicator.message })) ?? [] })) },
    [
      `Scores as of ${summary.asOf} (${summary.method}), ${rows.length} customers, riskiest first:`,
      ...details.flatMap((detail) => [
        `${String(detail.score).padStart(3)} ${detail.band}  ${detail.smaClass.padEnd(8)} ${detail.name}${detail.externalRef !== null && detail.externalRef !== detail.name ? ` (${detail.externalRef})` : ''}: ${detail.suggestedAction}`,
        ...(detail.reasons ?? []).map((reason) => `        - ${reason.text}`),
        ...(detail.indicators ?? []).map((indicator) => `        ! ${indicator.category}: ${indicator.message}`),
      ]),
    ],
  );
}

/**
 * `backtest --ledger PATH --split DATE --out FILE.csv`: for each invoice issued on or after the
 * split, the probability of late payment the engine gives on its issue day from what was known
 * then, written as CSV, and the AUC of those predictions.
 */
export async function runBacktest(context: CliContext, options: OptionValues): Promise<void> {
  const split = dateOption(options, 'split');
  const out = option(options, 'out');
  if (split === undefined) throw new UsageError('backtest needs --split YYYY-MM-DD.');
  if (out === undefined) throw new UsageError('backtest needs --out FILE.csv.');
  await unlockLedgerAt(context, option(options, 'ledger'));
  const { raw, db } = context.services.session.require().database;
  const settings = await readRiskSettings(db);
  const snapshot = loadSnapshot(raw, (await readAppSettings(db)).baseCurrency);
  const result = backtest(snapshot, split, engineSettings(settings));
  if (result.predictions.length === 0) {
    throw new UsageError(`No invoice in the ledger is dated on or after ${split}. Choose a split date between the first and the last invoice date.`);
  }
  const invoiceNumbers = new Map(snapshot.invoices.map((invoice) => [invoice.id, invoice.invoiceNumber]));
  const customerNames = new Map(snapshot.customers.map((customer) => [customer.id, customer.externalRef ?? customer.name]));
  const csv = ['invoice_number,customer,issue_date,predicted_late_probability,paid_late'];
  for (const prediction of result.predictions) {
    const cells = [invoiceNumbers.get(prediction.invoiceId) ?? '', customerNames.get(prediction.customerId) ?? '', prediction.issueDate, prediction.probability.toFixed(6), prediction.late === null ? '' : prediction.late ? '1' : '0'];
    csv.push(cells.map((cell) => csvCell(escapeSpreadsheetCell(cell))).join(','));
  }
  writeFileSync(resolve(out), `${csv.join('\r\n')}\r\n`);
  const auc = result.quality.auc;
  context.output(
    { split, predictions: result.predictions.length, auc, ks: result.quality.ks, brier: result.quality.brier, method: result.model.kind, out: resolve(out) },
    [`Backtest from ${split}: ${result.predictions.length} invoices, model ${result.model.kind}`, `AUC ${auc === null ? 'n/a' : auc.toFixed(4)}`, `Wrote ${resolve(out)}`],
  );
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
