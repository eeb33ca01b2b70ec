import { formatDateIndian, type IsoDate } from '../ledger/dates';
import { localToInstant, minutesOfDay, nextDate, toLocalDateTime, weekdayOf } from './local-time';
import type { SendWindow } from './settings';
import type { DeferReason } from './types';

export type WindowCheck =
  | { readonly open: true }
  | { readonly open: false; readonly reason: DeferReason; readonly notBefore: number; readonly message: string };

/** Days searched for an open day before giving up; a year covers any list of holidays. */
const maxDaysSearched = 400;

const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function closedReason(window: SendWindow, date: IsoDate): { reason: DeferReason; label: string } | null {
  const holiday = window.holidays.find((entry) => entry.date === date);
  if (holiday !== undefined) return { reason: 'holiday', label: holiday.name === '' ? 'a holiday' : `a holiday (${holiday.name})` };
  const weekday = weekdayOf(date);
  if (window.weeklyOffDays.includes(weekday)) return { reason: 'weekly-off-day', label: `a ${weekdayNames[weekday] ?? 'weekly off-day'}` };
  return null;
}

/**
 * Returns the first instant at or after `from` inside the sending hours of a day that is
 * neither a weekly off-day nor a holiday, in `timeZone`.
 */
export function nextOpenInstant(from: number, window: SendWindow, timeZone: string): number {
  const start = minutesOfDay(window.sendingHours.start);
  const end = minutesOfDay(window.sendingHours.end);
  const local = toLocalDateTime(from, timeZone);
  let date = local.date;
  for (let day = 0; day < maxDaysSearched; day++) {
    if (closedReason(window, date) === null) {
      if (day > 0 || local.minutes < start) return localToInstant(date, start, timeZone);
      if (local.minutes < end) return from;
    }
    date = nextDate(date);
  }
  throw new RangeError(`No day in the next ${maxDaysSearched} days is open for reminders: remove some off-days or holidays.`);
}

/** Checks whether a reminder may go out at `now` in the customer's time zone, and if not, when. */
export function checkSendWindow(now: number, window: SendWindow, timeZone: string): WindowCheck {
  const local = toLocalDateTime(now, timeZone);
  const closed = closedReason(window, local.date);
  const notBefore = nextOpenInstant(now, window, timeZone);
  if (closed !== null) {
    const message = `${formatDateIndian(local.date)} is ${closed.label} in ${timeZone}, so reminders wait for the next working day.`;
    return { open: false, reason: closed.reason, notBefore, message };
  }
  if (notBefore !== now) {
    const { start, end } = window.sendingHours;
    const message = `It is outside the sending hours ${start}-${end} in ${timeZone}, so reminders wait until the hours open.`;
    return { open: false, reason: 'quiet-hours', notBefore, message };
  }
  return { open: true };
}
