import { Composer } from 'telegraf';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { adminHelp } from '../texts/admin-help.js';
import { help } from '../texts/common.js';
import { menuTexts } from '../texts/menu.js';
import { visitorOf } from '../visitor.js';
import { menuFor } from './menu.js';

export const helpFeature = new Composer<BotContext>();

helpFeature.help(async (ctx) => {
  const visitor = await visitorOf(ctx);
  // Admins get the whole console, grouped (lib/bot/texts/admin-help.ts); the menu keeps one line per command.
  const text = visitor.role === 'admin' ? adminHelp() : help(visitor.role);
  // Issue 17: free text is a search, /menu brings the menu keyboard back, which comes with the answer.
  await ctx.reply(`${text}\n\n${menuTexts.helpLine}`, { ...html, ...menuFor(ctx, visitor) });
});
