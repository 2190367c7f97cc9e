import { Composer } from 'telegraf';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { help } from '../texts/common.js';
import { visitorOf } from '../visitor.js';

export const helpFeature = new Composer<BotContext>();

helpFeature.help(async (ctx) => {
  const visitor = await visitorOf(ctx);
  await ctx.reply(help(visitor.role), html);
});
