import type Database from 'better-sqlite3-multiple-ciphers';
import type { CustomerRiskDetail, ModelView, PortfolioView, RiskQuery, RiskRow, RiskSettings } from '../../../core/contract/risk';
import { riskQuerySchema } from '../../../core/contract/risk';
import { prepareScoring, previewBands, scoreCustomer, scoreLedger, type CustomerScore, type LedgerScores, type ScoringContext } from '../../../core/scoring/index';
import { appendAudit, appendAuditRaw } from '../audit';
import type { AppConfig } from '../config';
import { ServiceError } from '../errors';
import type { Session } from '../session';
import { readAppSettings, writeSetting } from '../settings-store';
import { invoiceHistory } from './history';
import { queryRiskRows } from './risk-query';
import { defaultRiskSettings, engineSettings, readRiskSettings, riskSettingsKey } from './settings';
import { loadContactChanges, loadSnapshot, loadWatchList } from './snapshot';

/** Returns the calendar date of `now` in a time zone, as YYYY-MM-DD. */
export function dateIn(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const businessTimeZone = 'Asia/Kolkata';

/**
 * Runs the risk engine over the unlocked ledger and stores its results: after every import,
 * payment and merge, and once a day. The engine itself is pure; this service reads the ledger,
 * calls it with an explicit as-of date and writes the scores in one transaction.
 */
export class ScoringService {
  private cachedContext: { ledgerId: string; context: ScoringContext } | null = null;
  private readonly log;

  constructor(
    private readonly config: AppConfig,
    private readonly session: Session,
  ) {
    this.log = config.logger.child({ subsystem: 'scoring' });
  }

  today(): string {
    return dateIn(this.config.now(), businessTimeZone);
  }

  /** Rescores the whole ledger as of `asOf` (today by default) and stores every result. */
  async rescoreAll(asOf: string = this.today()): Promise<{ asOf: string; customers: number; method: string; milliseconds: number }> {
    const { raw, db } = this.session.require().database;
    const started = performance.now();
    const settings = await readRiskSettings(db);
    const { baseCurrency } = await readAppSettings(db);
    const now = this.config.now();
    const result = await db.connection().execute(async () => {
      const snapshot = loadSnapshot(raw, baseCurrency);
      const scores = scoreLedger(snapshot, asOf, engineSettings(settings), { watchList: loadWatchList(raw), contactChanges: loadContactChanges(raw) });
      raw.transaction(() => this.storeScores(raw, scores, now))();
      return scores;
    });
    this.cachedContext = { ledgerId: this.session.require().ledger.id, context: result.context };
    const milliseconds = Math.round(performance.now() - started);
    this.log.info({ asOf, customers: result.customers.length, method: result.context.model.kind, milliseconds }, 'ledger rescored');
    this.session.emit('risk.updated', { asOf, customers: result.customers.length });
    return { asOf, customers: result.customers.length, method: result.context.model.kind, milliseconds };
  }

  private storeScores(raw: Database.Database, scores: LedgerScores, now: Date): void {
    const computedAt = now.toISOString();
    raw.prepare('delete from customer_scores').run();
    const insert = raw.prepare(`insert into customer_scores (customer_id, as_of, method, score, band, probability, sma_class, days_past_due, outstanding_minor, overdue_minor,
      exposure_minor, suggested_action, indicator_count, indicator_severity, reasons_json, indicators_json, computed_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const history = raw.prepare('insert into score_history (customer_id, as_of, score, band, sma_class) values (?, ?, ?, ?, ?) on conflict (customer_id, as_of) do update set score = excluded.score, band = excluded.band, sma_class = excluded.sma_class');
    for (const score of scores.customers) {
      insertScore(insert, score, scores.asOf, computedAt);
      history.run(score.customerId, scores.asOf, score.score, score.band, score.smaClass);
    }
    raw.prepare('insert into portfolio_history (as_of, summary_json, computed_at) values (?, ?, ?) on conflict (as_of) do update set summary_json = excluded.summary_json, computed_at = excluded.computed_at')
      .run(scores.asOf, JSON.stringify(scores.portfolio), computedAt);
    raw.prepare('insert into model_runs (as_of, method, model_json, computed_at) values (?, ?, ?, ?)').run(scores.asOf, scores.context.model.kind, JSON.stringify(scores.context.model), computedAt);
    appendAuditRaw(raw, { action: 'scoring.run', entityType: 'ledger', details: { asOf: scores.asOf, customers: scores.customers.length, method: scores.context.model.kind } }, now);
  }

  /**
   * Rescores one customer with the model and ledger-wide indexes of the last full run, reading
   * only that customer's records. Falls back to a full run when there is no usable context.
   */
  async rescoreCustomer(customerId: number): Promise<CustomerScore | null> {
    const { raw, db, ledger } = { ...this.session.require().database, ledger: this.session.require().ledger };
    const context = this.cachedContext?.ledgerId === ledger.id && this.cachedContext.context.asOf === this.today() ? this.cachedContext.context : null;
    if (context === null) {
      await this.rescoreAll();
      return null;
    }
    const { baseCurrency } = await readAppSettings(db);
    const now = this.config.now();
    return db.connection().execute(async () => {
      const snapshot = loadSnapshot(raw, baseCurrency, customerId);
      if (snapshot.customers.length === 0) throw new ServiceError('not_found', `No customer has the id ${customerId}.`);
      const score = scoreCustomer(snapshot, customerId, context);
      const store = raw.transaction(() => {
        raw.prepare('delete from customer_scores where customer_id = ?').run(customerId);
        insertScore(raw.prepare(`insert into customer_scores (customer_id, as_of, method, score, band, probability, sma_class, days_past_due, outstanding_minor, overdue_minor,
          exposure_minor, suggested_action, indicator_count, indicator_severity, reasons_json, indicators_json, computed_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`), score, context.asOf, now.toISOString());
      });
      // Scores are derived from the ledger and recomputed on every start, so their write may skip
      // the WAL fsync: a power cut can lose it but cannot damage the file. The records the
      // score is computed from were committed with synchronous=FULL before this runs.
      raw.pragma('synchronous = NORMAL');
      try {
        store();
      } finally {
        raw.pragma('synchronous = FULL');
      }
      return score;
    });
  }

  /** Rescores when the stored scores are from an earlier day than today (a new day, or a ledger closed for a while). */
  async ensureCurrent(): Promise<void> {
    const { db } = this.session.require().database;
    const latest = await db.selectFrom('portfolio_history').select('as_of').orderBy('as_of', 'desc').limit(1).executeTakeFirst();
    const customers = await db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    if (Number(customers.count) === 0) return;
    if (latest === undefined || latest.as_of < this.today()) await this.rescoreAll();
  }

  async customers(query: RiskQuery) {
    const { raw } = this.session.require().database;
    return queryRiskRows(raw, riskQuerySchema.parse(query));
  }

  async portfolio(): Promise<PortfolioView | null> {
    const { raw } = this.session.require().database;
    const rows = raw.prepare('select as_of, summary_json, computed_at from portfolio_history order by as_of desc limit 12').all() as { as_of: string; summary_json: string; computed_at: string }[];
    const latest = rows[0];
    if (latest === undefined) return null;
    const summary = JSON.parse(latest.summary_json) as PortfolioView['summary'];
    const dsoTrend = rows.map((row) => {
      const past = JSON.parse(row.summary_json) as PortfolioView['summary'];
      return { asOf: row.as_of, dsoDays: past.dso.days ?? null, outstandingMinor: past.outstandingMinor, overdueMinor: past.overdueMinor };
    }).reverse();
    const monthStart = `${latest.as_of.slice(0, 8)}01`;
    const bandMoves = raw.prepare(`select h.customer_id, c.name, (select b.band from score_history b where b.customer_id = h.customer_id and b.as_of < ? order by b.as_of desc limit 1) as from_band,
        h.band as to_band, h.as_of from score_history h join customers c on c.id = h.customer_id where h.as_of = ?`).all(monthStart, latest.as_of) as { customer_id: number; name: string; from_band: string | null; to_band: string; as_of: string }[];
    return {
      asOf: latest.as_of,
      computedAt: latest.computed_at,
      summary,
      dsoTrend,
      bandMoves: bandMoves.filter((move) => move.from_band !== null && move.from_band !== move.to_band).slice(0, 200)
        .map((move) => ({ customerId: move.customer_id, name: move.name, from: move.from_band ?? '', to: move.to_band, asOf: move.as_of })),
    };
  }

  /**
   * Returns one customer's full result (reasons, analytics, indicators, SMA status) by scoring it
   * again with the context of the last full run, which gives the stored score in about a
   * millisecond and spares storing every customer's analytics.
   */
  async customerRisk(customerId: number): Promise<{ risk: CustomerRiskDetail | null; history: ReturnType<typeof invoiceHistory>; scoreHistory: { asOf: string; score: number; band: string; smaClass: string }[] }> {
    const { raw, db } = this.session.require().database;
    const scored = raw.prepare('select 1 from customer_scores where customer_id = ?').get(customerId) !== undefined;
    let risk: CustomerRiskDetail | null = null;
    if (scored) {
      const context = await this.currentContext();
      const { baseCurrency } = await readAppSettings(db);
      const score = scoreCustomer(loadSnapshot(raw, baseCurrency, customerId), customerId, context);
      risk = {
        asOf: context.asOf, method: score.method, score: score.score, band: score.band, probability: score.probability, reasons: score.reasons, indicators: score.indicators,
        analytics: score.analytics, sma: score.sma, smaClass: score.smaClass, suggestedAction: score.suggestedAction, actionBasis: score.actionBasis,
      };
    }
    const scoreHistory = (raw.prepare('select as_of, score, band, sma_class from score_history where customer_id = ? order by as_of').all(customerId) as { as_of: string; score: number; band: string; sma_class: string }[])
      .map((point) => ({ asOf: point.as_of, score: point.score, band: point.band, smaClass: point.sma_class }));
    return { risk, history: invoiceHistory(raw, customerId, risk?.asOf ?? this.today()), scoreHistory };
  }

  /**
   * Returns the context of the stored scores: the one cached by the last full run, or after a
   * restart one rebuilt for their as-of date. Rebuilding refits the model on the same records, so
   * it gives the same scores.
   */
  async currentContext(): Promise<ScoringContext> {
    const { raw, db } = this.session.require().database;
    const ledgerId = this.session.require().ledger.id;
    const storedAsOf = (raw.prepare('select max(as_of) from customer_scores').pluck().get() as string | null) ?? this.today();
    if (this.cachedContext?.ledgerId === ledgerId && this.cachedContext.context.asOf === storedAsOf) return this.cachedContext.context;
    const settings = await readRiskSettings(db);
    const { baseCurrency } = await readAppSettings(db);
    const context = prepareScoring(loadSnapshot(raw, baseCurrency), storedAsOf, engineSettings(settings), { watchList: loadWatchList(raw), contactChanges: loadContactChanges(raw) });
    this.cachedContext = { ledgerId, context };
    return context;
  }

  async model(): Promise<ModelView | null> {
    const { raw } = this.session.require().database;
    const row = raw.prepare('select as_of, method, model_json from model_runs order by id desc limit 1').get() as { as_of: string; method: string; model_json: string } | undefined;
    if (row === undefined) return null;
    const model = JSON.parse(row.model_json) as { kind: 'logistic' | 'scorecard'; reason?: string; labelledCount: number; lateCount: number; quality?: ModelView['quality']; coefficients?: ModelView['coefficients'] };
    return { asOf: row.as_of, method: model.kind, reason: model.reason ?? null, labelledCount: model.labelledCount, lateCount: model.lateCount, quality: model.quality ?? null, coefficients: model.coefficients ?? [] };
  }

  async settings(): Promise<RiskSettings> {
    return readRiskSettings(this.session.require().database.db);
  }

  async updateSettings(changes: Partial<RiskSettings>): Promise<RiskSettings> {
    const { db } = this.session.require().database;
    const now = this.config.now();
    const next = { ...(await readRiskSettings(db)), ...changes };
    await db.transaction().execute(async (trx) => {
      await writeSetting(trx, riskSettingsKey, next, now);
      await appendAudit(trx, { action: 'settings.changed', entityType: 'settings', details: { keys: Object.keys(changes).map((key) => `risk.${key}`) } }, now);
    });
    await this.rescoreAll();
    return next;
  }

  /** Counts customers per band under the current and the proposed settings, from the stored scores. */
  async previewSettings(changes: Partial<RiskSettings>) {
    const { raw, db } = this.session.require().database;
    const current = await readRiskSettings(db);
    const proposed = { ...current, ...changes };
    const scored = (raw.prepare('select s.customer_id, c.segment, s.score, s.band, s.exposure_minor from customer_scores s join customers c on c.id = s.customer_id').all() as { customer_id: number; segment: string | null; score: number; band: string; exposure_minor: number }[])
      .map((row) => ({ customerId: row.customer_id, segment: row.segment, score: row.score, band: row.band as RiskRow['band'], analytics: { credit: { exposureMinor: row.exposure_minor } } }));
    const count = (counts: ReturnType<typeof previewBands>) => Object.fromEntries(counts.map((entry) => [entry.band, entry.customers]));
    const before = previewBands(scored, engineSettings(current));
    const after = previewBands(scored, engineSettings(proposed));
    return { current: count(before), proposed: count(after), moved: after.reduce((sum, entry) => sum + entry.movedIn, 0) };
  }
}

function insertScore(insert: Database.Statement, score: CustomerScore, asOf: string, computedAt: string): void {
  // Only warnings count towards the list's indicator column and filter; informational findings
  // (a valid GSTIN, say) stay in the detail view.
  const warnings = score.indicators.filter((indicator) => indicator.severity !== 'info');
  let severity: string | null = null;
  if (warnings.some((indicator) => indicator.severity === 'high')) severity = 'high';
  else if (warnings.length > 0) severity = 'warning';
  insert.run(score.customerId, asOf, score.method, score.score, score.band, score.probability, score.smaClass, score.analytics.daysPastDue, score.analytics.outstandingMinor,
    score.analytics.overdueMinor, score.analytics.credit.exposureMinor, score.suggestedAction, warnings.length, severity,
    JSON.stringify(score.reasons), JSON.stringify(score.indicators), computedAt);
}

export { defaultRiskSettings };
