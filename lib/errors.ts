/**
 * Typed errors: a code the bot maps to a friendly line (lib/bot/texts.ts), and a flag for outages
 * (database or Redis unreachable) that the webhook turns into 503 so Telegram retries later.
 */
export type AppErrorCode =
  | 'not_found'
  | 'not_allowed'
  | 'invalid_input'
  | 'invalid_transition'
  | 'conflict'
  | 'limit_reached'
  | 'rate_limited';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    /** A short reason safe to show the user (already in plain words). */
    readonly reason?: string,
  ) {
    super(reason ?? code);
    this.name = 'AppError';
  }
}

export class OutageError extends Error {
  constructor(
    readonly service: 'database' | 'redis' | 'telegram',
    cause: unknown,
  ) {
    super(`${service} unavailable`, { cause });
    this.name = 'OutageError';
  }
}

/**
 * Telegram could not be reached, or did not answer in time. Not an outage of ours: after a commit it must
 * never turn into a 503 (the change happened; the outbox delivers what must arrive).
 */
export class TelegramUnreachableError extends Error {
  constructor(
    readonly method: string,
    cause: unknown,
  ) {
    super(`Telegram ${method} unreachable`, { cause });
    this.name = 'TelegramUnreachableError';
  }
}

/**
 * The handler ran out of time: the write may or may not have committed. The webhook answers 503 so Telegram
 * redelivers, and the idempotency record turns the retry into the first outcome (or the first attempt).
 */
export class OutcomeUnknownError extends Error {
  constructor(cause: unknown) {
    super('outcome unknown', { cause });
    this.name = 'OutcomeUnknownError';
  }
}

const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  '57P01', // admin_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '08000',
  '08001',
  '08003',
  '08006',
]);

/** True when an error means "a store is unreachable" rather than "our code is wrong". */
export function isOutage(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 6; depth++) {
    if (e instanceof OutageError) return e.service !== 'telegram';
    if (e instanceof TelegramUnreachableError) return false;
    const record = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof record.code === 'string' && networkCodes.has(record.code)) return true;
    if (
      typeof record.message === 'string' &&
      /fetch failed|Connection terminated|connect ECONNREFUSED|Connection is closed|timeout exceeded when trying to connect|Stream isn't writeable|max retries/i.test(
        record.message,
      )
    ) {
      return true;
    }
    e = record.cause;
  }
  return false;
}
