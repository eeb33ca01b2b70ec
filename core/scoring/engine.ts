import type { IsoDate } from '../ledger/dates';
import { portfolioSummary, type PortfolioSummary } from './analytics/portfolio';
import { contextFromIndex, type ScoreOptions, type ScoringContext } from './context';
import { scoreIndexedCustomer, type CustomerScore } from './customer-score';
import { buildLedgerIndex } from './index/ledger-index';
import { resolveSettings } from './settings';
import type { LedgerSnapshot, ScoringSettingsInput } from './types';

export interface LedgerScores {
  readonly asOf: IsoDate;
  readonly customers: readonly CustomerScore[];
  readonly portfolio: PortfolioSummary;
  /** The context used, including the model. Pass it to `scoreCustomer` to rescore single customers. */
  readonly context: ScoringContext;
}

/**
 * Scores every customer of the snapshot as of `asOf`. Records dated after `asOf` are ignored, and
 * the engine reads no clock, so the same snapshot and date always give the same result. Without
 * `options.model` the model is fitted first on invoices settled by `asOf`.
 */
export function scoreLedger(snapshot: LedgerSnapshot, asOf: IsoDate, settings: ScoringSettingsInput = {}, options: ScoreOptions = {}): LedgerScores {
  const resolved = resolveSettings(settings);
  const index = buildLedgerIndex(snapshot, asOf);
  const context = contextFromIndex(index, resolved, options);
  const customers = new Array<CustomerScore>(index.customers.length);
  for (let customer = 0; customer < index.customers.length; customer++) {
    customers[customer] = scoreIndexedCustomer(index, customer, context);
  }
  return { asOf, customers, portfolio: portfolioSummary(index, customers, resolved, context.dsoBoundaries), context };
}

export interface ScoreCustomerOptions {
  /** Amount of an order being considered, in base-currency minor units. The score is then for that order. */
  readonly proposedInvoiceMinor?: number;
}

/**
 * Rescores one customer with a prepared context (from `prepareScoring` or `scoreLedger`), reusing
 * its model and ledger-wide indexes. `snapshot` needs to contain only this customer and its records,
 * which keeps the call fast. A full snapshot works too but is indexed whole.
 */
export function scoreCustomer(snapshot: LedgerSnapshot, customerId: number, context: ScoringContext, options: ScoreCustomerOptions = {}): CustomerScore {
  const index = buildLedgerIndex(snapshot, context.asOf);
  const customer = index.customerIndexById.get(customerId);
  if (customer === undefined) {
    throw new RangeError(`Customer ${customerId} is not in the snapshot. Include the customer record with its invoices and payments.`);
  }
  return scoreIndexedCustomer(index, customer, context, options.proposedInvoiceMinor ?? Number.NaN);
}

/**
 * Returns the part of a snapshot that concerns one customer, the input `scoreCustomer` needs.
 * NOTE: an allocation from another customer's payment to this customer's invoice is dropped.
 */
export function customerSnapshot(snapshot: LedgerSnapshot, customerId: number): LedgerSnapshot {
  const invoices = snapshot.invoices.filter((invoice) => invoice.customerId === customerId);
  const invoiceIds = new Set(invoices.map((invoice) => invoice.id));
  const payments = snapshot.payments.filter((payment) => payment.customerId === customerId);
  const paymentIds = new Set(payments.map((payment) => payment.id));
  return {
    customers: snapshot.customers.filter((customer) => customer.id === customerId),
    invoices,
    payments,
    allocations: snapshot.allocations.filter((allocation) => invoiceIds.has(allocation.invoiceId) && paymentIds.has(allocation.paymentId)),
    creditNotes: snapshot.creditNotes.filter((note) => note.customerId === customerId),
    disputes: snapshot.disputes.filter((dispute) => invoiceIds.has(dispute.invoiceId)),
    promises: snapshot.promises.filter((promise) => promise.customerId === customerId),
    settings: snapshot.settings,
  };
}
