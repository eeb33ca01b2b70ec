import { toDayNumber, type IsoDate } from '../../ledger/dates';

/** Day number that stands for "never" or "not by the as-of date" in typed arrays of days. */
export const NEVER = 2_147_483_647;

/**
 * Converts ISO dates to day numbers with a cache. A ledger has far fewer distinct dates than
 * records, so each distinct string is parsed once.
 */
export class DayCache {
  private readonly days = new Map<string, number>();

  day(date: IsoDate): number {
    let day = this.days.get(date);
    if (day === undefined) {
      day = toDayNumber(date);
      this.days.set(date, day);
    }
    return day;
  }

  /** Returns the day number of a nullable date, or NEVER for null. */
  dayOrNever(date: IsoDate | null): number {
    return date === null ? NEVER : this.day(date);
  }
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * Formats a day number as YYYY-MM-DD with integer arithmetic (the proleptic Gregorian
 * civil-from-days conversion), which is much faster than going through Date. Years 0-9999 only.
 */
export function isoDateOf(day: number): IsoDate {
  const shifted = day + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${twoDigits(month)}-${twoDigits(dayOfMonth)}`;
}
