import { identityIndicators } from '../../scoring/indicators/identity';
import type { Indicator } from '../../scoring/indicators/indicator';
import { watchListIndicators, type WatchListMatcher } from '../../scoring/indicators/insolvency';
import { stateFinding, type CustomerView } from '../customer-view';
import { severityRank, type Finding } from '../types';

/** Codes of identity indicators that report nothing wrong, or only missing identifiers. */
const quietCodes = new Set(['gstin-valid', 'pan-valid', 'identifiers-missing']);

function indicatorKey(indicator: Indicator): string {
  const entry = indicator.records.find((record) => record.kind === 'watch-list-entry');
  return entry === undefined ? indicator.code : `${indicator.code}:${entry.id}`;
}

/**
 * Flags identity problems (an invalid GSTIN or PAN, a GSTIN that carries another PAN) and
 * watch-list matches, one state episode per indicator. An indicator raises an alert on the first
 * evaluated day it fires, and again only after it stopped firing. A missing GSTIN and PAN is left
 * to the risk screens, because it is common in small ledgers and says nothing new from day to day.
 */
export function identityAndWatchList(view: CustomerView, watchList: WatchListMatcher, out: Finding[]): void {
  const rule = view.settings.rules['identity-watch-list'];
  if (!rule.enabled) return;
  const record = view.index.customers[view.customer]!;
  const indicators = [...identityIndicators(record), ...watchListIndicators(record, watchList.match(record, view.date))];
  for (const indicator of indicators) {
    if (quietCodes.has(indicator.code) || severityRank[indicator.severity] < severityRank[rule.minSeverity]) continue;
    const entry = indicator.records.find((evidence) => evidence.kind === 'watch-list-entry');
    out.push(stateFinding(view, {
      rule: 'identity-watch-list',
      subject: indicatorKey(indicator),
      severity: indicator.severity,
      message: indicator.message,
      evidence: { invoices: [], paymentIds: [], values: { ...indicator.values, code: indicator.code, watchListEntry: entry === undefined ? null : String(entry.id) } },
    }));
  }
}
