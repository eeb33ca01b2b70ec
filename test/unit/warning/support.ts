import { addDays, daysBetween, type IsoDate } from '../../../core/ledger/dates';
import type { LedgerSnapshot } from '../../../core/scoring/types';
import type { WatchListEntry } from '../../../core/scoring/index';
import {
  EpisodeBook, WarningEngine, evaluateDays, planEvaluation, resolveAlertSettings,
  type BureauReport, type CustomerMemory, type DayScore, type Episode, type RuleId,
} from '../../../core/warning/index';

export interface RangeOptions {
  readonly settings?: unknown;
  readonly graceDays?: number;
  readonly bureau?: readonly BureauReport[];
  readonly watchList?: readonly WatchListEntry[];
  readonly scores?: (day: IsoDate) => ReadonlyMap<number, DayScore> | null;
  /** Days before `from` whose events still alert on the first evaluation (default 30). */
  readonly lookbackDays?: number;
}

/**
 * Evaluates a ledger as the app does when it is opened every day from `from` to `to`: a first
 * evaluation on `from`, then one run per day. Returns every episode, sorted by date then key.
 */
export function evaluateEveryDay(snapshot: LedgerSnapshot, from: IsoDate, to: IsoDate, options: RangeOptions = {}): Episode[] {
  const settings = resolveAlertSettings({ initialLookbackDays: options.lookbackDays ?? 30, ...(options.settings as object | undefined) });
  const engine = new WarningEngine({
    snapshot, settings, graceDays: options.graceDays ?? 0,
    npaThresholds: [{ effectiveFrom: '1900-01-01', days: 90 }],
    bureauReports: options.bureau ?? [], watchList: options.watchList ?? [],
  });
  const book = new EpisodeBook();
  let memory = new Map<number, CustomerMemory>();
  let last: IsoDate | null = null;
  let horizon: IsoDate | null = null;
  for (let offset = 0; offset <= daysBetween(from, to); offset++) {
    const day = addDays(from, offset);
    const plan = planEvaluation(last, horizon, day, settings);
    const result = evaluateDays(engine, book, plan, options.scores ?? (() => null), memory);
    memory = new Map([...memory, ...result.memory]);
    last = day;
    horizon = plan.horizon;
  }
  return sortEpisodes(book.all());
}

export function sortEpisodes(episodes: Episode[]): Episode[] {
  return episodes.sort((a, b) => a.alertDate.localeCompare(b.alertDate) || a.key.localeCompare(b.key));
}

export function ofRule(episodes: readonly Episode[], rule: RuleId): Episode[] {
  return episodes.filter((episode) => episode.rule === rule);
}

export function values(episode: Episode | undefined): Record<string, unknown> {
  if (episode === undefined) throw new Error('No episode.');
  return (JSON.parse(episode.evidenceJson) as { values: Record<string, unknown> }).values;
}

export function invoiceNumbers(episode: Episode | undefined): string[] {
  if (episode === undefined) throw new Error('No episode.');
  return (JSON.parse(episode.evidenceJson) as { invoices: { number: string }[] }).invoices.map((invoice) => invoice.number);
}

/** Settings with every rule switched off except the named ones, with optional thresholds per rule. */
export function only(rules: RuleId[], thresholds: Partial<Record<RuleId, object>> = {}): { rules: Record<string, object> } {
  const all: RuleId[] = ['first-late-payment', 'late-trend', 'partial-payment', 'payments-shrinking', 'promise-broken', 'dispute-opened', 'payment-reversed',
    'band-drop', 'sma-worsening', 'credit-limit', 'exposure-growth', 'bureau-drop', 'bureau-stale', 'identity-watch-list'];
  return { rules: Object.fromEntries(all.map((rule) => [rule, { ...thresholds[rule], enabled: rules.includes(rule) }])) };
}
