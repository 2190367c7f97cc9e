import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerItems, payments, refunds, reservations } from '../db/schema.js';
import type { Database } from '../lib/infra/db.js';
import { transitionOffer } from '../lib/marketplace/offer-transitions.js';
import { preCheckout, recordPayment } from '../lib/marketplace/payments.js';
import { expireHolds, HOLD_MS } from '../lib/marketplace/pending-payments.js';
import { newPickupCode } from '../lib/marketplace/reservations.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { settleEndedOffers } from '../lib/marketplace/settle-ended-offers.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { createTestDatabase, realPostgresUrl } from './support/stores.js';

/**
 * Payments raced on a real Postgres (issue 18), 30 rounds each: a payment against the hold's expiry, against
 * a withdrawal, against another charge of the same hold, and against its own redelivery; a checkout against the
 * expiry. Whoever wins, the money and the units add up: a paid invoice is
 * either a reservation or a refund, never both and never neither; units are released once; a charge is recorded
 * once.
 */
const ROUNDS = 30;
let nextCustomer = 4_000_000;
let nextCharge = 1;

describe.skipIf(!realPostgresUrl)('payment races (real Postgres)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.close());
  const db = () => database.db;

  async function hold(now: Date) {
    const venue = await verifiedVenue(db());
    const offer = await liveOffer(db(), venue.ownerId, {
      now,
      items: [{ name: 'Box', originalPrice: 900, price: 300, quantity: 1 }],
    });
    const customerId = nextCustomer++;
    const key = newKey();
    const held = await reserve(db(), {
      idempotencyKey: key,
      customer: { id: customerId, firstName: 'Racer' },
      offerId: offer.id,
      itemId: offer.items[0]!.id,
      quantity: 1,
      currency: 'EUR',
      now,
      holdUntil: new Date(now.getTime() + HOLD_MS),
    });
    return { venue, offer, customerId, key, reservationId: held.reservationId };
  }

  const pay = (h: Awaited<ReturnType<typeof hold>>, now: Date, charge = nextCharge++) =>
    recordPayment(
      db(),
      {
        payload: h.key,
        customerId: h.customerId,
        privateChat: true,
        currency: 'EUR',
        totalAmount: 300,
        telegramChargeId: `tg_race_${charge}`,
        providerChargeId: `ch_race_${charge}`,
        now,
      },
      newPickupCode,
    );

  /**
   * The invariant: a paid invoice is a reservation or a refund, once; and on a live offer the one unit is in stock
   * or held (a withdrawn offer's stock no longer counts: its settlement gives nothing back to sell).
   */
  async function accounts(h: Awaited<ReturnType<typeof hold>>, { withdrawn = false } = {}) {
    const [item] = await db().select().from(offerItems).where(eq(offerItems.id, h.offer.items[0]!.id));
    const [r] = await db().select().from(reservations).where(eq(reservations.id, h.reservationId));
    const [p] = await db().select().from(payments).where(eq(payments.reservationId, h.reservationId));
    const owed = await db().select().from(refunds).where(eq(refunds.reservationId, h.reservationId));
    const holding = r!.status === 'reserved' || r!.status === 'pending_payment' ? 1 : 0;
    if (!withdrawn) expect(item!.quantityAvailable + holding).toBe(1);
    if (p!.state === 'paid') {
      expect(owed.length + (r!.status === 'reserved' ? 1 : 0)).toBe(1);
    } else {
      expect(owed).toHaveLength(0);
    }
    return { reservation: r!.status, payment: p!.state, refunds: owed.length };
  }

  it('a payment racing the hold’s expiry: one of them wins, and the units and money add up', async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const start = new Date();
      const h = await hold(start);
      const late = new Date(start.getTime() + HOLD_MS + 1_000);
      await Promise.all([expireHolds(db(), { now: late, reservationIds: [h.reservationId] }), pay(h, late)]);
      const result = await accounts(h);
      expect(result.payment).toBe('paid');
      outcomes.add(`${result.reservation}/${result.refunds}`);
    }
    // Whichever order they ran in, the customer who paid holds the unit (confirmed, or held again).
    expect([...outcomes]).toEqual(['reserved/0']);
  });

  it('a payment racing a withdrawal: never a paid reservation left on a withdrawn offer, one refund', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const now = new Date();
      const h = await hold(now);
      await Promise.all([
        pay(h, now),
        transitionOffer(db(), {
          idempotencyKey: newKey(),
          offerId: h.offer.id,
          ownerId: h.venue.ownerId,
          action: 'withdraw',
          now,
        }).then(async () => {
          await settleEndedOffers(db(), { now, offerIds: [h.offer.id] });
          await expireHolds(db(), { now, offerIds: [h.offer.id] });
        }),
      ]);
      // The sweep's second look, as in production.
      await settleEndedOffers(db(), { now, offerIds: [h.offer.id] });
      await expireHolds(db(), { now, offerIds: [h.offer.id] });
      const result = await accounts(h, { withdrawn: true });
      expect(result).toMatchObject({ reservation: 'cancelled', payment: 'paid', refunds: 1 });
    }
  });

  it('a checkout racing the hold’s expiry: yes only when the hold still stands afterwards', async () => {
    const answers = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const start = new Date();
      const h = await hold(start);
      const [, checkout] = await Promise.all([
        expireHolds(db(), {
          now: new Date(start.getTime() + HOLD_MS + 1_000),
          reservationIds: [h.reservationId],
        }),
        preCheckout(db(), {
          payload: h.key,
          customerId: h.customerId,
          currency: 'EUR',
          totalAmount: 300,
          now: new Date(start.getTime() + HOLD_MS - 1_000),
        }),
      ]);
      const [p] = await db().select().from(payments).where(eq(payments.reservationId, h.reservationId));
      expect(checkout.verdict === 'ok', `${checkout.verdict} with the invoice ${p!.state}`).toBe(
        p!.state === 'awaiting',
      );
      answers.add(checkout.verdict);
    }
    expect([...answers].every((a) => a === 'ok' || a === 'expired')).toBe(true);
  });

  it('two charges of one hold at once (two invoices, both paid): one confirms, the other is refunded once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const now = new Date();
      const h = await hold(now);
      const [a, b] = await Promise.all([pay(h, now), pay(h, now)]);
      expect([a.verdict, b.verdict].sort()).toEqual(['confirmed', 'second_charge']);
      const owed = await db().select().from(refunds).where(eq(refunds.reservationId, h.reservationId));
      expect(owed.map((r) => [r.reason, r.state])).toEqual([['duplicate_charge', 'requested']]);
      const [r] = await db().select().from(reservations).where(eq(reservations.id, h.reservationId));
      expect(r!.status).toBe('reserved');
      // The refund is of the charge that lost: the one recorded on the invoice is kept.
      const [p] = await db().select().from(payments).where(eq(payments.reservationId, h.reservationId));
      expect(owed[0]!.telegramPaymentChargeId).not.toBe(p!.telegramPaymentChargeId);
    }
  });

  it('the same payment delivered twice at once is recorded once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const now = new Date();
      const h = await hold(now);
      const charge = nextCharge++;
      const [a, b] = await Promise.all([pay(h, now, charge), pay(h, now, charge)]);
      expect([a.verdict, b.verdict].sort()).toEqual(['confirmed', 'duplicate']);
      const result = await accounts(h);
      expect(result).toMatchObject({ reservation: 'reserved', payment: 'paid', refunds: 0 });
    }
    const doubled = await db().execute(
      sql`select telegram_payment_charge_id from payments where telegram_payment_charge_id like 'tg_race_%'
        group by 1 having count(*) > 1`,
    );
    expect((doubled as { rows?: unknown[] }).rows ?? doubled).toHaveLength(0);
  });
});
