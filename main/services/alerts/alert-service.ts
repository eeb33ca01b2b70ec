import type Database from 'better-sqlite3-multiple-ciphers';
import { ZodError } from 'zod';
import type { AlertRunSummary } from '../../../core/contract/alerts';
import type { RiskSettings } from '../../../core/contract/risk';
import { resolveSettings, scoreLedger, type ContactChange, type LedgerSnapshot, type WatchListEntry } from '../../../core/scoring/index';
import { EpisodeBook, WarningEngine, evaluateDays, planEvaluation, resolveAlertSettings, type AlertSettings, type DayScore, type RunResult } from '../../../core/warning/index';
import { appendAudit, appendAuditRaw } from '../audit';
import type { AppConfig } from '../config';
import { ServiceError } from '../errors';
import type { ScoringService } from '../scoring/scoring-service';
import { engineSettings, readRiskSettings } from '../scoring/settings';
import { loadContactChanges, loadSnapshot, loadWatchList } from '../scoring/snapshot';
import type { Session } from '../session';
import { readAppSettings, readSetting, writeSetting } from '../settings-store';
import {
  alertSettingsKey, horizonKey, lastEvaluatedKey, loadBureauReports, loadEpisodes, loadMemory, readAlertSettings, readSettingRaw, storedScores, writeOutcomes, writeSettingRaw,
} from './alert-store';

/** At most this many new alerts go into one `alerts.new` push event. */
const maxNotified = 20;

/**
 * Runs the early-warning rules over the unlocked ledger and stores their alerts: after every
 * change to the ledger's records and once for each day missed since the last run when a ledger
 * is unlocked. The rules are pure (core/warning); this service reads the ledger, picks the days,
 * and writes the outcome in one transaction with one audit entry.
 */
export class AlertService {
  private readonly log;

  constructor(
    private readonly config: AppConfig,
    private readonly session: Session,
    private readonly scoring: ScoringService,
  ) {
    this.log = config.logger.child({ subsystem: 'alerts' });
  }

  /** Evaluates every day after the last evaluated one up to `today` (default: today in the business time zone). */
  async evaluate(today: string = this.scoring.today()): Promise<AlertRunSummary> {
    const { raw, db } = this.session.require().database;
    const settings = await readAlertSettings(db);
    const risk = await readRiskSettings(db);
    const { baseCurrency } = await readAppSettings(db);
    const now = this.config.now();
    const started = performance.now();
    const outcome = await db.connection().execute(async () => {
      const last = readSettingRaw<string>(raw, lastEvaluatedKey);
      const customerCount = raw.prepare('select count(*) from customers').pluck().get() as number;
      const plan = planEvaluation(last, readSettingRaw<string>(raw, horizonKey), today, settings);
      if (plan.days.length === 0 || customerCount === 0) return { plan, written: null, last };
      const result = this.run(raw, plan, settings, risk, baseCurrency);
      const written = raw.transaction(() => {
        const stored = writeOutcomes(raw, result.outcomes.values(), result.memory, today, now.toISOString());
        writeSettingRaw(raw, lastEvaluatedKey, today, now.toISOString());
        writeSettingRaw(raw, horizonKey, plan.horizon, now.toISOString());
        appendAuditRaw(raw, {
          action: 'alerts.evaluated', entityType: 'alerts',
          details: { from: plan.days[0], to: today, days: plan.days.length, skippedDays: plan.skippedDays, opened: stored.opened.length, openedIds: stored.opened.slice(0, 500), changed: stored.changed, ended: stored.ended, withdrawn: stored.withdrawn, unsnoozed: stored.unsnoozed },
        }, now);
        return stored;
      })();
      return { plan, written, last: today };
    });
    const summary: AlertRunSummary = {
      evaluatedDays: outcome.written === null ? [] : outcome.plan.days, lastEvaluatedDay: outcome.last,
      opened: outcome.written?.opened.length ?? 0, changed: outcome.written?.changed ?? 0, ended: outcome.written?.ended ?? 0, skippedDays: outcome.plan.skippedDays,
    };
    this.log.info({ days: summary.evaluatedDays.length, opened: summary.opened, changed: summary.changed, ended: summary.ended, milliseconds: Math.round(performance.now() - started) }, 'alerts evaluated');
    if (outcome.written !== null) this.notify(raw, outcome.written.opened, settings);
    return summary;
  }

  /** Evaluates after a change to the ledger; a failure is logged and does not fail the change that triggered it. */
  async evaluateAfterChange(reason: string): Promise<void> {
    try {
      await this.evaluate();
    } catch (error) {
      this.log.error({ err: error, reason }, 'alert evaluation after a ledger change failed');
    }
  }

  private run(raw: Database.Database, plan: ReturnType<typeof planEvaluation>, settings: AlertSettings, risk: RiskSettings, baseCurrency: string): RunResult {
    const snapshot = loadSnapshot(raw, baseCurrency);
    const scoring = resolveSettings(engineSettings(risk));
    const watchList = loadWatchList(raw);
    const contactChanges = loadContactChanges(raw);
    const engine = new WarningEngine({ snapshot, settings, graceDays: scoring.graceDays, npaThresholds: scoring.npaThresholds, bureauReports: loadBureauReports(raw), watchList });
    // NOTE: a missed day has no stored scores, so the band-drop rule costs one full scoreLedger
    // run per missed day. The alerts bench measured about 7 s per run for 100,000 customers.
    const scoresFor = (day: string) => {
      if (!settings.rules['band-drop'].enabled) return null;
      return storedScores(raw, day) ?? scoresAsOf(snapshot, day, risk, watchList, contactChanges);
    };
    return evaluateDays(engine, new EpisodeBook(loadEpisodes(raw)), plan, scoresFor, loadMemory(raw));
  }

  /** Sends `alerts.new` for new high-severity alerts of rules whose notifications are on. */
  private notify(raw: Database.Database, openedIds: readonly number[], settings: AlertSettings): void {
    if (openedIds.length === 0) return;
    const select = raw.prepare(`select a.id, a.rule, a.severity, a.customer_id, c.name, a.message, a.alert_date from alerts a join customers c on c.id = a.customer_id where a.id = ?`);
    const alerts = [];
    for (const id of openedIds) {
      const row = select.get(id) as { id: number; rule: keyof AlertSettings['rules']; severity: string; customer_id: number; name: string; message: string; alert_date: string } | undefined;
      if (row === undefined || row.severity !== 'high' || !settings.rules[row.rule].notify) continue;
      alerts.push({ id: row.id, rule: row.rule, severity: row.severity, customerId: row.customer_id, customerName: row.name, message: row.message, alertDate: row.alert_date });
      if (alerts.length >= maxNotified) break;
    }
    if (alerts.length > 0) this.session.emit('alerts.new', { alerts });
  }

  async settings(): Promise<AlertSettings> {
    return readAlertSettings(this.session.require().database.db);
  }

  /** Merges the changes over the stored settings rule by rule, stores them and evaluates today again. */
  async updateSettings(changes: { initialLookbackDays?: number; maxCatchUpDays?: number; rules?: Partial<Record<string, Record<string, unknown>>> }): Promise<AlertSettings> {
    const { db } = this.session.require().database;
    const stored = await readSetting<{ rules?: Record<string, object> }>(db, alertSettingsKey, {});
    const rules: Record<string, object> = { ...stored.rules };
    for (const [rule, values] of Object.entries(changes.rules ?? {})) rules[rule] = { ...rules[rule], ...values };
    const { rules: _ignored, ...topLevel } = changes;
    let next: AlertSettings;
    try {
      next = resolveAlertSettings({ ...stored, ...topLevel, rules });
    } catch (error) {
      if (error instanceof ZodError) throw new ServiceError('invalid_input', `Invalid alert setting ${error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}.`);
      throw error;
    }
    const now = this.config.now();
    const keys = [...Object.keys(topLevel), ...Object.entries(changes.rules ?? {}).flatMap(([rule, values]) => Object.keys(values ?? {}).map((key) => `rules.${rule}.${key}`))];
    await db.transaction().execute(async (trx) => {
      await writeSetting(trx, alertSettingsKey, next, now);
      await appendAudit(trx, { action: 'settings.changed', entityType: 'settings', details: { keys: keys.map((key) => `alerts.${key}`) } }, now);
    });
    await this.evaluate();
    return next;
  }
}

/** Scores the ledger as of a past day with the same inputs the scoring service uses, for band drops on days it did not score. */
function scoresAsOf(snapshot: LedgerSnapshot, day: string, risk: RiskSettings, watchList: WatchListEntry[], contactChanges: ContactChange[]): Map<number, DayScore> {
  const scores = scoreLedger(snapshot, day, engineSettings(risk), { watchList, contactChanges });
  return new Map(scores.customers.map((score) => [score.customerId, { score: score.score, band: score.band }]));
}
