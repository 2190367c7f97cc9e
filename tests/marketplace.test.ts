import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, offerItems, offers, reservations } from '../db/schema.js';
import { AppError, type AppErrorDetail } from '../lib/errors.js';
import type { Database } from '../lib/infra/db.js';
import { browseOffers } from '../lib/marketplace/browse.js';
import { cancelReservation } from '../lib/marketplace/cancel-reservation.js';
import { confirmPickup } from '../lib/marketplace/confirm-pickup.js';
import { expireOffers, transitionOffer } from '../lib/marketplace/offer-transitions.js';
import { createOffer, editOfferItem, getOffer } from '../lib/marketplace/offers.js';
import { listCustomerReservations } from '../lib/marketplace/reservations.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { settleEndedOffers } from '../lib/marketplace/settle-ended-offers.js';
import { registerVenue, reviewVenue } from '../lib/marketplace/venues.js';
import { defaultItems, liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { createTestDatabase, storeLabel } from './support/stores.js';
import { people } from './support/updates.js';

const customer = (id: number) => ({ id, firstName: `Customer ${id}` });
/** The refusal as a code with its facts; the words for it are checked in tests/error-texts.test.ts. */
const expectAppError = async (promise: Promise<unknown>, detail: AppErrorDetail) => {
  const error = await promise.then(
    () => undefined,
    (e) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).detail).toEqual(detail);
};

describe(`marketplace rules (${storeLabel})`, () => {
  let database: Database;
  const db = () => database.db;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  describe('venues', () => {
    it('registers a venue as pending and refuses a second one for the same owner', async () => {
      const draft = {
        ownerId: 7001,
        ownerFirstName: 'Olga',
        name: 'Olga’s Bakery',
        address: 'Bakery Lane 1',
        phone: '+4930111',
        description: 'Bread',
      };
      const venue = await registerVenue(db(), draft);
      expect(venue.status).toBe('pending');
      await expectAppError(registerVenue(db(), draft), { code: 'venue.already_registered' });
    });

    it('verifies idempotently and records one audit row', async () => {
      const venue = await registerVenue(db(), {
        ownerId: 7002,
        ownerFirstName: 'V',
        name: 'Verify Me',
        address: 'A',
        phone: '+1',
        description: '',
      });
      const first = await reviewVenue(db(), {
        venueId: venue.id,
        adminId: 9001,
        decision: 'verify',
      });
      const second = await reviewVenue(db(), {
        venueId: venue.id,
        adminId: 9001,
        decision: 'verify',
      });
      expect([first.changed, second.changed]).toEqual([true, false]);
      expect(second.venue.status).toBe('verified');
      const audits = await db().select().from(auditLog).where(eq(auditLog.entityId, venue.id));
      expect(audits.filter((a) => a.action === 'venue.verify')).toHaveLength(1);
    });

    it('rejects with a reason, and refuses to reject a verified venue', async () => {
      const venue = await registerVenue(db(), {
        ownerId: 7003,
        ownerFirstName: 'R',
        name: 'Reject Me',
        address: 'A',
        phone: '+1',
        description: '',
      });
      const result = await reviewVenue(db(), {
        venueId: venue.id,
        adminId: 9001,
        decision: 'reject',
        reason: 'Address missing',
      });
      expect(result.venue).toMatchObject({ status: 'rejected', rejectionReason: 'Address missing' });
      const verified = await verifiedVenue(db());
      await expectAppError(
        reviewVenue(db(), { venueId: verified.id, adminId: 9001, decision: 'reject', reason: 'x' }),
        { code: 'venue.wrong_state', status: 'verified', to: 'rejected' },
      );
      await expectAppError(reviewVenue(db(), { venueId: 999_999, adminId: 9001, decision: 'verify' }), {
        code: 'venue.not_found',
      });
    });
  });

  describe('offers', () => {
    it('lets only verified venues create offers', async () => {
      await registerVenue(db(), {
        ownerId: 7010,
        ownerFirstName: 'P',
        name: 'Pending',
        address: 'A',
        phone: '+1',
        description: '',
      });
      const now = new Date();
      await expectAppError(
        createOffer(db(), {
          ownerId: 7010,
          title: 'Nope',
          pickupStart: now,
          pickupEnd: new Date(now.getTime() + 3_600_000),
          items: defaultItems,
        }),
        { code: 'offer.post_needs_verified_venue' },
      );
      const count = await db().select({ n: sql<number>`count(*)` }).from(offers);
      expect(Number(count[0]!.n)).toBe(0);
    });

    it.each([
      [
        'a discounted price not below the original',
        { name: 'X', originalPrice: 500, price: 500, quantity: 1 },
        { code: 'item.price_not_discounted' },
      ],
      [
        'a zero quantity',
        { name: 'X', originalPrice: 500, price: 100, quantity: 0 },
        { code: 'item.quantity_range', min: 1, max: 999 },
      ],
      [
        'a quantity above 999',
        { name: 'X', originalPrice: 500, price: 100, quantity: 1000 },
        { code: 'item.quantity_range', min: 1, max: 999 },
      ],
      [
        'an empty name',
        { name: ' ', originalPrice: 500, price: 100, quantity: 1 },
        { code: 'item.name_missing' },
      ],
    ] satisfies Array<[string, unknown, AppErrorDetail]>)(
      'refuses an item with %s',
      async (_label, item, detail) => {
        const { ownerId } = await verifiedVenue(db());
        const now = new Date();
        await expectAppError(
          createOffer(db(), {
            ownerId,
            title: 'T',
            pickupStart: now,
            pickupEnd: new Date(now.getTime() + 3_600_000),
            items: [item],
          }),
          detail,
        );
      },
    );

    it('walks the lifecycle: publish, pause, resume, sold out, and refuses invalid moves with a reason', async () => {
      const { ownerId } = await verifiedVenue(db());
      const now = new Date();
      const offer = await createOffer(db(), {
        ownerId,
        title: 'Lifecycle',
        pickupStart: now,
        pickupEnd: new Date(now.getTime() + 3_600_000),
        items: defaultItems,
      });
      expect(offer.status).toBe('draft');
      expect(offer.unitsAvailable).toBe(7);
      const act = (action: Parameters<typeof transitionOffer>[1]['action']) =>
        transitionOffer(db(), { idempotencyKey: newKey(), offerId: offer.id, ownerId, action, now });
      expect((await act('publish')).after).toBe('active');
      await expectAppError(act('publish'), { code: 'offer.already_in_state', status: 'active' });
      expect((await act('pause')).after).toBe('paused');
      expect((await act('resume')).after).toBe('active');
      expect((await act('sold_out')).after).toBe('sold_out');
      const after = await getOffer(db(), offer.id);
      expect(after!.items.every((i) => i.quantityAvailable === 0)).toBe(true);
      expect(after!.unitsAvailable).toBe(0);
      await expectAppError(act('resume'), {
        code: 'offer.wrong_state',
        action: 'resume',
        status: 'sold_out',
      });
    });

    it('hides another venue’s offer behind "not found"', async () => {
      const a = await verifiedVenue(db());
      const b = await verifiedVenue(db());
      const offer = await liveOffer(db(), a.ownerId);
      await expectAppError(
        transitionOffer(db(), {
          idempotencyKey: newKey(),
          offerId: offer.id,
          ownerId: b.ownerId,
          action: 'pause',
          now: new Date(),
        }),
        { code: 'offer.not_found' },
      );
      expect((await getOffer(db(), offer.id))!.status).toBe('active');
    });

    it('refuses to publish or resume an offer whose window is over', async () => {
      const { ownerId } = await verifiedVenue(db());
      const start = new Date(Date.now() - 3 * 3_600_000);
      const offer = await createOffer(db(), {
        ownerId,
        title: 'Late',
        pickupStart: start,
        pickupEnd: new Date(start.getTime() + 3_600_000),
        items: defaultItems,
      });
      await expectAppError(
        transitionOffer(db(), {
          idempotencyKey: newKey(),
          offerId: offer.id,
          ownerId,
          action: 'publish',
          now: new Date(),
        }),
        { code: 'offer.window_over' },
      );
    });

    it('restocks a sold-out offer back to live with the units available given, keeping the reserved ones', async () => {
      const { ownerId } = await verifiedVenue(db());
      const now = new Date();
      const offer = await liveOffer(db(), ownerId, {
        items: [{ name: 'Soup', originalPrice: 800, price: 300, quantity: 2 }],
      });
      const itemId = offer.items[0]!.id;
      await reserve(db(), {
        idempotencyKey: newKey(),
        customer: customer(8001),
        offerId: offer.id,
        itemId,
        quantity: 2,
        currency: 'EUR',
        now,
      });
      expect((await getOffer(db(), offer.id))!.status).toBe('sold_out');
      // "Restock to 3" means 3 for sale: the 2 reserved units stay reserved on top.
      const edited = await editOfferItem(db(), {
        ownerId,
        offerId: offer.id,
        itemId,
        quantityAvailable: 3,
        now,
      });
      expect(edited.offer.status).toBe('active');
      expect(edited.offer.items[0]).toMatchObject({ quantityTotal: 5, quantityAvailable: 3 });
      expect(edited.offer.unitsAvailable).toBe(3);
      await expectAppError(editOfferItem(db(), { ownerId, offerId: offer.id, itemId, price: 900, now }), {
        code: 'item.price_not_discounted',
      });
    });

    it('expires overdue offers once and marks their open reservations as no-shows', async () => {
      const { ownerId } = await verifiedVenue(db());
      const now = new Date();
      const offer = await liveOffer(db(), ownerId, { now, hours: 1 });
      const reservation = await reserve(db(), {
        idempotencyKey: newKey(),
        customer: customer(8002),
        offerId: offer.id,
        itemId: offer.items[0]!.id,
        quantity: 1,
        currency: 'EUR',
        now,
      });
      expect(await expireOffers(db(), { now, offerId: offer.id })).toEqual([]);
      const later = new Date(now.getTime() + 2 * 3_600_000);
      expect(await expireOffers(db(), { now: later, offerId: offer.id })).toEqual([offer.id]);
      const settled = await settleEndedOffers(db(), { now: later, offerIds: [offer.id] });
      expect(settled).toMatchObject({ noShows: 1, withdrawn: 0 });
      // The venue confirmed no pickup that day, so it is asked whether the customer came (issue 14).
      expect(settled.notices).toEqual([
        // Issue 17: with the recipient's language tag (null: they never talked to the bot).
        { id: expect.any(Number), kind: 'reservation.unconfirmed', recipientId: ownerId, language: null },
      ]);
      expect(await expireOffers(db(), { now: later, offerId: offer.id })).toEqual([]);
      expect((await settleEndedOffers(db(), { now: later, offerIds: [offer.id] })).notices).toEqual([]);
      const [row] = await db()
        .select()
        .from(reservations)
        .where(eq(reservations.id, reservation.reservationId));
      expect(row!.status).toBe('no_show');
    });
  });

  describe('reservations', () => {
    it('reserves, sells out with the last unit, cancels with restock and reactivation', async () => {
      const { ownerId } = await verifiedVenue(db());
      const now = new Date();
      const offer = await liveOffer(db(), ownerId, {
        items: [{ name: 'Box', originalPrice: 900, price: 300, quantity: 3 }],
      });
      const itemId = offer.items[0]!.id;
      const first = await reserve(db(), {
        idempotencyKey: newKey(),
        customer: customer(8101),
        offerId: offer.id,
        itemId,
        quantity: 2,
        currency: 'EUR',
        now,
      });
      expect(first.pickupCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
      expect(first).toMatchObject({ offerStatus: 'active', unitsLeft: 1, itemName: 'Box', unitPrice: 300 });
      await expectAppError(
        reserve(db(), {
          idempotencyKey: newKey(),
          customer: customer(8102),
          offerId: offer.id,
          itemId,
          quantity: 2,
          currency: 'EUR',
          now,
        }),
        { code: 'reservation.not_enough', left: 1, wanted: 2 },
      );
      const last = await reserve(db(), {
        idempotencyKey: newKey(),
        customer: customer(8102),
        offerId: offer.id,
        itemId,
        quantity: 1,
        currency: 'EUR',
        now,
      });
      expect(last.offerStatus).toBe('sold_out');

      const cancelled = await cancelReservation(db(), {
        idempotencyKey: newKey(),
        reservationId: first.reservationId,
        customerId: 8101,
        now,
      });
      expect(cancelled).toMatchObject({ changed: true, quantity: 2, offerReactivated: true });
      const again = await cancelReservation(db(), {
        idempotencyKey: newKey(),
        reservationId: first.reservationId,
        customerId: 8101,
        now,
      });
      expect(again.changed).toBe(false);
      const after = await getOffer(db(), offer.id);
      expect(after).toMatchObject({ status: 'active', unitsAvailable: 2 });
      expect(after!.items[0]!.quantityAvailable).toBe(2);
    });

    it('hides another customer’s reservation behind "not found"', async () => {
      const { ownerId } = await verifiedVenue(db());
      const offer = await liveOffer(db(), ownerId);
      const now = new Date();
      const mine = await reserve(db(), {
        idempotencyKey: newKey(),
        customer: customer(8201),
        offerId: offer.id,
        itemId: offer.items[0]!.id,
        quantity: 1,
        currency: 'EUR',
        now,
      });
      await expectAppError(
        cancelReservation(db(), {
          idempotencyKey: newKey(),
          reservationId: mine.reservationId,
          customerId: 8202,
          now,
        }),
        { code: 'reservation.not_found' },
      );
      const [row] = await db().select().from(reservations).where(eq(reservations.id, mine.reservationId));
      expect(row!.status).toBe('reserved');
    });

    it('limits a customer to three open reservations', async () => {
      const { ownerId } = await verifiedVenue(db());
      const offer = await liveOffer(db(), ownerId);
      const now = new Date();
      const book = () =>
        reserve(db(), {
          idempotencyKey: newKey(),
          customer: customer(8301),
          offerId: offer.id,
          itemId: offer.items[0]!.id,
          quantity: 1,
          currency: 'EUR',
          now,
        });
      await book();
      await book();
      await book();
      await expectAppError(book(), { code: 'reservation.cap_reached', max: 3 });
    });

    it.each([
      ['an item of another offer', 'other-item', 1, { code: 'offer.item_not_found' }],
      ['a quantity above the cap', 'own-item', 6, { code: 'reservation.quantity_range', max: 5 }],
      ['a quantity of zero', 'own-item', 0, { code: 'reservation.quantity_range', max: 5 }],
      ['a missing offer', 'missing-offer', 1, { code: 'offer.unavailable' }],
    ] as const)('refuses %s and changes nothing', async (_label, which, quantity, detail) => {
      const { ownerId } = await verifiedVenue(db());
      const offer = await liveOffer(db(), ownerId);
      const other = await liveOffer(db(), ownerId, { title: 'Other' });
      const now = new Date();
      const offerId = which === 'missing-offer' ? 987_654 : offer.id;
      const itemId = which === 'other-item' ? other.items[0]!.id : offer.items[0]!.id;
      await expectAppError(
        reserve(db(), {
          idempotencyKey: newKey(),
          customer: customer(8401),
          offerId,
          itemId,
          quantity,
          currency: 'EUR',
          now,
        }),
        detail,
      );
      const items = await db().select().from(offerItems).where(eq(offerItems.offerId, offer.id));
      expect(items.map((i) => i.quantityAvailable)).toEqual([4, 3]);
    });

    it.each([
      ['a paused offer', 'paused'],
      ['a draft offer', 'draft'],
      ['a live offer of a venue that is no longer verified (suspended)', 'suspended-venue'],
    ] as const)('refuses a reservation on %s and changes nothing', async (_label, state) => {
      const { ownerId } = await verifiedVenue(db());
      const now = new Date();
      const offer =
        state === 'draft'
          ? await createOffer(db(), {
              ownerId,
              title: 'Not yet published',
              pickupStart: new Date(now.getTime() - 60_000),
              pickupEnd: new Date(now.getTime() + 3 * 3_600_000),
              items: defaultItems,
            })
          : await liveOffer(db(), ownerId);
      if (state === 'paused') {
        await transitionOffer(db(), {
          idempotencyKey: newKey(),
          offerId: offer.id,
          ownerId,
          action: 'pause',
          now,
        });
      }
      if (state === 'suspended-venue') {
        await db().execute(sql`update venues set status = 'suspended' where owner_id = ${ownerId}`);
      }
      await expectAppError(
        reserve(db(), {
          idempotencyKey: newKey(),
          customer: customer(8501),
          offerId: offer.id,
          itemId: offer.items[0]!.id,
          quantity: 1,
          currency: 'EUR',
          now,
        }),
        { code: 'offer.unavailable' },
      );
      const items = await db().select().from(offerItems).where(eq(offerItems.offerId, offer.id));
      expect(items.map((i) => i.quantityAvailable)).toEqual([4, 3]);
      const held = await db().select().from(reservations).where(eq(reservations.offerId, offer.id));
      expect(held).toEqual([]);
    });

    it('confirms a pickup by code for the owning venue only', async () => {
      const a = await verifiedVenue(db());
      const b = await verifiedVenue(db());
      const offer = await liveOffer(db(), a.ownerId);
      const now = new Date();
      const r = await reserve(db(), {
        idempotencyKey: newKey(),
        customer: customer(8601),
        offerId: offer.id,
        itemId: offer.items[1]!.id,
        quantity: 1,
        currency: 'EUR',
        now,
      });
      await expectAppError(
        confirmPickup(db(), {
          idempotencyKey: newKey(),
          now: new Date(),
          actorId: b.ownerId,
          code: r.pickupCode,
        }),
        { code: 'pickup.code_not_found' },
      );
      await expectAppError(
        confirmPickup(db(), {
          idempotencyKey: newKey(),
          now: new Date(),
          actorId: a.ownerId,
          code: 'ZZZZZZ',
        }),
        { code: 'pickup.code_not_found' },
      );
      const picked = await confirmPickup(db(), {
        idempotencyKey: newKey(),
        now: new Date(),
        actorId: a.ownerId,
        code: r.pickupCode.toLowerCase(),
      });
      expect(picked).toMatchObject({ customerId: 8601, quantity: 1, itemName: 'Pastry box' });
      await expectAppError(
        confirmPickup(db(), {
          idempotencyKey: newKey(),
          now: new Date(),
          actorId: a.ownerId,
          code: r.pickupCode,
        }),
        { code: 'pickup.code_not_found' },
      );
      const list = await listCustomerReservations(db(), 8601);
      expect(list[0]).toMatchObject({ status: 'picked_up', pickupCode: r.pickupCode });
    });

    it('cancels reservations when the venue withdraws the offer', async () => {
      const { ownerId } = await verifiedVenue(db());
      const offer = await liveOffer(db(), ownerId);
      const now = new Date();
      const r = await reserve(db(), {
        idempotencyKey: newKey(),
        customer: customer(8701),
        offerId: offer.id,
        itemId: offer.items[0]!.id,
        quantity: 1,
        currency: 'EUR',
        now,
      });
      const result = await transitionOffer(db(), {
        idempotencyKey: newKey(),
        offerId: offer.id,
        ownerId,
        action: 'withdraw',
        now,
      });
      expect(result).toMatchObject({ before: 'active', after: 'withdrawn', replayed: false });
      const settled = await settleEndedOffers(db(), { now, offerIds: [offer.id] });
      expect(settled).toMatchObject({ withdrawn: 1, noShows: 0 });
      expect(settled.notices).toEqual([
        { id: expect.any(Number), kind: 'reservation.withdrawn', recipientId: 8701, language: null },
      ]);
      const [reservation] = await db()
        .select()
        .from(reservations)
        .where(eq(reservations.id, r.reservationId));
      expect(reservation!.status).toBe('cancelled');
    });
  });

  describe('browsing', () => {
    it('lists only live offers of verified venues, nearest first when a location is shared', async () => {
      const isolated = await createTestDatabase();
      try {
        const d = isolated.db;
        const now = new Date();
        const near = await verifiedVenue(d, { name: 'Near', latitude: 52.52, longitude: 13.405 });
        const far = await verifiedVenue(d, { name: 'Far', latitude: 52.4, longitude: 13.1 });
        const nearOffer = await liveOffer(d, near.ownerId, { now, title: 'Near bag' });
        const farOffer = await liveOffer(d, far.ownerId, { now, title: 'Far bag' });
        const paused = await liveOffer(d, near.ownerId, { now, title: 'Paused bag' });
        await transitionOffer(d, {
          idempotencyKey: newKey(),
          offerId: paused.id,
          ownerId: near.ownerId,
          action: 'pause',
          now,
        });
        const sold = await liveOffer(d, far.ownerId, { now, title: 'Sold bag' });
        await transitionOffer(d, {
          idempotencyKey: newKey(),
          offerId: sold.id,
          ownerId: far.ownerId,
          action: 'sold_out',
          now,
        });
        await createOffer(d, {
          ownerId: near.ownerId,
          title: 'Draft bag',
          pickupStart: now,
          pickupEnd: new Date(now.getTime() + 3_600_000),
          items: defaultItems,
        });
        await registerVenue(d, {
          ownerId: 7777,
          ownerFirstName: 'U',
          name: 'Unverified',
          address: 'A',
          phone: '+1',
          description: '',
        });

        const listing = await browseOffers(d, {
          now,
          page: 0,
          location: { latitude: 52.521, longitude: 13.41 },
        });
        expect(listing.offers.map((o) => o.offerId)).toEqual([nearOffer.id, farOffer.id]);
        expect(listing.offers[0]!.distanceKm).toBeLessThan(1);
        const fromFar = await browseOffers(d, {
          now,
          page: 0,
          location: { latitude: 52.4, longitude: 13.1 },
        });
        expect(fromFar.offers.map((o) => o.offerId)).toEqual([farOffer.id, nearOffer.id]);
        const later = await browseOffers(d, { now: new Date(now.getTime() + 4 * 3_600_000), page: 0 });
        expect(later.total).toBe(0);
      } finally {
        await isolated.close();
      }
    });
  });

  it('keeps an audit trail of state changes with the actor', async () => {
    const rows = await db().select().from(auditLog).where(eq(auditLog.action, 'offer.publish'));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.actorId !== null)).toBe(true);
  });
});

void people;
