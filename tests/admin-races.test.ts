import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notices, offers, reservations } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import type { Database } from '../lib/infra/db.js';
import { setBarred } from '../lib/marketplace/bar-customer.js';
import type { OfferWithItems } from '../lib/marketplace/offers.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { settleEndedOffers } from '../lib/marketplace/settle-ended-offers.js';
import { suspendVenue } from '../lib/marketplace/suspend-venue.js';
import { takeDownOffer } from '../lib/marketplace/take-down-offer.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { createTestDatabase, realPostgresUrl } from './support/stores.js';

/**
 * An admin's suspension, takedown and bar raced against customers reserving, on a real Postgres (PGlite is
 * one connection), 30 times each: after the settlement no reservation is left open on a withdrawn offer, each
 * holder has exactly one notice, and a barred customer's reservation never lands after the bar committed.
 */
const ROUNDS = 30;
const ADMIN = 9001;
let nextCustomer = 4_000_000;

describe.skipIf(!realPostgresUrl)('admin writes racing reservations (real Postgres)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.close());
  const db = () => database.db;

  const reserveOne = (offer: OfferWithItems, customerId: number) =>
    reserve(db(), {
      idempotencyKey: newKey(),
      customer: { id: customerId, firstName: 'Racer' },
      offerId: offer.id,
      itemId: offer.items[customerId % offer.items.length]!.id,
      quantity: 1,
      currency: 'EUR',
      now: new Date(),
    }).then(
      (placed) => placed.reservationId,
      (error) => {
        if (error instanceof AppError) return null;
        throw error;
      },
    );

  /** Open reservations on withdrawn offers, and holders told other than exactly once. */
  async function leftovers(offerIds: number[]) {
    const open = await db()
      .select()
      .from(reservations)
      .where(inArray(reservations.offerId, offerIds))
      .then((rows) => rows.filter((r) => r.status === 'reserved'));
    const cancelled = await db()
      .select()
      .from(reservations)
      .where(inArray(reservations.offerId, offerIds))
      .then((rows) => rows.filter((r) => r.status === 'cancelled').map((r) => r.id));
    const told = cancelled.length
      ? await db().select().from(notices).where(inArray(notices.reservationId, cancelled))
      : [];
    return {
      open: open.length,
      untold: cancelled.filter(
        (id) => told.filter((n) => n.kind === 'reservation.withdrawn' && n.reservationId === id).length !== 1,
      ).length,
    };
  }

  it(`leaves no open reservation on a suspended venue's offers, and tells each holder once (${ROUNDS}×)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const venue = await verifiedVenue(db());
      const live = [await liveOffer(db(), venue.ownerId), await liveOffer(db(), venue.ownerId)];
      const racers = Array.from({ length: 6 }, () => nextCustomer++);
      await Promise.all([
        ...racers.map((c, i) => reserveOne(live[i % 2]!, c)),
        suspendVenue(db(), {
          idempotencyKey: newKey(),
          venueId: venue.id,
          adminId: ADMIN,
          reason: 'Race',
        }).then((s) => settleEndedOffers(db(), { now: new Date(), offerIds: s.withdrawnOfferIds })),
      ]);
      const ids = live.map((o) => o.id);
      const ended = await db().select().from(offers).where(inArray(offers.id, ids));
      expect(ended.map((o) => o.status)).toEqual(['withdrawn', 'withdrawn']);
      expect(await leftovers(ids)).toEqual({ open: 0, untold: 0 });
    }
  });

  it(`leaves no open reservation on an offer taken down mid-rush, and tells each holder once (${ROUNDS}×)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const venue = await verifiedVenue(db());
      const offer = await liveOffer(db(), venue.ownerId);
      const racers = Array.from({ length: 6 }, () => nextCustomer++);
      await Promise.all([
        ...racers.map((c) => reserveOne(offer, c)),
        takeDownOffer(db(), {
          idempotencyKey: newKey(),
          offerId: offer.id,
          adminId: ADMIN,
          reason: 'Race',
        }).then(() => settleEndedOffers(db(), { now: new Date(), offerIds: [offer.id] })),
      ]);
      expect(await leftovers([offer.id])).toEqual({ open: 0, untold: 0 });
    }
  });

  it(`refuses every reservation once a bar has committed, whichever won the race (${ROUNDS}×)`, async () => {
    const venue = await verifiedVenue(db());
    const items = [{ name: 'Bag', originalPrice: 900, price: 300, quantity: 999 }];
    const offer = await liveOffer(db(), venue.ownerId, { items });
    for (let round = 0; round < ROUNDS; round++) {
      const customer = nextCustomer++;
      await db().execute(sql`insert into users (id, first_name) values (${customer}, 'Racer')`);
      const bar = {
        idempotencyKey: newKey(),
        userId: customer,
        adminId: ADMIN,
        barred: true,
        reason: 'Race',
      };
      const [raced] = await Promise.all([reserveOne(offer, customer), setBarred(db(), bar)]);
      const held = await db().select().from(reservations).where(eq(reservations.customerId, customer));
      // The racing reservation either committed before the bar (and stays: a bar cancels nothing) or not at all.
      expect(held.map((r) => r.id)).toEqual(raced === null ? [] : [raced]);
      expect(await reserveOne(offer, customer)).toBeNull();
    }
  });
});
