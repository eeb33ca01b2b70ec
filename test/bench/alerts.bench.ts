import { addDays } from '../../core/ledger/dates';
import type { Customer, Invoice, Payment, Allocation, Dispute } from '../../core/ledger/types';
import { scoreLedger, type LedgerSnapshot } from '../../core/scoring/index';
import { EpisodeBook, WarningEngine, evaluateDays, resolveAlertSettings, type CustomerMemory, type DayScore } from '../../core/warning/index';
import { medianMs, ratioLine, type BenchResult } from './harness';
import { seededRandom } from '../support/random';

const customerCount = 100_000;
const invoicesPerCustomer = 6;
const asOf = '2025-12-31';
const rounds = 3;


/**
 * Generates 100,000 customers with six invoices each over 2025 in memory: most paid, some late,
 * some partly paid, some disputed, a tenth with a credit limit. The last day's invoices and
 * payments are dated `asOf`, the day the benchmark evaluates, as after that day's import.
 */
function generateLedger(): LedgerSnapshot {
  const random = seededRandom(42);
  const customers: Customer[] = [];
  const invoices: Invoice[] = [];
  const payments: Payment[] = [];
  const allocations: Allocation[] = [];
  const disputes: Dispute[] = [];
  let nextId = 1;
  for (let customer = 1; customer <= customerCount; customer++) {
    customers.push({
      id: customer, externalRef: `C${customer}`, name: `Customer ${customer}`, gstin: null, pan: null, cin: null, address: null, segment: null,
      creditLimitMinor: customer % 10 === 0 ? 5_000_000 : null, creditLimitCurrency: customer % 10 === 0 ? 'INR' : null, paymentTermsDays: 30, contacts: [],
    });
    const lateness = random() < 0.7 ? 0.1 : 0.6;
    for (let number = 0; number < invoicesPerCustomer; number++) {
      const issue = addDays('2025-01-01', Math.floor(random() * 365));
      const due = addDays(issue, 30);
      const amount = 10_000 + Math.floor(random() * 5_000_000);
      const id = nextId++;
      invoices.push({ id, customerId: customer, invoiceNumber: `INV-${id}`, issueDate: issue, dueDate: due, amountMinor: amount, currency: 'INR', description: null });
      const paidOn = addDays(due, random() < lateness ? 1 + Math.floor(random() * 60) : -Math.floor(random() * 20));
      if (paidOn > asOf || random() < 0.1) continue;
      const paid = random() < 0.05 ? Math.floor(amount / 2) : amount;
      payments.push({ id, customerId: customer, paymentDate: paidOn, amountMinor: paid, currency: 'INR', reference: null, reversedOn: random() < 0.01 ? addDays(paidOn, 3) : null });
      allocations.push({ paymentId: id, invoiceId: id, amountMinor: paid });
      if (random() < 0.02) disputes.push({ id, invoiceId: id, openedOn: addDays(due, 5), resolvedOn: null });
    }
  }
  return { customers, invoices, payments, allocations, creditNotes: [], disputes, promises: [], settings: { baseCurrency: 'INR' } };
}

/**
 * Measures what the app does for alerts after a day's import: every rule for 100,000 customers
 * as of that day, folded into the episodes of the day before, against a full rescore of the same
 * ledger with `scoreLedger`, which runs right before it after every import.
 */
export async function alertsBench(): Promise<BenchResult> {
  const snapshot = generateLedger();
  const settings = resolveAlertSettings({});
  const inputs = { snapshot, settings, graceDays: 0, npaThresholds: [{ effectiveFrom: '1900-01-01', days: 90 }], bureauReports: [], watchList: [] };
  const scoresOn = (day: string) => new Map<number, DayScore>(scoreLedger(snapshot, day).customers.map((score) => [score.customerId, { score: score.score, band: score.band }]));
  const previousDay = addDays(asOf, -1);
  const yesterday = evaluateDays(new WarningEngine(inputs), new EpisodeBook(), { days: [previousDay], horizon: addDays(previousDay, -30), skippedDays: 0 }, scoresOn, new Map());
  const episodes = [...yesterday.outcomes.values()].map((outcome) => outcome.episode);
  const memory = new Map<number, CustomerMemory>(yesterday.memory);
  const todayScores = scoresOn(asOf);

  let alertCount = 0;
  const evaluateMs = await medianMs(rounds, () => {
    const book = new EpisodeBook(episodes);
    const run = evaluateDays(new WarningEngine(inputs), book, { days: [asOf], horizon: addDays(previousDay, -30), skippedDays: 0 }, () => todayScores, memory);
    alertCount = book.size;
    if (run.days.length !== 1) throw new Error('The evaluation skipped the day.');
  });
  const rescoreMs = await medianMs(rounds, () => {
    scoreLedger(snapshot, asOf);
  });
  return {
    name: 'alerts',
    lines: [
      `${customerCount.toLocaleString('en-IN')} customers, ${snapshot.invoices.length.toLocaleString('en-IN')} invoices in memory, ${alertCount.toLocaleString('en-IN')} alert episodes, median of ${rounds}`,
      ratioLine('every rule for one day vs full rescore (scoreLedger)', evaluateMs, rescoreMs, 1),
    ],
  };
}
