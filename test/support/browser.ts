import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/**
 * Finds Debian's Chromium (or DUEWATCH_CHROMIUM). End-to-end tests skip when there is none,
 * except under CI=true, where a missing browser is an error because CI installs one.
 */
const chromiumPath = [process.env.DUEWATCH_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (candidate): candidate is string => candidate !== undefined && candidate !== '' && existsSync(candidate),
);

if (chromiumPath === undefined && process.env.CI === 'true') {
  throw new Error('No Chromium found at /usr/bin/chromium; CI must install it (apt-get install -y chromium).');
}
if (chromiumPath === undefined) {
  console.warn('Skipping end-to-end tests: no Chromium found. Install it with "apt-get install -y chromium" or set DUEWATCH_CHROMIUM to a Chromium binary.');
}

export const browserAvailable = chromiumPath !== undefined;

export interface TestBrowser {
  readonly context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  if (chromiumPath === undefined) throw new Error('No Chromium available.');
  const profile = mkdtempSync(join(tmpdir(), 'duewatch-chromium-'));
  // A fresh profile folder per run, so no state leaks between runs.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 820 },
    locale: 'en-IN',
    timezoneId: 'Asia/Kolkata',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot under test-results/screenshots for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join('test-results', 'screenshots', `${name}.png`), fullPage: true });
}
