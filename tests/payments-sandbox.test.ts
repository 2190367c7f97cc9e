import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../dev/sandbox/bot-api-emulator.js';
import { startSandbox } from '../dev/sandbox/start.js';

/**
 * Issue 18 in the sandbox, over the page's own HTTP API: the seeded bakery takes online payment, so a customer's
 * confirm card offers 💳 Pay now, the invoice card's Pay (test) runs the real checkout, and the code comes with
 * "Paid ✓"; the venue's owner reads that nothing is to collect.
 */
describe('sandbox: paying in chat', () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  const bob = 1002;
  const bakeryOwner = 3001;

  beforeAll(async () => {
    sandbox = await startSandbox({ PORT: '0', LOG_LEVEL: 'warn', TIMEZONE: 'Europe/Berlin' }, { seed: true });
  }, 60_000);
  afterAll(() => sandbox?.close());

  const post = async (path: string, body: Record<string, unknown>) =>
    (await fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((r) => r.json())) as { status: number };
  const messages = async (persona: number) =>
    (
      (await fetch(`${sandbox.url}/sandbox/state?persona=${persona}`).then((r) => r.json())) as {
        messages: StoredMessage[];
      }
    ).messages;
  const withButton = async (persona: number, prefix: string) => {
    const found = [...(await messages(persona))]
      .reverse()
      .find((m) => JSON.stringify(m.reply_markup ?? '').includes(`"callback_data":"${prefix}`));
    const data = (
      found?.reply_markup as { inline_keyboard: Array<Array<{ callback_data?: string }>> }
    )?.inline_keyboard
      .flat()
      .find((b) => b.callback_data?.startsWith(prefix))?.callback_data;
    expect(data, `a ${prefix} button`).toBeDefined();
    return { messageId: found!.message_id, data: data! };
  };
  const click = async (persona: number, prefix: string) =>
    post('/sandbox/click', { persona, ...(await withButton(persona, prefix)) });

  it('reserves at the bakery with 💳 Pay now and pays the invoice with Pay (test)', async () => {
    await post('/sandbox/send', { persona: bob, text: '/offers' });
    const listing = await withButton(bob, 'offer:view:');
    const offerId = Number(listing.data.split(':')[2]);
    expect((await post('/sandbox/click', { persona: bob, ...listing })).status).toBe(200);
    // The bakery's offer is the first seeded: Evening bread bag.
    await click(bob, `buy:item:${offerId}:`);
    await click(bob, `buy:qty:${offerId}:`);
    await click(bob, 'buy:pay:');
    const invoice = (await messages(bob)).filter((m) => m.invoice).at(-1);
    expect(invoice?.invoice).toMatchObject({ title: 'Evening bread bag', currency: 'EUR' });
    // The deal's photo on the invoice card, served by the sandbox's own /api/offer-photo.
    const photoUrl = String((invoice!.invoice as { photo_url?: string }).photo_url);
    expect(photoUrl.startsWith(`${sandbox.url}/api/offer-photo?offer=${offerId}&sig=`)).toBe(true);
    const photo = await fetch(photoUrl);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect((await photo.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect((await post('/sandbox/pay', { persona: bob, messageId: invoice!.message_id })).status).toBe(200);
    const last = (await messages(bob)).filter((m) => m.from?.is_bot).at(-1);
    expect(String(last?.text)).toMatch(/Paid ✓/);
    expect((await messages(bob)).some((m) => m.successful_payment)).toBe(true);
    // The seeded owner is no persona of the page; the emulator holds their chat all the same.
    const owner = sandbox.telegram.history(bakeryOwner).at(-1);
    expect(String(owner?.text)).toMatch(/paid online ✓/);
  });

  it('shows the refused checkout of an invoice paid already as Telegram would', async () => {
    const invoice = (await messages(bob)).filter((m) => m.invoice).at(-1)!;
    expect((await post('/sandbox/pay', { persona: bob, messageId: invoice.message_id })).status).toBe(402);
  });
});
