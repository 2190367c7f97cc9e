import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, payments, reservations } from '../db/schema.js';
import { ConfigError, loadConfig } from '../lib/config.js';
import { setOnlinePayment } from '../lib/marketplace/venue-payments.js';
import { createTestApp, manualClock, type TestApp } from './support/app.js';
import { buttonFor, lastScreen, shown, trackMessages } from './support/chat.js';
import { FakeStripe, TEST_PAYMENT_ENV } from './support/fake-stripe.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { paymentDriver } from './support/payments.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, people } from './support/updates.js';

/**
 * Payments never trust what an update claims (issue 18): an invoice is paid by the customer it was issued to, in
 * their private chat, for its amount; everything else is refused, changes nothing and leaves an audit row. No card
 * data, provider token or Stripe key reaches the logs.
 */
describe(`payment security (${storeLabel})`, () => {
  const clock = manualClock(new Date('2030-06-03T15:00:00Z'));
  const stripe = new FakeStripe();
  let app: TestApp;
  let messages: ReturnType<typeof trackMessages>;
  let pay: ReturnType<typeof paymentDriver>;
  let offer: Awaited<ReturnType<typeof liveOffer>>;
  const [alice, bob] = [people.alice, people.bob];
  let invoice: { payload: string; total: number };

  beforeAll(async () => {
    await stripe.start();
    app = await createTestApp(
      { ...TEST_PAYMENT_ENV, STRIPE_API_URL: stripe.url, RATE_LIMIT_MAX_REQUESTS: '1000' },
      { qstash: true, clock },
    );
    messages = trackMessages(app);
    pay = paymentDriver(app);
    const venue = await verifiedVenue(app.deps.db, { name: 'Secure Bakery' });
    await setOnlinePayment(app.deps.db, { ownerId: venue.ownerId, accept: true });
    offer = await liveOffer(app.deps.db, venue.ownerId, { now: clock.now() });
    // Alice holds one unit and has her invoice.
    const itemId = offer.items[0]!.id;
    await app.deliver(callbackUpdate(alice, `buy:item:${offer.id}:${itemId}`));
    await tap(alice, `buy:qty:${offer.id}:${itemId}:1`);
    await tap(alice, 'buy:pay');
    const sent = app.telegram.invoiceOf(alice.id, pay.lastInvoice(alice.id)!.message_id)!;
    invoice = { payload: sent.payload, total: sent.total_amount };
  });
  afterAll(async () => {
    await app.close();
    await stripe.stop();
  });

  async function tap(person: Person, prefix: string) {
    const button = buttonFor(app, person.id, prefix);
    await app.deliver(
      callbackUpdate(person, button!.callback_data!, messages.messageWith(person.id, prefix)),
    );
  }
  const aliceHold = async () =>
    (
      await app.deps.db
        .select()
        .from(reservations)
        .where(and(eq(reservations.customerId, alice.id), eq(reservations.offerId, offer.id)))
    )[0]!;
  const audited = async (action: string, actorId: number) =>
    (await app.deps.db.select().from(auditLog).where(eq(auditLog.action, action))).filter(
      (a) => a.actorId === actorId,
    );

  it('refuses the checkout of an invoice issued to another customer, and audits who tried', async () => {
    // Bob opens Alice's invoice (forwarded to him, or its payload copied).
    const { answer, paid } = await pay.pay(bob, { chatId: alice.id });
    expect(answer).toMatchObject({
      ok: false,
      error_message: expect.stringMatching(/belongs to someone else/),
    });
    expect(paid).toBeUndefined();
    expect(await audited('payment.pre_checkout_refused', bob.id)).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ reason: 'not_yours' }) }),
    ]);
    expect((await aliceHold()).status).toBe('pending_payment');
  });

  it('says the refusal in the language the customer chose with /language, not only in Telegram’s', async () => {
    // Bob's Telegram is in English, but he chose German in the bot: the checkout runs before any session.
    await app.deps.db.execute(sql`insert into users (id, first_name, language) values (${bob.id}, 'Bob', 'de')
      on conflict (id) do update set language = 'de'`);
    const { answer } = await pay.pay(bob, { chatId: alice.id });
    expect(answer).toMatchObject({
      ok: false,
      error_message: expect.stringMatching(/gehört jemand anderem/),
    });
    await app.deps.db.execute(sql`update users set language = null where id = ${bob.id}`);
  });

  it('refuses a checkout whose amount or currency isn’t the invoice’s', async () => {
    for (const tamper of [{ totalAmount: invoice.total - 1 }, { currency: 'USD' }]) {
      const { answer } = await pay.pay(alice, { tamper });
      expect(answer).toMatchObject({
        ok: false,
        error_message: expect.stringMatching(/amount doesn’t match/),
      });
    }
    expect(await audited('payment.pre_checkout_refused', alice.id)).toHaveLength(2);
  });

  it.each([
    [
      'from a group chat',
      alice,
      { chat: { id: -100777, type: 'supergroup', title: 'Lunch club' } },
      'not_private',
    ],
    ['for another customer’s invoice', bob, {}, 'not_yours'],
    ['for another amount', alice, { totalAmount: 1 }, 'amount_mismatch'],
    ['for an invoice that doesn’t exist', alice, { payload: 'reserve:card:1:999999' }, 'unknown'],
  ] as const)(
    'refuses a successful_payment %s: audited, nothing changes',
    async (_, person, forged, reason) => {
      const before = await aliceHold();
      const options = forged as { chat?: Record<string, unknown>; totalAmount?: number; payload?: string };
      await pay.forgedPayment(
        person,
        { payload: options.payload ?? invoice.payload, totalAmount: options.totalAmount ?? invoice.total },
        options.chat,
      );
      const after = await aliceHold();
      expect(after.status).toBe(before.status);
      expect(after.status).toBe('pending_payment');
      const [payment] = await app.deps.db.select().from(payments).where(eq(payments.reservationId, after.id));
      expect(payment).toMatchObject({ state: 'awaiting', telegramPaymentChargeId: null });
      const refused = await audited('payment.refused', person.id);
      expect(refused.at(-1)).toMatchObject({ data: expect.objectContaining({ reason }) });
      // A successful_payment is a real charge: refused in a private chat, it is an error for the operator
      // (counted toward the ops alert); from a group, a warning.
      expect(app.logs.filter((l) => l.event === 'payment_refused').at(-1)?.level).toBe(
        reason === 'not_private' ? 'warn' : 'error',
      );
    },
  );

  it('says nothing in a group, and tells the customer in their own chat that the payment matched nothing', async () => {
    expect(app.telegram.sentTo(-100777)).toHaveLength(0);
    expect(shown(lastScreen(app, bob.id))).toMatch(/couldn’t match this payment/);
  });

  it('still takes Alice’s own payment afterwards', async () => {
    const { answer } = await pay.pay(alice);
    expect(answer).toEqual({ ok: true });
    expect((await aliceHold()).status).toBe('reserved');
  });

  it('logs no card data, provider token or Stripe key', () => {
    const logs = JSON.stringify(app.logs);
    for (const secret of [
      TEST_PAYMENT_ENV.PAYMENT_PROVIDER_TOKEN,
      TEST_PAYMENT_ENV.STRIPE_SECRET_KEY,
      '+49 151 23456789',
      'alice@example.org',
      'Alice Example',
    ]) {
      expect(logs).not.toContain(secret);
    }
    expect(app.logs.some((l) => l.event === 'payment_refused')).toBe(true);
  });

  describe('configuration', () => {
    const base = { NODE_ENV: 'development' };
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ ...base, ...env });
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };

    it('needs the Stripe key beside the provider token: refunds must work', () => {
      expect(problems({ PAYMENT_PROVIDER_TOKEN: TEST_PAYMENT_ENV.PAYMENT_PROVIDER_TOKEN })).toEqual([
        expect.stringMatching(/PAYMENT_PROVIDER_TOKEN needs STRIPE_SECRET_KEY/),
      ]);
    });

    it('refuses a test token with a live key (and the other way round)', () => {
      expect(
        problems({ ...TEST_PAYMENT_ENV, STRIPE_SECRET_KEY: 'sk_live_realLookingKey000000000000' }),
      ).toEqual([expect.stringMatching(/TEST token but STRIPE_SECRET_KEY is a live key/)]);
    });

    it('refuses online payment in a currency without cents (JPY, BHD): prices are kept in hundredths', () => {
      expect(problems({ ...TEST_PAYMENT_ENV, CURRENCY: 'JPY' })).toEqual([
        expect.stringMatching(/needs a currency with cents .*; JPY has none or three/),
      ]);
      expect(problems({ ...TEST_PAYMENT_ENV, CURRENCY: 'BHD' })).toEqual([
        expect.stringMatching(/BHD has none or three/),
      ]);
      // Charged in cents by Stripe and Telegram, whatever ICU says of their decimals.
      for (const CURRENCY of ['USD', 'HUF', 'IDR', 'COP', 'PKR']) {
        expect(problems({ ...TEST_PAYMENT_ENV, CURRENCY }), CURRENCY).toEqual([]);
      }
      // Cash venues in yen are fine: nothing is charged by card.
      expect(problems({ CURRENCY: 'JPY' })).toEqual([]);
    });

    it('refuses STRIPE_API_URL in production and names no secret in its messages', () => {
      let error: unknown;
      try {
        loadConfig({ ...TEST_PAYMENT_ENV, STRIPE_API_URL: 'http://127.0.0.1:1', NODE_ENV: 'production' });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toMatch(/STRIPE_API_URL is for tests/);
      expect((error as ConfigError).message).not.toContain(TEST_PAYMENT_ENV.STRIPE_SECRET_KEY);
    });

    it('leaves payments off without a provider token, whatever else is set', () => {
      expect(loadConfig(base).payments).toBeUndefined();
      expect(loadConfig({ ...base, ...TEST_PAYMENT_ENV }).payments).toMatchObject({
        providerToken: TEST_PAYMENT_ENV.PAYMENT_PROVIDER_TOKEN,
      });
      expect(loadConfig({ ...base, ...TEST_PAYMENT_ENV }).payments?.stripeApi).toBeUndefined();
    });
  });
});
