import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReminderSettingsInput } from '../../core/reminders/settings';
import type { Services } from '../../main/services/index';
import { addCustomer, addDispute, addInvoice, addPromise, configureReminders, createReminderLedger, ledgerDb, reopenReminderLedger, TestClock } from '../support/reminder-ledger';
import { makeTempDir } from '../support/services';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';

// All instants are UTC; Asia/Kolkata is 5:30 ahead. 4 December 2026 is a Friday.
const fridayMorning = '2026-12-04T05:00:00.000Z'; // 10:30 IST

/** E-mail only, so each run sends at most one message per customer. */
const emailOnly: ReminderSettingsInput = {
  schedules: [{
    id: 'email',
    name: 'E-mail only',
    steps: [
      { id: 'due-date', offsetDays: 0, templateId: 'due-today', tone: 'neutral', channels: ['email'] },
      { id: 'overdue-7', offsetDays: 7, templateId: 'overdue-polite', tone: 'polite', channels: ['email'] },
      { id: 'overdue-15', offsetDays: 15, templateId: 'overdue-neutral', tone: 'neutral', channels: ['email'] },
    ],
  }],
  assignment: { defaultScheduleId: 'email', byBand: {} },
};

describe('reminder timing with a fixed clock', () => {
  let data: ReturnType<typeof makeTempDir>;
  let smtp: TestSmtpServer;
  let clock: TestClock;
  let services: Services;

  beforeEach(async () => {
    data = makeTempDir('duewatch-reminders-timing-');
    smtp = await startSmtpServer();
    clock = new TestClock(new Date(fridayMorning));
    services = await createReminderLedger(data.path, clock);
  });

  afterEach(async () => {
    await services.shutdown();
    await smtp.close();
    data.remove();
  });

  const recipients = () => smtp.messages.map((message) => message.to.join(','));

  it('defers reminders outside the sending hours', async () => {
    const customer = await addCustomer(services, 'Kapoor Electricals', { email: 'accounts@kapoor.example' });
    await addInvoice(services, customer, 'INV-1', '2026-11-27', 1_000_000);
    await configureReminders(services, { mode: 'automatic', port: smtp.port, settings: emailOnly });

    const evening = await services.reminders.runDue(clock.set('2026-12-04T14:30:00.000Z')); // 20:00 IST
    expect(smtp.messages).toHaveLength(0);
    expect(evening.deferred).toEqual([expect.objectContaining({ customerId: customer, reason: 'quiet-hours', notBefore: '2026-12-05T02:30:00.000Z' })]);

    await services.reminders.runDue(clock.set('2026-12-05T02:29:00.000Z')); // 07:59 IST
    expect(smtp.messages).toHaveLength(0);
    await services.reminders.runDue(clock.set('2026-12-05T02:30:00.000Z')); // 08:00 IST
    expect(recipients()).toEqual(['accounts@kapoor.example']);
  });

  it('waits over off-days and holidays', async () => {
    const customer = await addCustomer(services, 'Kapoor Electricals', { email: 'accounts@kapoor.example' });
    await addInvoice(services, customer, 'INV-1', '2026-12-06', 1_000_000);
    await configureReminders(services, { mode: 'automatic', port: smtp.port, settings: { ...emailOnly, sendWindow: { holidays: [{ date: '2026-12-07', name: 'Office closed' }] } } });

    const sunday = await services.reminders.runDue(clock.set('2026-12-06T05:00:00.000Z'));
    expect(sunday.deferred[0]?.reason).toBe('weekly-off-day');
    const holiday = await services.reminders.runDue(clock.set('2026-12-07T05:00:00.000Z'));
    expect(holiday.deferred[0]).toMatchObject({ reason: 'holiday', notBefore: '2026-12-08T02:30:00.000Z' });
    expect(smtp.messages).toHaveLength(0);
    await services.reminders.runDue(clock.set('2026-12-08T02:30:00.000Z'));
    expect(smtp.messages).toHaveLength(1);
  });

  it('keeps to the weekly cap', async () => {
    const customer = await addCustomer(services, 'Kapoor Electricals', { email: 'accounts@kapoor.example' });
    await addInvoice(services, customer, 'INV-1', '2026-12-04', 1_000_000);
    await addInvoice(services, customer, 'INV-2', '2026-12-04', 2_000_000);
    const ungrouped = { ...emailOnly, schedules: emailOnly.schedules?.map((schedule) => ({ ...schedule, groupInvoices: false })), weeklyCap: 1 };
    await configureReminders(services, { mode: 'automatic', port: smtp.port, settings: ungrouped });

    const first = await services.reminders.runDue(clock.now());
    expect(smtp.messages).toHaveLength(1);
    expect(first.deferred).toEqual([expect.objectContaining({ reason: 'weekly-cap', notBefore: '2026-12-11T05:00:00.000Z' })]);

    await services.reminders.runDue(clock.set('2026-12-07T05:00:00.000Z'));
    await services.reminders.runDue(clock.set('2026-12-11T04:59:00.000Z'));
    expect(smtp.messages).toHaveLength(1);
    await services.reminders.runDue(clock.set('2026-12-11T05:00:00.000Z'));
    expect(smtp.messages).toHaveLength(2);
  });

  it('promise to pay pauses reminders', async () => {
    const customer = await addCustomer(services, 'Kapoor Electricals', { email: 'accounts@kapoor.example' });
    const invoice = await addInvoice(services, customer, 'INV-1', '2026-11-27', 1_000_000);
    await addPromise(services, customer, invoice, '2026-12-01', '2026-12-09', 1_000_000);
    await configureReminders(services, { mode: 'automatic', port: smtp.port, settings: emailOnly });

    const covered = await services.reminders.runDue(clock.now());
    expect(covered.skipped).toEqual([expect.objectContaining({ invoiceNumber: 'INV-1', reason: 'promise-to-pay' })]);
    expect(covered.skipped[0]?.message).toContain('09/12/2026');
    await services.reminders.runDue(clock.set('2026-12-09T05:00:00.000Z'));
    expect(smtp.messages).toHaveLength(0);

    await services.reminders.runDue(clock.set('2026-12-10T05:00:00.000Z'));
    expect(recipients()).toEqual(['accounts@kapoor.example']);
    const history = await services.reminders.historyFor(customer);
    expect(history.map((entry) => `${entry.kind}:${entry.status}:${entry.reason}`)).toEqual(['message:sent:null', 'skip:skipped:promise-to-pay']);
  });

  it('skips a disputed invoice', async () => {
    const disputed = await addCustomer(services, 'Sharma Agencies', { email: 'accounts@sharma.example' });
    const invoice = await addInvoice(services, disputed, 'INV-9', '2026-11-27', 1_000_000);
    await addDispute(services, invoice, '2026-11-30');
    const other = await addCustomer(services, 'Kapoor Electricals', { email: 'accounts@kapoor.example' });
    await addInvoice(services, other, 'INV-1', '2026-11-27', 1_000_000);
    await configureReminders(services, { mode: 'automatic', port: smtp.port, settings: emailOnly });

    const run = await services.reminders.runDue(clock.now());
    expect(recipients()).toEqual(['accounts@kapoor.example']);
    expect(run.skipped).toEqual([expect.objectContaining({ customerId: disputed, reason: 'disputed' })]);
    const audit = await ledgerDb(services).selectFrom('reminder_skips').select(['reason']).execute();
    expect(audit).toEqual([{ reason: 'disputed' }]);
  });

  it('catch-up sends only latest step', async () => {
    const customer = await addCustomer(services, 'Kapoor Electricals', { email: 'accounts@kapoor.example' });
    await addInvoice(services, customer, 'INV-1', '2026-11-20', 1_000_000);
    await configureReminders(services, { mode: 'automatic', port: smtp.port, settings: emailOnly });
    await services.reminders.runDue(clock.set('2026-11-20T05:00:00.000Z'));
    expect(smtp.messages.map((message) => message.mail.headers.get('subject'))).toEqual(['Payment due today: ₹10,000.00 to Mehta Steel Works']);
    await services.shutdown();

    // Closed from 20 November to 4 December: the 7-day step fell due on 27 November.
    services = await reopenReminderLedger(data.path, clock);
    clock.set(fridayMorning);
    const first = await services.reminders.runDue(clock.now());
    const second = await services.reminders.runDue(clock.now());
    expect(first.created).toHaveLength(1);
    expect(second.created).toHaveLength(0);
    expect(smtp.messages.map((message) => message.mail.headers.get('subject'))).toEqual(['Payment due today: ₹10,000.00 to Mehta Steel Works', 'Overdue payment: ₹10,000.00 to Mehta Steel Works']);
    const keys = await ledgerDb(services).selectFrom('reminder_outbox_invoices').select('idempotency_key').orderBy('idempotency_key').execute();
    expect(keys.map((row) => row.idempotency_key.replace(/^\d+:/, ''))).toEqual(['due-date:0:email', 'overdue-7:0:email']);
  });

  it('stale step is not sent late', async () => {
    const customer = await addCustomer(services, 'Kapoor Electricals', { email: 'accounts@kapoor.example' });
    await addInvoice(services, customer, 'INV-1', '2026-10-01', 1_000_000);
    await configureReminders(services, { mode: 'automatic', port: smtp.port, settings: { ...emailOnly, maxCatchUpDays: 30 } });
    const run = await services.reminders.runDue(clock.now());
    expect(smtp.messages).toHaveLength(0);
    expect(run.skipped).toEqual([expect.objectContaining({ reason: 'catch-up-expired', stepId: 'overdue-15' })]);
  });

  it('crash after handover sends no duplicate', async () => {
    const customer = await addCustomer(services, 'Kapoor Electricals', { email: 'accounts@kapoor.example' });
    await addInvoice(services, customer, 'INV-1', '2026-11-27', 1_000_000);
    await smtp.close();
    // The server closes the ledger when the message arrives and before it replies, as if the app
    // stopped right after handing the message over: the outbox row stays in `sending`.
    smtp = await startSmtpServer({ beforeReply: () => services.session.close('closed') });
    await configureReminders(services, { mode: 'automatic', port: smtp.port, settings: emailOnly });
    await expect(services.reminders.runDue(clock.now())).rejects.toThrow();
    expect(smtp.messages).toHaveLength(1);
    const messageId = smtp.messages[0]?.mail.headers.get('message-id');

    services = await reopenReminderLedger(data.path, clock);
    const status = async () => (await ledgerDb(services).selectFrom('reminder_outbox').select(['id', 'status', 'delivery_confirmed', 'attempts']).executeTakeFirstOrThrow());
    expect(await status()).toMatchObject({ status: 'sending', attempts: 1 });
    await services.reminders.runDue(clock.set('2026-12-04T05:01:00.000Z'));
    expect(smtp.messages).toHaveLength(1);

    const later = await services.reminders.runDue(clock.set('2026-12-04T05:10:00.000Z'));
    expect(smtp.messages).toHaveLength(1);
    const row = await status();
    expect(later.unconfirmed).toEqual([row.id]);
    expect(row).toMatchObject({ status: 'sent', delivery_confirmed: 0 });
    await services.reminders.runDue(clock.set('2026-12-05T05:00:00.000Z'));
    expect(smtp.messages).toHaveLength(1);

    // Resending on request reuses the Message-ID, so a mailbox that has the first copy can drop it.
    await smtp.close();
    smtp = await startSmtpServer();
    await configureReminders(services, { mode: 'automatic', port: smtp.port, settings: emailOnly });
    await services.reminders.act('retry', [row.id]);
    expect(smtp.messages[0]?.mail.headers.get('message-id')).toBe(messageId);
    expect(await status()).toMatchObject({ status: 'sent', delivery_confirmed: 1 });
  });

  it('review mode sends approved drafts only', async () => {
    const kapoor = await addCustomer(services, 'Kapoor Electricals', { email: 'accounts@kapoor.example' });
    await addInvoice(services, kapoor, 'INV-1', '2026-11-27', 1_000_000);
    const sharma = await addCustomer(services, 'Sharma Agencies', { email: 'accounts@sharma.example' });
    await addInvoice(services, sharma, 'INV-2', '2026-11-27', 1_000_000);
    await configureReminders(services, { mode: 'review', port: smtp.port, settings: emailOnly });

    const run = await services.reminders.runDue(clock.now());
    expect(run.created.map((entry) => entry.status)).toEqual(['draft', 'draft']);
    expect(smtp.messages).toHaveLength(0);
    const [first, second] = run.created;
    await services.reminders.act('approve', [first?.outboxId ?? 0]);
    await services.reminders.act('cancel', [second?.outboxId ?? 0]);
    await services.reminders.runDue(clock.set('2026-12-05T05:00:00.000Z'));
    expect(recipients()).toEqual([first?.customerId === kapoor ? 'accounts@kapoor.example' : 'accounts@sharma.example']);
    const { counts } = await services.reminders.outbox([], 50);
    expect(counts).toEqual({ sent: 1, cancelled: 1 });
  });
});
