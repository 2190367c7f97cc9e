import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notices, offerItems, offers, reservations } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import type { Database } from '../lib/infra/db.js';
import { cancelReservation } from '../lib/marketplace/cancel-reservation.js';
import { confirmPickup } from '../lib/marketplace/confirm-pickup.js';
import { expireOffers, transitionOffer } from '../lib/marketplace/offer-transitions.js';
import type { OfferWithItems } from '../lib/marketplace/offers.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { settleEndedOffers } from '../lib/marketplace/settle-ended-offers.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { createTestDatabase, realPostgresUrl } from './support/stores.js';

/**
 * The writes that touch the same offer, raced on a real Postgres (PGlite is one connection, so nothing
 * races there), each race run 50 times: no reservation may be left `reserved` on an ended offer, no
 * customer may hold more than the cap, and stock always adds up.
 */
const ROUNDS = 50;
let nextCustomer = 3_000_000;

describe.skipIf(!realPostgresUrl)('races on one offer (real Postgres)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.close());
  const db = () => database.db;

  /** Refusals are the expected way to lose a race; anything else is a bug. */
  const refused = (promise: Promise<unknown>) =>
    promise.then(
      () => 'won' as const,
      (error) => {
        if (error instanceof AppError) return 'refused' as const;
        throw error;
      },
    );

  const reserveOne = (offer: OfferWithItems, customerId: number, now = new Date()) =>
    reserve(db(), {
      idempotencyKey: newKey(),
      customer: { id: customerId, firstName: 'Racer' },
      offerId: offer.id,
      itemId: offer.items[customerId % offer.items.length]!.id,
      quantity: 1,
      currency: 'EUR',
      now,
    });

  /** Reservations still `reserved` on an offer that has ended: the orphans this file hunts. */
  async function orphans(offerId: number) {
    const rows = await db().execute(sql`
      select p.id from reservations p join offers o on o.id = p.offer_id
      where o.id = ${offerId} and p.status = 'reserved' and o.status in ('withdrawn', 'expired')`);
    return (rows as { rows?: unknown[] }).rows ?? (rows as unknown[]);
  }

  /** Every unit is either available or held by a live (or collected) reservation, item by item. */
  async function expectStockAddsUp(offerId: number) {
    const [offer] = await db().select().from(offers).where(eq(offers.id, offerId));
    const items = await db().select().from(offerItems).where(eq(offerItems.offerId, offerId));
    const held = await db()
      .select()
      .from(reservations)
      .where(and(eq(reservations.offerId, offerId), inArray(reservations.status, ['reserved', 'picked_up'])));
    expect(offer!.unitsAvailable).toBe(items.reduce((n, i) => n + i.quantityAvailable, 0));
    if (offer!.status === 'withdrawn' || offer!.status === 'expired') return;
    for (const item of items) {
      const taken = held.filter((p) => p.itemId === item.id).reduce((n, p) => n + p.quantity, 0);
      expect(taken + item.quantityAvailable).toBe(item.quantityTotal);
    }
  }

  /** Each settled reservation owes its holder exactly one notice. */
  async function expectHoldersTold(offerId: number, kind: string) {
    const ended = await db()
      .select()
      .from(reservations)
      .where(and(eq(reservations.offerId, offerId), inArray(reservations.status, ['cancelled', 'no_show'])));
    if (ended.length === 0) return;
    const owed = await db()
      .select()
      .from(notices)
      .where(
        and(
          eq(notices.kind, kind),
          inArray(
            notices.reservationId,
            ended.map((p) => p.id),
          ),
        ),
      );
    expect(owed.map((n) => n.reservationId).sort()).toEqual(ended.map((p) => p.id).sort());
  }

  it(`leaves no reservation behind on a withdrawn offer when 8 customers race the withdrawal (${ROUNDS}×)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const venue = await verifiedVenue(db());
      const offer = await liveOffer(db(), venue.ownerId);
      const withdraw = async () => {
        const now = new Date();
        await transitionOffer(db(), {
          idempotencyKey: newKey(),
          offerId: offer.id,
          ownerId: venue.ownerId,
          action: 'withdraw',
          now,
        });
        await settleEndedOffers(db(), { now, offerIds: [offer.id] });
      };
      await Promise.all([
        ...Array.from({ length: 8 }, () => refused(reserveOne(offer, nextCustomer++))),
        withdraw(),
      ]);
      expect(await orphans(offer.id)).toEqual([]);
      await expectHoldersTold(offer.id, 'reservation.withdrawn');
    }
  });

  it(`leaves no reservation behind on an expired offer when 8 customers race the expiry (${ROUNDS}×)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const venue = await verifiedVenue(db());
      const offer = await liveOffer(db(), venue.ownerId, { hours: 1 });
      const expire = async () => {
        // The expiry callback's clock is past the window; the reservers' clocks are not (clock skew).
        const later = new Date(Date.now() + 2 * 3_600_000);
        await expireOffers(db(), { now: later, offerId: offer.id });
        await settleEndedOffers(db(), { now: later, offerIds: [offer.id] });
      };
      await Promise.all([
        ...Array.from({ length: 8 }, () => refused(reserveOne(offer, nextCustomer++))),
        expire(),
      ]);
      expect(await orphans(offer.id)).toEqual([]);
      // No pickup was confirmed that day, so the venue is asked about each no-show (issue 14).
      await expectHoldersTold(offer.id, 'reservation.unconfirmed');
    }
  });

  it(`keeps stock exact when 5 customers race a manual sell-out (${ROUNDS}×)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const venue = await verifiedVenue(db());
      const offer = await liveOffer(db(), venue.ownerId);
      // 5 buyers of 7 units can't sell it out themselves: the owner's "sold out" must always win.
      const results = await Promise.all([
        ...Array.from({ length: 5 }, () => refused(reserveOne(offer, nextCustomer++))),
        refused(
          transitionOffer(db(), {
            idempotencyKey: newKey(),
            offerId: offer.id,
            ownerId: venue.ownerId,
            action: 'sold_out',
            now: new Date(),
          }),
        ),
      ]);
      expect(results.at(-1)).toBe('won');
      const [after] = await db().select().from(offers).where(eq(offers.id, offer.id));
      expect(after).toMatchObject({ status: 'sold_out', unitsAvailable: 0 });
      await expectStockAddsUp(offer.id);
    }
  });

  it(`lets exactly one of a cancellation and a pickup of the same reservation win (${ROUNDS}×)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const venue = await verifiedVenue(db());
      const offer = await liveOffer(db(), venue.ownerId);
      const customerId = nextCustomer++;
      const r = await reserveOne(offer, customerId);
      const now = new Date();
      const [cancel, pickup] = await Promise.all([
        refused(
          cancelReservation(db(), {
            idempotencyKey: newKey(),
            reservationId: r.reservationId,
            customerId,
            now,
          }),
        ),
        refused(
          confirmPickup(db(), { idempotencyKey: newKey(), actorId: venue.ownerId, code: r.pickupCode, now }),
        ),
      ]);
      const [row] = await db().select().from(reservations).where(eq(reservations.id, r.reservationId));
      // A cancellation that lost sees "already picked up" (refused); a pickup that lost sees "not found".
      expect([cancel, pickup].filter((x) => x === 'won')).toHaveLength(1);
      expect(row!.status).toBe(cancel === 'won' ? 'cancelled' : 'picked_up');
      await expectStockAddsUp(offer.id);
    }
  });

  it(`never lets a customer at the cap hold a fourth reservation through concurrent presses (${ROUNDS}×)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const venue = await verifiedVenue(db());
      const offers4 = [
        await liveOffer(db(), venue.ownerId),
        await liveOffer(db(), venue.ownerId),
        await liveOffer(db(), venue.ownerId),
        await liveOffer(db(), venue.ownerId),
      ];
      const customerId = nextCustomer++;
      await reserveOne(offers4[0]!, customerId);
      await reserveOne(offers4[1]!, customerId);
      const results = await Promise.all([
        refused(reserveOne(offers4[2]!, customerId)),
        refused(reserveOne(offers4[3]!, customerId)),
      ]);
      expect(results.filter((x) => x === 'won')).toHaveLength(1);
      const held = await db()
        .select()
        .from(reservations)
        .where(and(eq(reservations.customerId, customerId), eq(reservations.status, 'reserved')));
      expect(held).toHaveLength(3);
    }
  });
});
