import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drops, notices, offerItems, offers, reservations } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import type { Database } from '../lib/infra/db.js';
import { cancelReservation } from '../lib/marketplace/cancel-reservation.js';
import { confirmPickup } from '../lib/marketplace/confirm-pickup.js';
import { createDrop, runDrop, WEEKDAY_SETS } from '../lib/marketplace/drops.js';
import { addOfferItem, changePickupWindow } from '../lib/marketplace/edit-offer.js';
import { markNoShow } from '../lib/marketplace/mark-no-show.js';
import type { OfferWithItems } from '../lib/marketplace/offers.js';
import { repeatOffer } from '../lib/marketplace/repeat-offer.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { undoPickup } from '../lib/marketplace/undo-pickup.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { createTestDatabase, realPostgresUrl, storeLabel } from './support/stores.js';

/**
 * A venue's writes when the same press or message arrives again (Telegram redelivers after a lost reply, a
 * timeout, a 503): the second run reports the first outcome, with one effect and one notice. On a real Postgres,
 * the writes that can meet each other are raced too.
 */
describe(`a venue's writes, retried (${storeLabel})`, () => {
  let database: Database;
  let ownerId: number;
  let offer: OfferWithItems;
  let nextCustomer = 6_100;
  const db = () => database.db;

  beforeAll(async () => {
    database = await createTestDatabase();
    ownerId = (await verifiedVenue(db())).ownerId;
    offer = await liveOffer(db(), ownerId);
  });
  afterAll(() => database.close());

  const book = async (target = offer) =>
    reserve(db(), {
      idempotencyKey: newKey(),
      customer: { id: nextCustomer++, firstName: 'Customer' },
      offerId: target.id,
      itemId: target.items[0]!.id,
      quantity: 1,
      currency: 'EUR',
      now: new Date(),
    });
  const noticesOf = async (reservationId: number, kind: string) =>
    (await db().select().from(notices).where(eq(notices.reservationId, reservationId))).filter(
      (n) => n.kind === kind,
    );

  it('undoes a pickup once when the press arrives twice, telling the customer once', async () => {
    const { reservationId } = await book();
    await confirmPickup(db(), { idempotencyKey: newKey(), actorId: ownerId, reservationId, now: new Date() });
    const key = newKey();
    const first = await undoPickup(db(), {
      idempotencyKey: key,
      actorId: ownerId,
      reservationId,
      now: new Date(),
    });
    const again = await undoPickup(db(), {
      idempotencyKey: key,
      actorId: ownerId,
      reservationId,
      now: new Date(),
    });
    expect([first.replayed, again.replayed]).toEqual([false, true]);
    expect(again.pickupCode).toBe(first.pickupCode);
    expect(await noticesOf(reservationId, 'reservation.pickup_undone')).toHaveLength(1);
  });

  it('thanks the customer again when a pickup is confirmed again after an undo', async () => {
    const { reservationId } = await book();
    const pick = () =>
      confirmPickup(db(), { idempotencyKey: newKey(), actorId: ownerId, reservationId, now: new Date() });
    await pick();
    await undoPickup(db(), { idempotencyKey: newKey(), actorId: ownerId, reservationId, now: new Date() });
    const second = await pick();
    expect(second.notices.map((n) => n.kind)).toEqual(['reservation.picked_up']);
    const [thanks] = await noticesOf(reservationId, 'reservation.picked_up');
    expect(thanks!.status).toBe('pending');
  });

  it('marks a no-show once when the press arrives twice, restocking once', async () => {
    const { reservationId } = await book();
    const [before] = await db().select().from(offerItems).where(eq(offerItems.id, offer.items[0]!.id));
    const key = newKey();
    const first = await markNoShow(db(), {
      idempotencyKey: key,
      actorId: ownerId,
      reservationId,
      now: new Date(),
    });
    const again = await markNoShow(db(), {
      idempotencyKey: key,
      actorId: ownerId,
      reservationId,
      now: new Date(),
    });
    expect([first.restocked, again.restocked, again.replayed]).toEqual([1, 1, true]);
    const [after] = await db().select().from(offerItems).where(eq(offerItems.id, offer.items[0]!.id));
    expect(after!.quantityAvailable).toBe(before!.quantityAvailable + 1);
    expect(await noticesOf(reservationId, 'reservation.marked_no_show')).toHaveLength(1);
  });

  it('repeats an offer into one draft when the press arrives twice', async () => {
    const key = newKey();
    const input = { idempotencyKey: key, offerId: offer.id, ownerId, now: new Date(), zone: 'UTC' };
    const [first, again] = [await repeatOffer(db(), input), await repeatOffer(db(), input)];
    expect(again.id).toBe(first.id);
  });

  it('adds an item once when the message arrives twice', async () => {
    const key = newKey();
    const input = {
      idempotencyKey: key,
      ownerId,
      offerId: offer.id,
      item: { name: 'Tart', originalPrice: 800, price: 300, quantity: 2 },
      now: new Date(),
    };
    await addOfferItem(db(), input);
    await addOfferItem(db(), input);
    const items = await db().select().from(offerItems).where(eq(offerItems.offerId, offer.id));
    expect(items.filter((i) => i.name === 'Tart')).toHaveLength(1);
  });

  it('moves the window once when the message arrives twice, telling each holder once', async () => {
    const { reservationId } = await book();
    const start = new Date(Date.now() + 86_400_000);
    const input = {
      idempotencyKey: newKey(),
      ownerId,
      offerId: offer.id,
      start,
      end: new Date(start.getTime() + 7_200_000),
      now: new Date(),
    };
    const first = await changePickupWindow(db(), input);
    const again = await changePickupWindow(db(), input);
    expect([first.notices.length > 0, again.replayed, again.notices]).toEqual([true, true, []]);
    expect(await noticesOf(reservationId, 'reservation.window_changed')).toHaveLength(1);
  });

  it('starts one drop when its confirmation is pressed twice', async () => {
    const input = {
      idempotencyKey: newKey(),
      ownerId,
      offerId: offer.id,
      schedule: { weekdays: WEEKDAY_SETS.daily, windowStart: 1080, windowEnd: 1200, publishAt: 960 },
      now: new Date(),
      zone: 'UTC',
    };
    const [first, again] = [await createDrop(db(), input), await createDrop(db(), input)];
    expect(again.id).toBe(first.id);
    expect(await db().select().from(drops).where(eq(drops.venueId, first.venueId))).toHaveLength(1);
  });

  describe.skipIf(!realPostgresUrl)('raced (real Postgres)', () => {
    const refused = (promise: Promise<unknown>) =>
      promise.then(
        () => 'won' as const,
        (error) => {
          if (error instanceof AppError) return 'refused' as const;
          throw error;
        },
      );

    it('publishes one copy when a drop run is delivered five times at once (20×)', async () => {
      for (let round = 0; round < 20; round++) {
        const now = new Date(Date.UTC(2026, 11, 1, 10, round));
        const drop = await createDrop(db(), {
          idempotencyKey: newKey(),
          ownerId,
          offerId: offer.id,
          schedule: { weekdays: WEEKDAY_SETS.daily, windowStart: 1080, windowEnd: 1200, publishAt: 960 },
          now,
          zone: 'UTC',
        });
        const run = () =>
          runDrop(db(), { dropId: drop.id, runAt: drop.nextRunAt, now: drop.nextRunAt, zone: 'UTC' });
        const runs = await Promise.all([run(), run(), run(), run(), run()]);
        expect(runs.filter((r) => r.published)).toHaveLength(1);
        expect(await db().select().from(offers).where(eq(offers.dropId, drop.id))).toHaveLength(1);
      }
    });

    it('lets exactly one of a no-show and the customer’s cancellation win, and restocks once (30×)', async () => {
      for (let round = 0; round < 30; round++) {
        const { reservationId, customerId } = await book();
        const [before] = await db().select().from(offerItems).where(eq(offerItems.id, offer.items[0]!.id));
        const outcomes = await Promise.all([
          refused(
            markNoShow(db(), { idempotencyKey: newKey(), actorId: ownerId, reservationId, now: new Date() }),
          ),
          refused(
            cancelReservation(db(), { idempotencyKey: newKey(), reservationId, customerId, now: new Date() }),
          ),
        ]);
        expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
        const [after] = await db().select().from(offerItems).where(eq(offerItems.id, offer.items[0]!.id));
        expect(after!.quantityAvailable).toBe(before!.quantityAvailable + 1);
        const [row] = await db().select().from(reservations).where(eq(reservations.id, reservationId));
        expect(['no_show', 'cancelled']).toContain(row!.status);
      }
    });
  });
});
