import { assertIsoDate, type IsoDate } from '../../ledger/dates';

/** Divides two non-negative BigInts and rounds half up, so 0.5 paise becomes 1 paisa. */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n || denominator <= 0n) {
    throw new RangeError(`Cannot round ${numerator}/${denominator}: expected a non-negative numerator and a positive denominator.`);
  }
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/**
 * Adds calendar months to a date, keeping the day of the month and clamping it to the month's
 * last day, so 31 January plus one month is 28 or 29 February.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  assertIsoDate(date);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const clamped = Math.min(day, lastDay);
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth + 1).padStart(2, '0')}-${String(clamped).padStart(2, '0')}`;
}
