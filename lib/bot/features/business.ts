import { Composer } from 'telegraf';
import { getBusinessByOwner } from '../../marketplace/businesses.js';
import type { BotContext } from '../context.js';
import { REGISTER_SCENE } from '../scenes/register.js';
import { alreadyRegistered } from '../texts/business.js';

/** `/register` starts the venue wizard, or shows the venue's status to someone who already registered. */
export const businessFeature = new Composer<BotContext>();

businessFeature.command('register', async (ctx) => {
  const existing = await getBusinessByOwner(ctx.deps.db, ctx.from.id);
  if (existing) return void (await ctx.reply(alreadyRegistered(existing), { parse_mode: 'HTML' }));
  await ctx.scene.enter(REGISTER_SCENE);
});
