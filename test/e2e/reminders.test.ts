import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatDateIndian } from '../../core/ledger/dates';
import { startApp, type RunningApp } from '../support/app-server';
import { browserAvailable, launchBrowser, screenshot, type TestBrowser } from '../support/browser';
import { createLedgerThroughScreens } from '../support/e2e-flow';
import { sampleData, sampleDataPath } from '../support/sample-data';
import { makeTempDir } from '../support/services';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';

// Browser mode runs on the real clock, so the open invoices fall due relative to today in
// Asia/Kolkata. The sending hours are set to 00:00-23:59 and no off-days, so the only moment
// this test cannot send is the last minute before midnight there.
const todayInKolkata = new Date(Date.now() + 330 * 60_000).toISOString().slice(0, 10);
const firstDue = addDays(todayInKolkata, -20);
const secondDue = addDays(todayInKolkata, -10);
const customerCode = '0379-NEVHP';

describe.skipIf(!browserAvailable || !sampleData.available)('reminders screens', () => {
  const data = makeTempDir('duewatch-e2e-reminders-');
  let smtp: TestSmtpServer;
  let browser: TestBrowser;
  let app: RunningApp;
  let page: Page;

  async function request(name: string, input: unknown): Promise<unknown> {
    const response = await fetch(`${app.origin}/api/request/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${app.token}` }, body: JSON.stringify(input) });
    const envelope = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error?.message ?? ''}`);
    return envelope.value;
  }

  async function openTab(name: string) {
    await page.getByRole('button', { name: 'Reminders', exact: true }).click();
    await page.getByRole('tab', { name }).click();
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    browser = await launchBrowser();
    app = await startApp(data.path);
    page = await browser.newPage();
    await createLedgerThroughScreens(page, app.url, 'Reminder Trial', 'mango tractor velvet 31');
  });

  afterAll(async () => {
    await app?.stop();
    await browser?.close();
    await smtp?.close();
    data.remove();
  });

  it('imports IBM and open invoices', async () => {
    const upload = await fetch(`${app.origin}/api/upload?name=WA_Fn-UseC_-Accounts-Receivable.csv`, {
      method: 'POST', headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${app.token}` }, body: readFileSync(sampleDataPath('ibm-ar', 'WA_Fn-UseC_-Accounts-Receivable.csv')),
    });
    const { value } = (await upload.json()) as { value: { fileId: string } };
    const ibm = (await request('import.commit', { fileId: value.fileId })) as { changes: { invoices: { new: number } } };
    expect(ibm.changes.invoices.new).toBe(2466);

    const open = join(data.path, 'open-invoices.csv');
    writeFileSync(open, [
      'Invoice Number,Customer Code,Customer Name,Invoice Date,Due Date,Amount',
      `NEV-9001,${customerCode},${customerCode},${addDays(firstDue, -30)},${firstDue},125000.50`,
      `NEV-9002,${customerCode},${customerCode},${addDays(secondDue, -30)},${secondDue},48250`,
    ].join('\r\n'));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('input[type=file]').setInputFiles(open);
    await page.getByRole('table', { name: 'Changes' }).waitFor();
    await page.getByLabel('Import preview').getByRole('button', { name: /^Import/ }).click();
    expect(await page.getByRole('status', { name: 'Import summary' }).textContent()).toContain('2 new and 0 updated invoices');
  });

  it('adds an e-mail address to the customer', async () => {
    await openTab('Customer history');
    await page.getByLabel('Customer', { exact: true }).fill(customerCode);
    await page.getByRole('button', { name: new RegExp(`^${customerCode}.*2 open`) }).click();
    await page.getByLabel('E-mail address', { exact: true }).fill('Accounts@NEVHP.example');
    await page.getByLabel('Contact name').fill('Priya Nair');
    await page.getByRole('button', { name: 'Add contact' }).click();
    await expect.poll(() => page.getByLabel('Add contact').textContent()).toContain('accounts@nevhp.example');
  });

  it('sets up review mode and SMTP', async () => {
    await openTab('Settings');
    const sending = page.getByRole('form', { name: 'Sending rules' });
    await sending.getByRole('radio', { name: /Review/ }).check();
    await sending.getByLabel('Sending hours start').fill('00:00');
    await sending.getByLabel('Sending hours end').fill('23:59');
    await sending.getByRole('group', { name: 'Weekly off-days' }).getByLabel('Sun').uncheck();
    await sending.getByRole('button', { name: 'Save sending rules' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Sending rules saved.');

    const schedules = page.getByRole('form', { name: 'Schedules' });
    await schedules.getByRole('row', { name: 'Step overdue-7' }).getByLabel('Days after due date').fill('5');
    await schedules.getByRole('button', { name: 'Save schedules' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Schedules saved.');

    const business = page.getByRole('form', { name: 'Business and payment details' });
    await business.getByLabel('Business name').fill('Mehta Steel Works');
    await business.getByLabel('UPI ID').fill('mehtasteel@okhdfcbank');
    await business.getByRole('button', { name: 'Save business details' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Business details saved.');

    const mail = page.getByRole('form', { name: 'E-mail server' });
    await mail.getByLabel('SMTP host').fill('127.0.0.1');
    await mail.getByLabel('Port', { exact: true }).fill(String(smtp.port));
    await mail.getByLabel('Security').selectOption('none');
    await mail.getByLabel('From address').fill('reminders@mehtasteel.example');
    await mail.getByLabel('Send a test message to').fill('owner@mehtasteel.example');
    await mail.getByRole('button', { name: 'Send test message' }).click();
    await expect.poll(() => mail.getByRole('status').textContent()).toContain('Test message accepted by the server');
    expect(smtp.messages.map((message) => message.to)).toEqual([['owner@mehtasteel.example']]);
    await screenshot(page, 'reminders-settings');
  });

  it('edits a template with live preview', async () => {
    await openTab('Templates');
    await page.getByRole('combobox', { name: /^Template/ }).selectOption('overdue-neutral');
    await page.getByLabel('Preview for customer').fill(customerCode);
    await page.getByRole('button', { name: new RegExp(`^${customerCode}`) }).click();
    await expect.poll(() => page.getByTestId('preview-subject').textContent()).toBe('Payment overdue by 20 days: ₹1,73,250.50');
    const body = page.getByTestId('preview-body');
    expect(await body.textContent()).toContain(`- Invoice NEV-9001 dated ${formatDateIndian(addDays(firstDue, -30))}: ₹1,25,000.50, due on ${formatDateIndian(firstDue)}, 20 days overdue`);
    expect(await body.textContent()).toContain('Dear Priya Nair,');

    await page.getByLabel('E-mail subject').fill('Reminder from {business_name}: {amount_due} overdue since {due_date}');
    await expect.poll(() => page.getByTestId('preview-subject').textContent()).toBe(`Reminder from Mehta Steel Works: ₹1,73,250.50 overdue since ${formatDateIndian(firstDue)}`);
    await page.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Template "overdue-neutral" (English) saved.');
    await screenshot(page, 'reminders-template-preview');
  });

  it('approved draft arrives over SMTP', async () => {
    await openTab('Outbox');
    await page.getByRole('button', { name: 'Run reminders now' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('1 new draft,');
    const row = page.getByRole('row', { name: new RegExp(`${customerCode} E-mail Draft`) });
    await row.waitFor();
    await screenshot(page, 'reminders-outbox-drafts');
    expect(smtp.messages).toHaveLength(1);

    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Approve and send selected' }).click();
    await expect.poll(() => smtp.messages.length, { timeout: 20_000 }).toBe(2);
    const message = smtp.messages[1];
    expect(message?.to).toEqual(['accounts@nevhp.example']);
    expect(message?.mail.headers.get('subject')).toBe(`Reminder from Mehta Steel Works: ₹1,73,250.50 overdue since ${formatDateIndian(firstDue)}`);
    expect(message?.mail.text).toContain(`- Invoice NEV-9002 dated ${formatDateIndian(addDays(secondDue, -30))}: ₹48,250.00, due on ${formatDateIndian(secondDue)}, 10 days overdue`);
    expect(message?.mail.text).toContain('UPI ID: mehtasteel@okhdfcbank');
    expect(message?.mail.attachments[0]?.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await page.getByRole('button', { name: /^Sent/ }).click();
    await page.getByRole('row', { name: new RegExp(`${customerCode} E-mail Sent`) }).waitFor();
    await screenshot(page, 'reminders-outbox-sent');
  });

  it('history shows the sent reminder', async () => {
    await openTab('Customer history');
    await page.getByLabel('Customer', { exact: true }).fill(customerCode);
    await page.getByRole('button', { name: new RegExp(`^${customerCode}`) }).click();
    const history = page.getByRole('table', { name: 'Reminder history entries' });
    await history.waitFor();
    expect(await history.textContent()).toContain('NEV-9001, NEV-9002');
    expect(await history.getByRole('row').filter({ hasText: 'E-mail' }).first().textContent()).toContain('Sent');
    await screenshot(page, 'reminders-history');
  });
});
