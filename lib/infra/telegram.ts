import { Telegram, TelegramError } from 'telegraf';
import type { Config } from '../config.js';
import { TelegramUnreachableError } from '../errors.js';
import { TELEGRAM_CALL_TIMEOUT_MS } from '../limits.js';

/** `webhookReply: false`: Vercel ends work when the response ends, so every call must finish before it. */
export const telegramOptions = (config: Config) => ({
  apiRoot: config.telegramApiRoot,
  webhookReply: false,
});

/** A Bot API client for work outside an update (jobs, notifications, setup). */
export const createTelegram = (config: Config, token: string) =>
  markUnreachable(new Telegram(token, telegramOptions(config)));

/**
 * Telegram's own refusals arrive as TelegramError (a code and a description). Everything else — a reset
 * connection, DNS, a timeout — becomes TelegramUnreachableError, so it can't be mistaken for our database
 * being down (both surface as ECONNRESET and friends).
 */
export function markUnreachable<T extends Telegram>(telegram: T): T {
  const call = telegram.callApi.bind(telegram) as (
    m: string,
    p: unknown,
    o?: { signal?: AbortSignal },
  ) => Promise<unknown>;
  telegram.callApi = ((method: string, payload: unknown, options?: { signal?: AbortSignal }) =>
    call(method, payload, {
      ...options,
      // Long polling waits on purpose; every other call must answer well inside the handler's budget.
      signal:
        options?.signal ??
        (method === 'getUpdates' ? undefined : AbortSignal.timeout(TELEGRAM_CALL_TIMEOUT_MS)),
    }).catch((error: unknown) => {
      throw error instanceof TelegramError ? error : new TelegramUnreachableError(method, error);
    })) as T['callApi'];
  return telegram;
}
