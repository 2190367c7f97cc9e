import { Ratelimit } from '@upstash/ratelimit';
import type { Redis } from '@upstash/redis';

interface RateLimitVerdict {
  allowed: boolean;
  /** When the window resets (epoch ms). */
  resetAt: number;
}

export interface RateLimiter {
  check(identifier: string): Promise<RateLimitVerdict>;
}

/**
 * A sliding-window limit on @upstash/ratelimit. If Redis does not answer within `timeoutMs` the request
 * is allowed: a slow limiter must not take the bot down with it.
 */
export function createRateLimiter(
  redis: Redis,
  options: { prefix: string; maxRequests: number; windowSeconds: number; timeoutMs?: number },
): RateLimiter {
  const limiter = new Ratelimit({
    redis,
    prefix: options.prefix,
    limiter: Ratelimit.slidingWindow(options.maxRequests, `${options.windowSeconds} s`),
    analytics: false,
    timeout: options.timeoutMs ?? 1_000,
  });
  return {
    async check(identifier) {
      try {
        const result = await limiter.limit(identifier);
        return { allowed: result.success, resetAt: result.reset };
      } catch {
        return { allowed: true, resetAt: Date.now() }; // fail open, as with a timeout
      }
    },
  };
}

/** True the first time it is asked within a window, so a limited user hears "slow down" once. */
export async function firstNoticeInWindow(redis: Redis, key: string, resetAt: number): Promise<boolean> {
  const ttl = Math.max(1_000, resetAt - Date.now());
  return (await redis.set(`notice:${key}`, 1, { nx: true, px: ttl })) === 'OK';
}
