import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app-server';
import { browserAvailable, launchBrowser, screenshot, type TestBrowser } from '../support/browser';
import { createLedgerThroughScreens } from '../support/e2e-flow';
import { sampleData, sampleDataPath } from '../support/sample-data';
import { makeTempDir } from '../support/services';

describe.skipIf(!browserAvailable || !sampleData.available)('risk review screens', () => {
  const data = makeTempDir('duewatch-e2e-risk-');
  let browser: TestBrowser;
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startApp(data.path);
    page = await browser.newPage();
    await createLedgerThroughScreens(page, app.url, 'Risk Review', 'guava orbit tandoor 64');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('input[type=file]').setInputFiles(sampleDataPath('ibm-ar', 'WA_Fn-UseC_-Accounts-Receivable.csv'));
    await page.getByLabel('Import preview').getByRole('button', { name: /^Import/ }).click();
    await page.getByRole('status', { name: 'Import summary' }).waitFor();
  });

  afterAll(async () => {
    await app?.stop();
    await browser?.close();
    data.remove();
  });

  it('shows the portfolio with model quality', async () => {
    await page.getByRole('button', { name: 'Portfolio', exact: true }).click();
    await page.getByLabel('Exposure by band').waitFor();
    await page.getByLabel('Model quality').waitFor();
    const auc = Number(await page.getByTestId('model-auc').textContent());
    expect(auc).toBeGreaterThan(0.7);
    await screenshot(page, 'portfolio');
  });

  it('lists customers by descending risk', async () => {
    await page.getByRole('button', { name: 'Customers', exact: true }).click();
    const table = page.getByRole('table', { name: 'Customers by risk' });
    await table.getByRole('row').nth(5).waitFor();
    const header = table.getByRole('columnheader', { name: /Score/ });
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const scores: number[] = [];
    for (let index = 1; index <= 5; index += 1) {
      const text = await table.getByRole('row').nth(index).getByRole('cell').nth(1).textContent();
      scores.push(Number(text));
    }
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('explains the riskiest customer', async () => {
    const table = page.getByRole('table', { name: 'Customers by risk' });
    const first = table.getByRole('row').nth(1);
    const name = (await first.getByRole('cell').first().getByRole('button').textContent()) ?? '';
    await first.getByRole('button', { name }).click();
    await page.getByRole('heading', { name }).waitFor();
    const reasons = page.getByLabel('Reasons').getByRole('listitem');
    await reasons.first().waitFor();
    expect(await reasons.count()).toBeGreaterThanOrEqual(3);
    expect(await reasons.first().textContent()).toMatch(/\d/);
    await page.getByLabel('Payment history').waitFor();
    await screenshot(page, 'customer-detail');
  });

  it('moves band counts when a threshold changes', async () => {
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const card = page.getByLabel('Risk thresholds');
    await card.getByTestId('band-preview').waitFor();
    const before = await card.getByTestId('band-count-E').textContent();
    await card.getByLabel('Band D below').fill('95');
    await expect.poll(() => card.getByTestId('band-preview').textContent()).toMatch(/\d+ customers change band/);
    const preview = await card.getByTestId('band-count-E').textContent();
    expect(preview).not.toBe(before);
    await screenshot(page, 'settings-risk');
    await card.getByRole('button', { name: 'Save thresholds' }).click();
    await expect.poll(() => card.textContent()).toContain('Every customer was rescored');
    await page.getByRole('button', { name: 'Customers', exact: true }).click();
    await page.getByRole('button', { name: 'E', exact: true }).click();
    const eCount = Number(/→ (\d+)/.exec(preview ?? '')?.[1]);
    await expect.poll(async () => page.getByText(/^\d+ customers?$/).textContent()).toBe(`${eCount} customer${eCount === 1 ? '' : 's'}`);
  });
});
