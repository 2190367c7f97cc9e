import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerItems, offers, reservations } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import type { Database } from '../lib/infra/db.js';
import { cancelReservation } from '../lib/marketplace/cancel-reservation.js';
import { confirmPickup } from '../lib/marketplace/confirm-pickup.js';
import { expireOffers, transitionOffer } from '../lib/marketplace/offer-transitions.js';
import { editOfferItem, getOffer } from '../lib/marketplace/offers.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { settleEndedOffers } from '../lib/marketplace/settle-ended-offers.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { createTestDatabase, storeLabel } from './support/stores.js';

/**
 * Random sequences of everything customers and the venue can do to one offer, run against the real SQL.
 * After every step the invariants are checked against the database itself.
 */
type Command =
  | { kind: 'reserve'; customer: number; item: number; quantity: number }
  | { kind: 'cancel' | 'pickup'; nth: number }
  | { kind: 'edit'; item: number; total: number }
  | { kind: 'pause' | 'resume' | 'sold_out' | 'cancel_offer' | 'expire' };

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 15,
    arbitrary: fc.record({
      kind: fc.constant('reserve' as const),
      customer: fc.integer({ min: 0, max: 3 }),
      item: fc.integer({ min: 0, max: 1 }),
      quantity: fc.integer({ min: 1, max: 4 }),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constantFrom('cancel' as const, 'pickup' as const), nth: fc.nat(6) }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      item: fc.integer({ min: 0, max: 1 }),
      total: fc.integer({ min: 0, max: 6 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constantFrom('pause' as const, 'resume' as const, 'sold_out' as const) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom('cancel_offer' as const, 'expire' as const) }),
  },
);

const allowedMoves: Record<string, string[]> = {
  reserved: ['reserved', 'picked_up', 'cancelled', 'no_show'],
  picked_up: ['picked_up'],
  cancelled: ['cancelled'],
  no_show: ['no_show'],
};

describe(`offer and reservation invariants under random operations (${storeLabel})`, () => {
  let database: Database;
  let run = 0;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('never breaks stock or state rules', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 25 }), async (commands) => {
        const db = database.db;
        run++;
        const start = new Date();
        let now = start;
        const { ownerId } = await verifiedVenue(db);
        const offer = await liveOffer(db, ownerId, {
          now,
          hours: 2,
          items: [
            { name: 'A', originalPrice: 1000, price: 400, quantity: 3 },
            { name: 'B', originalPrice: 800, price: 300, quantity: 2 },
          ],
        });
        const itemIds = offer.items.map((i) => i.id);
        const customers = [0, 1, 2, 3].map((i) => 900_000 + run * 10 + i);
        const seen = new Map<number, string>();

        for (const c of commands) {
          const before = (await getOffer(db, offer.id))!;
          const mine = await db.select().from(reservations).where(eq(reservations.offerId, offer.id));
          try {
            if (c.kind === 'reserve') {
              const r = await reserve(db, {
                idempotencyKey: newKey(),
                customer: { id: customers[c.customer]!, firstName: 'P' },
                offerId: offer.id,
                itemId: itemIds[c.item]!,
                quantity: c.quantity,
                currency: 'EUR',
                now,
              });
              // A reservation only ever succeeds on a live offer within its window.
              expect(before.status).toBe('active');
              expect(now.getTime()).toBeLessThan(before.pickupEnd.getTime());
              expect(r.quantity).toBe(c.quantity);
            } else if (c.kind === 'cancel' && mine[c.nth]) {
              await cancelReservation(db, {
                idempotencyKey: newKey(),
                reservationId: mine[c.nth]!.id,
                customerId: mine[c.nth]!.customerId,
                now,
              });
            } else if (c.kind === 'pickup' && mine[c.nth]) {
              await confirmPickup(db, {
                idempotencyKey: newKey(),
                now,
                actorId: ownerId,
                code: mine[c.nth]!.pickupCode,
              });
            } else if (c.kind === 'edit') {
              await editOfferItem(db, {
                ownerId,
                offerId: offer.id,
                itemId: itemIds[c.item]!,
                quantityAvailable: c.total,
                now,
              });
            } else if (c.kind === 'pause' || c.kind === 'resume' || c.kind === 'sold_out') {
              await transitionOffer(db, {
                idempotencyKey: newKey(),
                offerId: offer.id,
                ownerId,
                action: c.kind,
                now,
              });
            } else if (c.kind === 'cancel_offer') {
              await transitionOffer(db, {
                idempotencyKey: newKey(),
                offerId: offer.id,
                ownerId,
                action: 'withdraw',
                now,
              });
              // As the bot does: the withdrawal, then the settlement of the reservations it ended.
              await settleEndedOffers(db, { now, offerIds: [offer.id] });
            } else if (c.kind === 'expire') {
              now = new Date(start.getTime() + 3 * 3_600_000);
              await expireOffers(db, { now, offerId: offer.id });
              await settleEndedOffers(db, { now, offerIds: [offer.id] });
            }
          } catch (error) {
            // Refusals are fine (and expected); anything else is a bug.
            if (!(error instanceof AppError)) throw error;
          }
          await checkInvariants(offer.id, seen);
        }
      }),
      { numRuns: 30 },
    );
  });

  async function checkInvariants(offerId: number, seen: Map<number, string>) {
    const db = database.db;
    const [row] = await db.select().from(offers).where(eq(offers.id, offerId));
    const items = await db.select().from(offerItems).where(eq(offerItems.offerId, offerId));
    const bought = await db.select().from(reservations).where(eq(reservations.offerId, offerId));
    for (const item of items) {
      expect(item.quantityAvailable).toBeGreaterThanOrEqual(0);
      expect(item.quantityAvailable).toBeLessThanOrEqual(item.quantityTotal);
      if (['draft', 'active', 'paused', 'sold_out'].includes(row!.status)) {
        const held = bought
          .filter((p) => p.itemId === item.id && (p.status === 'reserved' || p.status === 'picked_up'))
          .reduce((n, p) => n + p.quantity, 0);
        expect(held + item.quantityAvailable).toBe(item.quantityTotal);
      }
    }
    expect(row!.unitsAvailable).toBe(items.reduce((n, i) => n + i.quantityAvailable, 0));
    if (row!.status === 'active') expect(row!.unitsAvailable).toBeGreaterThan(0);
    if (row!.status === 'expired' || row!.status === 'withdrawn') {
      expect(bought.filter((p) => p.status === 'reserved')).toEqual([]);
    }
    for (const reservation of bought) {
      const previous = seen.get(reservation.id) ?? 'reserved';
      expect(allowedMoves[previous]).toContain(reservation.status);
      seen.set(reservation.id, reservation.status);
    }
  }
});
