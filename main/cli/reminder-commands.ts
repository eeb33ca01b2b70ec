import type { ReminderRun } from '../../core/contract/reminders';
import { isIsoDate } from '../../core/ledger/dates';
import { localToInstant } from '../../core/reminders/local-time';
import { unlockLedgerAt, type CliContext } from './context';
import type { OptionValues } from './customer-commands';
import { UsageError } from './secrets';

const withZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const wallClock = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(:\d{2})?$/;

/**
 * Reads `--as-of`: an ISO 8601 date and time with a zone (2026-12-04T10:30:00+05:30, …Z), or
 * without one, in the reminder settings' default time zone. Left out, it is the current time.
 */
export function parseAsOf(value: string | undefined, defaultTimeZone: string, now: Date): Date {
  if (value === undefined || value === '') return now;
  if (withZone.test(value)) {
    const instant = new Date(value);
    if (!Number.isNaN(instant.getTime()) && isIsoDate(value.slice(0, 10))) return instant;
  }
  const local = wallClock.exec(value);
  if (local !== null && isIsoDate(local[1] ?? '') && Number(local[2]) < 24 && Number(local[3]) < 60) {
    return new Date(localToInstant(local[1] ?? '', Number(local[2]) * 60 + Number(local[3]), defaultTimeZone));
  }
  throw new UsageError(`--as-of "${value}" is not a date and time: write it like 2026-12-04T10:30 (in the reminders' time zone) or 2026-12-04T05:00:00Z.`);
}

function describeRun(run: ReminderRun): string[] {
  if (run.mode === 'off') return ['Reminders are off for this ledger, so nothing was planned or sent. Turn them on under Reminders > Settings.'];
  const verb = run.mode === 'review' ? 'drafted for review' : 'queued';
  const lines = [`Reminders as of ${run.asOf} (${run.mode} mode): ${run.created.length} ${verb}, ${run.delivered.filter((entry) => entry.status === 'sent').length} e-mailed, ${run.skipped.length} skipped, ${run.deferred.length} deferred.`];
  for (const entry of run.created) lines.push(`${entry.status === 'draft' ? 'drafted' : 'queued'}  #${entry.outboxId} ${entry.channel} to ${entry.customerName} for ${entry.invoiceNumbers.join(', ')}`);
  for (const entry of run.delivered) {
    const detail = entry.status === 'queued' ? `, retry at ${entry.nextAttemptAt ?? '?'}` : '';
    lines.push(`${entry.status}  #${entry.outboxId}${entry.error === null ? '' : `: ${entry.error}`}${detail}`);
  }
  for (const id of run.unconfirmed) lines.push(`unconfirmed  #${id}: a previous run stopped while sending it, so it is recorded as sent and not sent again. Resend it from the outbox if it did not arrive.`);
  for (const entry of run.skipped) lines.push(`skipped  ${entry.customerName} ${entry.invoiceNumber} (${entry.reason}): ${entry.message}`);
  for (const entry of run.deferred) lines.push(`deferred  ${entry.channel} to ${entry.customerName} (${entry.reason}) until ${entry.notBefore ?? '?'}: ${entry.message}`);
  return lines;
}

/**
 * `reminders run --ledger PATH [--as-of DATETIME]`: plans the reminders due at that moment, sends
 * the e-mail (or drafts it in review mode) with the ledger's stored SMTP settings, and lists what
 * was sent, skipped and deferred. Exit status 1 when an e-mail failed or waits for a retry.
 */
export async function remindersRun(context: CliContext, options: OptionValues): Promise<number> {
  const ledger = options.ledger;
  await unlockLedgerAt(context, typeof ledger === 'string' ? ledger : undefined);
  const reminders = context.services.reminders;
  const { settings } = await reminders.getSettings();
  const asOfOption = options['as-of'];
  const asOf = parseAsOf(typeof asOfOption === 'string' ? asOfOption : undefined, settings.defaultTimeZone, context.services.config.now());
  const run = await reminders.runDue(asOf);
  context.output(run, describeRun(run));
  return run.delivered.some((entry) => entry.status === 'failed' || entry.status === 'queued') ? 1 : 0;
}
