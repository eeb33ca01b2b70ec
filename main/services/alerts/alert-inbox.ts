import { alertListSchema, alertStates, type AlertListQuery, type AlertState, type AlertView, type BureauPoint } from '../../../core/contract/alerts';
import { isIsoDate } from '../../../core/ledger/dates';
import type { Evidence } from '../../../core/warning/index';
import { appendAudit } from '../audit';
import type { AppConfig } from '../config';
import { ServiceError } from '../errors';
import type { Session } from '../session';
import { lastEvaluatedKey, readSettingRaw } from './alert-store';

type Row = Record<string, unknown>;

function toView(row: Row): AlertView {
  return {
    id: row.id as number,
    rule: row.rule as AlertView['rule'],
    customerId: row.customer_id as number,
    customerName: row.name as string,
    customerRef: row.external_ref as string | null,
    kind: row.kind as AlertView['kind'],
    severity: row.severity as AlertView['severity'],
    alertDate: row.alert_date as string,
    updatedOn: row.updated_on as string,
    endedOn: row.ended_on as string | null,
    message: row.message as string,
    evidence: JSON.parse(row.evidence_json as string) as Evidence,
    state: row.state as AlertState,
    snoozedUntil: row.snoozed_until as string | null,
    resolutionNote: row.resolution_note as string | null,
  };
}

const selectAlerts = 'select a.*, c.name, c.external_ref from alerts a join customers c on c.id = a.customer_id';

/** The transition of each action: the states it accepts and the state it sets. */
const transitions = {
  acknowledge: { from: ['new', 'snoozed'], to: 'acknowledged' },
  snooze: { from: ['new', 'acknowledged', 'snoozed'], to: 'snoozed' },
  resolve: { from: ['new', 'acknowledged', 'snoozed'], to: 'resolved' },
  reopen: { from: ['resolved'], to: 'new' },
} as const satisfies Record<string, { from: readonly AlertState[]; to: AlertState }>;

export type AlertAction = keyof typeof transitions;

/** The alert inbox: listing with filters, and the user's state changes, each audited. */
export class AlertInbox {
  constructor(
    private readonly config: AppConfig,
    private readonly session: Session,
    private readonly today: () => string,
  ) {}

  list(query: AlertListQuery) {
    const { raw } = this.session.require().database;
    const parsed = alertListSchema.parse(query);
    const conditions: string[] = ['c.erased_at is null'];
    const params: Record<string, unknown> = {};
    if (parsed.rules.length > 0) {
      conditions.push(`a.rule in (${parsed.rules.map((_, index) => `@rule${index}`).join(', ')})`);
      parsed.rules.forEach((rule, index) => (params[`rule${index}`] = rule));
    }
    if (parsed.customerId !== undefined) {
      conditions.push('a.customer_id = @customerId');
      params.customerId = parsed.customerId;
    }
    if (parsed.search !== '') {
      conditions.push('(c.name like @search or c.external_ref like @search)');
      params.search = `%${parsed.search}%`;
    }
    const counts = Object.fromEntries(alertStates.map((state) => [state, 0])) as Record<AlertState, number>;
    for (const row of raw.prepare(`select a.state, count(*) as count from alerts a join customers c on c.id = a.customer_id where ${conditions.join(' and ')} group by a.state`).all(params) as { state: AlertState; count: number }[]) {
      counts[row.state] = row.count;
    }
    conditions.push(`a.state in (${parsed.states.map((_, index) => `@state${index}`).join(', ')})`);
    parsed.states.forEach((state, index) => (params[`state${index}`] = state));
    const where = conditions.join(' and ');
    const total = raw.prepare(`select count(*) from alerts a join customers c on c.id = a.customer_id where ${where}`).pluck().get(params) as number;
    const rows = raw.prepare(`${selectAlerts} where ${where} order by a.severity_rank desc, a.alert_date desc, a.id desc limit @limit offset @offset`)
      .all({ ...params, limit: parsed.limit, offset: parsed.offset }) as Row[];
    return { total, counts, lastEvaluatedDay: readSettingRaw<string>(raw, lastEvaluatedKey), items: rows.map(toView) };
  }

  /** Returns every alert of one customer, newest first, and its bureau reports in date order. */
  customer(customerId: number): { alerts: AlertView[]; bureau: BureauPoint[] } {
    const { raw } = this.session.require().database;
    const alerts = (raw.prepare(`${selectAlerts} where a.customer_id = ? order by a.alert_date desc, a.id desc limit 500`).all(customerId) as Row[]).map(toView);
    const bureau = (raw.prepare('select report_date, bureau, scale, value from bureau_reports where customer_id = ? order by report_date, id').all(customerId) as Row[])
      .map((row) => ({ reportDate: row.report_date as string, bureau: row.bureau as string, scale: row.scale as BureauPoint['scale'], value: row.value as number }));
    return { alerts, bureau };
  }

  /**
   * Moves alerts to the action's state in one transaction with one audit entry that lists their
   * ids. Alerts already in a state the action does not accept are left as they are and not counted.
   */
  async change(action: AlertAction, ids: readonly number[], options: { until?: string; note?: string } = {}): Promise<{ changed: number }> {
    const { raw, db } = this.session.require().database;
    this.checkOptions(action, options);
    const unique = [...new Set(ids)];
    const known = new Set(raw.prepare(`select id from alerts where id in (${unique.map(() => '?').join(', ')})`).pluck().all(...unique) as number[]);
    const missing = unique.filter((id) => !known.has(id));
    if (missing.length > 0) throw new ServiceError('not_found', `Alert ${missing.slice(0, 5).join(', ')} does not exist. Reload the alerts and try again.`);
    const { from, to } = transitions[action];
    const now = this.config.now();
    return db.transaction().execute(async (trx) => {
      const result = await trx.updateTable('alerts')
        .set({
          state: to,
          snoozed_until: action === 'snooze' ? (options.until ?? null) : null,
          ...(action === 'resolve' ? { resolution_note: options.note ?? null } : action === 'reopen' ? { resolution_note: null } : {}),
          state_changed_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .where('id', 'in', unique)
        .where('state', 'in', [...from])
        .executeTakeFirst();
      const changed = Number(result.numUpdatedRows);
      await appendAudit(trx, { action: `alerts.${action}`, entityType: 'alerts', details: { ids: unique, changed, ...(action === 'snooze' ? { until: options.until } : {}) } }, now);
      return { changed };
    });
  }

  private checkOptions(action: AlertAction, options: { until?: string; note?: string }): void {
    if (action === 'snooze') {
      const until = options.until ?? '';
      if (!isIsoDate(until) || until <= this.today()) throw new ServiceError('invalid_input', `Snooze date "${until}" must be a day after today (${this.today()}), written as YYYY-MM-DD.`);
    }
    if (action === 'resolve' && (options.note ?? '').trim() === '') throw new ServiceError('invalid_input', 'Write a note saying how the alert was resolved.');
  }
}
