import type Database from 'better-sqlite3-multiple-ciphers';
import type { AlertsResponse, RiskView } from '../../../core/api/schemas';
import type { CustomerRecord } from '../../../core/contract/customers';
import type { RiskRow } from '../../../core/contract/risk';
import type { CustomerScore } from '../../../core/scoring/index';
import { nameKey } from '../../../core/quality/identifiers';
import { ServiceError } from '../errors';
import { readCustomerRecord } from './records';
import { statement } from './statements';
import { toRiskRow } from '../scoring/risk-query';

type Row = Record<string, unknown>;

export interface CustomerLookup {
  readonly gstin?: string | undefined;
  readonly pan?: string | undefined;
  readonly name?: string | undefined;
  readonly externalRef?: string | undefined;
}

/** Maximum number of customers one lookup returns. */
export const lookupLimit = 50;

/**
 * Finds customers by GSTIN, PAN or customer code exactly, or by name with the duplicate review's
 * name key (case, punctuation and legal-form words such as "Pvt Ltd" ignored). Erased customers
 * are never returned.
 */
export function lookupCustomers(raw: Database.Database, lookup: CustomerLookup): CustomerRecord[] {
  let column: string;
  let value: string;
  if (lookup.gstin !== undefined) [column, value] = ['gstin', lookup.gstin];
  else if (lookup.pan !== undefined) [column, value] = ['pan', lookup.pan];
  else if (lookup.externalRef !== undefined) [column, value] = ['external_ref', lookup.externalRef];
  else [column, value] = ['name_key', nameKey(lookup.name ?? '')];
  const ids = statement(raw, `select id from customers where ${column} = ? and erased_at is null order by id limit ${lookupLimit}`).pluck().all(value) as number[];
  return ids.map((id) => readCustomerRecord(raw, id));
}

export function readCustomer(raw: Database.Database, id: number): CustomerRecord {
  const erased = statement(raw, 'select erased_at from customers where id = ?').pluck().get(id) as string | null | undefined;
  if (erased === undefined || erased !== null) throw new ServiceError('not_found', `No customer has the id ${id}.`);
  return readCustomerRecord(raw, id);
}

/** Returns a customer's stored score row, the one the app's risk list shows. */
export function readStoredRisk(raw: Database.Database, customerId: number): RiskRow {
  const row = statement(raw, 'select s.*, c.name, c.external_ref, c.gstin, c.pan, c.erased_at from customers c left join customer_scores s on s.customer_id = c.id where c.id = ?')
    .get(customerId) as Row | undefined;
  if (row === undefined || row.erased_at !== null) throw new ServiceError('not_found', `No customer has the id ${customerId}.`);
  if (row.score === null) throw new ServiceError('not_found', `Customer ${customerId} has no score yet. Scores are computed after each change; try again in a moment.`);
  return toRiskRow(row);
}

/**
 * Joins the stored row with the engine's detail for the same customer and context, as the app's
 * customer screen shows it: reasons, indicators, the action's basis, and the credit limit with the
 * headroom left under it (base-currency minor units).
 */
export function toRiskView(stored: RiskRow, detail: CustomerScore, asOf: string): RiskView {
  const credit = detail.analytics.credit;
  return {
    ...stored,
    asOf,
    probability: detail.probability,
    currency: detail.analytics.currency,
    reasons: detail.reasons.map((reason) => ({ ...reason })),
    indicators: detail.indicators.map((indicator) => ({ ...indicator })),
    actionBasis: [...detail.actionBasis],
    creditLimitMinor: credit.limitMinor,
    headroomMinor: credit.limitMinor === null ? null : Math.max(0, credit.limitMinor - credit.exposureMinor),
    utilisation: credit.utilisation,
    overLimitMinor: credit.overLimitMinor,
  };
}

/** Column names this reader accepts for each alert field, first match wins. */
const alertColumns = {
  id: ['id'],
  customerId: ['customer_id'],
  kind: ['rule', 'rule_id', 'type', 'code', 'kind'],
  severity: ['severity', 'level'],
  message: ['message', 'title', 'text', 'summary'],
  status: ['state', 'status'],
  createdAt: ['alert_date', 'created_at', 'raised_at', 'opened_at', 'as_of'],
} as const;
const closedColumns = ['resolved_at', 'closed_at', 'dismissed_at'];
/** States the alerts inbox lists by default; snoozed and resolved alerts are left out. */
const openStatuses = ['new', 'acknowledged', 'open', 'active'];

type AlertFields = Record<keyof typeof alertColumns, string | null>;

/** Maps each alert field to a column of the `alerts` table, or returns null when there is no such table. */
function alertFields(raw: Database.Database): { selected: AlertFields; columns: Set<string> } | null {
  const exists = statement(raw, "select 1 from sqlite_master where type = 'table' and name = 'alerts'").pluck().get() !== undefined;
  if (!exists) return null;
  const columns = new Set(statement(raw, "select name from pragma_table_info('alerts')").pluck().all() as string[]);
  const pick = (names: readonly string[]) => names.find((name) => columns.has(name)) ?? null;
  const selected = Object.fromEntries(Object.entries(alertColumns).map(([field, names]) => [field, pick(names)])) as AlertFields;
  return { selected, columns };
}

const textOrNull = (value: unknown) => (value === null || value === undefined ? null : String(value));

/**
 * Lists open alerts (state new or acknowledged) when the ledger has an `alerts` table, and none
 * otherwise.
 * NOTE: the alerts table belongs to the early-warning feature (migration 0006). This reads it
 * through sqlite_master and its column list and takes the first known name for each field, so
 * it keeps working, with nulls, if those columns are renamed.
 */
export function readOpenAlerts(raw: Database.Database, customerId: number | undefined, limit = 500): AlertsResponse {
  const table = alertFields(raw);
  if (table === null) return { available: false, items: [] };
  const { selected, columns } = table;

  const conditions = closedColumns.filter((name) => columns.has(name)).map((name) => `"${name}" is null`);
  if (selected.status !== null) conditions.push(`lower("${selected.status}") in (${openStatuses.map((status) => `'${status}'`).join(', ')})`);
  const params: unknown[] = [];
  if (customerId !== undefined) {
    if (selected.customerId === null) return { available: true, items: [] };
    conditions.push(`"${selected.customerId}" = ?`);
    params.push(customerId);
  }

  const fields = Object.entries(selected).map(([field, name]) => `${name === null ? 'null' : `"${name}"`} as "${field}"`).join(', ');
  const where = conditions.length === 0 ? '' : ` where ${conditions.join(' and ')}`;
  const orderColumn = selected.id ?? selected.createdAt;
  const order = orderColumn === null ? '' : ` order by "${orderColumn}" desc`;
  const rows = statement(raw, `select ${fields} from alerts${where}${order} limit ${limit}`).all(...params) as Row[];

  return {
    available: true,
    items: rows.map((row) => ({
      id: typeof row.id === 'number' ? row.id : null,
      customerId: typeof row.customerId === 'number' ? row.customerId : null,
      kind: textOrNull(row.kind),
      severity: textOrNull(row.severity),
      message: textOrNull(row.message),
      status: textOrNull(row.status),
      createdAt: textOrNull(row.createdAt),
    })),
  };
}
