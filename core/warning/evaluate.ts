import { toDayNumber, type IsoDate } from '../ledger/dates';
import { buildLedgerIndex, type LedgerIndex } from '../scoring/index/ledger-index';
import { WatchListMatcher, type WatchListEntry } from '../scoring/indicators/insolvency';
import { buildSmaTimeline } from '../scoring/sma';
import type { LedgerSnapshot, NpaThreshold } from '../scoring/types';
import { outstandingOn, type CustomerView } from './customer-view';
import { bureauDrop, bureauStale } from './rules/bureau';
import { bandDrop, smaWorsening } from './rules/classes';
import { brokenPromises, newDisputes, reversedPayments } from './rules/events';
import { creditLimit, exposureGrowth, paymentsShrinking } from './rules/exposure';
import { identityAndWatchList } from './rules/identity';
import { firstLatePayment, lateTrend, partialPayment } from './rules/payments';
import type { AlertSettings } from './settings';
import type { BureauReport, CustomerMemory, DayScore, Finding } from './types';

/** The ledger and everything else the rules read, fixed across the days one run evaluates. */
export interface WarningInputs {
  readonly snapshot: LedgerSnapshot;
  readonly settings: AlertSettings;
  /** Days after the due date within which a payment still counts as on time (the risk settings' grace days). */
  readonly graceDays: number;
  readonly npaThresholds: readonly NpaThreshold[];
  readonly bureauReports: readonly BureauReport[];
  readonly watchList: readonly WatchListEntry[];
}

export interface DayEvaluation {
  readonly date: IsoDate;
  readonly findings: readonly Finding[];
  /** New memory entries of the customers that had a score on the day. */
  readonly memory: ReadonlyMap<number, CustomerMemory>;
  readonly customersEvaluated: number;
}

/**
 * Evaluates every rule for every customer as of one day at a time. A day's result depends only
 * on the records dated up to that day, the scores of that day and the memory of earlier
 * evaluated days. It never reads a clock or the order records were added in. So a ledger
 * evaluated day by day as it grows gives the same findings as the finished ledger evaluated
 * over the same days.
 */
export class WarningEngine {
  private readonly reportsByCustomer = new Map<number, BureauReport[]>();
  private readonly firstIssueDay = new Map<number, number>();
  private readonly watchList: WatchListMatcher;
  readonly settings: AlertSettings;

  constructor(private readonly inputs: WarningInputs) {
    this.settings = inputs.settings;
    const sorted = [...inputs.bureauReports].sort((a, b) => a.reportDate.localeCompare(b.reportDate) || a.id - b.id);
    for (const report of sorted) {
      const list = this.reportsByCustomer.get(report.customerId);
      if (list === undefined) this.reportsByCustomer.set(report.customerId, [report]);
      else list.push(report);
    }
    for (const invoice of inputs.snapshot.invoices) {
      const day = toDayNumber(invoice.issueDate);
      const known = this.firstIssueDay.get(invoice.customerId);
      if (known === undefined || day < known) this.firstIssueDay.set(invoice.customerId, day);
    }
    this.watchList = new WatchListMatcher(inputs.watchList);
  }

  /**
   * Evaluates `date`. Events dated before `horizon` are history and raise nothing. `scores` are
   * the risk engine's scores as of `date`; without them the band-drop rule is skipped that day.
   */
  evaluateDay(date: IsoDate, horizon: IsoDate, scores: ReadonlyMap<number, DayScore> | null, memory: ReadonlyMap<number, CustomerMemory>): DayEvaluation {
    const index = buildLedgerIndex(this.inputs.snapshot, date);
    const horizonDay = toDayNumber(horizon);
    const findings: Finding[] = [];
    const newMemory = new Map<number, CustomerMemory>();
    let evaluated = 0;
    for (let customer = 0; customer < index.customers.length; customer++) {
      const customerId = index.customers[customer]!.id;
      const firstIssue = this.firstIssueDay.get(customerId);
      if (firstIssue !== undefined && firstIssue > index.asOfDay) continue;
      evaluated++;
      const view: CustomerView = {
        index, customer, customerId, day: index.asOfDay, date, horizonDay,
        settings: this.inputs.settings, graceDays: this.inputs.graceDays,
        bureauReports: this.reportsByCustomer.get(customerId) ?? [],
        score: scores?.get(customerId), memory: memory.get(customerId),
      };
      const band = this.evaluateCustomer(view, findings);
      if (band !== null) newMemory.set(customerId, nextMemory(view.memory, band));
    }
    return { date, findings, memory: newMemory, customersEvaluated: evaluated };
  }

  private evaluateCustomer(view: CustomerView, findings: Finding[]) {
    const rules = view.settings.rules;
    firstLatePayment(view, findings);
    lateTrend(view, findings);
    partialPayment(view, findings);
    paymentsShrinking(view, findings);
    brokenPromises(view, findings);
    newDisputes(view, findings);
    reversedPayments(view, findings);
    if (rules['sma-worsening'].enabled) smaWorsening(view, buildSmaTimeline(view.index, view.customer, this.inputs.npaThresholds), findings);
    const window = rules['exposure-growth'].windowDays;
    const [outstanding = 0, earlier = 0] = rules['exposure-growth'].enabled
      ? outstandingOn(view.index, view.customer, [view.day, view.day - window])
      : [openBalance(view.index, view.customer)];
    creditLimit(view, outstanding, findings);
    exposureGrowth(view, outstanding, earlier, findings);
    bureauDrop(view, findings);
    bureauStale(view, findings);
    identityAndWatchList(view, this.watchList, findings);
    return bandDrop(view, findings);
  }
}

function openBalance(index: LedgerIndex, customer: number): number {
  let total = 0;
  for (let invoice = index.invoiceStart[customer] ?? 0; invoice < (index.invoiceStart[customer + 1] ?? 0); invoice++) total += index.balance[invoice] ?? 0;
  return total;
}

/** Keeps the latest entry and the one of the day before it; a second evaluation of a day replaces that day's entry. */
function nextMemory(memory: CustomerMemory | undefined, latest: CustomerMemory['latest']): CustomerMemory {
  if (memory === undefined) return { latest, previous: null };
  if (memory.latest.day === latest.day) return { latest, previous: memory.previous };
  return { latest, previous: memory.latest };
}
