import { assertMinorUnits } from '../../ledger/money';
import { divideRoundHalfUp } from './arithmetic';

/**
 * Simple interest on an overdue amount: amount × annual rate × days / 365 (actual/365),
 * rounded half up to the minor unit once. Days at or below zero earn nothing.
 */
export function simpleInterest(amountMinor: number, annualRateBasisPoints: number, days: number): number {
  assertMinorUnits(amountMinor);
  if (amountMinor <= 0 || days <= 0) return 0;
  const numerator = BigInt(amountMinor) * BigInt(annualRateBasisPoints) * BigInt(days);
  return Number(divideRoundHalfUp(numerator, 3_650_000n));
}

export type PenalCharge =
  | { readonly type: 'fixed'; readonly amountMinor: number }
  | { readonly type: 'percent'; readonly basisPoints: number };

/**
 * Computes a lender's penal charge for one overdue episode. The RBI circular of 18 August 2023
 * on penal charges in loan accounts requires penalties to be charges rather than penal interest
 * added to the rate, with no interest computed on them. So the charge is levied once per
 * episode, whatever the days overdue, and never compounded. A percentage applies to the overdue
 * amount and rounds half up.
 */
export function penalCharge(charge: PenalCharge, overdueMinor: number): number {
  assertMinorUnits(overdueMinor);
  if (overdueMinor <= 0) return 0;
  if (charge.type === 'fixed') return charge.amountMinor;
  return Number(divideRoundHalfUp(BigInt(overdueMinor) * BigInt(charge.basisPoints), 10_000n));
}
