import type { Redis } from '@upstash/redis';
import { SessionUnavailableError } from '../errors.js';

/** Conversation state (wizard steps, a shared location) lives in Redis with a TTL, never in Postgres. */
const SESSION_TTL_SECONDS = 60 * 60 * 24 * 3;

interface SessionStore<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T): Promise<unknown>;
  delete(key: string): Promise<unknown>;
}

/**
 * How long a primed read waits for its update's session middleware, which asks one Redis round trip after
 * the prime. An older one was left by an update that never read the session (a handler that answered
 * before the session middleware); it is dropped rather than served to a later update as stale state.
 */
export const PRIMED_READ_MS = 2_000;

/**
 * A Redis session store that can be primed: the webhook starts the session read in the same tick as the
 * update claim and the rate limit, so the auto-pipeline sends all three in one round trip; the bot's
 * session middleware then picks up the primed read instead of asking again.
 *
 * A primed read belongs to the update it was started for. A new prime replaces an unconsumed one (the
 * newer read is never staler), a write drops it, and one older than PRIMED_READ_MS is never served, so an
 * update that doesn't read the session can't hand its read to the person's next update.
 */
export class RedisSessionStore<T> implements SessionStore<T> {
  /** In priming order (a re-prime moves to the end), so expired reads are pruned from the front. */
  private readonly primed = new Map<string, { read: Promise<T | undefined>; at: number }>();
  /** Each session object as it was read, so one that comes back unchanged is not written again. */
  private readonly asRead = new WeakMap<object, string>();

  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds = SESSION_TTL_SECONDS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  private redisKey(key: string) {
    return `session:${key}`;
  }

  prime(key: string): void {
    const at = this.now();
    for (const [stale, { at: primedAt }] of this.primed) {
      if (at - primedAt <= PRIMED_READ_MS) break;
      this.primed.delete(stale);
    }
    this.primed.delete(key);
    const read = this.read(key);
    read.catch(() => {}); // a failure is reported to whoever consumes it
    this.primed.set(key, { read, at });
  }

  /** Drops a primed read that no handler consumed (e.g. the update was a duplicate). */
  forget(key: string): void {
    this.primed.delete(key);
  }

  get(key: string): Promise<T | undefined> {
    const primed = this.primed.get(key);
    this.primed.delete(key);
    if (primed && this.now() - primed.at <= PRIMED_READ_MS) return primed.read;
    return this.read(key);
  }

  // A failed read is marked SessionUnavailableError: the bot asks the user to try again (lib/bot/error-reply.ts).
  // GETEX, not GET: @upstash/redis's auto-pipeline sends reads (GET) and writes as two concurrent requests,
  // and GETEX counts as a write, so the read rides in the one request with the claim and the rate-limit
  // script. It also slides the session's expiry on every visit.
  private async read(key: string): Promise<T | undefined> {
    try {
      const value = (await this.redis.getex<T>(this.redisKey(key), { ex: this.ttlSeconds })) ?? undefined;
      if (typeof value === 'object' && value !== null) this.asRead.set(value, JSON.stringify(value));
      return value;
    } catch (error) {
      throw new SessionUnavailableError(error);
    }
  }

  // A failed write happens after the handler already answered: telling the user "try again" then would
  // invite a second reservation. The step is lost at worst; the wizard re-asks on the next message.
  // Telegraf writes back every session a handler looked at; most come back unchanged, and GETEX has already
  // slid their expiry, so those cost no request.
  set(key: string, value: T) {
    this.primed.delete(key); // read before this write: a later update must not be served it
    if (typeof value === 'object' && value !== null) {
      const json = JSON.stringify(value);
      if (this.asRead.get(value) === json) return Promise.resolve('OK' as const);
      this.asRead.set(value, json);
    }
    return this.redis.set(this.redisKey(key), value, { ex: this.ttlSeconds }).catch(() => null);
  }

  delete(key: string) {
    this.primed.delete(key);
    return this.redis.del(this.redisKey(key)).catch(() => 0);
  }
}
