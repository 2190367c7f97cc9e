import { Composer } from 'telegraf';
import { AppError } from '../../errors.js';
import { findVenues } from '../../marketplace/find-venues.js';
import { getVenueById } from '../../marketplace/venues.js';
import { adminOnly } from '../admin-only.js';
import { buttonAction } from '../button-action.js';
import { idArgument } from '../command-args.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { pagerKeyboard, reviewKeyboard } from '../keyboards/admin.js';
import { reject, verify } from '../review-actions.js';
import { REASON_SCENE } from '../scenes/admin-reason.js';
import { REJECT_SCENE } from '../scenes/reject-reason.js';
import { adminTexts, cardHeadings } from '../texts/admin.js';
import { truncate } from '../truncate.js';
import { sendVenueCard } from '../venue-card.js';

/**
 * Admins vet venues: /pending, /verify <id>, /reject <id> <reason>, and the buttons under each card (Verify,
 * Reject, Request changes). The rest of the console: admin-venues.ts, admin-moderation.ts, admin-insight.ts.
 */
export const adminFeature = new Composer<BotContext>();
const PAGE_SIZE = 5;

async function showPending(ctx: BotContext, page: number) {
  const { items, total } = await findVenues(ctx.deps.db, { status: 'pending', page, pageSize: PAGE_SIZE });
  if (total === 0) return void (await ctx.reply(adminTexts.noPending));
  const pages = Math.ceil(total / PAGE_SIZE);
  await ctx.reply(adminTexts.pendingHeader(total, page, pages), { ...html, ...pagerKeyboard(page, pages) });
  for (const card of items) {
    await sendVenueCard(ctx.deps, ctx.telegram, ctx.chat!.id, card, {
      heading: cardHeadings.waiting,
      keyboard: reviewKeyboard(card.venue.id),
    });
  }
}

adminFeature.command(
  'pending',
  adminOnly((ctx) => showPending(ctx, 0)),
);

adminFeature.command(
  'verify',
  adminOnly(async (ctx) => {
    const args = idArgument(ctx.text ?? '');
    if (!args) return void (await ctx.reply(adminTexts.verifyUsage, html));
    await verify(ctx, args.id);
  }),
);

adminFeature.command(
  'reject',
  adminOnly(async (ctx) => {
    const args = idArgument(ctx.text ?? '');
    if (!args?.rest || args.rest.length < 3) return void (await ctx.reply(adminTexts.rejectUsage, html));
    await reject(ctx, args.id, truncate(args.rest, 300));
  }),
);

buttonAction(
  adminFeature,
  'venue:pending',
  adminOnly(async (ctx, [page]) => {
    await ctx.answerCbQuery();
    await showPending(ctx, page);
  }),
);

buttonAction(
  adminFeature,
  'venue:verify',
  adminOnly(async (ctx, [venueId]) => {
    await ctx.answerCbQuery();
    await verify(ctx, venueId);
  }),
);

buttonAction(
  adminFeature,
  'venue:reject',
  adminOnly(async (ctx, [venueId]) => {
    const venue = await getVenueById(ctx.deps.db, venueId);
    if (!venue) throw new AppError({ code: 'venue.not_found' });
    await ctx.answerCbQuery();
    await ctx.scene.enter(REJECT_SCENE, { venueId: venue.id, name: venue.name });
  }),
);

buttonAction(
  adminFeature,
  'venue:changes',
  adminOnly(async (ctx, [venueId]) => {
    const venue = await getVenueById(ctx.deps.db, venueId);
    if (!venue) throw new AppError({ code: 'venue.not_found' });
    // Said before the admin types a note that could not be used.
    if (venue.status !== 'pending')
      throw new AppError({ code: 'venue.wrong_state', status: venue.status, to: 'changes_requested' });
    await ctx.answerCbQuery();
    await ctx.scene.enter(REASON_SCENE, { action: 'changes', id: venue.id, name: venue.name });
  }),
);
