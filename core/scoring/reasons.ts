import type { CustomerAnalytics } from './analytics/customer';
import { featureNames, type FeatureName } from './features';
import { historyColumnCount, historyColumns as h } from './history';
import { sigmoid, type LogisticModel } from './logistic';
import type { ScorecardInput, ScorecardLine } from './scorecard';

/** A fact that moves a customer's score, in plain words with its numbers. */
export interface Reason {
  /** The model feature or scorecard characteristic behind the reason. */
  readonly code: FeatureName | keyof ScorecardInput;
  readonly text: string;
  readonly direction: 'raises' | 'lowers';
  /**
   * Score points the fact adds (positive) or takes off (negative). For the model it is the
   * change when the feature is set to its training mean, for the scorecard the points of its bin.
   */
  readonly impactPoints: number;
}

/** Inputs that the reason texts quote: analytics at the as-of date and history rows now and a quarter earlier. */
export interface ReasonFacts {
  readonly analytics: CustomerAnalytics;
  /** Two history rows: `quarterAgoRow` as of 91 days before the as-of date and `nowRow` as of the as-of date. */
  readonly history: ArrayLike<number>;
  /** Amount of the invoice being scored divided by the customer's mean invoice, or null for a typical one. */
  readonly amountRatio: number | null;
}

export const quarterAgoRow = 0;
export const nowRow = 1;

export interface ReasonLimits {
  readonly minReasons: number;
  readonly maxReasons: number;
}

/** Reasons for a model score, largest effect first. Only features that the model uses can appear. */
export function modelReasons(model: LogisticModel, features: ArrayLike<number>, facts: ReasonFacts, limits: ReasonLimits): Reason[] {
  let logOdds = model.intercept;
  const contributions = new Array<number>(featureNames.length).fill(0);
  featureNames.forEach((_, i) => {
    const scale = model.scales[i] ?? 0;
    contributions[i] = scale === 0 ? 0 : (model.weights[i] ?? 0) * (((features[i] ?? 0) - (model.means[i] ?? 0)) / scale);
    logOdds += contributions[i] ?? 0;
  });
  const probability = sigmoid(logOdds);
  const candidates: Reason[] = [];
  featureNames.forEach((feature, i) => {
    if ((model.scales[i] ?? 0) === 0 || (model.weights[i] ?? 0) === 0) return;
    if (feature === 'amountRatio' && facts.amountRatio === null) return;
    const impactPoints = 100 * (probability - sigmoid(logOdds - (contributions[i] ?? 0)));
    const direction = impactPoints >= 0 ? 'raises' : 'lowers';
    candidates.push({ code: feature, text: describe(feature, direction, facts), direction, impactPoints });
  });
  return selectReasons(mergeSameText(candidates), limits);
}

/** Reasons for a scorecard score: characteristics that added points, then the weightiest ones that added none. */
export function scorecardReasons(lines: readonly ScorecardLine[], facts: ReasonFacts, limits: ReasonLimits): Reason[] {
  const raising = lines.filter((line) => line.points > 0).sort((a, b) => b.points - a.points);
  const holding = lines.filter((line) => line.points === 0 && line.maxPoints > 0 && line.value !== null).sort((a, b) => b.maxPoints - a.maxPoints);
  const reasons = [...raising, ...holding].map((line): Reason => {
    const direction = line.points > 0 ? 'raises' : 'lowers';
    return { code: line.characteristic.key, text: describe(line.characteristic.key, direction, facts), direction, impactPoints: line.points };
  });
  const reasonCount = Math.max(limits.minReasons, Math.min(limits.maxReasons, raising.length));
  return reasons.slice(0, reasonCount);
}

/** Keeps reasons of at least half a point, largest first, padded to the minimum with smaller ones. */
function selectReasons(candidates: Reason[], limits: ReasonLimits): Reason[] {
  const sorted = candidates.sort((a, b) => Math.abs(b.impactPoints) - Math.abs(a.impactPoints));
  const material = sorted.filter((reason) => Math.abs(reason.impactPoints) >= 0.5).length;
  const seen = new Set<string>();
  const unique: Reason[] = [];
  for (const reason of sorted) {
    if (seen.has(reason.text)) continue;
    seen.add(reason.text);
    unique.push(reason);
  }
  return unique.slice(0, Math.min(limits.maxReasons, Math.max(limits.minReasons, material)));
}

/** The one reason a customer without paid invoices gets for all payment-history features together. */
const noHistoryText = 'no invoices paid yet, so the score rests on how the ledger\'s customers usually pay';

/**
 * Folds the reasons that describe the same missing payment history into one, with their points
 * added up, so a new customer does not read "no invoices paid yet" as raising and lowering it.
 */
function mergeSameText(candidates: Reason[]): Reason[] {
  const byText = new Map<string, Reason>();
  for (const reason of candidates) {
    const earlier = byText.get(reason.text);
    if (earlier === undefined) {
      byText.set(reason.text, reason);
      continue;
    }
    const impactPoints = earlier.impactPoints + reason.impactPoints;
    byText.set(reason.text, { ...earlier, impactPoints, direction: impactPoints >= 0 ? 'raises' : 'lowers' });
  }
  return [...byText.values()];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function describe(code: Reason['code'], direction: Reason['direction'], facts: ReasonFacts): string {
  const a = facts.analytics;
  switch (code) {
    case 'lateShare':
      if (a.payments.paidInvoiceCount === 0) return noHistoryText;
      return a.payments.latePaidInvoiceCount === 0 ? `paid all ${plural(a.payments.paidInvoiceCount, 'invoice')} on time` : `paid ${a.payments.latePaidInvoiceCount} of ${plural(a.payments.paidInvoiceCount, 'invoice')} late`;
    case 'recentLateShare':
      if (a.payments.recentPaidCount === 0) return noHistoryText;
      return a.payments.recentLateCount === 0 ? `paid the last ${plural(a.payments.recentPaidCount, 'invoice')} on time` : `paid ${a.payments.recentLateCount} of the last ${plural(a.payments.recentPaidCount, 'invoice')} late`;
    case 'paidCount':
    case 'paidInvoices':
      if (a.payments.paidInvoiceCount === 0) return noHistoryText;
      return direction === 'raises' ? `only ${plural(a.payments.paidInvoiceCount, 'invoice')} paid so far` : `${plural(a.payments.paidInvoiceCount, 'invoice')} paid so far`;
    case 'daysLate':
    case 'daysBeyondTerms':
      return daysBeyondTermsText(facts);
    case 'recentDaysLate':
      if (a.payments.recentPaidCount === 0) return noHistoryText;
      return `the last ${plural(a.payments.recentPaidCount, 'paid invoice')} averaged ${Math.round(row(facts, nowRow, h.recentDaysLate))} days beyond terms`;
    case 'timing':
      return timingText(row(facts, nowRow, h.timing), 'pays');
    case 'recentTiming':
      if (a.payments.recentPaidCount === 0) return noHistoryText;
      return timingText(row(facts, nowRow, h.recentTiming), `paid the last ${plural(a.payments.recentPaidCount, 'invoice')}`);
    case 'amountRatio':
      return `this invoice is ${(facts.amountRatio ?? 1).toFixed(1)} times the customer's average invoice`;
    case 'disputeShare':
    case 'openDisputes':
      return disputeText(a);
    case 'openOverdue':
      return a.overdueInvoiceCount === 0 ? 'no invoices overdue now' : `${plural(a.overdueInvoiceCount, 'invoice')} overdue now`;
    case 'oldestOverdueDays':
    case 'daysPastDue':
      return a.daysPastDue === 0 ? 'nothing overdue now' : `oldest unpaid invoice ${plural(a.daysPastDue, 'day')} past due`;
    case 'brokenPromises':
      return a.promises.broken === 0 ? 'no broken promises to pay' : `broke ${a.promises.broken} of ${plural(a.promises.made, 'promise')} to pay`;
    case 'bouncedPayments':
      return a.bouncedPayments === 0 ? 'no payments reversed or bounced' : `${plural(a.bouncedPayments, 'payment')} reversed or bounced`;
    case 'limitUtilisation':
      return a.credit.utilisation === null ? 'no credit limit set' : `exposure at ${Math.round(a.credit.utilisation * 100)}% of the credit limit`;
  }
}

function row(facts: ReasonFacts, position: number, column: number): number {
  return facts.history[position * historyColumnCount + column] ?? 0;
}

function daysBeyondTermsText(facts: ReasonFacts): string {
  if (facts.analytics.payments.paidInvoiceCount === 0) return noHistoryText;
  const now = Math.round(row(facts, nowRow, h.daysLate));
  const text = `average ${plural(now, 'day')} beyond terms`;
  if (row(facts, quarterAgoRow, h.paid) === 0) return text;
  const before = Math.round(row(facts, quarterAgoRow, h.daysLate));
  if (before === now) return `${text}, the same as a quarter ago`;
  return `${text}, ${now > before ? 'up' : 'down'} from ${before} a quarter ago`;
}

function timingText(days: number, subject: string): string {
  const rounded = Math.round(days);
  if (rounded === 0) return `${subject} on the due date on average`;
  return `${subject} on average ${plural(Math.abs(rounded), 'day')} ${rounded > 0 ? 'after' : 'before'} the due date`;
}

function disputeText(a: CustomerAnalytics): string {
  if (a.disputes.onRecord === 0) return 'no disputes raised';
  if (a.disputes.open === 0) return `${plural(a.disputes.onRecord, 'dispute')} raised, none open`;
  return `${plural(a.disputes.open, 'open dispute')} (${a.disputes.onRecord} raised in all)`;
}
