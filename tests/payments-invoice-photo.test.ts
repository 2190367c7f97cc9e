import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import offerPhoto from '../api/offer-photo.js';
import { offers, payments } from '../db/schema.js';
import { setOnlinePayment } from '../lib/marketplace/venue-payments.js';
import { setRuntime } from '../lib/runtime.js';
import { createTestApp, PUBLIC_URL, type TestApp } from './support/app.js';
import { buttonFor, trackMessages } from './support/chat.js';
import { TEST_PAYMENT_ENV } from './support/fake-stripe.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person } from './support/updates.js';

/**
 * The invoice shows the deal's photo (issue 18): Telegram takes an invoice's picture only as a public URL, and
 * an offer's photo lives in Telegram under a file id whose download URL contains the bot token. The bot hands
 * Telegram a signed URL of /api/offer-photo, which fetches the bytes from Telegram's file API and serves them.
 */
describe(`the invoice's photo (${storeLabel})`, () => {
  let app: TestApp;
  let messages: ReturnType<typeof trackMessages>;
  let jpeg: Buffer;
  // A customer per invoice: a hold awaiting payment takes one of a customer's 3 open reservations.
  let nextCustomer = 4100;

  beforeAll(async () => {
    // PUBLIC_URL comes with the QStash configuration: what a deployment has.
    app = await createTestApp({ ...TEST_PAYMENT_ENV, RATE_LIMIT_MAX_REQUESTS: '1000' }, { qstash: true });
    setRuntime(app.runtime);
    messages = trackMessages(app);
    jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c08040' } })
      .jpeg()
      .toBuffer();
  });
  afterAll(async () => {
    await app.close();
  });

  const fetchPhoto = (url: string, init?: RequestInit) => offerPhoto.fetch(new Request(url, init));

  async function offerWithPhoto(photoFileId: string | null) {
    const venue = await verifiedVenue(app.deps.db);
    await setOnlinePayment(app.deps.db, { ownerId: venue.ownerId, accept: true });
    const offer = await liveOffer(app.deps.db, venue.ownerId);
    await app.deps.db.update(offers).set({ photoFileId }).where(eq(offers.id, offer.id));
    return offer;
  }

  /** A customer presses Pay now on one unit of the offer's first item; the invoice's parameters as sent. */
  async function payNow(offer: Awaited<ReturnType<typeof liveOffer>>) {
    const alice: Person = { id: nextCustomer++, first_name: 'Alice' };
    const invoices = app.telegram.callsTo('sendInvoice').length;
    const itemId = offer.items[0]!.id;
    await app.deliver(callbackUpdate(alice, `buy:item:${offer.id}:${itemId}`));
    const qty = buttonFor(app, alice.id, `buy:qty:${offer.id}:${itemId}:1`)!;
    await app.deliver(callbackUpdate(alice, qty.callback_data!, messages.messageWith(alice.id, 'buy:qty')));
    const pay = buttonFor(app, alice.id, `buy:pay:${offer.id}:${itemId}:1`)!;
    await app.deliver(callbackUpdate(alice, pay.callback_data!, messages.messageWith(alice.id, 'buy:pay')));
    const sent = app.telegram.callsTo('sendInvoice');
    expect(sent, 'a new invoice').toHaveLength(invoices + 1);
    return sent.at(-1)!.params;
  }

  it('puts the deal’s photo on the invoice, served from the deployment’s public URL', async () => {
    const offer = await offerWithPhoto(app.telegram.addFile(jpeg));
    const invoice = await payNow(offer);
    expect(invoice.title).toBe(offer.title);
    const url = String(invoice.photo_url);
    expect(url.startsWith(`${PUBLIC_URL}/api/offer-photo?offer=${offer.id}&sig=`)).toBe(true);
    expect(url).not.toContain(app.runtime.bot.telegram.token);

    const response = await fetchPhoto(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('cache-control')).toMatch(/public/);
    expect(Buffer.from(await response.arrayBuffer()).equals(jpeg)).toBe(true);
    // HEAD answers the same without the bytes (link checkers, caches).
    const head = await fetchPhoto(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('sends the invoice without its picture when Telegram refuses it with one, and keeps the hold', async () => {
    const offer = await offerWithPhoto(app.telegram.addFile(jpeg));
    app.telegram.inject('sendInvoice', { code: 400, description: 'Bad Request: WEBDOCUMENT_URL_INVALID' });
    const before = app.telegram.callsTo('sendInvoice').length;
    // payNow expects one sendInvoice call; here there are two (the refused one, then the one without picture).
    await payNow(offer).catch(() => undefined);
    const tries = app.telegram.callsTo('sendInvoice').slice(before);
    expect(tries.map((c) => 'photo_url' in c.params)).toEqual([true, false]);
    const [payment] = await app.deps.db
      .select()
      .from(payments)
      .where(eq(payments.invoicePayload, String(tries[1]!.params.payload)));
    expect(payment).toMatchObject({ state: 'awaiting' });
    expect(payment!.invoiceMessageId).not.toBeNull();
  });

  it('sends an invoice without a picture for a deal without a photo', async () => {
    const invoice = await payNow(await offerWithPhoto(null));
    expect(invoice.title).toBeDefined();
    expect(invoice).not.toHaveProperty('photo_url');
  });

  it('serves only URLs it signed, of live offers: another offer, a forged or missing signature, a draft or ended offer, a replaced photo', async () => {
    const offer = await offerWithPhoto(app.telegram.addFile(jpeg));
    const url = String((await payNow(offer)).photo_url);
    const other = await offerWithPhoto(app.telegram.addFile(jpeg));
    const getFiles = app.telegram.callsTo('getFile').length;

    const tampered = [
      url.replace(`offer=${offer.id}`, `offer=${other.id}`),
      url.replace(/sig=[^&]+/, 'sig=AAAAAAAAAAAAAAAAAAAAAA'),
      url.replace(/&sig=[^&]+/, ''),
      `${PUBLIC_URL}/api/offer-photo`,
      `${PUBLIC_URL}/api/offer-photo?offer=-1&sig=x`,
    ];
    for (const bad of tampered) {
      const response = await fetchPhoto(bad);
      expect(response.status, bad).toBe(404);
      expect(await response.json()).toEqual({ error: 'not found' });
    }
    expect((await fetchPhoto(url, { method: 'POST', body: '{}' })).status).toBe(405);

    // An offer back in draft (never the case today, but a draft's photo is nobody's to see) is not served.
    await app.deps.db.update(offers).set({ status: 'draft' }).where(eq(offers.id, offer.id));
    expect((await fetchPhoto(url)).status).toBe(404);
    // Nor one that ended (withdrawn, taken down, expired).
    await app.deps.db.update(offers).set({ status: 'withdrawn' }).where(eq(offers.id, offer.id));
    expect((await fetchPhoto(url)).status).toBe(404);
    await app.deps.db.update(offers).set({ status: 'active' }).where(eq(offers.id, offer.id));
    expect((await fetchPhoto(url)).status).toBe(200);

    // A new photo: the old URL named the old one and stops working.
    await app.deps.db
      .update(offers)
      .set({ photoFileId: app.telegram.addFile(jpeg) })
      .where(eq(offers.id, offer.id));
    expect((await fetchPhoto(url)).status).toBe(404);
    // Nothing was asked of Telegram for any of them (the one served photo aside).
    expect(app.telegram.callsTo('getFile')).toHaveLength(getFiles + 1);
  });

  it('answers 502 without the token when Telegram can’t give the file', async () => {
    const offer = await offerWithPhoto('a_file_id_telegram_does_not_know');
    const url = String((await payNow(offer)).photo_url);
    const response = await fetchPhoto(url);
    expect(response.status).toBe(502);
    const logged = JSON.stringify(app.logs.filter((l) => l.event === 'offer_photo_unavailable'));
    expect(logged).toContain(`"offer_id":${offer.id}`);
    expect(logged).not.toContain(app.runtime.bot.telegram.token);
  });
});
