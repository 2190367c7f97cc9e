import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../dev/sandbox/start.js';

/**
 * The admin console in the sandbox page, as Ada (the admin persona), on the seeded demo: every flow of the
 * console is reachable from her command menu and the buttons under the cards. Skipped without Chromium,
 * like the sandbox's own browser test (CI sets SANDBOX_BROWSER_REQUIRED).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.SANDBOX_BROWSER_REQUIRED) throw new Error(`Chromium not found at ${CHROMIUM}`);
const suite = available ? describe : describe.skip;

suite(`admin console in the sandbox${available ? '' : ' (skipped: no Chromium)'}`, () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    sandbox = await startSandbox({ PORT: '0', LOG_LEVEL: 'warn', TIMEZONE: 'Europe/Berlin' }, { seed: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 600, height: 900 } });
    await page.goto(`${sandbox.url}/`);
    await page.locator('.persona', { hasText: 'Ada' }).click();
    await page.locator('.persona.active', { hasText: 'Ada' }).waitFor();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  const say = async (text: string) => {
    await page.fill('#text', text);
    await page.press('#text', 'Enter');
  };
  const botSays = (text: string | RegExp) =>
    page.locator('.msg:not(.me)', { hasText: text }).last().waitFor({ timeout: 15_000 });
  const tap = (text: string | RegExp) => page.locator('.kb button', { hasText: text }).last().click();

  it('offers every console command in Ada’s menu', async () => {
    const menu = (sandbox.telegram.commandsFor(9001) as Array<{ command: string }>).map((c) => c.command);
    expect(menu).toEqual(
      expect.arrayContaining([
        'pending',
        'venues',
        'venue',
        'suspend',
        'takedown',
        'block',
        'stats',
        'audit',
      ]),
    );
  });

  it('reviews the seeded venue from /pending and sends it back for changes', async () => {
    await say('/pending');
    await botSays('Café Morgenrot');
    await tap('Request changes');
    await botSays('What should the owner');
    await say('Please add a photo of the counter');
    await botSays('went back to its owner');
  }, 60_000);

  it('finds a venue, opens its card and suspends it with a reason', async () => {
    await say('/venues verified');
    await botSays('Verified venues');
    await tap('Bäckerei Sonnenschein');
    await botSays('Reservations');
    await tap('Suspend');
    await botSays('Why are you suspending');
    await say('Hygiene inspection pending');
    await botSays('is suspended');
  }, 60_000);

  it('reads the numbers and the venue’s audit trail', async () => {
    await say('/stats 7d');
    await botSays('Marketplace, the last 7 days');
    await tap('30 days');
    await botSays('Marketplace, the last 30 days');
    await say('/audit venue 1');
    await botSays('suspended it');
  }, 60_000);

  it('shows everything in /help', async () => {
    await say('/help');
    await botSays('Admin console');
  });
});
