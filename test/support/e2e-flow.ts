import type { Page } from 'playwright-core';

/** Creates a ledger through the screens and lands on the unlocked shell. */
export async function createLedgerThroughScreens(page: Page, url: string, name: string, passphrase: string): Promise<string> {
  await page.goto(url);
  await page.getByLabel('Ledger name').fill(name);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Repeat passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Create ledger' }).click();
  const shown = page.getByTestId('recovery-key');
  await shown.waitFor();
  const recoveryKey = (await shown.textContent()) ?? '';
  await page.getByLabel('I have stored the recovery key somewhere safe.').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
  return recoveryKey;
}
