import { Composer, Markup } from 'telegraf';
import type { Venue } from '../../../db/schema.js';
import { AppError } from '../../errors.js';
import { venueZone } from '../../marketplace/time-zones.js';
import { seatOf } from '../../marketplace/venue-access.js';
import { reviewVenueChange, venueTeamCounts } from '../../marketplace/venue-profile.js';
import { getVenueByOwner } from '../../marketplace/venues.js';
import { acknowledge, showInPlace } from '../after-commit.js';
import { buttonAction } from '../button-action.js';
import { encodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { onlinePaymentButton } from '../keyboards/payments.js';
import { notifyUser, notifyUsers } from '../notify.js';
import { VENUE_EDIT_SCENE } from '../scenes/venue-edit.js';
import { adminTexts } from '../texts/admin.js';
import { venuePaymentTexts } from '../texts/payments.js';
import { venueZoneTexts } from '../texts/time-zones.js';
import { profileButtons as b, changeReviewTexts, profileTexts as t } from '../texts/venue-profile.js';

/**
 * /venue: the owner's profile card, with a button per field (name and address go to an admin's review while
 * everything keeps running), and the doors to staff, drops, offers and reservations. Staff see where they work.
 * Admins approve or revert a name/address change from the card they are sent.
 */
export const venueProfileFeature = new Composer<BotContext>();
const button = Markup.button.callback;

/** The profile card of the caller's venue, or a line saying why there is none. */
export async function venueProfileView(ctx: BotContext) {
  const seat = await seatOf(ctx.deps.db, ctx.from!.id);
  if (!seat) return { text: t.notAtVenue, extra: {} };
  if (seat.role === 'staff') return { text: t.staffCard(seat.venue), extra: html };
  const venue = (await getVenueByOwner(ctx.deps.db, ctx.from!.id))!;
  const counts = await venueTeamCounts(ctx.deps.db, venue.id);
  const edit = (field: 'name' | 'address' | 'location' | 'phone' | 'description' | 'photo') =>
    button(b[field], encodeCallback('venue:edit', field));
  // Issue 17: the zone its pickup times are typed and shown in, above the card's closing line.
  const zone = venueZoneTexts.line(venueZone(venue, ctx.deps.config), venue.timeZone !== null);
  // Issue 18: online payment is a switch here, only on a deployment that takes payments.
  const payments = ctx.deps.config.payments !== undefined;
  const paymentLine = payments ? `\n${venuePaymentTexts.cardLine(venue.acceptsOnlinePayment)}` : '';
  const card = t.card(venue, counts.staff, counts.drops);
  const end = card.lastIndexOf('\n\n');
  return {
    text:
      end < 0
        ? `${card}\n${zone}${paymentLine}`
        : `${card.slice(0, end)}\n${zone}${paymentLine}${card.slice(end)}`,
    extra: {
      ...html,
      ...Markup.inlineKeyboard([
        [edit('name'), edit('address'), edit('location')],
        [edit('phone'), edit('description'), edit('photo')],
        [button(b.staff, encodeCallback('staff:list')), button(b.drops, encodeCallback('drops:list'))],
        [
          button(b.offers, encodeCallback('offers:mine', 'live', 0)),
          button(b.desk, encodeCallback('desk:day')),
        ],
        ...(payments ? [[onlinePaymentButton(venue.acceptsOnlinePayment)]] : []),
      ]),
    },
  };
}

// An admin's `/venue <id>` is theirs (admin-venues.ts); a bare /venue is the caller's own.
venueProfileFeature.command('venue', async (ctx, next) => {
  if (ctx.payload.trim()) return next();
  const view = await venueProfileView(ctx);
  await ctx.reply(view.text, view.extra);
});

buttonAction(venueProfileFeature, 'venue:profile', async (ctx) => {
  const view = await venueProfileView(ctx);
  await ctx.answerCbQuery();
  await showInPlace(ctx, view.text, view.extra);
});

buttonAction(venueProfileFeature, 'venue:edit', async (ctx, [field]) => {
  const seat = await seatOf(ctx.deps.db, ctx.from.id);
  if (!seat) return void (await ctx.answerCbQuery(t.notAtVenue));
  // Staff are told it is the owner's to do (the error boundary's words for it).
  if (seat.role !== 'owner') throw new AppError({ code: 'venue.owner_only' });
  await ctx.answerCbQuery();
  await ctx.scene.enter(VENUE_EDIT_SCENE, { field });
});

/** Every admin gets the change, with Approve / Revert; the venue keeps selling meanwhile. */
export async function notifyAdminsOfChange(
  ctx: BotContext,
  venue: Venue,
  approved: { name: string; address: string },
) {
  // Each admin in their own language (issue 17), the buttons' labels too.
  await notifyUsers(ctx.deps, ctx.telegram, ctx.deps.config.adminIds, () => ({
    text: changeReviewTexts.card(venue, approved),
    extra: Markup.inlineKeyboard([
      [
        button(changeReviewTexts.approveButton, encodeCallback('change:approve', venue.id)),
        button(changeReviewTexts.revertButton, encodeCallback('change:revert', venue.id)),
      ],
    ]),
  }));
}

for (const decision of ['approve', 'revert'] as const) {
  buttonAction(venueProfileFeature, `change:${decision}`, async (ctx, [venueId]) => {
    if (!ctx.deps.config.adminIds.includes(ctx.from.id))
      return void (await ctx.answerCbQuery(adminTexts.notAllowed));
    const venue = await reviewVenueChange(ctx.deps.db, { venueId, adminId: ctx.from.id, decision });
    ctx.log.info('venue_change_reviewed', { venue_id: venue.id, decision });
    await acknowledge(ctx);
    if (decision === 'revert') {
      await notifyUser(ctx.deps, ctx.telegram, venue.ownerId, () => changeReviewTexts.ownerReverted(venue));
    }
    await showInPlace(
      ctx,
      decision === 'approve' ? changeReviewTexts.approved(venue) : changeReviewTexts.reverted(venue),
      html,
    );
  });
}
