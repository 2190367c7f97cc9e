import type { Db } from '../../lib/infra/db.js';
import { transitionOffer } from '../../lib/marketplace/offer-transitions.js';
import { createOffer, type ItemDraft, type OfferWithItems } from '../../lib/marketplace/offers.js';
import { registerVenue, reviewVenue } from '../../lib/marketplace/venues.js';
import { newKey } from './keys.js';
import { people } from './updates.js';

let nextOwner = 50_000;

/** A verified venue (owner ids are unique per call unless given). */
export async function verifiedVenue(
  db: Db,
  options: { ownerId?: number; name?: string; latitude?: number; longitude?: number } = {},
) {
  const ownerId = options.ownerId ?? nextOwner++;
  const venue = await registerVenue(db, {
    ownerId,
    ownerFirstName: 'Owner',
    name: options.name ?? `Bakery ${ownerId}`,
    address: '1 Main Street',
    latitude: options.latitude ?? null,
    longitude: options.longitude ?? null,
    phone: '+49 30 1234567',
    description: 'Fresh bread',
  });
  await reviewVenue(db, { venueId: venue.id, adminId: people.admin.id, decision: 'verify' });
  return { ...venue, status: 'verified' as const, ownerId };
}

export const defaultItems: ItemDraft[] = [
  { name: 'Bread bag', originalPrice: 1000, price: 350, quantity: 4 },
  { name: 'Pastry box', originalPrice: 1200, price: 500, quantity: 3 },
];

/** A published offer whose pickup window is open for `hours` more hours from `now`. */
export async function liveOffer(
  db: Db,
  ownerId: number,
  options: { now?: Date; hours?: number; items?: ItemDraft[]; title?: string } = {},
): Promise<OfferWithItems> {
  const now = options.now ?? new Date();
  const offer = await createOffer(db, {
    ownerId,
    title: options.title ?? 'Evening rescue bag',
    pickupStart: new Date(now.getTime() - 60_000),
    pickupEnd: new Date(now.getTime() + (options.hours ?? 3) * 3_600_000),
    items: options.items ?? defaultItems,
  });
  await transitionOffer(db, { idempotencyKey: newKey(), offerId: offer.id, ownerId, action: 'publish', now });
  return { ...offer, status: 'active' };
}
