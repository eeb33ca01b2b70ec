import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../main/services/index';
import { addCustomer, addInvoice, configureReminders, createReminderLedger, ledgerDb, TestClock } from '../support/reminder-ledger';
import { makeTempDir } from '../support/services';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';

// Friday 4 December 2026, 10:30 in Asia/Kolkata.
const fridayMorning = '2026-12-04T05:00:00.000Z';
const emailOnly = {
  schedules: [{ id: 'email', name: 'E-mail only', steps: [{ id: 'overdue-7', offsetDays: 7, templateId: 'overdue-polite', tone: 'polite' as const, channels: ['email' as const] }] }],
  assignment: { defaultScheduleId: 'email', byBand: {} },
};

/** Returns a loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address !== null ? address.port : 0;
}

describe('reminder delivery failures', () => {
  let data: ReturnType<typeof makeTempDir>;
  let clock: TestClock;
  let services: Services;
  let smtp: TestSmtpServer | null = null;

  beforeEach(async () => {
    data = makeTempDir('duewatch-reminders-failures-');
    clock = new TestClock(new Date(fridayMorning));
    services = await createReminderLedger(data.path, clock);
    const customer = await addCustomer(services, 'Kapoor Electricals', { email: 'accounts@kapoor.example' });
    await addInvoice(services, customer, 'INV-1', '2026-11-27', 1_000_000);
  });

  afterEach(async () => {
    await services.shutdown();
    await smtp?.close();
    smtp = null;
    data.remove();
  });

  const outboxRow = () => ledgerDb(services).selectFrom('reminder_outbox').select(['id', 'status', 'attempts', 'next_attempt_at', 'last_error']).executeTakeFirstOrThrow();

  it('rejected message keeps server reply', async () => {
    smtp = await startSmtpServer({ rejectWith: { code: 550, message: '5.7.1 Message rejected by policy' } });
    await configureReminders(services, { mode: 'automatic', port: smtp.port, settings: emailOnly });
    const run = await services.reminders.runDue(clock.now());
    expect(run.delivered).toEqual([expect.objectContaining({ status: 'failed', nextAttemptAt: null })]);
    expect(await outboxRow()).toMatchObject({ status: 'failed', attempts: 1, next_attempt_at: null, last_error: '550 5.7.1 Message rejected by policy (the reply to DATA)' });

    await services.reminders.runDue(clock.set('2026-12-04T06:00:00.000Z'));
    expect((await outboxRow()).attempts).toBe(1);
    const [item] = (await services.reminders.outbox(['failed'], 10)).items;
    expect(item?.lastError).toBe('550 5.7.1 Message rejected by policy (the reply to DATA)');
  });

  it('server down retries with backoff', async () => {
    const port = await closedPort();
    await configureReminders(services, { mode: 'automatic', port, settings: emailOnly });
    const run = await services.reminders.runDue(clock.now());
    expect(run.delivered).toEqual([expect.objectContaining({ status: 'queued', nextAttemptAt: '2026-12-04T05:05:00.000Z' })]);
    expect(await outboxRow()).toMatchObject({ status: 'queued', attempts: 1, next_attempt_at: '2026-12-04T05:05:00.000Z' });
    expect((await outboxRow()).last_error).toMatch(/ECONNREFUSED/);

    // Too early: nothing is attempted.
    await services.reminders.runDue(clock.set('2026-12-04T05:04:00.000Z'));
    expect((await outboxRow()).attempts).toBe(1);

    const waits: string[] = [];
    for (const at of ['2026-12-04T05:05:00.000Z', '2026-12-04T05:15:00.000Z', '2026-12-04T05:35:00.000Z']) {
      await services.reminders.runDue(clock.set(at));
      waits.push((await outboxRow()).next_attempt_at ?? '');
    }
    expect(waits).toEqual(['2026-12-04T05:15:00.000Z', '2026-12-04T05:35:00.000Z', '2026-12-04T06:15:00.000Z']);

    // The server comes back before the next attempt.
    smtp = await startSmtpServer();
    await configureReminders(services, { mode: 'automatic', port: smtp.port, settings: emailOnly });
    await services.reminders.runDue(clock.set('2026-12-04T06:15:00.000Z'));
    expect(await outboxRow()).toMatchObject({ status: 'sent', attempts: 5 });
    expect(smtp.messages).toHaveLength(1);
  });

  it('retries keep hours, then stop', async () => {
    const port = await closedPort();
    await configureReminders(services, { mode: 'automatic', port, settings: emailOnly });
    await services.reminders.runDue(clock.set('2026-12-04T13:00:00.000Z')); // 18:30 IST
    // 5 minutes later is 18:35, still open; the next waits cross 19:00 and move to Saturday 08:00.
    expect((await outboxRow()).next_attempt_at).toBe('2026-12-04T13:05:00.000Z');
    await services.reminders.runDue(clock.set('2026-12-04T13:05:00.000Z'));
    await services.reminders.runDue(clock.set('2026-12-04T13:15:00.000Z'));
    expect((await outboxRow()).next_attempt_at).toBe('2026-12-05T02:30:00.000Z');
    for (let attempt = 0; attempt < 5; attempt++) {
      const row = await outboxRow();
      if (row.status !== 'queued') break;
      await services.reminders.runDue(clock.set(row.next_attempt_at ?? ''));
    }
    expect(await outboxRow()).toMatchObject({ status: 'failed', attempts: 6, next_attempt_at: null });
  });

  it('required STARTTLS missing fails', async () => {
    smtp = await startSmtpServer();
    await configureReminders(services, { mode: 'automatic', port: smtp.port, settings: emailOnly });
    const view = await services.reminders.getSettings();
    await services.reminders.saveSettings({ delivery: { ...view.delivery, smtp: { ...view.delivery.smtp, security: 'starttls' } } });
    await services.reminders.runDue(clock.now());
    expect(smtp.messages).toHaveLength(0);
    expect(await outboxRow()).toMatchObject({ status: 'failed', last_error: expect.stringMatching(/STARTTLS/) });
  });

  it('missing SMTP host fails messages', async () => {
    await services.reminders.saveSettings({ delivery: { mode: 'automatic', smtp: { host: '', port: 587, security: 'starttls', username: '', fromAddress: '', fromName: '', replyTo: '' } } });
    await services.reminders.runDue(clock.now());
    expect(await outboxRow()).toMatchObject({ status: 'failed', last_error: expect.stringContaining('No SMTP server is set') });
  });
});
