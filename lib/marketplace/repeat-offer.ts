import type { Db } from '../infra/db.js';
import { nextWindowLike } from './local-time.js';
import { createOffer, getOwnOffer, OFFER_LIMITS, type OfferWithItems } from './offers.js';

/**
 * "Repeat": a new draft like one of the venue's offers — the same title, description, photo and items (each
 * with the quantity it was posted with, the units sold included) — picked up at the same local times on the next
 * day whose window hasn't started. The owner edits it if they like, then publishes it. Only the venue's owner
 * may; a redelivered press (same key) returns the draft it created the first time.
 */
export async function repeatOffer(
  db: Db,
  input: { idempotencyKey: string; offerId: number; ownerId: number; now: Date; zone: string },
): Promise<OfferWithItems> {
  const source = await getOwnOffer(db, { offerId: input.offerId, ownerId: input.ownerId });
  const window = nextWindowLike(source.pickupStart, source.pickupEnd, input.now, input.zone);
  return createOffer(db, {
    idempotencyKey: input.idempotencyKey,
    ownerId: input.ownerId,
    title: source.title,
    description: source.description,
    photoFileId: source.photoFileId,
    pickupStart: window.start,
    pickupEnd: window.end,
    items: source.items.map((item) => ({
      name: item.name,
      originalPrice: item.originalPrice,
      price: item.price,
      // Sold out by hand leaves only what was reserved; a repeat still offers at least one.
      quantity: Math.min(OFFER_LIMITS.quantityMax, Math.max(OFFER_LIMITS.quantityMin, item.quantityTotal)),
      unitWeightGrams: item.unitWeightGrams,
    })),
  });
}
