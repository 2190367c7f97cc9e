import { Composer } from 'telegraf';
import { AppError } from '../../errors.js';
import { getVenueById, listPendingVenues } from '../../marketplace/venues.js';
import { buttonAction } from '../button-action.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { pagerKeyboard, reviewKeyboard } from '../keyboards/admin.js';
import { reject, verify } from '../review-actions.js';
import { REJECT_SCENE } from '../scenes/reject-reason.js';
import { adminTexts, venueCard } from '../texts/admin.js';
import { truncate } from '../truncate.js';

/** Admins vet venues: /pending, /verify <id>, /reject <id> <reason>, and the buttons under each card. */
export const adminFeature = new Composer<BotContext>();
const PAGE_SIZE = 5;

const isAdmin = (ctx: BotContext) => ctx.from !== undefined && ctx.deps.config.adminIds.includes(ctx.from.id);

/** Refuses non-admins before any admin handler runs; the callback is answered either way. */
const adminOnly =
  <C extends BotContext, A extends unknown[]>(handler: (ctx: C, ...rest: A) => Promise<unknown>) =>
  async (ctx: C, ...rest: A) => {
    if (!isAdmin(ctx)) {
      if (ctx.callbackQuery) await ctx.answerCbQuery(adminTexts.notAllowed);
      else await ctx.reply(adminTexts.notAllowed);
      return;
    }
    await handler(ctx, ...rest);
  };

async function showPending(ctx: BotContext, page: number) {
  const { items, total } = await listPendingVenues(ctx.deps.db, { page, pageSize: PAGE_SIZE });
  if (total === 0) return void (await ctx.reply(adminTexts.noPending));
  const pages = Math.ceil(total / PAGE_SIZE);
  await ctx.reply(adminTexts.pendingHeader(total, page, pages), { ...html, ...pagerKeyboard(page, pages) });
  for (const venue of items) {
    await ctx.reply(venueCard(venue, 'Waiting'), { ...html, ...reviewKeyboard(venue.id) });
  }
}

const idArgument = (text: string) => {
  const match = text.match(/^\/\w+(?:@\w+)?\s+(\d{1,15})(?:\s+([\s\S]+))?$/);
  return match ? { id: Number(match[1]), rest: match[2]?.trim() } : null;
};

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
