import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerItems, offers, reservations } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import type { Database } from '../lib/infra/db.js';
import type { RedisConnection } from '../lib/infra/redis.js';
import { cancelReservation } from '../lib/marketplace/cancel-reservation.js';
import { placeReservation } from '../lib/marketplace/place-reservation.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { createTestDatabase, createTestRedis, realPostgresUrl, realRedisUrl } from './support/stores.js';

/**
 * Races only mean something with real connections: PGlite is a single connection that serialises
 * everything. CI runs this file against the machine's Postgres and Redis.
 */
const real = Boolean(realPostgresUrl && realRedisUrl);
const suite = real ? describe : describe.skip;

const shuffle = <T>(items: T[]) => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
};
const jitter = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 5));

suite(`reservations under concurrency (${real ? 'postgres+redis' : 'needs TEST_DATABASE_URL and TEST_REDIS_URL'})`, () => {
  let database: Database;
  let redis: RedisConnection;
  beforeAll(async () => {
    database = await createTestDatabase();
    redis = await createTestRedis();
  });
  afterAll(async () => {
    await redis.close();
    await database.close();
  });

  it('reserves exactly the available units when 50 customers race for 7, twenty times over', async () => {
    const db = database.db;
    const { ownerId } = await verifiedVenue(db);
    for (let round = 0; round < 20; round++) {
      const offer = await liveOffer(db, ownerId, {
        items: [
          { name: 'Bag', originalPrice: 1000, price: 400, quantity: 4 },
          { name: 'Box', originalPrice: 1200, price: 500, quantity: 3 },
        ],
      });
      const attempts = shuffle(
        Array.from({ length: 50 }, (_, i) => ({
          customer: { id: 100_000 + round * 100 + i, firstName: `C${i}` },
          itemId: offer.items[i % 2]!.id,
          quantity: 1 + (i % 3),
        })),
      );
      const results = await Promise.allSettled(
        attempts.map(async (a) => {
          await jitter();
          return placeReservation(redis.redis, db, {
            idempotencyKey: newKey(),
            ...a,
            offerId: offer.id,
            currency: 'EUR',
            now: new Date(),
          });
        }),
      );
      for (const r of results) {
        if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(AppError);
      }
      const items = await db.select().from(offerItems).where(eq(offerItems.offerId, offer.id));
      const reserved = await db.select().from(reservations).where(eq(reservations.offerId, offer.id));
      const [row] = await db.select().from(offers).where(eq(offers.id, offer.id));
      for (const item of items) {
        const taken = reserved.filter((p) => p.itemId === item.id).reduce((n, p) => n + p.quantity, 0);
        expect(item.quantityAvailable).toBeGreaterThanOrEqual(0);
        expect(taken + item.quantityAvailable).toBe(item.quantityTotal);
      }
      expect(row!.unitsAvailable).toBe(items.reduce((n, i) => n + i.quantityAvailable, 0));
      if (row!.unitsAvailable === 0) expect(row!.status).toBe('sold_out');
      else expect(row!.status).toBe('active');
      // Seven units and demands of 1–3 each: a sell-out unless the last unit of an item was left over.
      expect(reserved.reduce((n, p) => n + p.quantity, 0)).toBeGreaterThanOrEqual(5);
    }
  });

  it('restocks correctly when a cancellation lands in the middle of a race', async () => {
    const db = database.db;
    const { ownerId } = await verifiedVenue(db);
    const offer = await liveOffer(db, ownerId, {
      items: [{ name: 'Soup', originalPrice: 900, price: 300, quantity: 5 }],
    });
    const itemId = offer.items[0]!.id;
    const first = await placeReservation(redis.redis, db, {
      idempotencyKey: newKey(),
      customer: { id: 200_001, firstName: 'First' },
      offerId: offer.id,
      itemId,
      quantity: 2,
      currency: 'EUR',
      now: new Date(),
    });
    const racers = Array.from({ length: 30 }, (_, i) => async () => {
      await jitter();
      return placeReservation(redis.redis, db, {
        idempotencyKey: newKey(),
        customer: { id: 200_100 + i, firstName: 'R' },
        offerId: offer.id,
        itemId,
        quantity: 1,
        currency: 'EUR',
        now: new Date(),
      });
    });
    const cancel = async () => {
      await jitter();
      return cancelReservation(db, {
        idempotencyKey: newKey(),
        reservationId: first.reservationId,
        customerId: 200_001,
        now: new Date(),
      });
    };
    await Promise.allSettled(shuffle([...racers, cancel]).map((run) => run()));
    const [item] = await db.select().from(offerItems).where(eq(offerItems.id, itemId));
    const live = (await db.select().from(reservations).where(eq(reservations.itemId, itemId))).filter(
      (p) => p.status === 'reserved',
    );
    expect(item!.quantityAvailable + live.reduce((n, p) => n + p.quantity, 0)).toBe(5);
    expect(item!.quantityAvailable).toBeGreaterThanOrEqual(0);
    const [row] = await db.select().from(offers).where(eq(offers.id, offer.id));
    expect(row!.status).toBe(item!.quantityAvailable === 0 ? 'sold_out' : 'active');
  });
});
