import { Telegraf } from 'telegraf';
import type { Update, UserFromGetMe } from 'telegraf/types';

/**
 * The floor: a bare Telegraf bot configured as the app's (apiRoot, `webhookReply: false`, botInfo preset so
 * no `getMe`), with one handler replying a fixed text. It imports nothing of the app, so a cold start of it
 * loads Telegraf only.
 */
export function createBareBot(apiRoot: string, token: string) {
  const bot = new Telegraf(token, { telegram: { apiRoot, webhookReply: false } });
  bot.botInfo = {
    id: Number(token.split(':')[0]),
    is_bot: true,
    first_name: 'Bare',
    username: 'BareBot',
  } as UserFromGetMe;
  bot.use((ctx) => ctx.reply('Hello!'));
  return { bot, handle: (rawBody: string) => bot.handleUpdate(JSON.parse(rawBody) as Update) };
}
