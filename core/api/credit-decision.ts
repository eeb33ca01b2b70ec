import type { Band, SuggestedAction } from '../scoring/index';
import { bands } from '../scoring/index';
import type { CreditDecision } from './schemas';

export interface ScoredPosition {
  readonly score: number;
  readonly band: Band;
  readonly suggestedAction: SuggestedAction;
  /** The engine's basis for the action: the band's action, then each rule that made it stricter. */
  readonly actionBasis: readonly string[];
}

export interface CreditCheckFacts {
  readonly customerId: number;
  /** The order's amount in minor units of `currency`, the ledger's base currency. */
  readonly amountMinor: number;
  readonly currency: string;
  /** The stored score the app shows now. */
  readonly current: Pick<ScoredPosition, 'score' | 'band' | 'suggestedAction'>;
  /** The engine's score for the same customer with the order added, and without it, from one scoring context. */
  readonly withOrder: ScoredPosition;
  readonly withoutOrder: ScoredPosition;
  /** Credit limit in base-currency minor units, or null when none is set. */
  readonly creditLimitMinor: number | null;
  readonly exposureMinor: number;
}

type Decision = CreditDecision['decision'];
const strictness: readonly Decision[] = ['approve', 'approve-with-conditions', 'refuse'];

/**
 * Decides whether a customer can have this much more credit. The engine's suggested action for the
 * customer with the order added sets the answer: normal terms approve, shorter terms approve with
 * conditions, advance payment and stop supply refuse credit. An amount above the headroom under
 * the credit limit refuses, and an order that moves the customer to a worse band adds a condition.
 * Each rule can only make the answer stricter.
 */
export function decideCredit(facts: CreditCheckFacts): CreditDecision {
  let decision: Decision = 'approve';
  const reasons: { code: string; message: string }[] = [];
  const conditions: string[] = [];
  const tighten = (to: Decision) => {
    if (strictness.indexOf(to) > strictness.indexOf(decision)) decision = to;
  };

  const { withOrder, withoutOrder } = facts;
  reasons.push({ code: 'band', message: `With this order the score is ${withOrder.score} (band ${withOrder.band}) and the suggested action is ${withOrder.suggestedAction}. Basis: ${withOrder.actionBasis.join(', ')}.` });
  if (withOrder.suggestedAction === 'stop-supply') {
    tighten('refuse');
    reasons.push({ code: 'stop-supply', message: 'The suggested action is to stop supply, so no further credit.' });
  } else if (withOrder.suggestedAction === 'advance-payment') {
    tighten('refuse');
    reasons.push({ code: 'advance-payment', message: 'The suggested action is payment in advance, so no further credit.' });
    conditions.push('Take payment in advance for this order.');
  } else if (withOrder.suggestedAction === 'shorter-terms') {
    tighten('approve-with-conditions');
    reasons.push({ code: 'shorter-terms', message: 'The suggested action is shorter payment terms.' });
    conditions.push('Give shorter payment terms than usual for this order.');
  }

  if (bands.indexOf(withOrder.band) > bands.indexOf(withoutOrder.band)) {
    tighten('approve-with-conditions');
    reasons.push({ code: 'order-raises-band', message: `The order moves the customer from band ${withoutOrder.band} to band ${withOrder.band}.` });
    conditions.push('Consider a smaller order or part payment in advance.');
  }

  const headroomMinor = facts.creditLimitMinor === null ? null : Math.max(0, facts.creditLimitMinor - facts.exposureMinor);
  const headroomAfterMinor = headroomMinor === null ? null : headroomMinor - facts.amountMinor;
  if (headroomMinor === null) {
    reasons.push({ code: 'no-credit-limit', message: 'The customer has no credit limit, so the amount was checked against the score only.' });
  } else if (headroomAfterMinor !== null && headroomAfterMinor < 0) {
    tighten('refuse');
    reasons.push({ code: 'over-credit-limit', message: `The amount is ${-headroomAfterMinor} minor units above the ${headroomMinor} left under the credit limit.` });
  }

  return {
    customerId: facts.customerId,
    decision,
    amountMinor: facts.amountMinor,
    currency: facts.currency,
    reasons,
    conditions,
    current: { score: facts.current.score, band: facts.current.band, suggestedAction: facts.current.suggestedAction },
    withOrder: { score: withOrder.score, band: withOrder.band, suggestedAction: withOrder.suggestedAction },
    creditLimitMinor: facts.creditLimitMinor,
    exposureMinor: facts.exposureMinor,
    headroomMinor,
    headroomAfterMinor,
  };
}
