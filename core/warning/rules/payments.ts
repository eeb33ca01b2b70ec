import { NEVER } from '../../scoring/index/days';
import { cusumAlarms } from '../cusum';
import { daysBeyondTerms, eventFinding, invoiceEvidence, settledInOrder, type CustomerView } from '../customer-view';
import type { Finding } from '../types';

/**
 * Flags the first late payment after a run of on-time ones: an invoice settled more than the grace days
 * after its due date, when the `onTimeRun` invoices settled before it were all on time. Dated on
 * the settlement day. Later invoices of the same late streak do not repeat the alert, because
 * their run then contains this late one.
 */
export function firstLatePayment(view: CustomerView, out: Finding[]): void {
  const rule = view.settings.rules['first-late-payment'];
  if (!rule.enabled) return;
  const { index } = view;
  const settled = settledInOrder(view);
  for (let position = rule.onTimeRun; position < settled.length; position++) {
    const invoice = settled[position]!;
    const late = daysBeyondTerms(index, invoice);
    if (late <= view.graceDays) continue;
    const run = settled.slice(position - rule.onTimeRun, position);
    if (run.some((earlier) => daysBeyondTerms(index, earlier) > view.graceDays)) continue;
    const finding = eventFinding(view, index.settledDay[invoice] ?? 0, {
      rule: 'first-late-payment',
      subject: `invoice:${index.invoices[invoice]!.id}`,
      severity: 'warning',
      message: `Invoice ${index.invoices[invoice]!.invoiceNumber} was paid ${late} days after its due date, after ${rule.onTimeRun} invoices paid on time.`,
      evidence: { invoices: [invoiceEvidence(index, invoice), ...run.map((earlier) => invoiceEvidence(index, earlier))], paymentIds: [], values: { daysLate: late, onTimeRun: rule.onTimeRun, graceDays: view.graceDays } },
    });
    if (finding !== null) out.push(finding);
  }
}

/** Flags days beyond terms rising against the customer's own baseline, by the CUSUM test in ../cusum. */
export function lateTrend(view: CustomerView, out: Finding[]): void {
  const rule = view.settings.rules['late-trend'];
  if (!rule.enabled) return;
  const { index } = view;
  const settled = settledInOrder(view);
  const series = settled.map((invoice) => daysBeyondTerms(index, invoice));
  const alarms = cusumAlarms(series, { baselineCount: rule.baselineCount, minBaseline: rule.minBaseline, allowance: rule.allowance, threshold: rule.threshold, minStd: rule.minStdDays });
  for (const alarm of alarms) {
    const runInvoices = settled.slice(alarm.runStart, alarm.alarmAt + 1);
    const runStart = settled[alarm.runStart]!;
    const recent = runInvoices.map((invoice) => daysBeyondTerms(index, invoice));
    const finding = eventFinding(view, index.settledDay[settled[alarm.alarmAt]!] ?? 0, {
      rule: 'late-trend',
      subject: `run:${index.invoices[runStart]!.id}`,
      severity: 'warning',
      message: `Days beyond terms rose to ${recent.join(', ')} against a usual ${alarm.baselineMean.toFixed(1)} ± ${alarm.baselineStd.toFixed(1)} days.`,
      evidence: {
        invoices: runInvoices.map((invoice) => invoiceEvidence(index, invoice)),
        paymentIds: [],
        values: { baselineMeanDays: round2(alarm.baselineMean), baselineStdDays: round2(alarm.baselineStd), cusum: round2(alarm.sum), threshold: rule.threshold, latestDaysLate: recent.at(-1) ?? 0 },
      },
    });
    if (finding !== null) out.push(finding);
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

interface FirstPayment {
  readonly invoice: number;
  readonly day: number;
  readonly full: boolean;
}

/**
 * Classifies each invoice by the day of its first payment: full when the invoice was settled
 * that day from its whole amount, partial when a balance remained at the end of that day.
 * Invoices reduced by a credit note first are left out, because a credit note is no payment.
 */
function firstPayments(view: CustomerView): FirstPayment[] {
  const { index, customer } = view;
  const result: FirstPayment[] = [];
  for (let invoice = index.invoiceStart[customer] ?? 0; invoice < (index.invoiceStart[customer + 1] ?? 0); invoice++) {
    const start = index.eventStart[invoice] ?? 0;
    const end = index.eventStart[invoice + 1] ?? 0;
    if (start === end || (index.eventPayment[start] ?? -1) < 0 || (index.eventAmount[start] ?? 0) <= 0) continue;
    const day = index.eventDay[start] ?? 0;
    let remaining = index.amount[invoice] ?? 0;
    for (let event = start; event < end && (index.eventDay[event] ?? 0) === day; event++) remaining -= index.eventAmount[event] ?? 0;
    result.push({ invoice, day, full: remaining <= 0 });
  }
  return result.sort((a, b) => a.day - b.day || a.invoice - b.invoice);
}

/**
 * Flags a partial payment from a customer whose previous `fullPaymentRun` invoices were each paid in
 * full at once. Dated on the day of the partial payment.
 */
export function partialPayment(view: CustomerView, out: Finding[]): void {
  const rule = view.settings.rules['partial-payment'];
  if (!rule.enabled) return;
  const { index } = view;
  const payments = firstPayments(view);
  for (let position = rule.fullPaymentRun; position < payments.length; position++) {
    const current = payments[position]!;
    if (current.full) continue;
    const run = payments.slice(position - rule.fullPaymentRun, position);
    if (!run.every((earlier) => earlier.full)) continue;
    const paidMinor = paidOnDay(view, current.invoice, current.day);
    const amount = index.amount[current.invoice] ?? 0;
    const finding = eventFinding(view, current.day, {
      rule: 'partial-payment',
      subject: `invoice:${index.invoices[current.invoice]!.id}`,
      severity: 'warning',
      message: `Invoice ${index.invoices[current.invoice]!.invoiceNumber} received a part payment of ${Math.round((100 * paidMinor) / amount)}% after ${rule.fullPaymentRun} invoices paid in full.`,
      evidence: {
        invoices: [invoiceEvidence(index, current.invoice), ...run.map((earlier) => invoiceEvidence(index, earlier.invoice))],
        paymentIds: paymentIdsOnDay(view, current.invoice, current.day),
        values: { paidMinor: Math.round(paidMinor), invoiceMinor: Math.round(amount), fullPaymentRun: rule.fullPaymentRun },
      },
    });
    if (finding !== null) out.push(finding);
  }
}

function paidOnDay(view: CustomerView, invoice: number, day: number): number {
  const { index } = view;
  let paid = 0;
  for (let event = index.eventStart[invoice] ?? 0; event < (index.eventStart[invoice + 1] ?? 0); event++) {
    if ((index.eventDay[event] ?? 0) === day && (index.eventAmount[event] ?? 0) > 0) paid += index.eventAmount[event] ?? 0;
  }
  return paid;
}

function paymentIdsOnDay(view: CustomerView, invoice: number, day: number): number[] {
  const { index } = view;
  const ids: number[] = [];
  for (let event = index.eventStart[invoice] ?? 0; event < (index.eventStart[invoice + 1] ?? 0); event++) {
    const payment = index.eventPayment[event] ?? -1;
    if ((index.eventDay[event] ?? 0) === day && payment >= 0 && index.paymentReversedDay[payment] === NEVER) ids.push(index.payments[payment]!.id);
  }
  return ids;
}
