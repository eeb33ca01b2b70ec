import { quarterDays } from './analytics/behaviour';
import { customerAnalytics, type CustomerAnalytics } from './analytics/customer';
import type { ScoringContext } from './context';
import { featureCount, writeFeatures } from './features';
import { historyColumnCount, sweepHistory, historyColumns as h } from './history';
import { contactChangeIndicators, newCustomerIndicators, sharedIdentifierIndicators } from './indicators/fraud';
import { identityIndicators } from './indicators/identity';
import type { Indicator } from './indicators/indicator';
import { delinquencyIndicators, watchListIndicators } from './indicators/insolvency';
import type { LedgerIndex } from './index/ledger-index';
import { logOdds, sigmoid } from './logistic';
import { bandForScore, decideAction, policyFor } from './policy';
import { modelReasons, nowRow, scorecardReasons, type Reason, type ReasonFacts } from './reasons';
import { applyScorecard } from './scorecard';
import { buildSmaTimeline, daysPastDueOnDay, smaClassOnDay, smaClassSince, smaTransitionsFromDay, type SmaTimeline, type SmaTransition } from './sma';
import type { IsoDate } from '../ledger/dates';
import type { Band, SmaClass, SuggestedAction } from './types';

export interface SmaStatus {
  readonly smaClass: SmaClass;
  /** Days past due by the RBI day-end count: an amount due on the as-of date and unpaid is 1 day past due. */
  readonly daysPastDue: number;
  /** First day of the current class, or null when the borrower was never out of standard. */
  readonly since: IsoDate | null;
  /** Class changes after the as-of date if nothing more is paid; the full history comes from `buildSmaTimeline`. */
  readonly upcoming: readonly SmaTransition[];
}

export interface CustomerScore {
  readonly customerId: number;
  readonly segment: string | null;
  /** 'logistic' when the fitted model scored the customer, 'scorecard' when the ledger had too little history. */
  readonly method: 'logistic' | 'scorecard';
  /** 0-100, higher is riskier: round(100 × probability). */
  readonly score: number;
  readonly band: Band;
  /** Probability that the customer pays its next invoice after the due date and grace days. */
  readonly probability: number;
  readonly reasons: readonly Reason[];
  readonly analytics: CustomerAnalytics;
  readonly smaClass: SmaClass;
  readonly sma: SmaStatus;
  readonly indicators: readonly Indicator[];
  readonly suggestedAction: SuggestedAction;
  readonly actionBasis: readonly string[];
}

/**
 * Scores customer position `customer` of the index. `proposedInvoiceMinor` scores an order being
 * considered, in base-currency minor units. NaN scores a typical invoice of the customer.
 */
export function scoreIndexedCustomer(index: LedgerIndex, customer: number, context: ScoringContext, proposedInvoiceMinor = Number.NaN): CustomerScore {
  const { settings } = context;
  const record = index.customers[customer]!;
  const analytics = customerAnalytics(index, customer, context);
  const timeline = buildSmaTimeline(index, customer, settings.npaThresholds);
  const smaClass = smaClassOnDay(timeline, index.asOfDay);
  const risk = estimateRisk(index, customer, context, analytics, proposedInvoiceMinor);

  const indicators = customerIndicators(index, customer, context, timeline);
  const policy = policyFor(record.segment, settings);
  const score = Math.round(100 * risk.probability);
  const band = bandForScore(score, policy.bandCutoffs);
  const decision = decideAction(band, policy, smaClass, analytics, indicators);
  return {
    customerId: record.id,
    segment: record.segment,
    method: context.model.kind,
    score,
    band,
    probability: risk.probability,
    reasons: risk.reasons,
    analytics,
    smaClass,
    sma: {
      smaClass,
      daysPastDue: daysPastDueOnDay(timeline, index.asOfDay),
      since: smaClassSince(timeline),
      upcoming: smaTransitionsFromDay(timeline, index.asOfDay + 1),
    },
    indicators,
    suggestedAction: decision.action,
    actionBasis: decision.basis,
  };
}

interface RiskEstimate {
  readonly probability: number;
  readonly reasons: Reason[];
}

/** Estimates the late-payment probability with the fitted model, or with the scorecard when there is none. */
function estimateRisk(index: LedgerIndex, customer: number, context: ScoringContext, analytics: CustomerAnalytics, proposedInvoiceMinor: number): RiskEstimate {
  const { settings, model } = context;
  const history = new Array<number>(2 * historyColumnCount).fill(0);
  const queryDays = [index.asOfDay + 1 - quarterDays, index.asOfDay + 1];
  sweepHistory(index, customer, queryDays, settings.graceDays, settings.model.recentInvoiceCount, history);
  const meanAmount = history[nowRow * historyColumnCount + h.meanAmount] ?? 0;
  const amountRatio = Number.isNaN(proposedInvoiceMinor) || meanAmount <= 0 ? null : proposedInvoiceMinor / meanAmount;
  const facts: ReasonFacts = { analytics, history, amountRatio };
  const limits = { minReasons: settings.minReasons, maxReasons: settings.maxReasons };

  if (model.kind === 'logistic') {
    const features = new Array<number>(featureCount).fill(0);
    writeFeatures(history, nowRow, proposedInvoiceMinor, model.priors, features, 0);
    return { probability: sigmoid(logOdds(model.logistic, features)), reasons: modelReasons(model.logistic, features, facts, limits) };
  }
  const card = applyScorecard({
    paidInvoices: analytics.payments.paidInvoiceCount,
    lateShare: analytics.payments.lateShare,
    daysBeyondTerms: analytics.payments.averageDaysBeyondTerms,
    daysPastDue: analytics.daysPastDue,
    openDisputes: analytics.disputes.open,
    brokenPromises: analytics.promises.broken,
    bouncedPayments: analytics.bouncedPayments,
    limitUtilisation: analytics.credit.utilisation,
  });
  return { probability: card.probability, reasons: scorecardReasons(card.lines, facts, limits) };
}

function customerIndicators(index: LedgerIndex, customer: number, context: ScoringContext, timeline: SmaTimeline): Indicator[] {
  const record = index.customers[customer]!;
  const fraud = context.settings.fraud;
  return [
    ...identityIndicators(record),
    ...sharedIdentifierIndicators(record, context.identifiers),
    ...contactChangeIndicators(index, customer, context.contactChanges.get(record.id) ?? [], context.ledgerMedianInvoiceMinor, fraud),
    ...newCustomerIndicators(index, customer, context.ledgerMedianInvoiceMinor, fraud),
    ...watchListIndicators(record, context.watchList.match(record, index.asOf)),
    ...delinquencyIndicators(record, timeline, context.settings.insolvency),
  ];
}
