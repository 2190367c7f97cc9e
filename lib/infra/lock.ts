import { randomUUID } from 'node:crypto';
import type { Redis } from '@upstash/redis';

/**
 * A short lock per resource (`SET key token NX PX ms`, released by compare-and-delete so a holder whose
 * lock expired never frees someone else's). It serialises a hot offer for efficiency; Postgres stays the
 * source of truth, so correctness never depends on it.
 */
const releaseScript = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

export interface Lock {
  key: string;
  token: string;
  release(): Promise<boolean>;
}

export async function tryLock(redis: Redis, key: string, ttlMs: number): Promise<Lock | null> {
  const token = randomUUID();
  const acquired = await redis.set(key, token, { nx: true, px: ttlMs });
  if (acquired !== 'OK') return null;
  return {
    key,
    token,
    release: async () => (await redis.eval(releaseScript, [key], [token])) === 1,
  };
}

/** Waits for the lock a bounded number of times, with jitter, then gives up (returns null). */
export async function acquireLock(
  redis: Redis,
  key: string,
  {
    ttlMs = 5_000,
    attempts = 20,
    delayMs = 25,
  }: { ttlMs?: number; attempts?: number; delayMs?: number } = {},
): Promise<Lock | null> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const lock = await tryLock(redis, key, ttlMs);
    if (lock) return lock;
    await new Promise((resolve) => setTimeout(resolve, delayMs + Math.random() * delayMs));
  }
  return null;
}

export const offerLockKey = (offerId: number) => `lock:offer:${offerId}`;
