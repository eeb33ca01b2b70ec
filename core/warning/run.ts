import { addDays, daysBetween, type IsoDate } from '../ledger/dates';
import type { Episode, EpisodeBook } from './episodes';
import type { WarningEngine } from './evaluate';
import type { AlertSettings } from './settings';
import type { CustomerMemory, DayScore } from './types';

export interface EvaluationPlan {
  /** Days to evaluate, oldest first; empty when `today` is before the last evaluated day. */
  readonly days: readonly IsoDate[];
  /** Events dated before this day raise no alert. */
  readonly horizon: IsoDate;
  /** Missed days left out because the gap was longer than `maxCatchUpDays`. */
  readonly skippedDays: number;
}

/**
 * Chooses the days to evaluate. The first evaluation judges `today` alone, with events of the
 * `initialLookbackDays` before it still raising alerts, so importing years of history does not
 * raise an alert for every old dispute. Later runs evaluate each day after the last evaluated one
 * up to `today`, so a ledger closed for two weeks catches up with every alert dated the day it
 * would have fired. A run on the last evaluated day evaluates that day again.
 */
export function planEvaluation(lastEvaluated: IsoDate | null, horizon: IsoDate | null, today: IsoDate, settings: AlertSettings): EvaluationPlan {
  if (lastEvaluated === null || horizon === null) {
    return { days: [today], horizon: addDays(today, -settings.initialLookbackDays), skippedDays: 0 };
  }
  const gap = daysBetween(lastEvaluated, today);
  if (gap < 0) return { days: [], horizon, skippedDays: 0 };
  if (gap === 0) return { days: [today], horizon, skippedDays: 0 };
  const count = Math.min(gap, settings.maxCatchUpDays);
  const days: IsoDate[] = [];
  for (let offset = count - 1; offset >= 0; offset--) days.push(addDays(today, -offset));
  return { days, horizon, skippedDays: gap - count };
}

export interface EpisodeOutcome {
  readonly episode: Episode;
  /** True when the episode first appeared in this run. */
  readonly opened: boolean;
}

export interface RunResult {
  readonly days: readonly IsoDate[];
  /** The final state of every episode this run opened or changed, by key. */
  readonly outcomes: ReadonlyMap<string, EpisodeOutcome>;
  readonly memory: ReadonlyMap<number, CustomerMemory>;
  readonly findings: number;
}

/**
 * Evaluates the planned days in order, folding each day's findings into `book` and carrying the
 * band memory from day to day. `scoresFor` returns the risk engine's scores as of a day, or null
 * to skip the band-drop rule that day.
 */
export function evaluateDays(
  engine: WarningEngine,
  book: EpisodeBook,
  plan: EvaluationPlan,
  scoresFor: (day: IsoDate) => ReadonlyMap<number, DayScore> | null,
  memory: ReadonlyMap<number, CustomerMemory>,
): RunResult {
  const outcomes = new Map<string, EpisodeOutcome>();
  const current = new Map(memory);
  let findings = 0;
  for (const day of plan.days) {
    const result = engine.evaluateDay(day, plan.horizon, scoresFor(day), current);
    findings += result.findings.length;
    for (const [customerId, entry] of result.memory) current.set(customerId, entry);
    const expectsEvent = (episode: Episode) => engine.settings.rules[episode.rule].enabled && episode.alertDate >= plan.horizon && episode.alertDate <= day;
    for (const change of book.apply(day, result.findings, expectsEvent)) {
      const opened = change.change === 'opened' || outcomes.get(change.episode.key)?.opened === true;
      outcomes.set(change.episode.key, { episode: change.episode, opened });
    }
  }
  const changedMemory = new Map<number, CustomerMemory>();
  for (const [customerId, entry] of current) if (memory.get(customerId) !== entry) changedMemory.set(customerId, entry);
  return { days: plan.days, outcomes, memory: changedMemory, findings };
}
