import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app-server';
import { browserAvailable, launchBrowser, screenshot, type TestBrowser } from '../support/browser';
import { createLedgerThroughScreens } from '../support/e2e-flow';
import { sampleData, sampleDataPath } from '../support/sample-data';
import { makeTempDir } from '../support/services';

describe.skipIf(!browserAvailable || !sampleData.available)('import screen', () => {
  const data = makeTempDir('duewatch-e2e-import-');
  let browser: TestBrowser;
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startApp(data.path);
    page = await browser.newPage();
    await createLedgerThroughScreens(page, app.url, 'IBM Sample', 'mango tractor velvet 31');
  });

  afterAll(async () => {
    await app?.stop();
    await browser?.close();
    data.remove();
  });

  it('previews the IBM file before writing', async () => {
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('input[type=file]').setInputFiles(sampleDataPath('ibm-ar', 'WA_Fn-UseC_-Accounts-Receivable.csv'));
    const changes = page.getByRole('table', { name: 'Changes' });
    await changes.waitFor();
    expect(await changes.getByRole('row', { name: /^Invoices/ }).textContent()).toContain('2,466');
    expect(await changes.getByRole('row', { name: /^Customers/ }).textContent()).toContain('100');
    expect(await changes.getByRole('row', { name: /^Payments/ }).textContent()).toContain('2,466');
    expect(await page.getByRole('table', { name: 'Sample invoices' }).textContent()).toContain('0000611365');
    await screenshot(page, 'import-preview');
  });

  it('commits and shows the summary', async () => {
    await page.getByLabel('Import preview').getByRole('button', { name: /^Import/ }).click();
    const summary = page.getByRole('status', { name: 'Import summary' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('2,466 new and 0 updated invoices');
    await screenshot(page, 'import-summary');
    expect(await page.getByRole('region', { name: 'Import log' }).or(page.getByLabel('Import log')).textContent()).toContain('WA_Fn-UseC_-Accounts-Receivable.csv');
  });

  it('lists the imported customers', async () => {
    await page.getByRole('button', { name: 'View customers' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /Customers/ }).textContent()).toContain('100');
    await page.getByRole('table', { name: 'Customers by risk' }).getByRole('row').nth(3).waitFor();
    await screenshot(page, 'customers-risk-list');
    await page.getByRole('searchbox').fill('0379-NEVHP');
    await page.getByRole('row', { name: /0379-NEVHP/ }).first().waitFor();
  });

  it('asks for the order of ambiguous dates', async () => {
    const path = join(data.path, 'ambiguous.csv');
    writeFileSync(path, 'Invoice Number,Customer Name,Invoice Date,Due Date,Amount\r\nA-1,Acme Traders,01/02/2024,03/04/2024,"1,500.00"\r\nA-2,Acme Traders,05/06/2024,07/08/2024,250\r\n');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('input[type=file]').setInputFiles(path);
    const question = page.getByRole('group', { name: 'Date order' });
    await question.waitFor();
    await screenshot(page, 'import-date-question');
    expect(await page.getByLabel('Import preview').getByRole('button', { name: /^Import/ }).isDisabled()).toBe(true);
    for (const column of ['Invoice Date', 'Due Date']) {
      await question.getByRole('group', { name: column }).getByLabel('Day first (DD/MM/YYYY)').check();
    }
    await page.getByRole('button', { name: 'Read the file again' }).click();
    await expect.poll(async () => page.getByRole('group', { name: 'Date order' }).count()).toBe(0);
    const sample = page.getByRole('table', { name: 'Sample invoices' });
    expect(await sample.getByRole('row', { name: /A-1/ }).textContent()).toContain('01/02/2024');
    await page.getByLabel('Import preview').getByRole('button', { name: /^Import/ }).click();
    await page.getByRole('status', { name: 'Import summary' }).waitFor();
  });
});
