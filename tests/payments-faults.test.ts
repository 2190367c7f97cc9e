import { eq, inArray } from 'drizzle-orm';
import type { Update } from 'telegraf/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notices, offerItems, payments, refunds, reservations } from '../db/schema.js';
import type { InjectedError } from '../dev/sandbox/bot-api-emulator.js';
import { runDeliverNotices } from '../lib/jobs/deliver-notices.js';
import { runRefunds } from '../lib/jobs/refund.js';
import { recordPayment } from '../lib/marketplace/payments.js';
import { HOLD_MS } from '../lib/marketplace/pending-payments.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { setOnlinePayment } from '../lib/marketplace/venue-payments.js';
import { createTestApp, manualClock, type TestApp } from './support/app.js';
import { FakeStripe, TEST_PAYMENT_ENV } from './support/fake-stripe.js';
import { switchableDatabase, switchableRedis } from './support/faulty-stores.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { createTestDatabase, storeLabel } from './support/stores.js';
import { callbackUpdate, messageUpdate, type Person } from './support/updates.js';

/**
 * The payment writes (issue 18) crossed with the ways the world fails right after their commit, as
 * tests/exactly-once.test.ts does for the others: after the faults clear (Telegram redelivers what got no 200,
 * the retry jobs run) one effect in the database, the code "Paid ✓" and the venue's heads-up each delivered once,
 * and each refund handed to Stripe once.
 */
type Database = ReturnType<typeof switchableDatabase>;
type Redis = Awaited<ReturnType<typeof switchableRedis>>;

interface Scene {
  update: Update;
  effect(): Promise<void>;
  reservationIds: number[];
  told: Array<{ to: number; saying: string; times: number }>;
}

let nextPerson = 810_000;
const person = (): Person => ({ id: nextPerson++, first_name: `P${nextPerson}` });
let nextCharge = 1;

describe(`payments exactly once around the commit (${storeLabel})`, () => {
  let app: TestApp;
  let database: Database;
  let redis: Redis;
  const stripe = new FakeStripe();
  const clock = manualClock();
  const delivered: Array<{ chatId: number; text: string; method: string }> = [];
  const deliveredTo = (chatId: number, saying: string) =>
    delivered.filter((d) => d.chatId === chatId && d.method === 'sendMessage' && d.text.includes(saying));

  beforeAll(async () => {
    await stripe.start();
    database = switchableDatabase(await createTestDatabase());
    redis = await switchableRedis();
    app = await createTestApp(
      { ...TEST_PAYMENT_ENV, STRIPE_API_URL: stripe.url, RATE_LIMIT_MAX_REQUESTS: '10000' },
      { qstash: true, clock, handlerTimeoutMs: 2_000, database, redisConnection: redis },
    );
    app.telegram.onCall((call) =>
      delivered.push({
        chatId: Number(call.params.chat_id),
        text: String(call.params.text ?? ''),
        method: call.method,
      }),
    );
  });
  afterAll(async () => {
    await app.close();
    await stripe.stop();
  });

  const db = () => app.deps.db;
  /** A venue that takes online payment, a live offer, and a customer's hold on one unit with its invoice. */
  async function held(title: string) {
    const venue = await verifiedVenue(db());
    await setOnlinePayment(db(), { ownerId: venue.ownerId, accept: true });
    const offer = await liveOffer(db(), venue.ownerId, { now: clock.now(), title });
    const customer = person();
    const key = newKey();
    const hold = await reserve(db(), {
      idempotencyKey: key,
      customer: { id: customer.id, firstName: customer.first_name },
      offerId: offer.id,
      itemId: offer.items[0]!.id,
      quantity: 1,
      currency: 'EUR',
      now: clock.now(),
      holdUntil: new Date(clock.now().getTime() + HOLD_MS),
    });
    return { venue, offer, customer, key, hold };
  }
  const successfulPayment = (customer: Person, payload: string, amount: number) =>
    messageUpdate(customer, {
      successful_payment: {
        currency: 'EUR',
        total_amount: amount,
        invoice_payload: payload,
        telegram_payment_charge_id: `tg_fault_${nextCharge}`,
        provider_payment_charge_id: `ch_fault_${nextCharge++}`,
      },
    });

  const writes: Record<string, () => Promise<Scene>> = {
    async 'a successful payment'() {
      const { venue, customer, key, hold } = await held('Paid bag');
      return {
        update: successfulPayment(customer, key, 350),
        async effect() {
          const [r] = await db().select().from(reservations).where(eq(reservations.id, hold.reservationId));
          expect(r!.status).toBe('reserved');
          const [p] = await db()
            .select()
            .from(payments)
            .where(eq(payments.reservationId, hold.reservationId));
          expect(p!.state).toBe('paid');
        },
        reservationIds: [hold.reservationId],
        told: [
          {
            to: customer.id,
            saying: `Paid ✓</b> Your pickup code: <code>${hold.pickupCode}</code>`,
            times: 1,
          },
          {
            to: venue.ownerId,
            saying: `Code <code>${hold.pickupCode}</code> · €3.50 already paid`,
            times: 1,
          },
        ],
      };
    },

    async 'a withdrawal of a paid offer'() {
      const { venue, offer, customer, key, hold } = await held('Paid then withdrawn');
      const payment = successfulPayment(customer, key, 350);
      const paid = (payment as unknown as { message: { successful_payment: Record<string, string> } }).message
        .successful_payment;
      await recordPayment(
        db(),
        {
          payload: key,
          customerId: customer.id,
          privateChat: true,
          currency: 'EUR',
          totalAmount: 350,
          telegramChargeId: paid.telegram_payment_charge_id!,
          providerChargeId: paid.provider_payment_charge_id!,
          now: clock.now(),
        },
        () => 'ZZZZZZ',
      );
      await app.runtime.bot.telegram.sendMessage(venue.ownerId, 'A card with buttons');
      return {
        update: callbackUpdate(
          { id: venue.ownerId, first_name: 'Owner' },
          `offer:confirm:withdraw:${offer.id}`,
        ),
        async effect() {
          const [r] = await db().select().from(reservations).where(eq(reservations.id, hold.reservationId));
          expect(r!.status).toBe('cancelled');
          await runRefunds(app.deps, app.runtime.bot.telegram);
          const rows = await db().select().from(refunds).where(eq(refunds.reservationId, hold.reservationId));
          expect(rows.map((x) => [x.reason, x.state])).toEqual([['withdrawn', 'succeeded']]);
          expect(stripe.refunds.filter((x) => x.charge === paid.provider_payment_charge_id)).toHaveLength(1);
        },
        reservationIds: [hold.reservationId],
        told: [
          { to: customer.id, saying: 'withdrew <b>Paid then withdrawn</b>', times: 1 },
          { to: customer.id, saying: 'is on its way back to your card', times: 1 },
        ],
      };
    },
  };

  const telegramFault = (method: string, error: InjectedError) => () =>
    app.telegram.inject(method, error, 20);
  const afterWrite = (matches: RegExp, run: () => Promise<void> | void) => () => {
    database.afterCommit = { matches, run };
  };
  /** The payment's statement, or the withdrawal's (both write the change's own rows). */
  const theWrite = /set state = 'paid'|insert into idempotency_keys/;

  const faults: Record<string, () => void> = {
    'the database reply is lost after the commit': afterWrite(theWrite, () => {
      throw Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNRESET' } });
    }),
    'Redis goes down right after the commit': afterWrite(theWrite, () => {
      redis.down = true;
    }),
    'the handler times out after the commit': afterWrite(
      theWrite,
      () => new Promise((resolve) => setTimeout(resolve, 2_500)),
    ),
    'Telegram answers 502 to every message': telegramFault('sendMessage', {
      code: 502,
      description: 'Bad Gateway',
    }),
    'Telegram times out on every message': telegramFault('sendMessage', { reset: true }),
    'Stripe answers 500 twice': () => stripe.failNext(2),
    // Not an outage: a bug. A payment's update is answered 503 all the same (Telegram took the money, so it
    // must come back); a withdrawal's is answered 200, its notices and refunds being in the outbox already.
    'the handler hits a bug right after the commit': afterWrite(theWrite, () => {
      throw new TypeError("Cannot read properties of undefined (reading 'id')");
    }),
  };

  it('schedules a hold’s end when Pay now is redelivered after its first try lost the reply past the commit', async () => {
    const venue = await verifiedVenue(db());
    await setOnlinePayment(db(), { ownerId: venue.ownerId, accept: true });
    const offer = await liveOffer(db(), venue.ownerId, { now: clock.now(), title: 'Held, then lost' });
    const customer = person();
    const press = callbackUpdate(customer, `buy:pay:${offer.id}:${offer.items[0]!.id}:1`, 77);
    const expiries = () =>
      app.qstash!.messages.filter((m) => m.destination.endsWith('/api/jobs/expire-payment'));
    const before = expiries().length;
    database.afterCommit = {
      matches: /insert into payments/,
      run: () => {
        throw Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNRESET' } });
      },
    };
    expect((await app.deliver(press)).status).toBe(503);
    const [held] = await db().select().from(reservations).where(eq(reservations.customerId, customer.id));
    expect(held!.status).toBe('pending_payment');
    // Telegram redelivers: the hold is found again (no second one), its end is scheduled, the invoice goes out.
    expect((await app.deliver(press)).status).toBe(200);
    expect(
      await db().select().from(reservations).where(eq(reservations.customerId, customer.id)),
    ).toHaveLength(1);
    expect(
      expiries()
        .slice(before)
        .map((m) => JSON.parse(m.body)),
    ).toEqual([{ reservationId: held!.id }]);
    expect(app.telegram.sentTo(customer.id).some((c) => c.method === 'sendInvoice')).toBe(true);
  });

  it('releases a refused invoice’s hold once when the database reply to the release is lost, and says so on the retry', async () => {
    const venue = await verifiedVenue(db());
    await setOnlinePayment(db(), { ownerId: venue.ownerId, accept: true });
    const offer = await liveOffer(db(), venue.ownerId, { now: clock.now(), title: 'Refused, then lost' });
    const item = offer.items[0]!;
    const customer = person();
    const press = callbackUpdate(customer, `buy:pay:${offer.id}:${item.id}:1`, 78);
    app.telegram.inject('sendInvoice', {
      code: 400,
      description: 'Bad Request: CURRENCY_TOTAL_AMOUNT_INVALID',
    });
    database.afterCommit = {
      matches: /update payments pm set state = 'expired'/,
      run: () => {
        throw Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNRESET' } });
      },
    };
    expect((await app.deliver(press)).status).toBe(503);
    // Telegram redelivers: the card's hold is found ended, said so, and nothing is held or released again.
    expect((await app.deliver(press)).status).toBe(200);
    const held = await db().select().from(reservations).where(eq(reservations.customerId, customer.id));
    expect(held.map((r) => r.status)).toEqual(['cancelled']);
    const [stock] = await db().select().from(offerItems).where(eq(offerItems.id, item.id));
    expect(stock!.quantityAvailable).toBe(item.quantityAvailable);
    expect(app.telegram.callsTo('sendInvoice').filter((c) => c.params.chat_id === customer.id)).toHaveLength(
      1,
    );
    const toasts = app.telegram.callsTo('answerCallbackQuery').map((c) => String(c.params.text ?? ''));
    expect(toasts.some((t) => /ended|expired|ran out/i.test(t))).toBe(true);
  });

  it('keeps a successful payment whose handler hits a bug before anything is written: 503, then recorded', async () => {
    const { customer, key, hold } = await held('Bug before the write');
    const update = successfulPayment(customer, key, 350);
    database.instead = {
      matches: /set state = 'paid'/,
      run: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'id')");
      },
    };
    const first = await app.deliver(update);
    expect(first.status).toBe(503);
    expect(app.logs.some((l) => l.event === 'payment_update_failed')).toBe(true);
    const [before] = await db().select().from(payments).where(eq(payments.reservationId, hold.reservationId));
    expect(before!.state).toBe('awaiting');
    // Telegram redelivers (a fix deployed meanwhile, or the bug was passing): the payment is recorded once.
    expect((await app.deliver(update)).status).toBe(200);
    const [after] = await db().select().from(payments).where(eq(payments.reservationId, hold.reservationId));
    expect(after!.state).toBe('paid');
    await runDeliverNotices(app.deps, app.runtime.bot.telegram);
    expect(
      deliveredTo(customer.id, `Paid ✓</b> Your pickup code: <code>${hold.pickupCode}</code>`),
    ).toHaveLength(1);
  });

  for (const [write, setUp] of Object.entries(writes)) {
    describe(write, () => {
      for (const [fault, arm] of Object.entries(faults)) {
        it(`has one effect and tells everyone once when ${fault}`, async () => {
          stripe.clearFailures();
          const scene = await setUp();
          arm();
          const first = await app.deliver(scene.update);
          expect([200, 503]).toContain(first.status);
          await new Promise((resolve) => setTimeout(resolve, first.status === 503 ? 1_000 : 0));
          app.telegram.clearInjected();
          redis.down = false;
          database.afterCommit = undefined;
          let retry = await app.deliver(scene.update);
          if (retry.body.retry) {
            await redis.redis.del(`update:${scene.update.update_id}`);
            retry = await app.deliver(scene.update);
          }
          expect(retry.status).toBe(200);
          // Telegram may also send the same payment as a new update: still one effect.
          expect(
            (await app.deliver({ ...scene.update, update_id: scene.update.update_id + 500_000 })).status,
          ).toBe(200);
          clock.advance(2 * 60_000);
          await runDeliverNotices(app.deps, app.runtime.bot.telegram);
          // The refund job runs again until Stripe answers (its backoff: 30 s, 1 min, 2 min…).
          for (let run = 0; run < 4; run++) {
            await runRefunds(app.deps, app.runtime.bot.telegram);
            clock.advance(5 * 60_000);
          }
          await runDeliverNotices(app.deps, app.runtime.bot.telegram);

          await scene.effect();
          const owed = await db()
            .select()
            .from(notices)
            .where(inArray(notices.reservationId, scene.reservationIds));
          expect(owed.map((n) => n.status)).toEqual(owed.map(() => 'sent'));
          for (const { to, saying, times } of scene.told) {
            expect(deliveredTo(to, saying), `messages to ${to} saying “${saying}”`).toHaveLength(times);
          }
        });
      }
    });
  }
});
