import type Database from 'better-sqlite3-multiple-ciphers';
import type { Kysely, Transaction } from 'kysely';
import { resolveAlertSettings, severityRank, type AlertSettings, type BureauReport, type CustomerMemory, type DayScore, type Episode, type EpisodeOutcome } from '../../../core/warning/index';
import type { LedgerSchema } from '../../db/schema';
import { readSetting } from '../settings-store';

type Executor = Kysely<LedgerSchema> | Transaction<LedgerSchema>;

export const alertSettingsKey = 'alerts.settings';
/** The last day the rules were evaluated for, YYYY-MM-DD. */
export const lastEvaluatedKey = 'alerts.lastEvaluatedDay';
/** The first evaluation's horizon: `planEvaluation` keeps it, and events dated before it raise no alert. */
export const horizonKey = 'alerts.horizonDay';

export async function readAlertSettings(db: Executor): Promise<AlertSettings> {
  return resolveAlertSettings(await readSetting<unknown>(db, alertSettingsKey, {}));
}

export function loadEpisodes(raw: Database.Database): Episode[] {
  const rows = raw.prepare('select episode_key, rule, customer_id, subject, kind, alert_date, updated_on, ended_on, severity, message, evidence_json from alerts').all() as Record<string, unknown>[];
  return rows.map((row) => ({
    key: row.episode_key as string,
    rule: row.rule as Episode['rule'],
    customerId: row.customer_id as number,
    subject: row.subject as string,
    kind: row.kind as Episode['kind'],
    alertDate: row.alert_date as string,
    updatedOn: row.updated_on as string,
    endedOn: row.ended_on as string | null,
    severity: row.severity as Episode['severity'],
    message: row.message as string,
    evidenceJson: row.evidence_json as string,
  }));
}

export function loadMemory(raw: Database.Database): Map<number, CustomerMemory> {
  const rows = raw.prepare('select customer_id, memory_json from alert_memory').all() as { customer_id: number; memory_json: string }[];
  return new Map(rows.map((row) => [row.customer_id, JSON.parse(row.memory_json) as CustomerMemory]));
}

export function loadBureauReports(raw: Database.Database): BureauReport[] {
  const rows = raw.prepare('select id, customer_id, bureau, report_date, scale, value from bureau_reports').all() as Record<string, unknown>[];
  return rows.map((row) => ({
    id: row.id as number, customerId: row.customer_id as number, bureau: row.bureau as string,
    reportDate: row.report_date as string, scale: row.scale as BureauReport['scale'], value: row.value as number,
  }));
}

/** Reads the stored scores when they are as of `day`, else returns null. */
export function storedScores(raw: Database.Database, day: string): Map<number, DayScore> | null {
  const asOf = raw.prepare('select max(as_of) from customer_scores').pluck().get() as string | null;
  if (asOf !== day) return null;
  const rows = raw.prepare('select customer_id, score, band from customer_scores').all() as { customer_id: number; score: number; band: DayScore['band'] }[];
  return new Map(rows.map((row) => [row.customer_id, { score: row.score, band: row.band }]));
}

/**
 * Writes the outcomes of one evaluation run: each opened or changed episode (inserted with state
 * `new`, or updated without touching the user's state), the memory, and un-snoozes alerts whose
 * snooze ended by `today`. An event withdrawn by later records is deleted while its state is
 * still `new`. Runs inside the caller's transaction. Returns the ids of the opened alerts and
 * the counts of the other changes.
 */
export function writeOutcomes(raw: Database.Database, outcomes: Iterable<EpisodeOutcome>, memory: ReadonlyMap<number, CustomerMemory>, today: string, now: string) {
  const upsert = raw.prepare(`insert into alerts (episode_key, rule, customer_id, subject, kind, severity, severity_rank, alert_date, updated_on, ended_on, message, evidence_json, state, created_at, updated_at)
    values (@key, @rule, @customerId, @subject, @kind, @severity, @rank, @alertDate, @updatedOn, @endedOn, @message, @evidenceJson, 'new', @now, @now)
    on conflict (episode_key) do update set severity = excluded.severity, severity_rank = excluded.severity_rank, updated_on = excluded.updated_on,
      ended_on = excluded.ended_on, message = excluded.message, evidence_json = excluded.evidence_json, updated_at = excluded.updated_at`);
  const idOf = raw.prepare('select id from alerts where episode_key = ?').pluck();
  const customerExists = raw.prepare('select 1 from customers where id = ?').pluck();
  const deleteUntouched = raw.prepare("delete from alerts where episode_key = ? and state = 'new'");
  const opened: number[] = [];
  let changed = 0;
  let ended = 0;
  let withdrawn = 0;
  for (const { episode, opened: isNew } of outcomes) {
    if (customerExists.get(episode.customerId) === undefined) continue;
    // An event that later records withdrew is dropped unless the user already acted on it.
    if (episode.kind === 'event' && episode.endedOn !== null && (isNew || deleteUntouched.run(episode.key).changes > 0)) {
      if (!isNew) withdrawn++;
      continue;
    }
    upsert.run({ ...episode, rank: severityRank[episode.severity], now });
    if (isNew) opened.push(idOf.get(episode.key) as number);
    else if (episode.endedOn !== null) ended++;
    else changed++;
  }
  const saveMemory = raw.prepare('insert into alert_memory (customer_id, memory_json) values (?, ?) on conflict (customer_id) do update set memory_json = excluded.memory_json');
  for (const [customerId, entry] of memory) if (customerExists.get(customerId) !== undefined) saveMemory.run(customerId, JSON.stringify(entry));
  const unsnoozed = raw.prepare("update alerts set state = 'new', snoozed_until = null, state_changed_at = ?, updated_at = ? where state = 'snoozed' and snoozed_until <= ?").run(now, now, today).changes;
  return { opened, changed, ended, withdrawn, unsnoozed };
}

export function writeSettingRaw(raw: Database.Database, key: string, value: unknown, now: string): void {
  raw.prepare('insert into settings (key, value_json, updated_at) values (?, ?, ?) on conflict (key) do update set value_json = excluded.value_json, updated_at = excluded.updated_at')
    .run(key, JSON.stringify(value), now);
}

export function readSettingRaw<T>(raw: Database.Database, key: string): T | null {
  const value = raw.prepare('select value_json from settings where key = ?').pluck().get(key) as string | undefined;
  return value === undefined ? null : (JSON.parse(value) as T);
}
