import type { CurrencyCode } from '../ledger/currency';
import type { IsoDate } from '../ledger/dates';
import type { Allocation, CreditNote, Customer, Dispute, Invoice, Payment, PromiseToPay } from '../ledger/types';

/** Facts about the ledger that the engine needs besides its records. */
export interface LedgerSettings {
  /** Currency of every amount in the analytics, totals and exposure figures. */
  readonly baseCurrency: CurrencyCode;
  /**
   * Units of the base currency per one unit of another currency, for example `{ USD: 83.25 }`
   * in an INR ledger. Records in a currency without a rate are left out and listed in
   * `LedgerIndex.excluded`.
   */
  readonly exchangeRates?: Readonly<Record<CurrencyCode, number>>;
}

/** Every record the engine reads. Records dated after the as-of date may be present and are ignored. */
export interface LedgerSnapshot {
  readonly customers: readonly Customer[];
  readonly invoices: readonly Invoice[];
  readonly payments: readonly Payment[];
  readonly allocations: readonly Allocation[];
  readonly creditNotes: readonly CreditNote[];
  readonly disputes: readonly Dispute[];
  readonly promises: readonly PromiseToPay[];
  readonly settings: LedgerSettings;
}

/** Risk band, A best to E worst. */
export type Band = 'A' | 'B' | 'C' | 'D' | 'E';
export const bands: readonly Band[] = ['A', 'B', 'C', 'D', 'E'];

/** Credit action for a customer, from least to most restrictive. */
export type SuggestedAction = 'normal-terms' | 'shorter-terms' | 'advance-payment' | 'stop-supply';
export const actionsBySeverity: readonly SuggestedAction[] = ['normal-terms', 'shorter-terms', 'advance-payment', 'stop-supply'];

/** RBI asset classes for a borrower, in order of severity. */
export type SmaClass = 'standard' | 'SMA-0' | 'SMA-1' | 'SMA-2' | 'NPA';

/** An NPA threshold in force from a date: overdue for more than `days` days makes an account NPA. */
export interface NpaThreshold {
  readonly effectiveFrom: IsoDate;
  readonly days: number;
}

/** Score cut-offs: a score below `bandCutoffs[i]` is band A, B, C, D for i = 0..3, else E. */
export type BandCutoffs = readonly [number, number, number, number];

export interface SegmentPolicy {
  readonly bandCutoffs?: BandCutoffs;
  readonly bandActions?: Partial<Readonly<Record<Band, SuggestedAction>>>;
  /** Credit limit in base-currency minor units for customers of the segment without their own limit. */
  readonly defaultCreditLimitMinor?: number;
}

export interface ModelSettings {
  /** Labelled invoices the ledger needs before the engine fits a model instead of using the scorecard. */
  readonly minLabelledInvoices: number;
  /** Each outcome class needs at least this many labelled invoices. */
  readonly minInvoicesPerOutcome: number;
  /** L2 penalty on the standardised coefficients against the mean log-loss (the intercept is not penalised). */
  readonly l2Penalty: number;
  /** Pseudo-count that pulls a customer's late share towards the ledger's late share. */
  readonly priorStrength: number;
  /** Number of most recently settled invoices in the recent-behaviour features. */
  readonly recentInvoiceCount: number;
  /** Share of labelled invoices, latest by issue date, held out to measure quality. */
  readonly holdoutShare: number;
  /** Largest training set; above it the fit keeps the most recently issued labelled invoices. */
  readonly maxTrainingInvoices: number;
}

export interface FraudSettings {
  /** A contact change this many days or fewer before an invoice makes it "just before". */
  readonly contactChangeWindowDays: number;
  /** An order is large when it is at least this many times the customer's median earlier invoice. */
  readonly largeOrderMultiple: number;
  /** A customer is new during this many days after its first invoice. */
  readonly newCustomerDays: number;
  /** A new customer's order is flagged when it is at least this many times the ledger's median invoice. */
  readonly newCustomerOrderMultiple: number;
}

export interface InsolvencySettings {
  /** Days past due from which delinquency counts as severe. */
  readonly severeDaysPastDue: number;
  /** Days back to the earlier reading that "rising" compares against. */
  readonly trendLookbackDays: number;
}

export interface ScoringSettings {
  /** Upper day of each overdue aging bucket; a "not yet due" bucket comes first and an open-ended one last. */
  readonly agingBoundaries: readonly number[];
  /** Days after the due date within which a settlement still counts as on time. */
  readonly graceDays: number;
  readonly npaThresholds: readonly NpaThreshold[];
  /** Months the DSO count-back may reach back before it stops. */
  readonly dsoMaxMonths: number;
  readonly bandCutoffs: BandCutoffs;
  readonly bandActions: Readonly<Record<Band, SuggestedAction>>;
  /** Policies by `Customer.segment`; a customer without a matching segment uses the defaults above. */
  readonly segmentPolicies: Readonly<Record<string, SegmentPolicy>>;
  readonly model: ModelSettings;
  readonly fraud: FraudSettings;
  readonly insolvency: InsolvencySettings;
  /** Reasons reported per customer: at least `minReasons` when the data has them, at most `maxReasons`. */
  readonly minReasons: number;
  readonly maxReasons: number;
}

/** Settings as a caller passes them: any field may be left out and takes its default. */
export interface ScoringSettingsInput extends Partial<Omit<ScoringSettings, 'model' | 'fraud' | 'insolvency'>> {
  readonly model?: Partial<ModelSettings>;
  readonly fraud?: Partial<FraudSettings>;
  readonly insolvency?: Partial<InsolvencySettings>;
}
