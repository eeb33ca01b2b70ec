import type Database from 'better-sqlite3-multiple-ciphers';
import type { RiskRow } from '../../../core/contract/risk';
import type { riskQuerySchema } from '../../../core/contract/risk';
import type { z } from 'zod';

type ParsedQuery = z.output<typeof riskQuerySchema>;

const sortColumns: Record<ParsedQuery['sort'], string> = {
  score: 's.score',
  name: 'c.name collate nocase',
  exposure: 's.exposure_minor',
  overdue: 's.overdue_minor',
  outstanding: 's.outstanding_minor',
  daysPastDue: 's.days_past_due',
};

/**
 * Returns one page of the scored customer list. Filtering, sorting and paging run in SQL on the
 * indexed score table, so the list stays fast for 100,000 customers. Search matches name,
 * customer code, GSTIN, PAN, e-mail and phone.
 */
export function queryRiskRows(raw: Database.Database, query: ParsedQuery): { total: number; asOf: string | null; items: RiskRow[] } {
  const conditions: string[] = ['c.erased_at is null'];
  const params: Record<string, unknown> = {};
  if (query.bands.length > 0) {
    conditions.push(`s.band in (${query.bands.map((_, index) => `@band${index}`).join(', ')})`);
    query.bands.forEach((band, index) => (params[`band${index}`] = band));
  }
  if (query.smaClasses.length > 0) {
    conditions.push(`s.sma_class in (${query.smaClasses.map((_, index) => `@sma${index}`).join(', ')})`);
    query.smaClasses.forEach((sma, index) => (params[`sma${index}`] = sma));
  }
  if (query.minScore !== undefined) {
    conditions.push('s.score >= @minScore');
    params.minScore = query.minScore;
  }
  if (query.minExposureMinor !== undefined) {
    conditions.push('s.exposure_minor >= @minExposure');
    params.minExposure = query.minExposureMinor;
  }
  if (query.overdueOnly) conditions.push('s.overdue_minor > 0');
  if (query.withIndicators) conditions.push('s.indicator_count > 0');

  if (query.search !== '') {
    const digits = query.search.replace(/\D/g, '');
    conditions.push(`(c.name like @search or c.external_ref like @search or c.gstin like @upper or c.pan like @upper
      or exists (select 1 from customer_contacts k where k.customer_id = c.id and (k.value like @lower${digits.length >= 4 ? ' or k.value like @digits' : ''})))`);
    params.search = `%${query.search}%`;
    params.upper = `%${query.search.toUpperCase()}%`;
    params.lower = `%${query.search.toLowerCase()}%`;
    if (digits.length >= 4) params.digits = `%${digits}%`;
  }

  const where = conditions.join(' and ');
  const from = 'from customer_scores s join customers c on c.id = s.customer_id';
  const total = raw.prepare(`select count(*) ${from} where ${where}`).pluck().get(params) as number;
  const direction = query.descending ? 'desc' : 'asc';
  const rows = raw.prepare(`select s.*, c.name, c.external_ref, c.gstin, c.pan ${from} where ${where} order by ${sortColumns[query.sort]} ${direction}, c.id limit @limit offset @offset`)
    .all({ ...params, limit: query.limit, offset: query.offset }) as Record<string, unknown>[];
  const asOf = (raw.prepare('select max(as_of) from customer_scores').pluck().get() as string | null) ?? null;
  return { total, asOf, items: rows.map(toRiskRow) };
}

/** Maps a stored score row, joined with the customer's name and identifiers, to a list row. */
export function toRiskRow(row: Record<string, unknown>): RiskRow {
  const reasons = JSON.parse(row.reasons_json as string) as { text: string; direction: string }[];
  return {
    customerId: row.customer_id as number,
    name: row.name as string,
    externalRef: row.external_ref as string | null,
    gstin: row.gstin as string | null,
    pan: row.pan as string | null,
    score: row.score as number,
    band: row.band as RiskRow['band'],
    smaClass: row.sma_class as RiskRow['smaClass'],
    method: row.method as string,
    outstandingMinor: row.outstanding_minor as number,
    overdueMinor: row.overdue_minor as number,
    exposureMinor: row.exposure_minor as number,
    daysPastDue: row.days_past_due as number,
    indicatorCount: row.indicator_count as number,
    indicatorSeverity: row.indicator_severity as string | null,
    suggestedAction: row.suggested_action as RiskRow['suggestedAction'],
    topReason: reasons.find((reason) => reason.direction === 'raises')?.text ?? reasons[0]?.text ?? null,
  };
}
