import { addDays, assertIsoDate, type IsoDate } from '../ledger/dates';

/** Requests a person can make about their data, as the request register records them. */
export const privacyRequestKinds = ['access', 'portability', 'rectification', 'erasure', 'objection', 'grievance'] as const;
export type PrivacyRequestKind = (typeof privacyRequestKinds)[number];

export const privacyRequestStatuses = ['open', 'in-progress', 'extended', 'completed', 'rejected'] as const;
export type PrivacyRequestStatus = (typeof privacyRequestStatuses)[number];

/**
 * Response deadlines. GDPR art. 12(3) gives one month from receipt, which may be extended by two
 * further months for complex or numerous requests. The DPDP Rules 2025 (rule 14(3)) require a
 * response to a grievance within a reasonable period of at most ninety days, the default here.
 * Both are settings, because a business may commit to shorter periods.
 * NOTE: the rule number and the ninety days come from summaries of the rules as notified in
 * November 2025, not from the Gazette text. Check them there.
 */
export interface RequestDeadlines {
  /** Months from receipt for access, portability, rectification, erasure and objection requests. */
  readonly responseMonths: number;
  /** Further months an extended request gets, on top of `responseMonths`. */
  readonly extensionMonths: number;
  /** Days from receipt for a grievance. */
  readonly grievanceDays: number;
}

export const defaultRequestDeadlines: RequestDeadlines = { responseMonths: 1, extensionMonths: 2, grievanceDays: 90 };

/**
 * Adds calendar months to a date. When the target month is shorter, the result is its last day,
 * so one month from 31 January is 28 or 29 February.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  assertIsoDate(date);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const result = new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)));
  return result.toISOString().slice(0, 10);
}

/** Returns the day by which a request needs a response. */
export function requestDueDate(kind: PrivacyRequestKind, receivedOn: IsoDate, deadlines: RequestDeadlines, extended = false): IsoDate {
  if (kind === 'grievance') return addDays(receivedOn, deadlines.grievanceDays);
  return addMonths(receivedOn, deadlines.responseMonths + (extended ? deadlines.extensionMonths : 0));
}

/** Returns true when an unanswered request is past its due date on `today`. */
export function isOverdue(status: PrivacyRequestStatus, dueOn: IsoDate, today: IsoDate): boolean {
  return (status === 'open' || status === 'in-progress' || status === 'extended') && today > dueOn;
}
