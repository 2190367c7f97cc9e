import type { Config } from '../config.js';

/** The bot's @username when BOT_USERNAME is unset (share links must name some bot). */
export const DEFAULT_BOT_USERNAME = 'SurplusFoodBot';

const botUsername = (config: Pick<Config, 'botUsername'>) => config.botUsername ?? DEFAULT_BOT_USERNAME;

/** The bot's chat: `t.me/<bot>`. */
export const botLink = (config: Pick<Config, 'botUsername'>) => `https://t.me/${botUsername(config)}`;

/** `t.me/<bot>?start=offer_42`: opens the offer's card in the bot (lib/bot/features/browse.ts reads it). */
export const offerLink = (config: Pick<Config, 'botUsername'>, offerId: number) =>
  `https://t.me/${botUsername(config)}?start=offer_${offerId}`;

/** Telegram's share dialog, with the link and a line of text filled in. */
export const shareDialogLink = (url: string, text: string) =>
  `https://t.me/share/url?url=${encodeURIComponent(url)}&text=${encodeURIComponent(text)}`;
