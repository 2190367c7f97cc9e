import { Composer } from 'telegraf';
import { getVenueByOwner } from '../../marketplace/venues.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { REGISTER_SCENE, resumeRegistration } from '../scenes/register.js';
import { alreadyRegistered } from '../texts/venue.js';

/** `/register` starts the venue wizard, or shows the venue's status to someone who already registered. */
export const venueFeature = new Composer<BotContext>();

venueFeature.command('register', async (ctx) => {
  const existing = await getVenueByOwner(ctx.deps.db, ctx.from.id);
  // An admin asked for changes (issue 16) or rejected it (issue 15): the registration resumes with the current
  // answers, to fix what the admin said and send it for review again.
  if (existing?.status === 'changes_requested' || existing?.status === 'rejected') {
    return resumeRegistration(ctx, existing);
  }
  if (existing) return void (await ctx.reply(alreadyRegistered(existing), html));
  await ctx.scene.enter(REGISTER_SCENE);
});
