/**
 * Calendar dates are ISO `YYYY-MM-DD` strings. Arithmetic runs on whole days counted from the
 * Unix epoch in UTC, so no time zone or daylight-saving shift can move a date.
 */
export type IsoDate = string;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const millisecondsPerDay = 86_400_000;

export function isIsoDate(value: string): boolean {
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  const time = Date.UTC(Number(year), Number(month) - 1, Number(day));
  return new Date(time).toISOString().slice(0, 10) === value;
}

export function assertIsoDate(value: string): IsoDate {
  if (!isIsoDate(value)) throw new RangeError(`Invalid date "${value}": expected YYYY-MM-DD.`);
  return value;
}

/** Days since 1970-01-01 for an ISO date. */
export function toDayNumber(date: IsoDate): number {
  const match = isoDatePattern.exec(date);
  if (!match) throw new RangeError(`Invalid date "${date}": expected YYYY-MM-DD.`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / millisecondsPerDay;
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * millisecondsPerDay).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Formats an ISO date as DD/MM/YYYY, the order Indian users read. */
export function formatDateIndian(date: IsoDate): string {
  assertIsoDate(date);
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** Formats an ISO date for a locale, for example 04/12/2026 (en-IN) or 12/4/2026 (en-US). */
export function formatDateForLocale(date: IsoDate, locale = 'en-IN'): string {
  const day = toDayNumber(date);
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' })
    .format(new Date(day * millisecondsPerDay));
}
