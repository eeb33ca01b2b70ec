import type { AlertView } from '../../core/contract/alerts';
import { isIsoDate } from '../../core/ledger/dates';
import { ruleDescriptions } from '../../core/warning/index';
import { unlockLedgerAt, type CliContext } from './context';
import type { OptionValues } from './customer-commands';
import { UsageError } from './secrets';

function evidenceText(alert: AlertView): string {
  const invoices = alert.evidence.invoices.map((invoice) => invoice.number);
  const values = Object.entries(alert.evidence.values).filter(([, value]) => value !== null).map(([key, value]) => `${key}=${String(value)}`);
  return [invoices.length > 0 ? `invoices ${invoices.join(', ')}` : null, ...values].filter((part) => part !== null).join('; ');
}

/**
 * `alerts --ledger PATH [--as-of DATE]`: evaluates the rules for every day since the last
 * evaluation up to the date (default today), as the app does when a ledger is opened, and lists
 * the alerts not resolved that fired by then, most severe first.
 */
export async function listAlerts(context: CliContext, options: OptionValues): Promise<void> {
  const asOf = typeof options['as-of'] === 'string' && options['as-of'] !== '' ? options['as-of'] : undefined;
  if (asOf !== undefined && !isIsoDate(asOf)) throw new UsageError(`--as-of "${asOf}" is not a date: write it as YYYY-MM-DD.`);
  await unlockLedgerAt(context, typeof options.ledger === 'string' ? options.ledger : undefined);
  const run = await context.services.alerts.evaluate(asOf);
  const day = asOf ?? context.services.scoring.today();
  const alerts: AlertView[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = context.services.alertInbox.list({ states: ['new', 'acknowledged', 'snoozed'], offset, limit: 1000 });
    alerts.push(...page.items.filter((alert) => alert.alertDate <= day));
    if (page.items.length < 1000) break;
  }
  context.output(
    {
      asOf: day, evaluatedDays: run.evaluatedDays.length, opened: run.opened,
      alerts: alerts.map((alert) => ({ id: alert.id, rule: alert.rule, severity: alert.severity, state: alert.state, date: alert.alertDate, endedOn: alert.endedOn, customerId: alert.customerId, customer: alert.customerName, customerCode: alert.customerRef, message: alert.message, evidence: alert.evidence })),
    },
    [
      `Alerts as of ${day}: ${alerts.length} not resolved (${run.evaluatedDays.length} days evaluated, ${run.opened} new).`,
      ...alerts.flatMap((alert) => [
        `${alert.alertDate}  ${alert.severity.padEnd(7)} ${ruleDescriptions[alert.rule].label}: ${alert.customerName}${alert.customerRef !== null && alert.customerRef !== alert.customerName ? ` (${alert.customerRef})` : ''} [${alert.state}${alert.endedOn === null ? '' : `, ended ${alert.endedOn}`}]`,
        `            ${alert.message}`,
        `            evidence: ${evidenceText(alert)}`,
      ]),
    ],
  );
}
