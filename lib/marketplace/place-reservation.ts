import type { Redis } from '@upstash/redis';
import { acquireLock, offerLockKey } from '../infra/lock.js';
import { type Reservation, reserve } from './purchases.js';

/**
 * A reservation as the bot makes it: a short Redis lock per offer queues buyers of a hot offer instead of
 * letting them all hit the same rows at once; the single SQL statement in `reserve` is the real guarantee,
 * so when the lock can't be had (contention past the wait, or Redis down) we go ahead without it.
 */
export async function placeReservation(
  redis: Redis,
  db: Parameters<typeof reserve>[0],
  input: Parameters<typeof reserve>[1],
): Promise<Reservation> {
  const lock = await acquireLock(redis, offerLockKey(input.offerId), {
    ttlMs: 3_000,
    attempts: 40,
    delayMs: 15,
  }).catch(() => null);
  try {
    return await reserve(db, input);
  } finally {
    await lock?.release().catch(() => {});
  }
}
