import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reservations } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import type { Database } from '../lib/infra/db.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { createTestDatabase, realPostgresUrl } from './support/stores.js';

/**
 * The strike limit holds under concurrency: a customer with three counted no-shows in 30 days may hold one live
 * reservation, however many of their presses race (real Postgres; PGlite has one connection, nothing races).
 */
const ROUNDS = 30;
const RACERS = 4;
let nextCustomer = 4_000_000;

describe.skipIf(!realPostgresUrl)('the strike limit under races (real Postgres)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.close());
  const db = () => database.db;

  /** Three counted no-shows of the customer, the last yesterday: limited for 13 more days. */
  async function strikeThrice(customerId: number, venueId: number, reserveOne: () => Promise<number>) {
    for (let day = 1; day <= 3; day++) {
      const reservationId = await reserveOne();
      await db().execute(sql`update reservations set status = 'no_show' where id = ${reservationId}`);
      await db().execute(sql`
        insert into strikes (reservation_id, customer_id, venue_id, missed_at, counted, decided_at)
        values (${reservationId}, ${customerId}, ${venueId}, now() - ${day} * interval '1 day', true, now())`);
    }
  }

  it(`lets a limited customer hold one reservation when ${RACERS} of their presses race (${ROUNDS}×)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const venue = await verifiedVenue(db());
      const offer = await liveOffer(db(), venue.ownerId, {
        items: [{ name: 'Bag', originalPrice: 1000, price: 400, quantity: 40 }],
      });
      const customerId = nextCustomer++;
      const reserveFor = async (id: number) =>
        (
          await reserve(db(), {
            idempotencyKey: newKey(),
            customer: { id, firstName: 'Racer' },
            offerId: offer.id,
            itemId: offer.items[0]!.id,
            quantity: 1,
            currency: 'EUR',
            now: new Date(),
          })
        ).reservationId;
      await strikeThrice(customerId, venue.id, () => reserveFor(customerId));
      const results = await Promise.all(
        Array.from({ length: RACERS }, () =>
          reserveFor(customerId).then(
            () => 'won',
            (error) => {
              if (error instanceof AppError && error.code === 'reservation.strike_limit') return 'refused';
              throw error;
            },
          ),
        ),
      );
      const live = await db()
        .select()
        .from(reservations)
        .where(and(eq(reservations.customerId, customerId), eq(reservations.status, 'reserved')));
      expect(live).toHaveLength(1);
      expect(results.filter((r) => r === 'won')).toHaveLength(1);
    }
  });
});
