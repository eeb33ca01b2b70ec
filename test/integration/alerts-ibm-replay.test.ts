import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, type IsoDate } from '../../core/ledger/dates';
import { scoreLedger, type LedgerSnapshot } from '../../core/scoring/index';
import { EpisodeBook, WarningEngine, evaluateDays, planEvaluation, resolveAlertSettings, type CustomerMemory, type DayScore, type Episode } from '../../core/warning/index';
import { sampleData, sampleDataPath } from '../support/sample-data';
import { loadIbmLedger } from '../unit/scoring/support/ibm-ledger';

const npaThresholds = [{ effectiveFrom: '1900-01-01', days: 90 }];

/** The ledger as a daily import would have built it by the end of `day`: only what was known then. */
function knownBy(final: LedgerSnapshot, day: IsoDate): LedgerSnapshot {
  const invoices = final.invoices.filter((invoice) => invoice.issueDate <= day);
  const customerIds = new Set(invoices.map((invoice) => invoice.customerId));
  const invoiceIds = new Set(invoices.map((invoice) => invoice.id));
  const payments = final.payments.filter((payment) => payment.paymentDate <= day).map((payment) => ({ ...payment, reversedOn: payment.reversedOn !== null && payment.reversedOn <= day ? payment.reversedOn : null }));
  const paymentIds = new Set(payments.map((payment) => payment.id));
  return {
    ...final,
    customers: final.customers.filter((customer) => customerIds.has(customer.id)),
    invoices,
    payments,
    allocations: final.allocations.filter((allocation) => paymentIds.has(allocation.paymentId) && invoiceIds.has(allocation.invoiceId)),
    disputes: final.disputes.filter((dispute) => dispute.openedOn <= day).map((dispute) => ({ ...dispute, resolvedOn: dispute.resolvedOn !== null && dispute.resolvedOn <= day ? dispute.resolvedOn : null })),
  };
}

function scoresOf(snapshot: LedgerSnapshot, day: IsoDate): Map<number, DayScore> {
  return new Map(scoreLedger(snapshot, day).customers.map((score) => [score.customerId, { score: score.score, band: score.band }]));
}

interface Mode {
  readonly snapshotOn: (day: IsoDate) => LedgerSnapshot;
  /** The days the app evaluates each time it runs: one run per day, or one first run and one catch-up. */
  readonly runs: readonly IsoDate[];
}

function replay(mode: Mode, withScores: boolean): Episode[] {
  const settings = resolveAlertSettings({ maxCatchUpDays: 3660 });
  const book = new EpisodeBook();
  let memory: ReadonlyMap<number, CustomerMemory> = new Map();
  let last: IsoDate | null = null;
  let horizon: IsoDate | null = null;
  for (const today of mode.runs) {
    const snapshot = mode.snapshotOn(today);
    const engine = new WarningEngine({ snapshot, settings, graceDays: 0, npaThresholds, bureauReports: [], watchList: [] });
    const plan = planEvaluation(last, horizon, today, settings);
    const result = evaluateDays(engine, book, plan, (day) => (withScores ? scoresOf(snapshot, day) : null), memory);
    memory = new Map([...memory, ...result.memory]);
    [last, horizon] = [today, plan.horizon];
  }
  return book.all().sort((a, b) => (a.key < b.key ? -1 : 1));
}

function everyDay(from: IsoDate, to: IsoDate): IsoDate[] {
  return Array.from({ length: daysBetween(from, to) + 1 }, (_, offset) => addDays(from, offset));
}

describe.skipIf(!sampleData.available)('IBM sample replayed day by day', () => {
  const final = loadIbmLedger(sampleDataPath('ibm-ar', 'WA_Fn-UseC_-Accounts-Receivable.csv'));

  it('matches the final ledger with catch-up, without scores', () => {
    const days = everyDay('2012-02-01', '2014-01-15');
    const daily = replay({ snapshotOn: (day) => knownBy(final, day), runs: days }, false);
    const caughtUp = replay({ snapshotOn: () => final, runs: [days[0]!, days.at(-1)!] }, false);
    expect(daily.length).toBeGreaterThan(100);
    expect(new Set(daily.map((episode) => episode.rule))).toEqual(new Set(['dispute-opened', 'exposure-growth', 'first-late-payment', 'late-trend', 'payments-shrinking', 'sma-worsening']));
    expect(caughtUp).toEqual(daily);
  });

  it('matches the final ledger with catch-up, with daily scores for band drops', () => {
    const days = everyDay('2013-06-01', '2013-09-30');
    const daily = replay({ snapshotOn: (day) => knownBy(final, day), runs: days }, true);
    const caughtUp = replay({ snapshotOn: () => final, runs: [days[0]!, days.at(-1)!] }, true);
    expect(daily.filter((episode) => episode.rule === 'band-drop').length).toBeGreaterThan(0);
    expect(caughtUp).toEqual(daily);
  });
});
