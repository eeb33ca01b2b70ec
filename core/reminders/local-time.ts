import { fromDayNumber, toDayNumber, type IsoDate } from '../ledger/dates';

/** A wall-clock moment in one time zone. */
export interface LocalDateTime {
  readonly date: IsoDate;
  /** Minutes since local midnight, 0 to 1439. */
  readonly minutes: number;
  /** Day of the week, 0 for Sunday to 6 for Saturday. */
  readonly weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Parses an ISO 8601 instant with an explicit offset (`Z` or `+05:30`) to epoch milliseconds. */
export function parseInstant(instant: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(instant)) {
    throw new RangeError(`Invalid instant "${instant}": expected ISO 8601 with a time zone, such as 2026-01-05T02:30:00Z.`);
  }
  const milliseconds = Date.parse(instant);
  if (Number.isNaN(milliseconds)) throw new RangeError(`Invalid instant "${instant}": not a real date and time.`);
  return milliseconds;
}

export function formatInstant(milliseconds: number): string {
  return new Date(milliseconds).toISOString();
}

/** Converts an instant to the date and time on a clock in `timeZone`. */
export function toLocalDateTime(milliseconds: number, timeZone: string): LocalDateTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(milliseconds))) parts[part.type] = part.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { date, minutes: Number(parts.hour) * 60 + Number(parts.minute), weekday: weekdayOf(date) };
}

/** Day of the week of a date, 0 for Sunday; 1970-01-01 was a Thursday. */
export function weekdayOf(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/**
 * Converts a wall-clock time in `timeZone` to an instant. The zone's offset is read at a first
 * guess and read again at the result, which settles it. A time inside a daylight-saving gap does
 * not exist, and for it the second offset is used.
 */
export function localToInstant(date: IsoDate, minutes: number, timeZone: string): number {
  const wallClockAsUtc = toDayNumber(date) * 86_400_000 + minutes * 60_000;
  const firstOffset = offsetAt(wallClockAsUtc, timeZone);
  const guess = wallClockAsUtc - firstOffset;
  const secondOffset = offsetAt(guess, timeZone);
  return secondOffset === firstOffset ? guess : wallClockAsUtc - secondOffset;
}

/** Offset of the zone's clock from UTC at an instant, in milliseconds (Asia/Kolkata: +5:30). */
function offsetAt(milliseconds: number, timeZone: string): number {
  const local = toLocalDateTime(milliseconds, timeZone);
  const localAsUtc = toDayNumber(local.date) * 86_400_000 + local.minutes * 60_000;
  const truncated = milliseconds - (((milliseconds % 60_000) + 60_000) % 60_000);
  return localAsUtc - truncated;
}

export function nextDate(date: IsoDate): IsoDate {
  return fromDayNumber(toDayNumber(date) + 1);
}

/** Parses an `HH:MM` time of day to minutes since midnight. */
export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
