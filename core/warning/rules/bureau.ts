import { toDayNumber } from '../../ledger/dates';
import { eventFinding, stateFinding, type CustomerView } from '../customer-view';
import type { BureauReport, Finding } from '../types';

/** Returns how much worse `current` is than `earlier` on their shared scale: points lost, or ranks gained. */
function worsening(earlier: BureauReport, current: BureauReport): number {
  return current.scale === 'rank-1-10' ? current.value - earlier.value : earlier.value - current.value;
}

/**
 * Flags a bureau score at least `minPoints` below (300-900 scale) or a rank at least `minRanks` worse
 * (rank 1-10, 1 best) than the customer's previous report from the same bureau on the same
 * scale. Dated on the report date.
 */
export function bureauDrop(view: CustomerView, out: Finding[]): void {
  const rule = view.settings.rules['bureau-drop'];
  if (!rule.enabled) return;
  const latestBySeries = new Map<string, BureauReport>();
  for (const report of view.bureauReports) {
    const day = toDayNumber(report.reportDate);
    if (day > view.day) break;
    const series = `${report.bureau}|${report.scale}`;
    const earlier = latestBySeries.get(series);
    latestBySeries.set(series, report);
    if (earlier === undefined) continue;
    const drop = worsening(earlier, report);
    const limit = report.scale === 'rank-1-10' ? rule.minRanks : rule.minPoints;
    if (drop < limit) continue;
    const unit = report.scale === 'rank-1-10' ? 'ranks' : 'points';
    const finding = eventFinding(view, day, {
      rule: 'bureau-drop',
      subject: `report:${report.id}`,
      severity: bureauSeverity(report),
      message: `${report.bureau} ${report.scale === 'rank-1-10' ? 'rank' : 'score'} went from ${earlier.value} on ${earlier.reportDate} to ${report.value}: ${drop} ${unit} worse.`,
      evidence: { invoices: [], paymentIds: [], values: { bureau: report.bureau, scale: report.scale, previous: earlier.value, current: report.value, previousDate: earlier.reportDate, reportId: report.id } },
    });
    if (finding !== null) out.push(finding);
  }
}

/** Flags a customer with no bureau report for more than `maxAgeDays`, for a customer that has at least one report. */
export function bureauStale(view: CustomerView, out: Finding[]): void {
  const rule = view.settings.rules['bureau-stale'];
  if (!rule.enabled) return;
  let latest: BureauReport | null = null;
  for (const report of view.bureauReports) {
    if (toDayNumber(report.reportDate) > view.day) break;
    latest = report;
  }
  if (latest === null) return;
  const age = view.day - toDayNumber(latest.reportDate);
  if (age <= rule.maxAgeDays) return;
  out.push(stateFinding(view, {
    rule: 'bureau-stale',
    subject: 'stale',
    severity: 'info',
    message: `The latest bureau report is from ${latest.reportDate}, more than ${rule.maxAgeDays} days ago.`,
    evidence: { invoices: [], paymentIds: [], values: { latestReportDate: latest.reportDate, maxAgeDays: rule.maxAgeDays } },
  }));
}

/**
 * Returns high for a rank of 7 or worse or a score below 650, else warning.
 * NOTE: both cut-offs are this module's choice, not a bureau's published band.
 */
function bureauSeverity(report: BureauReport): 'high' | 'warning' {
  if (report.scale === 'rank-1-10') return report.value >= 7 ? 'high' : 'warning';
  return report.value < 650 ? 'high' : 'warning';
}
