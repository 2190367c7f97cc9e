import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, offerItems, payments, refunds, reservations } from '../db/schema.js';
import { runSweep } from '../lib/jobs/expire-offer.js';
import { setOnlinePayment } from '../lib/marketplace/venue-payments.js';
import { refundBacklog } from '../lib/ops/refund-backlog.js';
import { createTestApp, manualClock, type TestApp } from './support/app.js';
import {
  buttonFor,
  buttonsOf,
  lastScreen,
  screens,
  shown,
  tapButton,
  trackMessages,
} from './support/chat.js';
import { FakeStripe, TEST_PAYMENT_ENV } from './support/fake-stripe.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { jobDriver } from './support/jobs.js';
import { paymentDriver } from './support/payments.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, people, textUpdate } from './support/updates.js';

/**
 * Paying in chat (issue 18), through the bot's update surface: the emulator plays Telegram's checkout, QStash is
 * the fake one run by the job driver on a hand-moved clock, and the real `stripe` SDK talks to a local fake.
 */
describe(`paying in chat (${storeLabel})`, () => {
  const clock = manualClock(new Date('2030-06-03T15:00:00Z'));
  const minute = 60_000;
  const stripe = new FakeStripe();
  let app: TestApp;
  let jobs: ReturnType<typeof jobDriver>;
  let messages: ReturnType<typeof trackMessages>;
  let pay: ReturnType<typeof paymentDriver>;
  let owner: Person;
  const [alice, bob, carol] = [people.alice, people.bob, { id: 1003, first_name: 'Carol' }];

  beforeAll(async () => {
    await stripe.start();
    app = await createTestApp(
      { ...TEST_PAYMENT_ENV, STRIPE_API_URL: stripe.url, RATE_LIMIT_MAX_REQUESTS: '1000' },
      { qstash: true, clock },
    );
    jobs = jobDriver(app, clock);
    messages = trackMessages(app);
    pay = paymentDriver(app);
    const venue = await verifiedVenue(app.deps.db, { name: 'Olga’s Bakery' });
    owner = { id: venue.ownerId, first_name: 'Olga' };
  });
  afterAll(async () => {
    await app.close();
    await stripe.stop();
  });

  const tap = (person: Person, prefix: string) => tapButton(app, messages, person, prefix);

  /** Item → quantity → the confirm card (whose buttons the test then presses). */
  async function toConfirm(person: Person, offerId: number, itemId: number, quantity = 1) {
    await app.deliver(callbackUpdate(person, `buy:item:${offerId}:${itemId}`));
    await tap(person, `buy:qty:${offerId}:${itemId}:${quantity}`);
  }

  const stock = async (itemId: number) =>
    (await app.deps.db.select().from(offerItems).where(eq(offerItems.id, itemId)))[0]!.quantityAvailable;
  const reservationOf = async (customerId: number, offerId: number) =>
    (
      await app.deps.db
        .select()
        .from(reservations)
        .where(and(eq(reservations.customerId, customerId), eq(reservations.offerId, offerId)))
        .orderBy(sql`${reservations.id} desc`)
    )[0];
  const paymentRow = async (reservationId: number) =>
    (await app.deps.db.select().from(payments).where(eq(payments.reservationId, reservationId)))[0];
  const auditOf = async (action: string) =>
    app.deps.db.select().from(auditLog).where(eq(auditLog.action, action));
  const codeIn = (text: string) => text.match(/<code>([A-HJ-NP-Z2-9]{6})<\/code>/)?.[1];

  it('lets the owner turn online payment on from /venue', async () => {
    await app.deliver(textUpdate(owner, '/venue'));
    expect(shown(lastScreen(app, owner.id))).toMatch(/Online payment: <b>off<\/b>/);
    await tap(owner, 'venue:payments:1');
    expect(shown(lastScreen(app, owner.id))).toMatch(/Online payment: <b>on<\/b>/);
    expect(buttonFor(app, owner.id, 'venue:payments:0')).toBeDefined();
    expect(await auditOf('venue.online_payment')).toHaveLength(1);
  });

  describe('pay now → code', () => {
    let offer: Awaited<ReturnType<typeof liveOffer>>;
    let itemId: number;

    beforeAll(async () => {
      offer = await liveOffer(app.deps.db, owner.id, { now: clock.now(), title: 'Evening bread bag' });
      itemId = offer.items[0]!.id;
    });

    it('offers 💳 Pay now beside 💵 Pay at pickup on an opted-in venue', async () => {
      await toConfirm(alice, offer.id, itemId, 2);
      const card = lastScreen(app, alice.id);
      expect(shown(card)).toMatch(/Pay now by card/);
      expect(buttonsOf(card).map((b) => b.callback_data)).toEqual([
        `buy:pay:${offer.id}:${itemId}:2`,
        `buy:confirm:${offer.id}:${itemId}:2`,
        'buy:abort',
      ]);
    });

    it('holds the units and sends Telegram’s invoice with the reservation’s key as its payload', async () => {
      const before = await stock(itemId);
      await tap(alice, 'buy:pay');
      expect(await stock(itemId)).toBe(before - 2);
      const held = await reservationOf(alice.id, offer.id);
      expect(held?.status).toBe('pending_payment');
      const [invoice] = app.telegram.callsTo('sendInvoice');
      expect(invoice!.params).toMatchObject({
        chat_id: alice.id,
        title: 'Evening bread bag',
        currency: 'EUR',
        prices: [{ label: '2 × Bread bag', amount: 700 }],
        provider_token: TEST_PAYMENT_ENV.PAYMENT_PROVIDER_TOKEN,
        start_parameter: `offer_${offer.id}`,
      });
      const payment = await paymentRow(held!.id);
      expect(invoice!.params.payload).toBe(payment!.invoicePayload);
      expect(payment).toMatchObject({ state: 'awaiting', amount: 700 });
      expect(payment!.holdUntil.getTime()).toBe(clock.now().getTime() + 10 * minute);
      // Nobody is told of a hold: the venue hears of it once it is paid.
      expect(screens(app, owner.id).some((c) => /New reservation/.test(shown(c)))).toBe(false);
      // Its end is a QStash job, at the hold's end.
      expect(jobs.pending('expire-payment').map((m) => m.notBefore)).toContain(
        payment!.holdUntil.getTime() / 1000,
      );
    });

    it('pays: pre-checkout answered yes, the reservation confirmed, the code sent with “Paid ✓”', async () => {
      const { answer } = await pay.pay(alice);
      expect(answer).toEqual({ ok: true });
      const reservation = await reservationOf(alice.id, offer.id);
      expect(reservation?.status).toBe('reserved');
      const payment = await paymentRow(reservation!.id);
      expect(payment).toMatchObject({ state: 'paid' });
      expect(payment!.telegramPaymentChargeId).toMatch(/^tg_charge_/);
      expect(payment!.providerPaymentChargeId).toMatch(/^ch_emulated_/);
      const code = lastScreen(app, alice.id)!;
      expect(shown(code)).toMatch(/Paid ✓/);
      expect(codeIn(shown(code))).toBe(reservation!.pickupCode);
      expect(shown(lastScreen(app, owner.id))).toMatch(/paid online ✓[\s\S]*nothing to collect/);
      expect(await auditOf('payment.succeeded')).toHaveLength(1);
      expect(app.logs.filter((l) => l.event === 'payments_succeeded')).toHaveLength(1);
    });

    it('changes nothing on a duplicate successful_payment of the same charge', async () => {
      const paid = app.telegram
        .history(alice.id)
        .filter((m) => m.successful_payment)
        .at(-1)!;
      const sentBefore = app.telegram.callsTo('sendMessage').length;
      const auditBefore = (await app.deps.db.select().from(auditLog)).length;
      await pay.deliver({ message: paid });
      await pay.deliver({ message: { ...paid, message_id: paid.message_id + 1000 } });
      expect(app.telegram.callsTo('sendMessage').length).toBe(sentBefore);
      expect((await app.deps.db.select().from(auditLog)).length).toBe(auditBefore);
      expect(app.logs.filter((l) => l.event === 'payments_succeeded')).toHaveLength(1);
    });

    it('splits the venue’s desk into paid online and cash to collect, and says “already paid” at pickup', async () => {
      await toConfirm(bob, offer.id, offer.items[1]!.id, 1);
      await tap(bob, 'buy:confirm');
      await app.deliver(textUpdate(owner, '/reservations'));
      await tap(owner, `desk:offer:${offer.id}`);
      const desk = shown(lastScreen(app, owner.id));
      expect(desk).toMatch(/€7\.00 💳 · 🟢 to collect/);
      expect(desk).toMatch(/To collect: <b>2 reservations<\/b> \(3 units, €5\.00\)/);
      expect(desk).toMatch(/💳 Paid online: <b>€7\.00<\/b>, nothing to collect/);
      const code = (await reservationOf(alice.id, offer.id))!.pickupCode;
      await app.deliver(textUpdate(owner, `/pickup ${code}`));
      expect(shown(lastScreen(app, owner.id))).toMatch(/Already paid online/);
    });

    it('shows the payment in /myreservations', async () => {
      await app.deliver(textUpdate(alice, '/myreservations'));
      expect(shown(lastScreen(app, alice.id))).toMatch(/💳 <b>Paid online<\/b>\n#\d+ €7\.00 · paid ✓/);
    });
  });

  describe('holds that run out', () => {
    let offer: Awaited<ReturnType<typeof liveOffer>>;
    let itemId: number;

    beforeAll(async () => {
      offer = await liveOffer(app.deps.db, owner.id, {
        now: clock.now(),
        title: 'Pastry box',
        items: [{ name: 'Box', originalPrice: 900, price: 300, quantity: 2 }],
      });
      itemId = offer.items[0]!.id;
    });

    it('releases the units once when the invoice expires, and refuses its checkout afterwards', async () => {
      await toConfirm(carol, offer.id, itemId, 2);
      await tap(carol, 'buy:pay');
      expect(await stock(itemId)).toBe(0);
      const held = (await reservationOf(carol.id, offer.id))!;
      await jobs.runAll({ name: 'expire-payment', until: new Date(clock.now().getTime() + 11 * minute) });
      expect(await stock(itemId)).toBe(2);
      expect((await reservationOf(carol.id, offer.id))?.status).toBe('cancelled');
      expect((await paymentRow(held.id))?.state).toBe('expired');
      // The job delivered twice, or the sweep after it: nothing more comes back.
      const { runExpirePayment } = await import('../lib/jobs/expire-payment.js');
      await runExpirePayment(app.deps, { reservationId: held.id });
      expect(await stock(itemId)).toBe(2);
      expect(await auditOf('reservation.hold_expired')).toHaveLength(1);
      const { answer } = await pay.pay(carol);
      expect(answer).toMatchObject({ ok: false, error_message: expect.stringMatching(/hold has ended/) });
    });

    it('holds again and confirms a payment that came after the hold ended while the units are still there', async () => {
      // Telegram took the money anyway (the customer was at checkout as the hold ran out).
      const invoice = pay.lastInvoice(carol.id)!;
      const sent = app.telegram.invoiceOf(carol.id, invoice.message_id)!;
      await pay.forgedPayment(carol, { payload: sent.payload, totalAmount: sent.total_amount });
      expect((await reservationOf(carol.id, offer.id))?.status).toBe('reserved');
      expect(await stock(itemId)).toBe(0);
      expect(shown(lastScreen(app, carol.id))).toMatch(/Paid ✓/);
    });

    it('refunds a late payment automatically when the units are gone, and tells the customer', async () => {
      const other = await liveOffer(app.deps.db, owner.id, {
        now: clock.now(),
        title: 'Last loaf',
        items: [{ name: 'Loaf', originalPrice: 500, price: 200, quantity: 1 }],
      });
      await toConfirm(alice, other.id, other.items[0]!.id, 1);
      await tap(alice, 'buy:pay');
      const invoice = app.telegram.invoiceOf(alice.id, pay.lastInvoice(alice.id)!.message_id)!;
      await jobs.runAll({ name: 'expire-payment', until: new Date(clock.now().getTime() + 11 * minute) });
      // Bob takes the loaf at the counter meanwhile.
      await toConfirm(bob, other.id, other.items[0]!.id, 1);
      await tap(bob, 'buy:confirm');
      await pay.forgedPayment(alice, { payload: invoice.payload, totalAmount: invoice.total_amount });
      const late = (await reservationOf(alice.id, other.id))!;
      expect(late.status).toBe('cancelled');
      const [refund] = await app.deps.db.select().from(refunds).where(eq(refunds.reservationId, late.id));
      expect(refund).toMatchObject({ reason: 'late_payment', state: 'requested', amount: 200 });
      expect(shown(lastScreen(app, alice.id))).toMatch(
        /came too late: the hold had ended[\s\S]*being refunded/,
      );
      await jobs.runDue('refund');
      expect(stripe.refunds.filter((r) => r.charge === refund!.providerPaymentChargeId)).toHaveLength(1);
      expect(shown(lastScreen(app, alice.id))).toMatch(/Refunded:/);
    });

    it('refuses the checkout when the offer is gone, and charges nothing', async () => {
      const gone = await liveOffer(app.deps.db, owner.id, { now: clock.now(), title: 'Soup pot' });
      await toConfirm(bob, gone.id, gone.items[0]!.id, 1);
      await tap(bob, 'buy:pay');
      await app.deliver(callbackUpdate(owner, `offer:confirm:withdraw:${gone.id}`));
      const { answer, paid } = await pay.pay(bob);
      expect(answer).toMatchObject({
        ok: false,
        error_message: expect.stringMatching(/no longer available/),
      });
      expect(paid).toBeUndefined();
      const refused = await auditOf('payment.pre_checkout_refused');
      expect(refused.at(-1)).toMatchObject({
        actorId: bob.id,
        data: expect.objectContaining({ reason: 'offer_gone' }),
      });
    });
  });

  describe('refunds', () => {
    it('refunds a paid reservation the customer cancels in time; a cash one stays “nothing to pay”', async () => {
      const offer = await liveOffer(app.deps.db, owner.id, { now: clock.now(), title: 'Cake slices' });
      await toConfirm(carol, offer.id, offer.items[0]!.id, 1);
      await tap(carol, 'buy:pay');
      await pay.pay(carol);
      const paid = (await reservationOf(carol.id, offer.id))!;
      await app.deliver(textUpdate(carol, `/cancel ${paid.id}`));
      expect(shown(lastScreen(app, carol.id))).toMatch(/cancelled\. €3\.50 will be refunded to your card/);
      // Written on the app's clock (years ahead of the database's here, as in the sandbox after ⏩): not overdue.
      expect((await refundBacklog(app.deps.db, clock.now())).overdue).toBe(0);
      await jobs.runDue('refund');
      const [refund] = await app.deps.db.select().from(refunds).where(eq(refunds.reservationId, paid.id));
      expect(refund).toMatchObject({ reason: 'cancelled', state: 'succeeded' });
      await app.deliver(textUpdate(carol, '/myreservations'));
      expect(shown(lastScreen(app, carol.id))).toMatch(new RegExp(`#${paid.id} €3\\.50 · refunded ✓`));
    });

    it('announces both refunds of a reservation paid twice and then cancelled', async () => {
      const erin = { id: 1006, first_name: 'Erin' };
      const offer = await liveOffer(app.deps.db, owner.id, { now: clock.now(), title: 'Twice paid' });
      await toConfirm(erin, offer.id, offer.items[0]!.id, 1);
      await tap(erin, 'buy:pay');
      const invoice = pay.lastInvoice(erin.id)!;
      const { payload } = app.telegram.invoiceOf(erin.id, invoice.message_id)!;
      await pay.pay(erin);
      // The same invoice charged again (paid from a second device, say): refunded as a second charge.
      await pay.forgedPayment(erin, { payload, totalAmount: 350, charge: 'tg_second_charge_erin' });
      await jobs.runDue('refund');
      const paid = (await reservationOf(erin.id, offer.id))!;
      await app.deliver(textUpdate(erin, `/cancel ${paid.id}`));
      await jobs.runDue('refund');
      const owed = await app.deps.db.select().from(refunds).where(eq(refunds.reservationId, paid.id));
      expect(owed.map((r) => [r.reason, r.state]).sort()).toEqual([
        ['cancelled', 'succeeded'],
        ['duplicate_charge', 'succeeded'],
      ]);
      const told = screens(app, erin.id).filter((c) => /Refunded:/.test(shown(c)));
      expect(told).toHaveLength(2);
    });

    it('refunds every paid holder of a withdrawn offer exactly once, even when Stripe fails twice first', async () => {
      const offer = await liveOffer(app.deps.db, owner.id, { now: clock.now(), title: 'Sushi boxes' });
      const holders = [alice, bob];
      for (const person of holders) {
        await toConfirm(person, offer.id, offer.items[0]!.id, 1);
        await tap(person, 'buy:pay');
        await pay.pay(person);
      }
      const charges = await app.deps.db
        .select({ charge: payments.providerPaymentChargeId })
        .from(payments)
        .innerJoin(reservations, eq(reservations.id, payments.reservationId))
        .where(and(eq(reservations.offerId, offer.id), eq(payments.state, 'paid')));
      expect(charges).toHaveLength(2);
      stripe.failNext(2);
      await app.deliver(callbackUpdate(owner, `offer:confirm:withdraw:${offer.id}`));
      await jobs.runAll({ until: new Date(clock.now().getTime() + 30 * minute) });
      for (const { charge } of charges) {
        expect(stripe.refunds.filter((r) => r.charge === charge)).toHaveLength(1);
      }
      const rows = await app.deps.db
        .select()
        .from(refunds)
        .where(
          sql`${refunds.providerPaymentChargeId} in (${sql.join(
            charges.map((c) => sql`${c.charge}`),
            sql`, `,
          )})`,
        );
      expect(rows.map((r) => [r.reason, r.state])).toEqual([
        ['withdrawn', 'succeeded'],
        ['withdrawn', 'succeeded'],
      ]);
      expect(rows.reduce((sum, r) => sum + r.attempts, 0)).toBe(4);
      // Stripe saw each refund under one key, however often it was asked.
      for (const row of rows) {
        const keys = stripe.requests.filter(
          (r) => r.idempotencyKey === `refund:${row.telegramPaymentChargeId}`,
        );
        expect(new Set(keys.map((k) => k.idempotencyKey)).size).toBe(1);
      }
      for (const person of holders) {
        const told = screens(app, person.id).filter((c) =>
          /Sushi boxes[\s\S]*will be refunded/.test(shown(c)),
        );
        expect(told).toHaveLength(1);
        expect(
          screens(app, person.id).filter((c) => /Refunded:.*Bread bag|Refunded:/.test(shown(c))).length,
        ).toBeGreaterThan(0);
      }
      expect(app.logs.filter((l) => l.event === 'refunds_issued').length).toBeGreaterThanOrEqual(2);
      expect(await auditOf('refund.succeeded')).toEqual(
        expect.arrayContaining(rows.map((r) => expect.objectContaining({ entityId: r.reservationId }))),
      );
    });

    it('records a definite refusal from Stripe once, without retrying it', async () => {
      const offer = await liveOffer(app.deps.db, owner.id, { now: clock.now(), title: 'Fruit crate' });
      await toConfirm(carol, offer.id, offer.items[0]!.id, 1);
      await tap(carol, 'buy:pay');
      await pay.pay(carol);
      const paid = (await reservationOf(carol.id, offer.id))!;
      stripe.refuseNext('charge_already_refunded');
      await app.deliver(textUpdate(carol, `/cancel ${paid.id}`));
      await jobs.runAll({ until: new Date(clock.now().getTime() + 2 * 3_600_000) });
      const [refund] = await app.deps.db.select().from(refunds).where(eq(refunds.reservationId, paid.id));
      expect(refund).toMatchObject({ state: 'failed', lastError: 'charge_already_refunded', attempts: 1 });
      expect(app.logs.filter((l) => l.event === 'refund_failed')).toHaveLength(1);
      await app.deliver(textUpdate(carol, '/myreservations'));
      expect(shown(lastScreen(app, carol.id))).toMatch(/refund held up/);
    });

    it('never refunds a no-show', async () => {
      const offer = await liveOffer(app.deps.db, owner.id, { now: clock.now(), hours: 1, title: 'Pie' });
      await toConfirm(alice, offer.id, offer.items[0]!.id, 1);
      await tap(alice, 'buy:pay');
      await pay.pay(alice);
      const before = (await app.deps.db.select().from(refunds)).length;
      clock.advance(2 * 3_600_000);
      await runSweep(app.deps, app.runtime.bot.telegram);
      expect((await reservationOf(alice.id, offer.id))?.status).toBe('no_show');
      expect((await app.deps.db.select().from(refunds)).length).toBe(before);
    });
  });

  describe('the cap', () => {
    it('counts a hold awaiting payment as one of the 3 live reservations, until it ends', async () => {
      const dave = { id: 1004, first_name: 'Dave' };
      const venue = await verifiedVenue(app.deps.db, { name: 'Cap Café' });
      await setOnlinePayment(app.deps.db, { ownerId: venue.ownerId, accept: true });
      const offer = await liveOffer(app.deps.db, venue.ownerId, {
        now: clock.now(),
        items: [{ name: 'Bun', originalPrice: 300, price: 100, quantity: 10 }],
      });
      const itemId = offer.items[0]!.id;
      for (let n = 0; n < 2; n++) {
        await toConfirm(dave, offer.id, itemId, 1);
        await tap(dave, 'buy:confirm');
      }
      await toConfirm(dave, offer.id, itemId, 1);
      await tap(dave, 'buy:pay');
      await toConfirm(dave, offer.id, itemId, 1);
      await tap(dave, 'buy:confirm');
      expect(shown(lastScreen(app, dave.id))).toMatch(/already have 3 active reservations/);
      expect(await stock(itemId)).toBe(7);
      await jobs.runAll({ name: 'expire-payment', until: new Date(clock.now().getTime() + 11 * minute) });
      await toConfirm(dave, offer.id, itemId, 1);
      await tap(dave, 'buy:confirm');
      expect(shown(lastScreen(app, dave.id))).toMatch(/Reserved!/);
      expect(await stock(itemId)).toBe(7);
    });
  });

  describe('an invoice Telegram refuses', () => {
    it('ends the hold at once and says to pay at pickup (an amount below the minimum, say)', async () => {
      const erin = { id: 1005, first_name: 'Erin' };
      const venue = await verifiedVenue(app.deps.db, { name: 'Cheap Corner' });
      await setOnlinePayment(app.deps.db, { ownerId: venue.ownerId, accept: true });
      const offer = await liveOffer(app.deps.db, venue.ownerId, {
        now: clock.now(),
        items: [{ name: 'Roll', originalPrice: 100, price: 30, quantity: 4 }],
      });
      const itemId = offer.items[0]!.id;
      await toConfirm(erin, offer.id, itemId, 1);
      app.telegram.inject('sendInvoice', {
        code: 400,
        description: 'Bad Request: CURRENCY_TOTAL_AMOUNT_INVALID',
      });
      await tap(erin, 'buy:pay');
      expect(await stock(itemId)).toBe(4);
      expect((await reservationOf(erin.id, offer.id))?.status).toBe('cancelled');
      const said = lastScreen(app, erin.id);
      expect(shown(said)).toMatch(/can’t be paid by card[\s\S]*Pay at pickup/);
      expect(buttonsOf(said).map((b) => b.callback_data)).toContain(`offer:view:${offer.id}`);
      // Pay at pickup from the offer works as ever.
      await toConfirm(erin, offer.id, itemId, 1);
      await tap(erin, 'buy:confirm');
      expect(shown(lastScreen(app, erin.id))).toMatch(/Reserved!/);
    });
  });

  describe('cash venues', () => {
    it('are untouched: the confirm card, the reservation and the venue’s words are as before', async () => {
      const cash = await verifiedVenue(app.deps.db, { name: 'Cash Corner' });
      const offer = await liveOffer(app.deps.db, cash.ownerId, { now: clock.now(), title: 'Cash bag' });
      const invoicesBefore = app.telegram.callsTo('sendInvoice').length;
      await toConfirm(bob, offer.id, offer.items[0]!.id, 1);
      expect(buttonsOf(lastScreen(app, bob.id)).map((b) => b.callback_data)).toEqual([
        `buy:confirm:${offer.id}:${offer.items[0]!.id}:1`,
        'buy:abort',
      ]);
      expect(shown(lastScreen(app, bob.id))).toMatch(/You pay at pickup/);
      await tap(bob, 'buy:confirm');
      expect(shown(lastScreen(app, bob.id))).toMatch(/Reserved![\s\S]*pay at pickup/);
      expect(app.telegram.callsTo('sendInvoice').length).toBe(invoicesBefore);
      const reservation = (await reservationOf(bob.id, offer.id))!;
      expect(await paymentRow(reservation.id)).toBeUndefined();
    });

    it('can’t be paid with a Pay now button forged for them', async () => {
      const cash = await verifiedVenue(app.deps.db, { name: 'Cash Only' });
      const offer = await liveOffer(app.deps.db, cash.ownerId, { now: clock.now() });
      const itemId = offer.items[0]!.id;
      const before = await stock(itemId);
      const update = callbackUpdate(alice, `buy:pay:${offer.id}:${itemId}:1`);
      await app.deliver(update);
      expect(await stock(itemId)).toBe(before);
      const id = (update as { callback_query: { id: string } }).callback_query.id;
      const answer = app.telegram
        .callsTo('answerCallbackQuery')
        .find((c) => c.params.callback_query_id === id);
      expect(String(answer?.params.text)).toMatch(/isn’t available/);
    });

    it('keeps a venue that turns payment off on cash from the next confirm card on', async () => {
      await setOnlinePayment(app.deps.db, { ownerId: owner.id, accept: false });
      const offer = await liveOffer(app.deps.db, owner.id, { now: clock.now(), title: 'Back to cash' });
      await toConfirm(carol, offer.id, offer.items[0]!.id, 1);
      expect(buttonFor(app, carol.id, 'buy:pay')?.callback_data).not.toBe(
        `buy:pay:${offer.id}:${offer.items[0]!.id}:1`,
      );
    });
  });
});
