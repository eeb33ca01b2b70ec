import { z } from 'zod';
import { isIsoDate, type IsoDate } from '../../ledger/dates';

/** A Bank Rate notified by the Reserve Bank of India, in force from `effectiveFrom`. */
export const bankRateSchema = z.object({
  effectiveFrom: z.string().refine(isIsoDate, 'Use a YYYY-MM-DD date.'),
  /** Annual rate in basis points: 675 is 6.75%. */
  basisPoints: z.number().int().min(1).max(5_000),
});
export type BankRate = z.infer<typeof bankRateSchema>;

/**
 * RBI Bank Rate history from the RBI's monetary policy statements. Since February 2012 the Bank
 * Rate has been aligned with the Marginal Standing Facility rate, and it changed on the day each
 * policy decision was announced. Users can edit this table in the late-fee settings when the
 * RBI changes the rate.
 * NOTE: the last entry is the December 2025 policy (Bank Rate 5.50%); later changes must be added.
 */
export const rbiBankRates: readonly BankRate[] = [
  { effectiveFrom: '2019-02-07', basisPoints: 650 },
  { effectiveFrom: '2019-04-04', basisPoints: 625 },
  { effectiveFrom: '2019-06-06', basisPoints: 600 },
  { effectiveFrom: '2019-08-07', basisPoints: 565 },
  { effectiveFrom: '2019-10-04', basisPoints: 540 },
  { effectiveFrom: '2020-03-27', basisPoints: 465 },
  { effectiveFrom: '2020-05-22', basisPoints: 425 },
  { effectiveFrom: '2022-05-04', basisPoints: 465 },
  { effectiveFrom: '2022-06-08', basisPoints: 515 },
  { effectiveFrom: '2022-08-05', basisPoints: 565 },
  { effectiveFrom: '2022-09-30', basisPoints: 615 },
  { effectiveFrom: '2022-12-07', basisPoints: 650 },
  { effectiveFrom: '2023-02-08', basisPoints: 675 },
  { effectiveFrom: '2025-02-07', basisPoints: 650 },
  { effectiveFrom: '2025-04-09', basisPoints: 625 },
  { effectiveFrom: '2025-06-06', basisPoints: 575 },
  { effectiveFrom: '2025-12-05', basisPoints: 550 },
];

/** Returns the rate in force on `date` (the latest entry effective on or before it), or null before the first entry. */
export function bankRateOn(rates: readonly BankRate[], date: IsoDate): BankRate | null {
  let found: BankRate | null = null;
  for (const rate of rates) {
    if (rate.effectiveFrom <= date && (found === null || rate.effectiveFrom > found.effectiveFrom)) found = rate;
  }
  return found;
}
