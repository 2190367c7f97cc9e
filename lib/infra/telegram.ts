import { Telegram } from 'telegraf';
import type { Config } from '../config.js';

/** `webhookReply: false`: Vercel ends work when the response ends, so every call must finish before it. */
export const telegramOptions = (config: Config) => ({
  apiRoot: config.telegramApiRoot,
  webhookReply: false,
});

/** A Bot API client for work outside an update (jobs, notifications, setup). */
export const createTelegram = (config: Config, token: string) => new Telegram(token, telegramOptions(config));
