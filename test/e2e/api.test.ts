import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/api-client';
import { startApp, type RunningApp } from '../support/app-server';
import { browserAvailable, launchBrowser, screenshot, type TestBrowser } from '../support/browser';
import { createLedgerThroughScreens } from '../support/e2e-flow';
import { makeTempDir } from '../support/services';

describe.skipIf(!browserAvailable)('local API settings card', () => {
  const data = makeTempDir('duewatch-e2e-api-');
  let browser: TestBrowser;
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startApp(data.path);
    page = await browser.newPage();
    await createLedgerThroughScreens(page, app.url, 'API Ledger', 'mango ledger kite 2026');
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
  });

  afterAll(async () => {
    await app?.stop();
    await browser?.close();
    data.remove();
  });

  it('creates a token that works until it is revoked', async () => {
    const card = page.getByLabel('Local API', { exact: true });
    await card.getByRole('heading', { name: 'Local API' }).waitFor();
    await card.getByLabel('Token name').fill('Billing system');
    await card.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByTestId('api-token-secret');
    await shown.waitFor();
    const token = (await shown.textContent()) ?? '';
    expect(token).toMatch(/^dwapi_[A-Za-z0-9_-]{43}$/);

    const port = await freePort();
    await card.getByLabel('API port').fill(String(port));
    await card.getByLabel('Turn on the local API').check();
    await card.getByRole('button', { name: 'Save API settings' }).click();
    await expect.poll(() => page.getByTestId('api-status').textContent(), { timeout: 15_000 }).toBe(`Listening on http://127.0.0.1:${port}`);

    const accepted = await fetch(`http://127.0.0.1:${port}/v1/alerts`, { headers: { authorization: `Bearer ${token}` } });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ items: [] });
    const requests = page.getByRole('table', { name: 'Recent API requests list' });
    await expect.poll(() => requests.textContent(), { timeout: 10_000 }).toContain('/v1/alerts');
    expect(await requests.textContent()).toContain('Billing system');
    await screenshot(page, 'settings-api');

    await card.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByTestId('api-token-secret').count()).toBe(0);
    expect(await card.textContent()).not.toContain(token);

    await card.getByRole('button', { name: 'Revoke Billing system' }).click();
    await card.getByRole('button', { name: 'Revoke now' }).click();
    await card.getByText('No tokens yet.').waitFor();
    const rejected = await fetch(`http://127.0.0.1:${port}/v1/alerts`, { headers: { authorization: `Bearer ${token}` } });
    expect(rejected.status).toBe(401);
    expect(await rejected.json()).toMatchObject({ error: { code: 'forbidden' } });
    await expect.poll(() => requests.textContent(), { timeout: 10_000 }).toContain('401');
    await screenshot(page, 'settings-api-revoked');
  });

  it('warns when the API listens beyond this computer', async () => {
    const card = page.getByLabel('Local API', { exact: true });
    await card.getByLabel('Listen on address').fill('0.0.0.0');
    await expect.poll(() => card.getByTestId('api-lan-warning').textContent()).toContain('Other computers on your network');
    await card.getByLabel('Listen on address').fill('127.0.0.1');
    expect(await card.getByTestId('api-lan-warning').count()).toBe(0);
  });
});
