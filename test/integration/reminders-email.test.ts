import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReminderRun } from '../../core/contract/reminders';
import type { Services } from '../../main/services/index';
import { addCustomer, addInvoice, addPayment, configureReminders, createReminderLedger, ledgerDb, TestClock } from '../support/reminder-ledger';
import { makeTempDir } from '../support/services';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';

const login = { username: 'mehta-smtp', password: 'smtp-secret-9341' };
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

// Friday 4 December 2026, 10:30 in Asia/Kolkata: inside the default sending hours 08:00-19:00.
const friday = '2026-12-04T05:00:00.000Z';

describe('reminder e-mail over SMTP', () => {
  const data = makeTempDir('duewatch-reminders-email-');
  const clock = new TestClock(new Date(friday));
  let smtp: TestSmtpServer;
  let services: Services;
  let run: ReminderRun;
  const ids = { kapoor: 0, mehta: 0, sharma: 0, gupta: 0 };

  beforeAll(async () => {
    smtp = await startSmtpServer({ login });
    services = await createReminderLedger(data.path, clock);
    ids.kapoor = await addCustomer(services, 'Kapoor Electricals', { email: 'accounts@kapoor.example', phone: '+919812345678' });
    await addInvoice(services, ids.kapoor, 'INV-101', '2026-11-19', 11_800_000);
    await addInvoice(services, ids.kapoor, 'INV-102', '2026-11-27', 4_525_050);
    ids.mehta = await addCustomer(services, 'Mehta Traders', { email: 'pay@mehtatraders.example' });
    const paid = await addInvoice(services, ids.mehta, 'INV-201', '2026-11-27', 5_000_000);
    await addPayment(services, ids.mehta, paid, '2026-11-30', 5_000_000);
    ids.sharma = await addCustomer(services, 'Sharma Agencies', { email: 'accounts@sharma.example' });
    await addInvoice(services, ids.sharma, 'INV-301', '2026-11-27', 2_000_000);
    ids.gupta = await addCustomer(services, 'Gupta Stores');
    await addInvoice(services, ids.gupta, 'INV-401', '2026-11-27', 1_000_000);
    services.reminders.useConsentSource({ reminderConsents: () => [{ customerId: ids.sharma, granted: false }] });
    await configureReminders(services, { mode: 'automatic', port: smtp.port, login });
    run = await services.reminders.runDue(clock.now());
  });

  afterAll(async () => {
    await services?.shutdown();
    await smtp?.close();
    data.remove();
  });

  it('e-mails only the customer due', () => {
    expect(smtp.messages).toHaveLength(1);
    const [message] = smtp.messages;
    expect(message?.to).toEqual(['accounts@kapoor.example']);
    expect(message?.from).toBe('reminders@mehtasteel.example');
    expect(message?.mail.headers.get('to')).toContain('accounts@kapoor.example');
    expect(run.delivered).toEqual([expect.objectContaining({ customerId: ids.kapoor, status: 'sent', error: null })]);
  });

  it('formats amounts en-IN, dates DD/MM/YYYY', () => {
    const mail = smtp.messages[0]?.mail;
    expect(mail?.headers.get('subject')).toBe('Payment overdue by 15 days: ₹1,63,250.50');
    expect(mail?.text).toContain('- Invoice INV-101 dated 01/09/2026: ₹1,18,000.00, due on 19/11/2026, 15 days overdue');
    expect(mail?.text).toContain('- Invoice INV-102 dated 01/09/2026: ₹45,250.50, due on 27/11/2026, 7 days overdue');
    expect(mail?.text).toContain('Amount due: ₹1,63,250.50');
    expect(mail?.text).toContain('UPI ID: mehtasteel@okhdfcbank');
    expect(mail?.headers.get('reply-to')).toContain('accounts@mehtasteel.example');
  });

  it('attaches the statement PDF', () => {
    const attachments = smtp.messages[0]?.mail.attachments ?? [];
    expect(attachments).toHaveLength(1);
    expect(attachments[0]?.filename).toBe('Statement-of-account-04-12-2026.pdf');
    expect(attachments[0]?.contentType).toBe('application/pdf');
    expect(attachments[0]?.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('statement shows the closing balance', ({ skip }) => {
    if (!hasPdftotext) skip('pdftotext (poppler-utils) is not installed');
    const file = join(data.path, 'attached.pdf');
    writeFileSync(file, smtp.messages[0]?.mail.attachments[0]?.content ?? Buffer.alloc(0));
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Kapoor Electricals');
    expect(text).toContain('Closing balance: 1,63,250.50 Dr');
  });

  it('skips paid and opted-out customers', () => {
    const recipients = smtp.messages.flatMap((message) => message.to);
    expect(recipients).not.toContain('pay@mehtatraders.example');
    expect(recipients).not.toContain('accounts@sharma.example');
    const reasons = (customerId: number) => run.skipped.filter((skip) => skip.customerId === customerId).map((skip) => `${skip.channel ?? '*'}:${skip.reason}`).sort();
    expect(reasons(ids.mehta)).toEqual(['*:paid']);
    expect(reasons(ids.sharma)).toEqual(['email:consent-withdrawn', 'whatsapp:consent-withdrawn']);
    expect(reasons(ids.gupta)).toEqual(['email:no-address', 'whatsapp:no-address']);
  });

  it('derives Message-ID from outbox key', async () => {
    const row = await ledgerDb(services).selectFrom('reminder_outbox').selectAll().where('channel', '=', 'email').executeTakeFirstOrThrow();
    expect(row.message_id).toMatch(/^<reminder\.[0-9a-f]{32}@mehtasteel\.example>$/);
    expect(smtp.messages[0]?.mail.headers.get('message-id')).toBe(row.message_id);
    expect(row.idempotency_key).toMatch(/^\d+:overdue-15:0:email,\d+:overdue-7:0:email$/);
  });

  it('second run sends nothing', async () => {
    const again = await services.reminders.runDue(clock.now());
    expect(again.created).toEqual([]);
    expect(again.delivered).toEqual([]);
    expect(smtp.messages).toHaveLength(1);
  });

  it('WhatsApp message marked sent', async () => {
    const { items } = await services.reminders.outbox(['queued'], 50);
    const whatsapp = items.find((item) => item.channel === 'whatsapp');
    expect(whatsapp?.customerId).toBe(ids.kapoor);
    expect(whatsapp?.link).toMatch(/^https:\/\/wa\.me\/919812345678\?text=/);
    expect(decodeURIComponent(whatsapp?.link?.split('text=')[1] ?? '')).toContain('₹1,63,250.50');
    const result = await services.reminders.act('markSent', [whatsapp?.id ?? 0]);
    expect(result.updated).toEqual([whatsapp?.id]);
    const { items: sent } = await services.reminders.outbox(['sent'], 50);
    expect(sent.map((item) => item.channel).sort()).toEqual(['email', 'whatsapp']);
  });

  it('history lists sent and skipped', async () => {
    const kapoor = await services.reminders.historyFor(ids.kapoor);
    expect(kapoor.map((entry) => `${entry.kind}:${entry.channel}:${entry.status}`).sort()).toEqual(['message:email:sent', 'message:whatsapp:sent']);
    expect(kapoor[0]?.invoiceNumbers).toEqual(['INV-101', 'INV-102']);
    const sharma = await services.reminders.historyFor(ids.sharma);
    expect(sharma.map((entry) => `${entry.kind}:${entry.reason}`)).toEqual(['skip:consent-withdrawn', 'skip:consent-withdrawn']);
    expect(sharma[0]?.message).toContain('INV-301');
  });

  it('audit holds ids and counts only', async () => {
    const rows = await ledgerDb(services).selectFrom('audit_log').select(['action', 'entity_id', 'details_json']).where('action', 'like', 'reminder%').execute();
    expect(rows.map((row) => row.action)).toEqual(expect.arrayContaining(['reminders.settings-changed', 'reminders.planned', 'reminder.sending', 'reminder.sent', 'reminders.marked-sent']));
    const text = JSON.stringify(rows);
    for (const secret of ['Kapoor', 'kapoor.example', '1,63,250', '16325050', login.password, 'INV-101']) expect(text).not.toContain(secret);
  });

  it('settings view hides SMTP password', async () => {
    const view = await services.reminders.getSettings();
    expect(view.smtpPasswordSet).toBe(true);
    expect(JSON.stringify(view)).not.toContain(login.password);
    expect(smtp.failedLogins()).toBe(0);
  });

  it('test message uses stored login', async () => {
    const reply = await services.reminders.sendTestEmail('owner@mehtasteel.example');
    expect(reply.response).toContain('Ok: queued as TEST');
    expect(smtp.messages.at(-1)?.to).toEqual(['owner@mehtasteel.example']);
  });

  it('test message reports rejected login', async () => {
    await services.reminders.saveSettings({ smtpPassword: 'wrong-password' });
    await expect(services.reminders.sendTestEmail('owner@mehtasteel.example')).rejects.toThrow(/535 5\.7\.8 Authentication credentials invalid/);
    await services.reminders.saveSettings({ smtpPassword: login.password });
  });
});
