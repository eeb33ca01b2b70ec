import { toDayNumber, type IsoDate } from '../ledger/dates';
import { isoDateOf, NEVER } from './index/days';
import type { LedgerIndex } from './index/ledger-index';
import { overdueChanges } from './sma-overdue';
import type { NpaThreshold, SmaClass } from './types';

/*
 * RBI classification of borrowers by days past due, from the Master Circular on prudential norms
 * for income recognition, asset classification and provisioning (IRACP) and the clarification
 * RBI/2021-22/125 DOR.STR.REC.68/21.04.048/2021-22 of 12 November 2021:
 * - An amount is overdue if it is not paid on its due date. Classification runs as a day-end
 *   process, so an amount due on D and unpaid at the end of D is 1 day past due on D.
 * - SMA-0 up to 30 days, SMA-1 31-60 days, SMA-2 61-90 days, NPA more than 90 days (the NPA
 *   threshold is a dated setting here). NOTE: under a threshold above 90 days, this module keeps
 *   61 days up to the threshold in SMA-2, because the circular defines no class for that range. The circular's example: due 2021-03-31 gives SMA-1 on
 *   2021-04-30, SMA-2 on 2021-05-30 and NPA on 2021-06-29.
 * - Classification is borrower-wise: the oldest overdue amount of all the borrower's dues decides.
 * - An NPA is upgraded to standard only when all arrears are paid, so it stays NPA while any
 *   amount is overdue.
 */

export const smaClasses: readonly SmaClass[] = ['standard', 'SMA-0', 'SMA-1', 'SMA-2', 'NPA'];

/** Returns the class for days past due under an NPA threshold, ignoring NPA stickiness. */
export function smaClassForDaysPastDue(daysPastDue: number, npaDays: number): SmaClass {
  if (daysPastDue <= 0) return 'standard';
  if (daysPastDue > npaDays) return 'NPA';
  if (daysPastDue > 60) return 'SMA-2';
  if (daysPastDue > 30) return 'SMA-1';
  return 'SMA-0';
}

/** Returns the NPA threshold in force on a day: the latest entry that took effect by then, else the earliest entry. */
export function npaDaysOn(day: number, thresholds: readonly NpaThreshold[]): number {
  let chosen: NpaThreshold | undefined;
  let chosenDay = -Infinity;
  let earliest: NpaThreshold | undefined;
  let earliestDay = Infinity;
  for (const threshold of thresholds) {
    const effective = toDayNumber(threshold.effectiveFrom);
    if (effective <= day && effective > chosenDay) [chosen, chosenDay] = [threshold, effective];
    if (effective < earliestDay) [earliest, earliestDay] = [threshold, effective];
  }
  return (chosen ?? earliest)?.days ?? 90;
}

export interface SmaTransition {
  /** Day whose day-end process moves the borrower into `to`. */
  readonly date: IsoDate;
  readonly from: SmaClass;
  readonly to: SmaClass;
  /** Days past due at the day-end of `date`, 0 when nothing is overdue. */
  readonly daysPastDue: number;
  /** True after the as-of date: the move happens then if nothing more is paid. */
  readonly projected: boolean;
}


/** A borrower's class history as runs: the class that starts on each of `startDays`, ascending. */
export interface SmaTimeline {
  readonly asOf: IsoDate;
  readonly asOfDay: number;
  readonly startDays: readonly number[];
  /** Position in `smaClasses` of each run's class. */
  readonly classCodes: readonly number[];
  /** Oldest overdue due day in force from each start day, or NEVER when nothing is overdue. */
  readonly oldestDueDays: readonly number[];
}

/**
 * Builds the class timeline of a borrower from its first due date up to the last projected move.
 * After the as-of date it assumes no further payments, so the projected runs give the day on which
 * the borrower moves into SMA-1, SMA-2 or NPA if nothing is paid.
 */
export function buildSmaTimeline(index: LedgerIndex, customer: number, thresholds: readonly NpaThreshold[]): SmaTimeline {
  const changes = overdueChanges(index, customer);
  const thresholdDays = thresholds.map((threshold) => toDayNumber(threshold.effectiveFrom));
  const maxNpaDays = Math.max(...thresholds.map((threshold) => threshold.days));
  const lastChange = changes.length > 0 ? (changes[changes.length - 1]?.day ?? 0) : index.asOfDay;
  const horizon = Math.max(index.asOfDay, lastChange) + maxNpaDays + 2;

  const runs = new RunBuilder();
  const candidates: number[] = [];
  let npa = false;
  for (let position = 0; position < changes.length; position++) {
    const change = changes[position]!;
    const segmentEnd = Math.min(changes[position + 1]?.day ?? horizon, horizon);
    const oldest = change.oldestDueDay;
    if (oldest === NEVER) {
      npa = false;
      runs.push(change.day, 0, NEVER);
      continue;
    }
    // The class can only change on the segment's first day, when days past due pass 30, 60 or an
    // NPA threshold, or when another threshold takes effect.
    candidates.length = 0;
    candidates.push(change.day, oldest + 30, oldest + 60, ...thresholdDays);
    for (const threshold of thresholds) candidates.push(oldest + threshold.days);
    candidates.sort((a, b) => a - b);
    let previous = Number.NaN;
    for (const day of candidates) {
      if (day === previous || day < change.day || day >= segmentEnd) continue;
      previous = day;
      const byDays = smaClassForDaysPastDue(day - oldest + 1, npaDaysOn(day, thresholds));
      if (byDays === 'NPA') npa = true;
      runs.push(day, smaClasses.indexOf(npa ? 'NPA' : byDays), oldest);
    }
  }
  return runs.finish(index.asOf, index.asOfDay);
}

/** Returns the class of the timeline's borrower at the day-end of `date`. */
export function smaClassOn(timeline: SmaTimeline, date: IsoDate): SmaClass {
  return smaClassOnDay(timeline, toDayNumber(date));
}

export function smaClassOnDay(timeline: SmaTimeline, day: number): SmaClass {
  const position = runAt(timeline, day);
  return position < 0 ? 'standard' : (smaClasses[timeline.classCodes[position] ?? 0] ?? 'standard');
}

/** Returns the days past due at the day-end of `date` (0 when nothing is overdue). */
export function daysPastDueOn(timeline: SmaTimeline, date: IsoDate): number {
  return daysPastDueOnDay(timeline, toDayNumber(date));
}

export function daysPastDueOnDay(timeline: SmaTimeline, day: number): number {
  const position = runAt(timeline, day);
  const oldest = position < 0 ? NEVER : (timeline.oldestDueDays[position] ?? NEVER);
  return oldest === NEVER ? 0 : day - oldest + 1;
}

/**
 * Lists the class changes of the timeline in date order, past ones and then the projected ones.
 * With `fromDate`, only changes on or after that date are listed.
 */
export function smaTransitions(timeline: SmaTimeline, fromDate?: IsoDate): SmaTransition[] {
  return smaTransitionsFromDay(timeline, fromDate === undefined ? -Infinity : toDayNumber(fromDate));
}

export function smaTransitionsFromDay(timeline: SmaTimeline, fromDay: number): SmaTransition[] {
  const transitions: SmaTransition[] = [];
  let previous = 0;
  for (let position = 0; position < timeline.startDays.length; position++) {
    const code = timeline.classCodes[position] ?? 0;
    if (code === previous) continue;
    const day = timeline.startDays[position] ?? 0;
    if (day >= fromDay) {
      const oldest = timeline.oldestDueDays[position] ?? NEVER;
      transitions.push({
        date: isoDateOf(day),
        from: smaClasses[previous] ?? 'standard',
        to: smaClasses[code] ?? 'standard',
        daysPastDue: oldest === NEVER ? 0 : day - oldest + 1,
        projected: day > timeline.asOfDay,
      });
    }
    previous = code;
  }
  return transitions;
}

/** Returns the first day of the class the borrower is in at the as-of date, or null when standard throughout. */
export function smaClassSince(timeline: SmaTimeline): IsoDate | null {
  const position = runAt(timeline, timeline.asOfDay);
  if (position < 0) return null;
  const code = timeline.classCodes[position] ?? 0;
  let first = position;
  while (first > 0 && timeline.classCodes[first - 1] === code) first--;
  return isoDateOf(timeline.startDays[first] ?? 0);
}

function runAt(timeline: SmaTimeline, day: number): number {
  let low = 0;
  let high = timeline.startDays.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((timeline.startDays[middle] ?? 0) <= day) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** Collects class runs, skipping a run that repeats the previous class and oldest due day. */
class RunBuilder {
  private readonly days: number[] = [];
  private readonly codes: number[] = [];
  private readonly oldest: number[] = [];

  push(day: number, code: number, oldestDueDay: number): void {
    const last = this.codes.length - 1;
    if (last >= 0 && this.codes[last] === code && this.oldest[last] === oldestDueDay) return;
    if (last >= 0 && this.days[last] === day) {
      this.codes[last] = code;
      this.oldest[last] = oldestDueDay;
      return;
    }
    this.days.push(day);
    this.codes.push(code);
    this.oldest.push(oldestDueDay);
  }

  finish(asOf: IsoDate, asOfDay: number): SmaTimeline {
    return {
      asOf,
      asOfDay,
      startDays: this.days,
      classCodes: this.codes,
      oldestDueDays: this.oldest,
    };
  }
}
