import type { Redis } from '@upstash/redis';
import { OutageError } from '../errors.js';

/** Conversation state (wizard steps, a shared location) lives in Redis with a TTL, never in Postgres. */
export const SESSION_TTL_SECONDS = 60 * 60 * 24 * 3;

export interface SessionStore<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T): Promise<unknown>;
  delete(key: string): Promise<unknown>;
}

/**
 * A Redis session store that can be primed: the webhook starts the session read in the same tick as the
 * update claim and the rate limit, so the auto-pipeline sends all three in one round trip; the bot's
 * session middleware then picks up the primed read instead of asking again.
 */
export class RedisSessionStore<T> implements SessionStore<T> {
  private readonly primed = new Map<string, Promise<T | undefined>>();
  /** Each session object as it was read, so one that comes back unchanged is not written again. */
  private readonly asRead = new WeakMap<object, string>();

  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds = SESSION_TTL_SECONDS,
  ) {}

  private redisKey(key: string) {
    return `session:${key}`;
  }

  prime(key: string): void {
    if (this.primed.has(key)) return;
    const read = this.read(key);
    read.catch(() => {}); // a failure is reported to whoever consumes it
    this.primed.set(key, read);
  }

  /** Drops a primed read that no handler consumed (e.g. the update was a duplicate). */
  forget(key: string): void {
    this.primed.delete(key);
  }

  get(key: string): Promise<T | undefined> {
    const primed = this.primed.get(key);
    if (primed) {
      this.primed.delete(key);
      return primed;
    }
    return this.read(key);
  }

  // A failed read is marked as a Redis outage: the bot asks the user to try again (see bot.catch).
  // GETEX, not GET: @upstash/redis's auto-pipeline sends reads (GET) and writes as two concurrent requests,
  // and GETEX counts as a write, so the read rides in the one request with the claim and the rate-limit
  // script. It also slides the session's expiry on every visit.
  private async read(key: string): Promise<T | undefined> {
    try {
      const value = (await this.redis.getex<T>(this.redisKey(key), { ex: this.ttlSeconds })) ?? undefined;
      if (typeof value === 'object' && value !== null) this.asRead.set(value, JSON.stringify(value));
      return value;
    } catch (error) {
      throw new OutageError('redis', error);
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
