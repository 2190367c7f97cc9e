import type { Db } from '../../lib/infra/db.js';
import { transitionOffer } from '../../lib/marketplace/offer-transitions.js';
import { createOffer } from '../../lib/marketplace/offers.js';
import { registerVenue, reviewVenue } from '../../lib/marketplace/venues.js';
import type { UpdateFactory } from './updates.js';

interface SeededOffer {
  id: number;
  ownerId: number;
  itemIds: number[];
}

export interface Marketplace {
  adminId: number;
  owners: number[];
  offers: SeededOffer[];
}

/** Person numbers of the seeded venue owners and the admin; customers use the numbers above these. */
const OWNER_BASE = 900_000;
const ADMIN_NUMBER = 999_999;

/**
 * A small city: `venues` verified venues (half with a map pin), each with `offersPerVenue` live offers of
 * three items with plenty of stock, pickup windows ending over the next hours. Built with the domain
 * functions, as the bot would build it.
 */
export async function seedMarketplace(
  db: Db,
  ids: UpdateFactory,
  { venues = 4, offersPerVenue = 3, now = new Date() } = {},
): Promise<Marketplace> {
  const adminId = ids.person(ADMIN_NUMBER).id;
  const owners: number[] = [];
  const offers: SeededOffer[] = [];
  for (let v = 0; v < venues; v++) {
    const ownerId = ids.person(OWNER_BASE + v).id;
    owners.push(ownerId);
    const pinned = v % 2 === 0;
    const venue = await registerVenue(db, {
      ownerId,
      ownerFirstName: 'Owner',
      name: `Bakery ${v + 1}`,
      address: `${v + 1} Main Street`,
      latitude: pinned ? 52.52 + v / 100 : null,
      longitude: pinned ? 13.4 + v / 100 : null,
      phone: '+49 30 1234567',
      description: 'Fresh bread and pastries',
    });
    await reviewVenue(db, { venueId: venue.id, adminId, decision: 'verify' });
    for (let o = 0; o < offersPerVenue; o++) {
      const offer = await createOffer(db, {
        ownerId,
        title: `Evening rescue bag ${o + 1}`,
        description: 'A mix of what is left at closing time.',
        pickupStart: new Date(now.getTime() - 60_000),
        pickupEnd: new Date(now.getTime() + (2 + v + o) * 3_600_000),
        items: [
          { name: 'Bread bag', originalPrice: 1000, price: 350, quantity: 999 },
          { name: 'Pastry box', originalPrice: 1200, price: 500, quantity: 999 },
          { name: 'Sandwich', originalPrice: 650, price: 300, quantity: 999 },
        ],
      });
      await transitionOffer(db, {
        idempotencyKey: `bench:publish:${offer.id}`,
        offerId: offer.id,
        ownerId,
        action: 'publish',
        now,
      });
      offers.push({ id: offer.id, ownerId, itemIds: offer.items.map((item) => item.id) });
    }
  }
  return { adminId, owners, offers };
}
