import { Composer } from 'telegraf';
import { AppError } from '../../errors.js';
import { getOffer } from '../../marketplace/offers.js';
import { getVenueById } from '../../marketplace/venues.js';
import { adminOnly } from '../admin-only.js';
import { buttonAction } from '../button-action.js';
import { idArgument, isReason } from '../command-args.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { bar, reinstate, suspend, takeDown } from '../moderation-actions.js';
import { REASON_SCENE, type ReasonState } from '../scenes/admin-reason.js';
import { usage } from '../texts/admin-console.js';

/**
 * Admins act: /suspend <venue id> <reason>, /unsuspend <venue id>, /takedown <offer id> <reason>,
 * /block <user id> <reason>, /unblock <user id>, and the Suspend / Unsuspend / Take down buttons on a venue's
 * card (the ones that need a reason ask for it in the reason wizard). A malformed command gets its usage line
 * and changes nothing.
 */
export const adminModerationFeature = new Composer<BotContext>();

/** `/cmd <id> <reason>` with a reason of 3–300 characters; otherwise the admin is told what to send. */
async function withReason(ctx: BotContext, usageLine: string) {
  const args = idArgument(ctx.text ?? '');
  if (!args?.rest) return void (await ctx.reply(usageLine, html));
  if (!isReason(args.rest)) return void (await ctx.reply(usage.reasonLength));
  return { id: args.id, reason: args.rest };
}
/** `/cmd <id>` and nothing else. */
const idOnly = (text: string | undefined) => {
  const args = idArgument(text ?? '');
  return args && !args.rest ? args.id : null;
};

const commands = [
  {
    name: 'suspend',
    run: async (ctx: BotContext) => {
      const args = await withReason(ctx, usage.suspend);
      if (!args) return;
      await suspend(ctx, args.id, args.reason);
    },
  },
  {
    name: 'unsuspend',
    run: async (ctx: BotContext) => {
      const venueId = idOnly(ctx.text);
      if (venueId === null) return void (await ctx.reply(usage.unsuspend, html));
      await reinstate(ctx, venueId);
    },
  },
  {
    name: 'takedown',
    run: async (ctx: BotContext) => {
      const args = await withReason(ctx, usage.takedown);
      if (!args) return;
      await takeDown(ctx, args.id, args.reason);
    },
  },
  {
    name: 'block',
    run: async (ctx: BotContext) => {
      const args = await withReason(ctx, usage.block);
      if (!args) return;
      await bar(ctx, args.id, args.reason);
    },
  },
  {
    name: 'unblock',
    run: async (ctx: BotContext) => {
      const userId = idOnly(ctx.text);
      if (userId === null) return void (await ctx.reply(usage.unblock, html));
      await bar(ctx, userId, null);
    },
  },
];

for (const { name, run } of commands) adminModerationFeature.command(name, adminOnly(run));

const askReason = async (ctx: BotContext, state: ReasonState) => {
  await ctx.answerCbQuery();
  await ctx.scene.enter(REASON_SCENE, state);
};

buttonAction(
  adminModerationFeature,
  'venue:suspend',
  adminOnly(async (ctx, [venueId]) => {
    const venue = await getVenueById(ctx.deps.db, venueId);
    if (!venue) throw new AppError({ code: 'venue.not_found' });
    // Said before the admin types a reason that could not be used.
    if (venue.status !== 'verified')
      throw new AppError({ code: 'venue.wrong_state', status: venue.status, to: 'suspended' });
    await askReason(ctx, { action: 'suspend', id: venue.id, name: venue.name });
  }),
);

buttonAction(
  adminModerationFeature,
  'venue:unsuspend',
  adminOnly(async (ctx, [venueId]) => {
    await ctx.answerCbQuery();
    await reinstate(ctx, venueId);
  }),
);

buttonAction(
  adminModerationFeature,
  'offer:takedown',
  adminOnly(async (ctx, [offerId]) => {
    const offer = await getOffer(ctx.deps.db, offerId);
    if (!offer) throw new AppError({ code: 'offer.not_found' });
    if (offer.status === 'expired' || offer.status === 'withdrawn')
      throw new AppError({ code: 'offer.already_ended', status: offer.status });
    await askReason(ctx, { action: 'takedown', id: offer.id, name: offer.title });
  }),
);
