import { Composer } from 'telegraf';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { welcome } from '../texts/common.js';
import { visitorOf } from '../visitor.js';
import { menuFor } from './menu.js';

/** `/start` greets by role. Deep links (`/start offer_42`) are handled by the feature that owns them. */
export const startFeature = new Composer<BotContext>();

startFeature.start(async (ctx, next) => {
  if (ctx.payload) return next();
  const visitor = await visitorOf(ctx);
  // Issue 17: with the menu keyboard of their role (unless they hid it).
  await ctx.reply(welcome(ctx.from.first_name, visitor), { ...html, ...menuFor(ctx, visitor) });
});
