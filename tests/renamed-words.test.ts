import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCallback } from '../lib/bot/callback-data.js';
import { migrationsFolder } from '../lib/infra/db.js';
import { createTestApp, type TestApp } from './support/app.js';
import { shown } from './support/chat.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { callbackUpdate, textUpdate } from './support/updates.js';

/**
 * A purchase became a reservation, a business a venue and a cancelled offer a withdrawn one (docs/glossary.md). What people
 * already have — buttons in their chats, a command in their menu — and what the database already holds keep
 * working under the new words.
 */
describe('renamed words', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('reads the old button words as the new ones', () => {
    expect(decodeCallback('purchase:cancel:12')).toEqual({ kind: 'reservation:cancel', args: [12] });
    expect(decodeCallback('purchase:pickup:12')).toEqual({ kind: 'reservation:pickup', args: [12] });
    expect(decodeCallback('purchases:mine')).toEqual({ kind: 'reservations:mine', args: [] });
    expect(decodeCallback('offer:cancel:7')).toEqual({ kind: 'offer:withdraw', args: [7] });
    expect(decodeCallback('biz:verify:3')).toEqual({ kind: 'venue:verify', args: [3] });
  });

  it('cancels a reservation from a Cancel button sent before the rename', async () => {
    const venue = await verifiedVenue(app.deps.db);
    const offer = await liveOffer(app.deps.db, venue.ownerId);
    const customer = { id: 61_001, first_name: 'Early' };
    await app.deliver(callbackUpdate(customer, `buy:confirm:${offer.id}:${offer.items[0]!.id}:1`, 9));
    const code = app.telegram
      .callsTo()
      .map(shown)
      .join('\n')
      .match(/\b([A-HJ-NP-Z2-9]{6})\b/)?.[1];
    expect(code).toBeDefined();
    const [row] = (await app.deps.db.query.reservations.findMany()).filter(
      (r) => r.customerId === customer.id,
    );
    await app.deliver(callbackUpdate(customer, `purchase:cancel:${row!.id}`, 9));
    const [after] = (await app.deps.db.query.reservations.findMany()).filter(
      (r) => r.customerId === customer.id,
    );
    expect(after!.status).toBe('cancelled');
  });

  it('still lists reservations for /mypurchases, the command’s old name', async () => {
    await app.deliver(textUpdate({ id: 61_001, first_name: 'Early' }, '/mypurchases'));
    expect(shown(app.telegram.sentTo(61_001).at(-1))).toContain('Your reservations');
  });
});

describe('migrations 0002 and 0003 (one word per concept)', () => {
  const statements = (file: string) =>
    readFileSync(`${migrationsFolder}/${file}`, 'utf8')
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter(Boolean);

  it('keeps every existing venue, purchase, audit entry and idempotency record under the new words', async () => {
    const db = new PGlite();
    try {
      for (const sql of [...statements('0000_init.sql'), ...statements('0001_exactly_once.sql')])
        await db.exec(sql);
      await db.exec(`
        insert into users (id, first_name) values (1, 'Owner'), (2, 'Customer');
        insert into businesses (id, owner_id, name, address, phone, status) values (1, 1, 'V', 'A', 'P', 'verified');
        insert into offers (id, business_id, title, pickup_start, pickup_end, status, units_available)
          values (1, 1, 'Bag', now(), now() + interval '1 hour', 'cancelled', 3);
        insert into offer_items (id, offer_id, name, original_price, price, quantity_total, quantity_available)
          values (1, 1, 'Bread', 500, 200, 4, 3);
        insert into purchases (id, customer_id, offer_id, item_id, quantity, unit_price, currency, pickup_code, status)
          values (1, 2, 1, 1, 1, 200, 'EUR', 'ABCDEF', 'cancelled');
        insert into notices (recipient_id, kind, purchase_id, claimed_until, next_attempt_at)
          values (2, 'reservation.withdrawn', 1, now(), now());
        insert into audit_log (actor_id, action, entity, entity_id, data) values
          (1, 'business.verify', 'business', 1, '{}'), (2, 'purchase.reserve', 'purchase', 1, '{}'),
          (1, 'offer.cancel', 'offer', 1, '{"to": "cancelled"}');
        insert into idempotency_keys (key, user_id, outcome) values ('k', 2, '{"purchase_id": 1}');
      `);
      for (const sql of [...statements('0002_one_word_per_concept.sql'), ...statements('0003_venues.sql')]) {
        await db.exec(sql);
      }
      const one = async (sql: string) => (await db.query<Record<string, unknown>>(sql)).rows[0];
      expect(await one('select status, pickup_code from reservations where id = 1')).toEqual({
        status: 'cancelled',
        pickup_code: 'ABCDEF',
      });
      expect(await one('select status from offers where id = 1')).toEqual({ status: 'withdrawn' });
      expect(await one('select reservation_id from notices')).toEqual({ reservation_id: 1 });
      expect(await one('select v.name, o.venue_id from venues v join offers o on o.venue_id = v.id')).toEqual(
        {
          name: 'V',
          venue_id: 1,
        },
      );
      expect((await db.query('select action, entity from audit_log order by id')).rows).toEqual([
        { action: 'venue.verify', entity: 'venue' },
        { action: 'reservation.reserve', entity: 'reservation' },
        { action: 'offer.withdraw', entity: 'offer' },
      ]);
      expect(await one(`select outcome from idempotency_keys where key = 'k'`)).toEqual({
        outcome: { reservation_id: 1 },
      });
      // New rows get their ids from the renamed sequence (moved past the row inserted with an explicit id).
      await db.query(`select setval('reservations_id_seq', 1)`);
      expect(
        await one(`insert into reservations (customer_id, offer_id, item_id, quantity, unit_price, currency, pickup_code)
          values (2, 1, 1, 1, 200, 'EUR', 'GHJKLM') returning id`),
      ).toEqual({ id: 2 });
    } finally {
      await db.close();
    }
  });
});
