import { decideCredit } from '../../../core/api/credit-decision';
import type { CreditDecision, RiskView } from '../../../core/api/schemas';
import { scoreCustomer, type CustomerScore } from '../../../core/scoring/index';
import { ServiceError } from '../errors';
import type { ScoringService } from '../scoring/scoring-service';
import { loadSnapshot } from '../scoring/snapshot';
import type { Session } from '../session';
import { readAppSettings } from '../settings-store';
import { readStoredRisk, toRiskView } from './risk-reads';

/**
 * Scores one customer with the scoring context of the stored scores, as the app's customer screen
 * does, and optionally once more with a proposed order of `proposedInvoiceMinor` added.
 */
async function scoreNow(session: Session, scoring: ScoringService, customerId: number, proposedInvoiceMinor?: number): Promise<{ base: CustomerScore; withOrder: CustomerScore | null; asOf: string }> {
  const context = await scoring.currentContext();
  const { raw, db } = session.require().database;
  const { baseCurrency } = await readAppSettings(db);
  return db.connection().execute(async () => {
    const snapshot = loadSnapshot(raw, baseCurrency, customerId);
    if (snapshot.customers.length === 0) throw new ServiceError('not_found', `No customer has the id ${customerId}.`);
    const base = scoreCustomer(snapshot, customerId, context);
    const withOrder = proposedInvoiceMinor === undefined ? null : scoreCustomer(snapshot, customerId, context, { proposedInvoiceMinor });
    return { base, withOrder, asOf: context.asOf };
  });
}

/** Returns the stored score row with the detail the customer screen shows: reasons, indicators, credit limit and headroom. */
export async function readRiskWithDetail(session: Session, scoring: ScoringService, customerId: number): Promise<RiskView> {
  const { raw, db } = session.require().database;
  const stored = await db.connection().execute(async () => readStoredRisk(raw, customerId));
  const { base, asOf } = await scoreNow(session, scoring, customerId);
  return toRiskView(stored, base, asOf);
}

/**
 * Decides whether the customer can have `amountMinor` more credit. The engine scores the customer
 * with the order added (`scoreCustomer` with `proposedInvoiceMinor`) and without it. Then
 * `decideCredit` weighs the suggested action, the band change and the credit-limit headroom.
 * Changes nothing in the ledger.
 */
export async function checkCredit(session: Session, scoring: ScoringService, customerId: number, amountMinor: number, currency: string | undefined): Promise<CreditDecision> {
  const { raw, db } = session.require().database;
  const { baseCurrency } = await readAppSettings(db);
  if (currency !== undefined && currency !== baseCurrency) {
    throw new ServiceError('invalid_input', `The ledger's base currency is ${baseCurrency}; send the amount in ${baseCurrency} minor units.`);
  }
  const stored = await db.connection().execute(async () => readStoredRisk(raw, customerId));
  const { base, withOrder } = await scoreNow(session, scoring, customerId, amountMinor);
  const scored = withOrder ?? base;
  return decideCredit({
    customerId,
    amountMinor,
    currency: baseCurrency,
    current: { score: stored.score, band: stored.band, suggestedAction: stored.suggestedAction },
    withOrder: scored,
    withoutOrder: base,
    creditLimitMinor: scored.analytics.credit.limitMinor,
    exposureMinor: scored.analytics.credit.exposureMinor,
  });
}
