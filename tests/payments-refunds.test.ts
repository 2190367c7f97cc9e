import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refunds, reservations } from '../db/schema.js';
import { checkHealth } from '../lib/http/health.js';
import { runSweep } from '../lib/jobs/expire-offer.js';
import { setOnlinePayment } from '../lib/marketplace/venue-payments.js';
import { healthWithAlert } from '../lib/ops/health-alert.js';
import { createTestApp, manualClock, type TestApp } from './support/app.js';
import { buttonFor, buttonsOf, lastScreen, screens, shown, trackMessages } from './support/chat.js';
import { FakeStripe, TEST_PAYMENT_ENV } from './support/fake-stripe.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { jobDriver } from './support/jobs.js';
import { paymentDriver } from './support/payments.js';
import { createTestDatabase, storeLabel, type TestDatabase } from './support/stores.js';
import { callbackUpdate, type Person, people, textUpdate } from './support/updates.js';

/**
 * Refunds owed after online payment is switched off, and refunds that wait too long (issue 18,
 * docs/payments.md "Configuration"). Deployments are test apps on one database: one with PAYMENT_PROVIDER_TOKEN
 * where customers pay, then the same data under the environment an operator leaves behind (the token removed;
 * or the key too). Stripe is the real SDK against the local fake, behind a gate that can refuse the key (401/403)
 * the way Stripe does for a revoked or restricted key.
 */

/** Stands in front of the fake Stripe: passes every request on, or answers `refusing` (401/403) as Stripe does. */
class KeyGate {
  refusing: 401 | 403 | undefined;
  private server?: Server;
  url = '';

  constructor(private readonly stripe: FakeStripe) {}

  async start() {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      if (this.refusing) {
        const error =
          this.refusing === 401
            ? { type: 'invalid_request_error', code: 'api_key_expired', message: 'Expired API Key provided' }
            : {
                type: 'invalid_request_error',
                message: 'The provided key does not have the required permissions',
              };
        res.writeHead(this.refusing, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error }));
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          (entry): entry is [string, string] =>
            typeof entry[1] === 'string' && !['host', 'connection', 'content-length'].includes(entry[0]),
        ),
      );
      const answer = await fetch(`${this.stripe.url}${req.url}`, {
        method: req.method,
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
      });
      res.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
      });
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop() {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

describe(`refunds whatever the payment switch (${storeLabel})`, () => {
  // Starts at the real time, on a whole second, as QStash schedules (refunds are stamped and measured on the
  // app's clock; tests/payments.test.ts checks that on a clock years ahead).
  const clock = manualClock(new Date(Math.floor(Date.now() / 1000) * 1000));
  const minute = 60_000;
  const stripe = new FakeStripe();
  const gate = new KeyGate(stripe);
  let database: TestDatabase;
  /** Online payment on: customers pay here. */
  let on: TestApp;
  let pay: ReturnType<typeof paymentDriver>;
  let onMessages: ReturnType<typeof trackMessages>;
  let onJobs: ReturnType<typeof jobDriver>;
  let owner: Person;
  const [alice, bob, carol] = [people.alice, people.bob, { id: 1003, first_name: 'Carol' }];
  const admin = people.admin;
  const apps: TestApp[] = [];

  /** A deployment on the shared database with `env` (a test app of its own: its emulator, QStash and Redis). */
  async function deployment(env: Record<string, string>) {
    const shared = { ...database, close: async () => {} };
    const app = await createTestApp(
      { RATE_LIMIT_MAX_REQUESTS: '1000', ...env },
      { qstash: true, clock, database: shared },
    );
    apps.push(app);
    return { app, jobs: jobDriver(app, clock) };
  }

  beforeAll(async () => {
    await stripe.start();
    await gate.start();
    database = await createTestDatabase();
    ({ app: on, jobs: onJobs } = await deployment({ ...TEST_PAYMENT_ENV, STRIPE_API_URL: gate.url }));
    pay = paymentDriver(on);
    onMessages = trackMessages(on);
    const venue = await verifiedVenue(on.deps.db, { name: 'Olga’s Bakery' });
    owner = { id: venue.ownerId, first_name: 'Olga' };
    await setOnlinePayment(on.deps.db, { ownerId: owner.id, accept: true });
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database?.close();
    await gate.stop();
    await stripe.stop();
  });

  /** `person` pays for one unit of a new offer on the deployment with payment on; the paid reservation. */
  async function paidReservation(person: Person, title: string) {
    const offer = await liveOffer(on.deps.db, owner.id, { now: clock.now(), title, hours: 6 });
    const itemId = offer.items[0]!.id;
    await on.deliver(callbackUpdate(person, `buy:item:${offer.id}:${itemId}`));
    const qty = buttonFor(on, person.id, `buy:qty:${offer.id}:${itemId}:1`)!;
    await on.deliver(
      callbackUpdate(person, qty.callback_data!, onMessages.messageWith(person.id, 'buy:qty')),
    );
    const payNow = buttonFor(on, person.id, 'buy:pay')!;
    await on.deliver(
      callbackUpdate(person, payNow.callback_data!, onMessages.messageWith(person.id, 'buy:pay')),
    );
    expect((await pay.pay(person)).answer).toEqual({ ok: true });
    const [reservation] = await on.deps.db
      .select()
      .from(reservations)
      .where(and(eq(reservations.customerId, person.id), eq(reservations.offerId, offer.id)));
    expect(reservation?.status).toBe('reserved');
    return { offer, reservation: reservation! };
  }

  const refundOf = async (reservationId: number) =>
    (await on.deps.db.select().from(refunds).where(eq(refunds.reservationId, reservationId)))[0];
  const refundedCharge = (charge: string) => stripe.refunds.filter((r) => r.charge === charge);
  const alertsTo = (app: TestApp, words: string) =>
    app.telegram
      .sentTo(admin.id)
      .filter((c) => c.method === 'sendMessage' && String(c.params.text).includes(words));

  describe('online payment switched off: PAYMENT_PROVIDER_TOKEN removed, STRIPE_SECRET_KEY kept', () => {
    let off: TestApp;
    let offJobs: ReturnType<typeof jobDriver>;
    let paid: Array<Awaited<ReturnType<typeof paidReservation>>>;

    beforeAll(async () => {
      paid = [
        await paidReservation(alice, 'Cake slices'),
        await paidReservation(bob, 'Soup pot'),
        await paidReservation(carol, 'Sushi boxes'),
      ];
      ({ app: off, jobs: offJobs } = await deployment({
        STRIPE_SECRET_KEY: TEST_PAYMENT_ENV.STRIPE_SECRET_KEY,
        STRIPE_API_URL: gate.url,
      }));
    });

    it('is off: no 💳 Pay now on the confirm card, refunds still configured', async () => {
      expect(off.deps.config.payments).toBeUndefined();
      expect(off.deps.config.refunds?.stripeSecretKey).toBe(TEST_PAYMENT_ENV.STRIPE_SECRET_KEY);
      const offer = await liveOffer(off.deps.db, owner.id, { now: clock.now(), title: 'Cash now' });
      await off.deliver(callbackUpdate(alice, `buy:item:${offer.id}:${offer.items[0]!.id}`));
      await off.deliver(callbackUpdate(alice, `buy:qty:${offer.id}:${offer.items[0]!.id}:1`));
      const card = lastScreen(off, alice.id);
      expect(shown(card)).toMatch(/You pay at pickup/);
      expect(buttonsOf(card).some((b) => b.callback_data?.startsWith('buy:pay'))).toBe(false);
    });

    it('shows a card’s hold or payment when its 💵 Pay at pickup is pressed after the switch, not a cash code', async () => {
      // Dave pressed 💳 Pay now while payments were on; his invoice is open. Then, payments off, he presses
      // 💵 Pay at pickup on the same card: that card is his hold, so he is told it awaits payment, not "Reserved".
      const dave = { id: 1004, first_name: 'Dave' };
      const offer = await liveOffer(on.deps.db, owner.id, {
        now: clock.now(),
        title: 'Held bread',
        hours: 6,
      });
      const itemId = offer.items[0]!.id;
      await on.deliver(callbackUpdate(dave, `buy:item:${offer.id}:${itemId}`));
      const qty = buttonFor(on, dave.id, `buy:qty:${offer.id}:${itemId}:1`)!;
      await on.deliver(callbackUpdate(dave, qty.callback_data!, onMessages.messageWith(dave.id, 'buy:qty')));
      const card = onMessages.messageWith(dave.id, 'buy:pay');
      await on.deliver(callbackUpdate(dave, `buy:pay:${offer.id}:${itemId}:1`, card));
      const answer = await off.deliver(callbackUpdate(dave, `buy:confirm:${offer.id}:${itemId}:1`, card));
      expect(answer.status).toBe(200);
      const [held] = await off.deps.db
        .select()
        .from(reservations)
        .where(eq(reservations.customerId, dave.id));
      expect(held?.status).toBe('pending_payment');
      expect(off.telegram.sentTo(dave.id).some((c) => /Reserved!/.test(String(c.params.text ?? '')))).toBe(
        false,
      );
      expect(
        off.telegram
          .callsTo('answerCallbackQuery')
          .some((c) => /pay|invoice/i.test(String(c.params.text ?? ''))),
      ).toBe(true);
    });

    it('refunds a paid reservation the customer cancels, through the refund job, and says so', async () => {
      const { reservation } = paid[0]!;
      await off.deliver(textUpdate(alice, `/cancel ${reservation.id}`));
      expect(shown(lastScreen(off, alice.id))).toMatch(/will be refunded to your card/);
      expect(await offJobs.runDue('refund')).toBeGreaterThan(0);
      const refund = await refundOf(reservation.id);
      expect(refund).toMatchObject({ reason: 'cancelled', state: 'succeeded' });
      expect(refundedCharge(refund!.providerPaymentChargeId)).toHaveLength(1);
      expect(shown(lastScreen(off, alice.id))).toMatch(/Refunded:/);
    });

    it('refunds the paid holders of an offer the venue withdraws', async () => {
      const { offer, reservation } = paid[2]!;
      await off.deliver(callbackUpdate(owner, `offer:confirm:withdraw:${offer.id}`));
      expect(
        screens(off, carol.id).filter((c) => /Sushi boxes[\s\S]*will be refunded/.test(shown(c))),
      ).toHaveLength(1);
      await offJobs.runDue('refund');
      const refund = await refundOf(reservation.id);
      expect(refund).toMatchObject({ reason: 'withdrawn', state: 'succeeded' });
      expect(refundedCharge(refund!.providerPaymentChargeId)).toHaveLength(1);
    });

    it('has the sweep send a refund whose job never ran, once', async () => {
      const { reservation } = paid[1]!;
      await off.deliver(textUpdate(bob, `/cancel ${reservation.id}`));
      expect(offJobs.pending('refund').length).toBeGreaterThan(0);
      // The job is lost (not run); the sweep finds the refund.
      await runSweep(off.deps, off.runtime.bot.telegram);
      const refund = await refundOf(reservation.id);
      expect(refund).toMatchObject({ state: 'succeeded', attempts: 1 });
      // The job arriving after all changes nothing.
      await offJobs.runDue('refund');
      expect(refundedCharge(refund!.providerPaymentChargeId)).toHaveLength(1);
      expect((await refundOf(reservation.id))?.attempts).toBe(1);
    });

    it('tells no admin of anything: nothing is owed', async () => {
      expect(alertsTo(off, 'Refunds')).toHaveLength(0);
      expect(await checkHealth(off.deps)).toMatchObject({
        status: 200,
        body: { ok: true, refunds: { ok: true, overdue: 0 } },
      });
    });
  });

  describe('STRIPE_SECRET_KEY removed too while refunds are owed', () => {
    let bare: TestApp;
    let bareJobs: ReturnType<typeof jobDriver>;
    let owed: Awaited<ReturnType<typeof paidReservation>>;

    beforeAll(async () => {
      owed = await paidReservation(alice, 'Fruit crate');
      ({ app: bare, jobs: bareJobs } = await deployment({}));
    });

    it('keeps the cancellation and its refund row, sends nothing, and logs an error', async () => {
      expect(bare.deps.config.refunds).toBeUndefined();
      await bare.deliver(textUpdate(alice, `/cancel ${owed.reservation.id}`));
      expect(shown(lastScreen(bare, alice.id))).toMatch(/will be refunded to your card/);
      const before = stripe.requests.length;
      await bareJobs.runDue('refund');
      await runSweep(bare.deps, bare.runtime.bot.telegram);
      expect(stripe.requests.length).toBe(before);
      expect(await refundOf(owed.reservation.id)).toMatchObject({ state: 'requested', attempts: 0 });
      expect(bare.logs.filter((l) => l.event === 'refunds_unsent').at(-1)).toMatchObject({
        level: 'error',
        missing: 'STRIPE_SECRET_KEY',
        waiting: 1,
      });
    });

    it('tells every admin at once (throttled), naming the variable', () => {
      const told = alertsTo(bare, "Refunds can't go out");
      expect(told).toHaveLength(1);
      expect(String(told[0]!.params.text)).toMatch(/1 refund is owed[\s\S]*STRIPE_SECRET_KEY is not set/);
    });

    it('fails /api/health naming STRIPE_SECRET_KEY, with a count and no id or amount, and alerts', async () => {
      const report = await healthWithAlert(Promise.resolve(bare.runtime));
      expect(report.status).toBe(503);
      expect(report.body).toMatchObject({
        ok: false,
        database: { ok: true },
        redis: { ok: true },
        refunds: { ok: false, overdue: 0, missing: 'STRIPE_SECRET_KEY' },
      });
      const body = JSON.stringify(report.body);
      expect(body).not.toContain(String(owed.reservation.id));
      expect(body).not.toContain(TEST_PAYMENT_ENV.STRIPE_SECRET_KEY);
      expect(String(alertsTo(bare, 'The health check fails').at(-1)?.params.text)).toContain(
        'refunds (STRIPE_SECRET_KEY unset)',
      );
    });

    it('sends the refund once the key is back', async () => {
      const { app: restored } = await deployment({
        STRIPE_SECRET_KEY: TEST_PAYMENT_ENV.STRIPE_SECRET_KEY,
        STRIPE_API_URL: gate.url,
      });
      await runSweep(restored.deps, restored.runtime.bot.telegram);
      const refund = await refundOf(owed.reservation.id);
      expect(refund).toMatchObject({ state: 'succeeded' });
      expect(refundedCharge(refund!.providerPaymentChargeId)).toHaveLength(1);
      expect((await checkHealth(bare.deps)).status).toBe(200);
    });
  });

  describe('a key Stripe refuses (revoked: 401, restricted: 403)', () => {
    const heldUp = () => alertsTo(on, 'Refunds are held up');

    afterAll(() => {
      gate.refusing = undefined;
    });

    it('retries a refund refused 401 with an error line for each attempt, not a warning', async () => {
      const { reservation } = await paidReservation(bob, 'Pie');
      gate.refusing = 401;
      const start = clock.now().getTime();
      await on.deliver(textUpdate(bob, `/cancel ${reservation.id}`));
      await onJobs.runAll({ name: 'refund', until: new Date(start + 55 * minute) });
      const refund = await refundOf(reservation.id);
      expect(refund).toMatchObject({ state: 'requested', lastError: 'api_key_expired' });
      expect(refund!.attempts).toBeGreaterThan(3);
      const retries = on.logs.filter((l) => l.event === 'refund_retry' && l.refund_id === refund!.id);
      expect(retries).toHaveLength(refund!.attempts);
      expect(retries.every((l) => l.level === 'error' && l.status === 401 && l.metric === 'errors')).toBe(
        true,
      );
      // Under an hour: no alert yet, and health counts nothing overdue.
      expect(heldUp()).toHaveLength(0);
      expect((await checkHealth(on.deps)).body).toMatchObject({ refunds: { ok: true, overdue: 0 } });
    });

    it('tells every admin once the refund is an hour old, and shows the count in /api/health', async () => {
      const refund = (await on.deps.db.select().from(refunds).where(eq(refunds.state, 'requested')))[0]!;
      // The attempt after the hour (backoff: 30 s, 1 min … 32 min, then hourly).
      await onJobs.runAll({ name: 'refund', until: new Date(refund.createdAt.getTime() + 70 * minute) });
      expect(heldUp()).toHaveLength(1);
      expect(String(heldUp()[0]!.params.text)).toMatch(/1 refund requested over an hour ago/);
      const report = await checkHealth(on.deps);
      // Stripe refusing the key is not the bot's health: 200, with the count.
      expect(report).toMatchObject({ status: 200, body: { ok: true, refunds: { ok: true, overdue: 1 } } });
    });

    it('sends it on the next attempt once the key is fixed, and health counts nothing overdue', async () => {
      const refund = (await on.deps.db.select().from(refunds).where(eq(refunds.state, 'requested')))[0]!;
      gate.refusing = undefined;
      await onJobs.runAll({ name: 'refund', max: 1 });
      expect(await refundOf(refund.reservationId)).toMatchObject({ state: 'succeeded' });
      expect(refundedCharge(refund.providerPaymentChargeId)).toHaveLength(1);
      expect((await checkHealth(on.deps)).body).toMatchObject({ refunds: { ok: true, overdue: 0 } });
    });

    it('logs a 403 (a restricted key without the right to refund) as an error too, and retries', async () => {
      const { reservation } = await paidReservation(carol, 'Bread bag');
      gate.refusing = 403;
      await on.deliver(textUpdate(carol, `/cancel ${reservation.id}`));
      await onJobs.runDue('refund');
      const refund = await refundOf(reservation.id);
      expect(refund).toMatchObject({ state: 'requested', attempts: 1 });
      expect(on.logs.filter((l) => l.event === 'refund_retry' && l.refund_id === refund!.id)).toEqual([
        expect.objectContaining({ level: 'error', status: 403 }),
      ]);
      gate.refusing = undefined;
      await onJobs.runAll({ name: 'refund', max: 1 });
      expect(await refundOf(reservation.id)).toMatchObject({ state: 'succeeded' });
    });

    it('still logs a 5xx as a warning: Stripe may come back by itself', async () => {
      const { reservation } = await paidReservation(alice, 'Cheese plate');
      stripe.failNext(1);
      await on.deliver(textUpdate(alice, `/cancel ${reservation.id}`));
      await onJobs.runDue('refund');
      const refund = await refundOf(reservation.id);
      expect(on.logs.filter((l) => l.event === 'refund_retry' && l.refund_id === refund!.id)).toEqual([
        expect.objectContaining({ level: 'warn', status: 500 }),
      ]);
      await onJobs.runAll({ name: 'refund', max: 1 });
      expect(await refundOf(reservation.id)).toMatchObject({ state: 'succeeded' });
      expect(
        (await on.deps.db.select().from(refunds).where(sql`${refunds.state} <> 'succeeded'`)).length,
      ).toBe(0);
    });
  });
});
