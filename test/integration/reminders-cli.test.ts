import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReminderRun } from '../../core/contract/reminders';
import { runDuewatch } from '../support/cli';
import { addCustomer, addInvoice, addPayment, configureReminders, createReminderLedger, TestClock } from '../support/reminder-ledger';
import { makeTempDir, testPassphrase } from '../support/services';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';

const projectRoot = join(import.meta.dirname, '..', '..');
const env = { DUEWATCH_PASSPHRASE: testPassphrase };
const emailOnly = {
  schedules: [{ id: 'email', name: 'E-mail only', steps: [
    { id: 'overdue-7', offsetDays: 7, templateId: 'overdue-polite', tone: 'polite' as const, channels: ['email' as const] },
    { id: 'overdue-15', offsetDays: 15, templateId: 'overdue-neutral', tone: 'neutral' as const, channels: ['email' as const] },
  ] }],
  assignment: { defaultScheduleId: 'email', byBand: {} },
};

/** Creates a ledger with one unpaid and one paid customer, reminders in `mode`, and returns its path. */
async function prepareLedger(folder: string, port: number, mode: 'review' | 'automatic'): Promise<string> {
  const services = await createReminderLedger(folder, new TestClock(new Date('2026-12-04T05:00:00.000Z')));
  const kapoor = await addCustomer(services, 'Kapoor Electricals', { email: 'accounts@kapoor.example' });
  await addInvoice(services, kapoor, 'INV-101', '2026-11-27', 11_800_000);
  const mehta = await addCustomer(services, 'Mehta Traders', { email: 'pay@mehtatraders.example' });
  const paid = await addInvoice(services, mehta, 'INV-201', '2026-11-27', 5_000_000);
  await addPayment(services, mehta, paid, '2026-11-30', 5_000_000);
  await configureReminders(services, { mode, port, settings: emailOnly });
  const path = services.session.require().ledger.path;
  await services.shutdown();
  return path;
}

describe('reminders run command', () => {
  const data = makeTempDir('duewatch-reminders-cli-');
  let smtp: TestSmtpServer;
  let ledger: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    ledger = await prepareLedger(join(data.path, 'automatic'), smtp.port, 'automatic');
  });

  afterAll(async () => {
    await smtp?.close();
    data.remove();
  });

  it('sends due reminders at --as-of', async () => {
    const result = await runDuewatch(['reminders', 'run', '--ledger', ledger, '--as-of', '2026-12-04T10:30', '--json'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const run = JSON.parse(result.stdout) as ReminderRun;
    expect(run.asOf).toBe('2026-12-04T05:00:00.000Z');
    expect(run.delivered).toEqual([expect.objectContaining({ status: 'sent' })]);
    expect(run.skipped).toEqual([expect.objectContaining({ customerName: 'Mehta Traders', invoiceNumber: 'INV-201', reason: 'paid' })]);
    expect(smtp.messages.map((message) => message.to)).toEqual([['accounts@kapoor.example']]);
    expect(smtp.messages[0]?.mail.text).toContain('₹1,18,000.00, due on 27/11/2026, 7 days overdue');
  });

  it('text summary, no second send', async () => {
    const result = await runDuewatch(['reminders', 'run', '--ledger', ledger, '--as-of', '2026-12-04T05:30:00Z'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Reminders as of 2026-12-04T05:30:00.000Z (automatic mode): 0 queued, 0 e-mailed, 1 skipped, 0 deferred.');
    expect(result.stdout).toContain('skipped  Mehta Traders INV-201 (paid): Invoice INV-201 is paid in full, so no reminder is sent.');
    expect(smtp.messages).toHaveLength(1);
  });

  it('review mode only drafts', async () => {
    const review = await prepareLedger(join(data.path, 'review'), smtp.port, 'review');
    const result = await runDuewatch(['reminders', 'run', '--ledger', review, '--as-of', '2026-12-04T10:30'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/drafted {2}#\d+ email to Kapoor Electricals for INV-101/);
    expect(smtp.messages).toHaveLength(1);
  });

  it('rejects an invalid --as-of', async () => {
    const result = await runDuewatch(['reminders', 'run', '--ledger', ledger, '--as-of', '04/12/2026'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--as-of "04/12/2026" is not a date and time');
  });

  it('killed process sends no duplicate', async () => {
    const crashServer = await startSmtpServer({
      // Kill the command once its message has arrived and before the server confirms it.
      beforeReply: () => new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
    });
    const crashLedger = await prepareLedger(join(data.path, 'crash'), crashServer.port, 'automatic');
    // Node with tsx's loader runs the command in this one process; the tsx launcher would start a second.
    const args = ['--import', 'tsx', join(projectRoot, 'main', 'cli', 'index.ts'), 'reminders', 'run', '--ledger', crashLedger, '--as-of', '2026-12-04T10:30'];
    const child = spawn(process.execPath, args, { cwd: projectRoot, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env }, stdio: ['ignore', 'ignore', 'ignore'] });
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, killed) => resolve(killed)));
    expect(signal).toBe('SIGKILL');
    expect(crashServer.messages).toHaveLength(1);

    const restarted = await runDuewatch(['reminders', 'run', '--ledger', crashLedger, '--as-of', '2026-12-04T10:45'], { env });
    expect(restarted.code).toBe(0);
    expect(restarted.stdout).toMatch(/unconfirmed {2}#\d+: a previous run stopped while sending it/);
    const nextDay = await runDuewatch(['reminders', 'run', '--ledger', crashLedger, '--as-of', '2026-12-05T10:30', '--json'], { env });
    expect((JSON.parse(nextDay.stdout) as ReminderRun).created).toEqual([]);
    expect(crashServer.messages).toHaveLength(1);
    await crashServer.close();
  });
});
