import type { IsoDate } from '../ledger/dates';
import type { Band } from '../scoring/types';

/** Every early-warning rule, by the id stored with its alerts and used in settings. */
export const ruleIds = [
  'first-late-payment',
  'late-trend',
  'partial-payment',
  'payments-shrinking',
  'promise-broken',
  'dispute-opened',
  'payment-reversed',
  'band-drop',
  'sma-worsening',
  'credit-limit',
  'exposure-growth',
  'bureau-drop',
  'bureau-stale',
  'identity-watch-list',
] as const;
export type RuleId = (typeof ruleIds)[number];

export const alertSeverities = ['info', 'warning', 'high'] as const;
export type AlertSeverity = (typeof alertSeverities)[number];
export const severityRank: Readonly<Record<AlertSeverity, number>> = { info: 0, warning: 1, high: 2 };

/**
 * Episode kind of an alert. An `event` (a late payment, a new dispute) is one dated
 * occurrence keyed by its record. A `state` (over the credit limit) lasts from the first day it is
 * seen until the first evaluated day it no longer holds.
 */
export type EpisodeKind = 'event' | 'state';

/** An invoice an alert rests on, with its number so a person can find it in their books. */
export interface EvidenceInvoice {
  readonly id: number;
  readonly number: string;
}

/** The records and numbers behind an alert. Amounts are base-currency minor units. */
export interface Evidence {
  readonly invoices: readonly EvidenceInvoice[];
  readonly paymentIds: readonly number[];
  readonly values: Readonly<Record<string, string | number | boolean | null>>;
}

/** A rule's result for one customer on one evaluated day. */
export interface Finding {
  readonly rule: RuleId;
  readonly customerId: number;
  /** The episode's subject within the rule and customer, for example `invoice:42`. */
  readonly subject: string;
  readonly kind: EpisodeKind;
  /** For an event, the day it happened; for a state, the evaluated day. */
  readonly date: IsoDate;
  readonly severity: AlertSeverity;
  /** One sentence with the numbers, without the customer's name (the screens add it). */
  readonly message: string;
  readonly evidence: Evidence;
}

/** Bureau score scales: a 300-900 score (higher is better) or a CIBIL MSME rank 1-10 (1 is best). */
export const bureauScales = ['score-300-900', 'rank-1-10'] as const;
export type BureauScale = (typeof bureauScales)[number];

export interface BureauReport {
  readonly id: number;
  readonly customerId: number;
  readonly bureau: string;
  readonly reportDate: IsoDate;
  readonly scale: BureauScale;
  readonly value: number;
}

/** A customer's payment-behaviour score on an evaluated day, from the risk engine. */
export interface DayScore {
  readonly score: number;
  readonly band: Band;
}

/** The band-drop rule's memory of a customer from one evaluated day. */
export interface BandMemory {
  readonly day: IsoDate;
  readonly band: Band;
  /** The band before the current drop, or null when no drop episode is open. */
  readonly dropFrom: Band | null;
}

/**
 * A customer's memory across evaluated days: the latest day's entry and the entry of the day
 * before it, so that evaluating the same day again compares against the previous day.
 */
export interface CustomerMemory {
  readonly latest: BandMemory;
  readonly previous: BandMemory | null;
}
