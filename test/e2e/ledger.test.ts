import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, screenshot, type TestBrowser } from '../support/browser';
import { startApp, type RunningApp } from '../support/app-server';
import { makeTempDir } from '../support/services';

const passphrase = 'tamarind monsoon ledger 42';
const changedPassphrase = 'saffron kettle harbour 97';
const recoveredPassphrase = 'cobalt veranda pickle 15';

async function unlock(page: Page, ledgerName: string, secret: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(ledgerName) }).click();
  await page.getByLabel('Passphrase').fill(secret);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

/** Opens the Customers section and waits for the named customer's row. */
async function expectCustomerListed(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Customers', exact: true }).click();
  await page.getByRole('row', { name: new RegExp(name) }).waitFor();
}

describe.skipIf(!browserAvailable)('ledger lifecycle in the browser', () => {
  const data = makeTempDir('duewatch-e2e-');
  let browser: TestBrowser;
  let app: RunningApp;
  let page: Page;
  let recoveryKey = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startApp(data.path);
    page = await browser.newPage();
  });

  afterAll(async () => {
    await app?.stop();
    await browser?.close();
    data.remove();
  });

  it('creates a ledger and shows the recovery key once', async () => {
    await page.goto(app.url);
    await page.getByLabel('Ledger name').fill('Sharma Textiles');
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await expect.poll(() => page.getByTestId('passphrase-strength').textContent()).toMatch(/Strong|Very strong/);
    await page.getByLabel('Repeat passphrase').fill(passphrase);
    await screenshot(page, 'ledger-create');
    await page.getByRole('button', { name: 'Create ledger' }).click();

    const shown = page.getByTestId('recovery-key');
    await shown.waitFor();
    recoveryKey = (await shown.textContent()) ?? '';
    expect(recoveryKey).toMatch(/^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$/);
    await screenshot(page, 'ledger-recovery-key');
    await expect.poll(() => page.getByRole('button', { name: 'Continue' }).isDisabled()).toBe(true);
    await page.getByLabel('I have stored the recovery key somewhere safe.').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
    await screenshot(page, 'portfolio-empty');
  });

  it('adds a customer through the contract', async () => {
    await page.getByRole('button', { name: 'Customers', exact: true }).click();
    await page.getByRole('button', { name: 'Add customer' }).click();
    await page.getByLabel('Name').fill('Gupta Hardware Stores');
    await page.getByLabel('GSTIN').fill('27AAPFU0939F1ZV');
    await page.getByLabel('E-mail').fill('accounts@gupta-hardware.example');
    await page.getByLabel('Phone').fill('98200 12345');
    await page.getByLabel('Credit limit (₹)').fill('1,50,000');
    await page.getByRole('button', { name: 'Save customer' }).click();
    const row = page.getByRole('row', { name: /Gupta Hardware Stores/ });
    await row.waitFor();
    await screenshot(page, 'customers-list');
    await row.getByRole('button', { name: 'Gupta Hardware Stores' }).click();
    const header = page.getByRole('heading', { name: 'Gupta Hardware Stores' });
    await header.waitFor();
    expect(await page.locator('section[aria-label="Customer"]').textContent()).toContain('+919820012345');
    await expect.poll(() => page.getByLabel('Receivables').textContent()).toContain('₹1,50,000.00');
    await page.getByRole('button', { name: '← All customers' }).click();
  });

  it('rejects an invalid GSTIN with the value named', async () => {
    await page.getByRole('button', { name: 'Add customer' }).click();
    await page.getByLabel('Name').fill('Broken Identifier Co');
    await page.getByLabel('GSTIN').fill('27AAPFU0939F1ZA');
    await page.getByRole('button', { name: 'Save customer' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('27AAPFU0939F1ZA');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('locks, refuses a wrong passphrase and unlocks', async () => {
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('heading', { name: 'Open a ledger' }).waitFor();
    await unlock(page, 'Sharma Textiles', 'definitely the wrong one');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The passphrase is wrong');
    await screenshot(page, 'ledger-wrong-passphrase');
    await page.getByLabel('Passphrase').fill(passphrase);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expectCustomerListed(page, 'Gupta Hardware Stores');
  });

  it('keeps the data across a server restart', async () => {
    await app.stop();
    app = await startApp(data.path);
    await page.goto(app.url);
    await unlock(page, 'Sharma Textiles', passphrase);
    await expectCustomerListed(page, 'Gupta Hardware Stores');
  });

  it('rejects the old token after a restart', async () => {
    const response = await fetch(`${app.origin}/api/request/ledger.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-the-token' },
      body: '{}',
    });
    expect(response.status).toBe(401);
  });

  it('changes the passphrase', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Current passphrase').fill(passphrase);
    await page.getByLabel('New passphrase', { exact: true }).fill(changedPassphrase);
    await page.getByLabel('Repeat new passphrase').fill(changedPassphrase);
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await page.getByText('Passphrase changed.').waitFor();
    await screenshot(page, 'settings');
    await page.getByRole('button', { name: 'Lock' }).click();
    await unlock(page, 'Sharma Textiles', passphrase);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The passphrase is wrong');
    await page.getByLabel('Passphrase').fill(changedPassphrase);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
  });

  it('unlocks with the recovery key and issues a new one', async () => {
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('button', { name: /Sharma Textiles/ }).click();
    await page.getByRole('button', { name: /Use the recovery key/ }).click();
    await page.getByRole('textbox', { name: 'Recovery key' }).fill(recoveryKey);
    await page.getByLabel('New passphrase').fill(recoveredPassphrase);
    await screenshot(page, 'ledger-recovery-unlock');
    await page.getByRole('button', { name: 'Unlock and set passphrase' }).click();
    const shown = page.getByTestId('recovery-key');
    await shown.waitFor();
    const newKey = (await shown.textContent()) ?? '';
    expect(newKey).toMatch(/^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$/);
    expect(newKey).not.toBe(recoveryKey);
    await page.getByLabel('I have stored the recovery key somewhere safe.').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectCustomerListed(page, 'Gupta Hardware Stores');

    await page.getByRole('button', { name: 'Lock' }).click();
    await unlock(page, 'Sharma Textiles', recoveredPassphrase);
    await expectCustomerListed(page, 'Gupta Hardware Stores');
  });

  it('shows every section of the shell', async () => {
    for (const section of ['Import', 'Alerts', 'Reminders', 'Privacy']) {
      await page.getByRole('button', { name: section, exact: true }).click();
      await page.getByRole('heading', { name: new RegExp(section === 'Alerts' ? 'alerts' : section, 'i') }).first().waitFor();
      await screenshot(page, `section-${section.toLowerCase()}`);
    }
  });
});
