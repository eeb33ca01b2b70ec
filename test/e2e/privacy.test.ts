import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app-server';
import { browserAvailable, launchBrowser, screenshot, type TestBrowser } from '../support/browser';
import { createLedgerThroughScreens } from '../support/e2e-flow';
import { makeTempDir } from '../support/services';

const emptyCustomer = { externalRef: null, gstin: null, pan: null, cin: null, address: null, segment: null, creditLimitMinor: null, creditLimitCurrency: null, paymentTermsDays: null };

/** Sends one contract request the way the renderer does, with the per-launch token. */
async function request<T>(app: RunningApp, name: string, input: unknown): Promise<T> {
  const response = await fetch(`${app.origin}/api/request/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${app.token}` },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(envelope.error?.message);
  return envelope.value;
}

async function chooseCustomer(page: Page, query: string): Promise<void> {
  await page.getByLabel('Search customers').fill(query);
  await page.getByRole('list', { name: 'Matching customers' }).getByRole('button', { name: new RegExp(query) }).click();
}

describe.skipIf(!browserAvailable)('privacy screen', () => {
  const data = makeTempDir('duewatch-e2e-privacy-');
  let browser: TestBrowser;
  let app: RunningApp;
  let page: Page;
  let guptaId = 0;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startApp(data.path);
    page = await browser.newPage();
    await createLedgerThroughScreens(page, app.url, 'Privacy Shop', 'mango tractor velvet 31');
    const gupta = await request<{ id: number }>(app, 'customers.add', {
      ...emptyCustomer,
      name: 'Gupta Hardware Stores',
      externalRef: 'GUP-1',
      gstin: '27AAPFU0939F1ZV',
      contacts: [{ kind: 'email', value: 'accounts@gupta-hardware.example', name: null }, { kind: 'phone', value: '+919820012345', name: null }],
    });
    guptaId = gupta.id;
    await request(app, 'customers.add', { ...emptyCustomer, name: 'Mehta Traders Ahmedabad', externalRef: 'MEH-7', address: 'CG Road, Ahmedabad', contacts: [{ kind: 'email', value: 'billing@mehta-traders.example', name: null }] });
    await page.getByRole('button', { name: 'Privacy', exact: true }).click();
  });

  afterAll(async () => {
    await app?.stop();
    await browser?.close();
    data.remove();
  });

  it('records consent for a customer', async () => {
    await chooseCustomer(page, 'Gupta Hardware Stores');
    const status = page.getByLabel('Reminder consent status');
    await expect.poll(() => status.getByTestId('reminders-email').textContent()).toContain('Reminders: not allowed — no consent or other legal basis recorded');
    await page.getByRole('button', { name: 'Record consent' }).click();
    const form = page.getByRole('form', { name: 'Record consent' });
    await form.getByLabel('Notice version').fill('v3');
    await form.getByLabel('How it was given or withdrawn').fill('Signed credit application');
    await form.getByRole('button', { name: 'Save consent' }).click();
    await expect.poll(() => status.getByTestId('reminders-email').textContent()).toMatch(/E-mail Reminders: allowed — consent given on \d{4}-\d{2}-\d{2}/);
    await screenshot(page, 'privacy-consent-given');
  });

  it('withdraws it and reports reminders not allowed', async () => {
    await page.getByRole('table', { name: 'Consents in force' }).getByRole('button', { name: 'Withdraw' }).click();
    const form = page.getByRole('form', { name: 'Withdraw consent' });
    await form.getByLabel('How it was given or withdrawn').fill('Reply to a reminder e-mail');
    await form.getByRole('button', { name: 'Save withdrawal' }).click();
    const status = page.getByLabel('Reminder consent status');
    await expect.poll(() => status.getByTestId('reminders-email').textContent()).toMatch(/E-mail Reminders: not allowed — consent withdrawn on/);
    expect(await status.getByTestId('reminders-whatsapp').textContent()).toContain('not allowed — consent withdrawn');
    expect(await page.getByRole('table', { name: 'Consent history' }).getByRole('row').count()).toBe(3);
    const decision = await request<{ allowed: boolean; state: string }>(app, 'privacy.reminderConsent', { customerId: guptaId, channel: 'sms' });
    expect(decision).toMatchObject({ allowed: false, state: 'withdrawn' });
    await screenshot(page, 'privacy-consent-withdrawn');
  });

  it('exports a customer', async () => {
    await page.getByRole('tab', { name: 'Customer data' }).click();
    await page.getByRole('button', { name: 'Export data' }).click();
    const result = page.getByRole('status', { name: 'Export result' });
    await result.waitFor();
    const folder = (await result.locator('.mono').textContent()) ?? '';
    expect(folder.startsWith(join(data.path, 'exports'))).toBe(true);
    const exported = readFileSync(join(folder, 'data.json'), 'utf8');
    expect(exported).toContain('Gupta Hardware Stores');
    expect(exported).not.toContain('Mehta Traders');
    expect(existsSync(join(folder, 'summary.html'))).toBe(true);
    await screenshot(page, 'privacy-export');
  });

  it('erases another customer after the name is typed', async () => {
    await chooseCustomer(page, 'Mehta Traders');
    await page.getByRole('button', { name: 'Review erasure' }).click();
    const kept = page.getByRole('table', { name: 'Kept records' });
    await kept.waitFor();
    expect(await kept.getByRole('row', { name: /^audit entries/ }).textContent()).toContain('append-only');
    expect(await page.getByLabel('Erase customer').textContent()).toContain('1 customer contacts');
    const erase = page.getByRole('button', { name: 'Erase permanently' });
    await page.getByLabel('Customer name to confirm erasure').fill('Mehta');
    expect(await erase.isDisabled()).toBe(true);
    await page.getByLabel('Customer name to confirm erasure').fill('Mehta Traders Ahmedabad');
    await screenshot(page, 'privacy-erase-confirm');
    await erase.click();
    const result = page.getByRole('status', { name: 'Erasure result' });
    await result.waitFor();
    expect(await result.textContent()).toMatch(/The customer is now “Erased customer [0-9a-f]{8}”/);
    const remaining = await request<{ name: string }[]>(app, 'privacy.customers.search', { query: 'Mehta' });
    expect(remaining).toEqual([]);
    await expect.poll(() => page.getByRole('list', { name: 'Matching customers' }).textContent()).not.toContain('Mehta Traders Ahmedabad');
    await screenshot(page, 'privacy-erased');
  });

  it('verifies the audit log', async () => {
    await page.getByRole('tab', { name: 'Audit log' }).click();
    await page.getByRole('button', { name: 'Verify the audit log' }).click();
    const result = page.getByRole('status', { name: 'Audit verification result' });
    await expect.poll(() => result.textContent()).toMatch(/^Audit log intact: \d+ entries/);
    const entries = page.getByRole('table', { name: 'Audit entries' });
    expect(await entries.textContent()).toContain('customer.erased');
    expect(await entries.textContent()).not.toContain('Mehta');
    await screenshot(page, 'privacy-audit');
  });

  it('registers a request with its due date', async () => {
    await page.getByRole('tab', { name: 'Requests' }).click();
    await page.getByRole('button', { name: 'Register a request' }).click();
    const form = page.getByRole('form', { name: 'Register a request' });
    await form.getByLabel('Type').selectOption('access');
    await form.getByLabel('Search customers').fill('Gupta');
    await form.getByRole('button', { name: /Gupta Hardware Stores/ }).click();
    await form.getByRole('button', { name: 'Save request' }).click();
    const register = page.getByRole('table', { name: 'Request register' });
    await expect.poll(() => register.textContent()).toContain('Gupta Hardware Stores');
    expect(await register.textContent()).toContain('access');
    await screenshot(page, 'privacy-requests');
  });

  it('shows retention settings with a preview', async () => {
    await page.getByRole('tab', { name: 'Retention' }).click();
    await page.getByLabel('Erase Contacts of inactive customers').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await page.getByRole('button', { name: 'Preview what goes' }).click();
    await page.getByLabel('Retention preview').waitFor();
    expect(await page.getByLabel('Retention preview').textContent()).toContain('Contacts of inactive customers: 0');
    await screenshot(page, 'privacy-retention');
    await page.getByRole('tab', { name: 'Backup' }).click();
    await page.getByRole('form', { name: 'Back up the ledger' }).waitFor();
    await screenshot(page, 'privacy-backup');
  });
});
