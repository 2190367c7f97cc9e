import type { Redis } from '@upstash/redis';

/**
 * Telegram delivers about 30 messages a second per bot, overall. Bulk sends (new-deal alerts, reminders) share
 * BULK_PER_SECOND of them through a counter per clock second in Redis, whichever job or function sends; the
 * rest stays free for replies to people, which never wait. A 429 pauses all bulk sending until its
 * `retry_after` has passed.
 */
export const BULK_PER_SECOND = 25;

const budgetKey = (second: number) => `send:budget:${second}`;
const PAUSE_KEY = 'send:paused-until';

/** Takes up to `want` sends from this second's budget; returns how many may go now. */
export async function takeSendBudget(redis: Redis, now: Date, want: number): Promise<number> {
  if (want <= 0) return 0;
  const key = budgetKey(Math.floor(now.getTime() / 1000));
  try {
    const used = await redis.incrby(key, want);
    if (used === want) await redis.expire(key, 10);
    return Math.max(0, Math.min(want, BULK_PER_SECOND - (used - want)));
  } catch {
    // Without Redis this run can't know what others send; it keeps to the budget on its own.
    return Math.min(want, BULK_PER_SECOND);
  }
}

/** After a 429: no bulk send until `until`. */
export async function pauseSending(redis: Redis, now: Date, until: Date): Promise<void> {
  const ttlMs = Math.max(1000, until.getTime() - now.getTime()) + 60_000;
  await redis.set(PAUSE_KEY, String(until.getTime()), { px: ttlMs }).catch(() => {});
}

/** When bulk sending may resume, or null when it isn't paused. */
export async function sendingPausedUntil(redis: Redis, now: Date): Promise<Date | null> {
  const value = await redis.get<string | number>(PAUSE_KEY).catch(() => null);
  const until = value == null ? Number.NaN : Number(value);
  return Number.isFinite(until) && until > now.getTime() ? new Date(until) : null;
}
