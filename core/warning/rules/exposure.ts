import { outstandingOn, receivedBetween, stateFinding, wholeMinor, type CustomerView } from '../customer-view';
import type { Finding } from '../types';

/** Outstanding balance less unapplied credit at the evaluated day, as the risk engine's exposure. */
function exposureNow(view: CustomerView, outstanding: number): number {
  return Math.max(0, outstanding - (view.index.unappliedCredit[view.customer] ?? 0));
}

/**
 * Flags exposure above `utilisation` times the customer's own credit limit (converted to the base
 * currency). A state: one alert while the breach lasts.
 */
export function creditLimit(view: CustomerView, outstanding: number, out: Finding[]): void {
  const rule = view.settings.rules['credit-limit'];
  const record = view.index.customers[view.customer]!;
  if (!rule.enabled || record.creditLimitMinor === null) return;
  const limit = view.index.convertToBase(record.creditLimitMinor, record.creditLimitCurrency ?? view.index.baseCurrency);
  if (limit === null) return;
  const exposure = exposureNow(view, outstanding);
  if (exposure <= limit * rule.utilisation || exposure === 0) return;
  const used = limit > 0 ? Math.round((100 * exposure) / limit) : null;
  out.push(stateFinding(view, {
    rule: 'credit-limit',
    subject: 'limit',
    severity: limit === 0 || exposure > 1.25 * limit ? 'high' : 'warning',
    message: used === null ? 'Exposure is above a credit limit of zero.' : `Exposure is ${used}% of the credit limit.`,
    evidence: { invoices: [], paymentIds: [], values: { exposureMinor: wholeMinor(exposure), limitMinor: wholeMinor(limit), utilisationPercent: used } },
  }));
}

/**
 * Flags an outstanding balance at least (1 + growthShare) times what it was `windowDays` earlier and up by
 * at least `minIncreaseMinor`. A customer with nothing outstanding then is left to the
 * new-customer indicators, since any growth from zero is infinite.
 */
export function exposureGrowth(view: CustomerView, outstanding: number, earlier: number, out: Finding[]): void {
  const rule = view.settings.rules['exposure-growth'];
  if (!rule.enabled || earlier <= 0) return;
  const increase = outstanding - earlier;
  if (outstanding < earlier * (1 + rule.growthShare) || increase < rule.minIncreaseMinor) return;
  out.push(stateFinding(view, {
    rule: 'exposure-growth',
    subject: 'growth',
    severity: 'warning',
    message: `Outstanding grew ${Math.round((100 * increase) / earlier)}% in ${rule.windowDays} days.`,
    evidence: { invoices: [], paymentIds: [], values: { outstandingMinor: wholeMinor(outstanding), earlierOutstandingMinor: wholeMinor(earlier), windowDays: rule.windowDays } },
  }));
}

/**
 * Flags payments received in the last `windowDays` down by at least `dropShare` against the window
 * before, while the outstanding balance grew by at least `exposureGrowth` over the same window.
 */
export function paymentsShrinking(view: CustomerView, out: Finding[]): void {
  const rule = view.settings.rules['payments-shrinking'];
  if (!rule.enabled) return;
  const { index, customer, day } = view;
  const window = rule.windowDays;
  const previous = receivedBetween(index, customer, day - 2 * window + 1, day - window);
  if (previous <= 0) return;
  const recent = receivedBetween(index, customer, day - window + 1, day);
  if (recent > previous * (1 - rule.dropShare)) return;
  const [now = 0, then = 0] = outstandingOn(index, customer, [day, day - window]);
  if (now <= then * (1 + rule.exposureGrowth) || now === 0) return;
  out.push(stateFinding(view, {
    rule: 'payments-shrinking',
    subject: 'trend',
    severity: 'warning',
    message: `Payments in the last ${window} days fell ${Math.round((100 * (previous - recent)) / previous)}% against the ${window} days before, while the balance grew ${then > 0 ? `${Math.round((100 * (now - then)) / then)}%` : 'from nothing'}.`,
    evidence: {
      invoices: [],
      paymentIds: [],
      values: { receivedMinor: wholeMinor(recent), previousReceivedMinor: wholeMinor(previous), outstandingMinor: wholeMinor(now), earlierOutstandingMinor: wholeMinor(then), windowDays: window },
    },
  }));
}
