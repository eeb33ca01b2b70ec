import { addDays, daysBetween, type IsoDate } from '../../ledger/dates';
import { assertMinorUnits } from '../../ledger/money';
import { addMonths, divideRoundHalfUp } from './arithmetic';
import { bankRateOn, type BankRate } from './bank-rates';

/*
 * Interest on delayed payment to a micro or small enterprise under the Micro, Small and Medium
 * Enterprises Development Act, 2006.
 *
 * - Section 15: the buyer pays on the date agreed in writing, which may not be more than 45 days
 *   after the day of acceptance. Without a written agreement the buyer pays by the appointed
 *   day, which section 2(b) defines as the day after 15 days from acceptance.
 * - Section 16: from the appointed day, or the day after the agreed date, the buyer owes compound
 *   interest with monthly rests at three times the Bank Rate notified by the RBI.
 *
 * Choices made where the Act is silent:
 * - The Bank Rate in force on the first day of interest applies to the whole period, so later
 *   changes of the rate do not change interest on an invoice already overdue.
 * - A monthly rest falls on each calendar-month anniversary of the first day of interest. Each
 *   full month adds balance × rate / 12, rounded half up to the paisa, to the balance. The days
 *   after the last full month earn balance × rate × days / 365, rounded once.
 * - Days are counted as in section 9 of the General Clauses Act, 1897, which excludes the first
 *   day. So 15 days from acceptance on 1 March end on 16 March, and interest starts on 17 March.
 */

export interface MsmedInterestInput {
  /** Unpaid principal in paise (minor units). */
  readonly principalMinor: number;
  /**
   * Day of acceptance of the goods or services.
   * NOTE: the ledger stores no acceptance or delivery date, so callers pass the invoice date.
   */
  readonly acceptanceDate: IsoDate;
  /** Due date agreed in writing, or null when there is no written agreement. */
  readonly agreedDueDate: IsoDate | null;
  /** Last day interest is counted for, inclusive. */
  readonly asOf: IsoDate;
  readonly bankRates: readonly BankRate[];
}

export interface MsmedInterest {
  readonly interestMinor: number;
  /** Last day the buyer could pay without interest. */
  readonly lastDayToPay: IsoDate;
  readonly interestFrom: IsoDate;
  readonly bankRateBasisPoints: number;
  /** Three times the Bank Rate. */
  readonly annualRateBasisPoints: number;
  readonly fullMonths: number;
  readonly remainingDays: number;
}

const maxAgreedDays = 45;
const daysWithoutAgreement = 15;
const basisPointsPerUnit = 10_000n;

/** Returns the last day a buyer may pay without interest under section 15. */
export function msmedLastDayToPay(acceptanceDate: IsoDate, agreedDueDate: IsoDate | null): IsoDate {
  if (agreedDueDate === null) return addDays(acceptanceDate, daysWithoutAgreement);
  const latestAllowed = addDays(acceptanceDate, maxAgreedDays);
  return agreedDueDate < latestAllowed ? agreedDueDate : latestAllowed;
}

/** Computes section 16 interest to the paisa, or returns null when no Bank Rate covers the first day of interest. */
export function msmedInterest(input: MsmedInterestInput): MsmedInterest | null {
  assertMinorUnits(input.principalMinor);
  const lastDayToPay = msmedLastDayToPay(input.acceptanceDate, input.agreedDueDate);
  const interestFrom = addDays(lastDayToPay, 1);
  const bankRate = bankRateOn(input.bankRates, interestFrom);
  if (bankRate === null) return null;

  const annualRate = BigInt(bankRate.basisPoints * 3);
  const result = {
    lastDayToPay,
    interestFrom,
    bankRateBasisPoints: bankRate.basisPoints,
    annualRateBasisPoints: Number(annualRate),
  };
  if (input.principalMinor <= 0 || input.asOf < interestFrom) {
    return { ...result, interestMinor: 0, fullMonths: 0, remainingDays: 0 };
  }

  const endExclusive = addDays(input.asOf, 1);
  let fullMonths = 0;
  while (addMonths(interestFrom, fullMonths + 1) <= endExclusive) fullMonths++;
  const remainingDays = daysBetween(addMonths(interestFrom, fullMonths), endExclusive);

  const principal = BigInt(input.principalMinor);
  let balance = principal;
  for (let month = 0; month < fullMonths; month++) {
    balance += divideRoundHalfUp(balance * annualRate, 12n * basisPointsPerUnit);
  }
  balance += divideRoundHalfUp(balance * annualRate * BigInt(remainingDays), 365n * basisPointsPerUnit);

  return { ...result, interestMinor: Number(balance - principal), fullMonths, remainingDays };
}
