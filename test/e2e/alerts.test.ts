import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../core/ledger/dates';
import { startApp, type RunningApp } from '../support/app-server';
import { browserAvailable, launchBrowser, screenshot, type TestBrowser } from '../support/browser';
import { createLedgerThroughScreens } from '../support/e2e-flow';
import { makeTempDir } from '../support/services';

/** Today in the app's business time zone, which the server's rules evaluate up to. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const day = (offset: number) => addDays(today, offset);
/** DD/MM/YYYY, as the screens show dates. */
const screenDate = (offset: number) => day(offset).split('-').reverse().join('/');

// Anand Traders pays its first three invoices on time and the fourth 8 days late (in the later
// payment file). Bharat Steel's invoice stays unpaid, reaching SMA-1 twenty days ago. Chandra
// Exports pays three invoices in full and then 40% of the fourth.
const invoices = [
  'Invoice Number,Customer Code,Customer Name,Invoice Date,Due Date,Amount',
  `A-1,A01,Anand Traders,${day(-120)},${day(-90)},10000`,
  `A-2,A01,Anand Traders,${day(-100)},${day(-70)},10000`,
  `A-3,A01,Anand Traders,${day(-80)},${day(-50)},10000`,
  `A-4,A01,Anand Traders,${day(-40)},${day(-10)},10000`,
  `B-1,B01,Bharat Steel,${day(-80)},${day(-50)},25000`,
  `C-1,C01,Chandra Exports,${day(-110)},${day(-80)},20000`,
  `C-2,C01,Chandra Exports,${day(-90)},${day(-60)},20000`,
  `C-3,C01,Chandra Exports,${day(-70)},${day(-40)},20000`,
  `C-4,C01,Chandra Exports,${day(-35)},${day(-5)},20000`,
];
const header = 'Receipt No,Payment Date,Customer Code,Customer Name,Invoice Number,Amount Received';
const onTimePayments = [
  header,
  `R-1,${day(-91)},A01,Anand Traders,A-1,10000`,
  `R-2,${day(-71)},A01,Anand Traders,A-2,10000`,
  `R-3,${day(-52)},A01,Anand Traders,A-3,10000`,
  `R-4,${day(-81)},C01,Chandra Exports,C-1,20000`,
  `R-5,${day(-61)},C01,Chandra Exports,C-2,20000`,
  `R-6,${day(-41)},C01,Chandra Exports,C-3,20000`,
];
const laterPayments = [header, `R-7,${day(-2)},A01,Anand Traders,A-4,10000`, `R-8,${day(-3)},C01,Chandra Exports,C-4,8000`];
const bureau = ['Customer Code,PAN,Report Date,Bureau,Score', `A01,,${day(-200)},CIBIL,781`, `A01,,${day(-1)},CIBIL,702`, `Z99,,${day(-1)},CIBIL,650`];

describe.skipIf(!browserAvailable)('alerts screen', () => {
  const data = makeTempDir('duewatch-e2e-alerts-');
  let browser: TestBrowser;
  let app: RunningApp;
  let page: Page;

  async function importFile(name: string, lines: string[]): Promise<void> {
    const path = join(data.path, name);
    writeFileSync(path, `${lines.join('\r\n')}\r\n`);
    await page.getByRole('button', { name: 'Portfolio', exact: true }).click();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('input[type=file]').setInputFiles(path);
    await page.getByLabel('Import preview').getByRole('button', { name: /^Import/ }).click();
    await page.getByRole('status', { name: 'Import summary' }).waitFor();
  }

  const inbox = () => page.getByRole('table', { name: 'Alert inbox' });
  const row = (text: RegExp) => inbox().getByRole('row').filter({ hasText: text });

  async function openTab(name: string): Promise<void> {
    await page.getByRole('button', { name: 'Alerts', exact: true }).click();
    await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startApp(data.path);
    page = await browser.newPage();
    await createLedgerThroughScreens(page, app.url, 'Alerts Shop', 'tamarind violet engine 58');
    await importFile('invoices.csv', invoices);
    await importFile('payments-on-time.csv', onTimePayments);
  });

  afterAll(async () => {
    await app?.stop();
    await browser?.close();
    data.remove();
  });

  it('lists the SMA-1 move of the unpaid customer', async () => {
    await openTab('New');
    await row(/Bharat Steel/).waitFor();
    expect(await inbox().getByRole('row').count()).toBe(2);
    expect(await row(/Bharat Steel/).textContent()).toContain(`${screenDate(-20)}SMA class worse`);
    expect(await row(/Bharat Steel/).textContent()).toContain('Moved from SMA-0 to SMA-1 at 31 days past due.');
  });

  it('alerts on a good payer paying late', async () => {
    await importFile('payments-later.csv', laterPayments);
    await openTab('New');
    await row(/Anand Traders/).waitFor();
    const late = await row(/Anand Traders/).textContent();
    expect(late).toContain(`${screenDate(-2)}First late payment`);
    expect(late).toContain('Invoice A-4 was paid 8 days after its due date, after 3 invoices paid on time.');
    expect(late).toContain('Invoices A-4, A-1, A-2, A-3');
    expect(await row(/Chandra Exports/).textContent()).toContain('received a part payment of 40%');
    expect(await inbox().getByRole('row').count()).toBe(4);
    await screenshot(page, 'alerts-inbox');
  });

  it('acknowledges, snoozes and resolves', async () => {
    await row(/Anand Traders/).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Acknowledged 1 alert.');

    await row(/Bharat Steel/).getByRole('checkbox').check();
    await page.getByLabel('Snooze until').fill(day(7));
    await page.getByRole('button', { name: 'Snooze', exact: true }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Snoozed 1 alert.');

    await row(/Chandra Exports/).getByRole('checkbox').check();
    await page.getByLabel('Resolution note').fill('Balance agreed on a call; cheque due Friday.');
    await page.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Resolved 1 alert.');
    await expect.poll(() => inbox().count()).toBe(0);

    await page.getByRole('tab', { name: /^Acknowledged/ }).click();
    await row(/Anand Traders/).waitFor();
    await page.getByRole('tab', { name: /^Snoozed/ }).click();
    expect(await row(/Bharat Steel/).textContent()).toContain(`Snoozed until ${screenDate(7)}`);
    await page.getByRole('tab', { name: /^Resolved/ }).click();
    expect(await row(/Chandra Exports/).textContent()).toContain('Resolved: Balance agreed on a call; cheque due Friday.');
    await screenshot(page, 'alerts-resolved');
  });

  it('opens the customer with the evidence highlighted', async () => {
    await page.getByRole('tab', { name: /^Acknowledged/ }).click();
    await row(/Anand Traders/).getByRole('button', { name: 'Anand Traders' }).click();
    await page.getByRole('heading', { name: 'Anand Traders' }).waitFor();
    const highlighted = page.getByLabel('Customer alerts').locator('[aria-current="true"]');
    expect(await highlighted.textContent()).toContain('First late payment');
    const evidence = page.locator('tr.evidence');
    await expect.poll(() => evidence.count()).toBe(4);
    expect(await page.getByLabel('Evidence A-4').textContent()).toContain('A-4');
    await screenshot(page, 'alerts-customer-evidence');
  });

  it('imports bureau scores, lists the unmatched row and charts them', async () => {
    await page.getByRole('button', { name: 'Alerts', exact: true }).click();
    const path = join(data.path, 'bureau.csv');
    writeFileSync(path, `${bureau.join('\n')}\n`);
    await page.getByLabel('Bureau file').setInputFiles(path);
    const preview = page.getByLabel('Bureau preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('3 rows, 2 matched, 1 unmatched, 0 invalid');
    expect(await page.getByRole('table', { name: 'Rows not imported' }).textContent()).toContain('4customer code Z99No customer has this PAN, GSTIN, customer code or name.');
    await screenshot(page, 'alerts-bureau-preview');
    await preview.getByRole('button', { name: 'Import 2 reports' }).click();
    await expect.poll(() => page.getByRole('status', { name: 'Bureau import result' }).textContent()).toBe('Imported 2 reports; 1 unmatched and 0 invalid rows were skipped.');
    await openTab('New');
    expect(await row(/Bureau score drop/).textContent()).toContain('CIBIL score went from 781');

    await row(/Bureau score drop/).getByRole('button', { name: 'Anand Traders' }).click();
    const chart = page.getByLabel('Score history');
    await chart.locator('.recharts-line').nth(1).waitFor();
    expect(await chart.textContent()).toContain('Bureau score (300-900)');
    await screenshot(page, 'alerts-bureau-chart');
  });

  it('switches a rule\'s notifications on', async () => {
    await page.getByRole('button', { name: 'Alerts', exact: true }).click();
    const rules = page.getByLabel('Alert rules');
    await rules.getByText('Rules and thresholds').click();
    expect(await rules.getByLabel('First late payment on').isChecked()).toBe(true);
    const notify = rules.getByLabel('Promise broken notifications');
    expect(await notify.isChecked()).toBe(false);
    await notify.check();
    await page.getByRole('button', { name: 'Portfolio', exact: true }).click();
    await page.getByRole('button', { name: 'Alerts', exact: true }).click();
    await page.getByLabel('Alert rules').getByText('Rules and thresholds').click();
    expect(await page.getByLabel('Alert rules').getByLabel('Promise broken notifications').isChecked()).toBe(true);
    await screenshot(page, 'alerts-rules');
  });
});
