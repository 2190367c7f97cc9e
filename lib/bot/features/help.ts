import { Composer } from 'telegraf';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { adminHelp } from '../texts/admin-help.js';
import { help } from '../texts/common.js';
import { visitorOf } from '../visitor.js';

export const helpFeature = new Composer<BotContext>();

helpFeature.help(async (ctx) => {
  const visitor = await visitorOf(ctx);
  // Admins get the whole console, grouped (lib/bot/texts/admin-help.ts); the menu keeps one line per command.
  await ctx.reply(visitor.role === 'admin' ? adminHelp() : help(visitor.role), html);
});
