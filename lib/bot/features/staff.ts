import { Composer, Markup } from 'telegraf';
import {
  createStaffInvite,
  INVITE_PREFIX,
  joinStaff,
  listStaff,
  removeStaff,
} from '../../marketplace/memberships.js';
import { venueZone } from '../../marketplace/time-zones.js';
import { seatOf } from '../../marketplace/venue-access.js';
import { acknowledge, replyAfterCommit, showInPlace } from '../after-commit.js';
import { buttonAction } from '../button-action.js';
import { encodeCallback } from '../callback-data.js';
import { menuHolderOf, refreshCommandMenu, refreshMenus } from '../command-menus.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { menuKeyboard } from '../keyboards/menu.js';
import { notifyUser } from '../notify.js';
import { currentLanguage } from '../texts/language.js';
import { localeOf } from '../texts/locale.js';
import { staffButtons as b, staffTexts as t } from '../texts/staff.js';
import { profileTexts } from '../texts/venue-profile.js';

/**
 * Staff (/staff, owner only): the list with a Remove button each, and one-time invite links. Opening a link
 * (`/start staff_<token>`) joins; the new member gets the staff menu and the owner is told.
 */
export const staffFeature = new Composer<BotContext>();
const button = Markup.button.callback;

async function staffView(ctx: BotContext) {
  const seat = await seatOf(ctx.deps.db, ctx.from!.id);
  if (!seat) return { text: profileTexts.notAtVenue, extra: {} };
  if (seat.role !== 'owner') return { text: t.ownerOnly, extra: {} };
  const staff = await listStaff(ctx.deps.db, { ownerId: ctx.from!.id });
  return {
    text: t.list(seat.venue.name, staff),
    extra: {
      ...html,
      ...Markup.inlineKeyboard([
        ...staff.map((m) => [button(b.remove(m), encodeCallback('staff:remove', m.userId))]),
        [button(b.invite, encodeCallback('staff:invite')), button(b.back, encodeCallback('venue:profile'))],
      ]),
    },
  };
}

staffFeature.command('staff', async (ctx) => {
  const view = await staffView(ctx);
  await ctx.reply(view.text, view.extra);
});

buttonAction(staffFeature, 'staff:list', async (ctx) => {
  const view = await staffView(ctx);
  await ctx.answerCbQuery();
  await showInPlace(ctx, view.text, view.extra);
});

buttonAction(staffFeature, 'staff:invite', async (ctx) => {
  // Someone who isn't the owner is told why, as on /staff.
  const seat = await seatOf(ctx.deps.db, ctx.from.id);
  if (seat?.role !== 'owner')
    return void (await ctx.answerCbQuery(seat ? t.ownerOnly : profileTexts.notAtVenue));
  const l = localeOf(ctx.deps, venueZone(seat.venue, ctx.deps.config));
  const invite = await createStaffInvite(ctx.deps.db, { ownerId: ctx.from.id, now: l.now });
  ctx.log.info('staff_invited');
  const link = `https://t.me/${ctx.botInfo.username}?start=${INVITE_PREFIX}${invite.token}`;
  // Telegram's share dialog: the owner picks the person in their chats, and the link goes to them.
  const share = `https://t.me/share/url?url=${encodeURIComponent(link)}&text=${encodeURIComponent(t.shareText(invite.venueName))}`;
  await acknowledge(ctx);
  await replyAfterCommit(ctx, t.invite(link, invite.expiresAt, l), {
    ...html,
    link_preview_options: { is_disabled: true },
    ...Markup.inlineKeyboard([[Markup.button.url(b.share, share)]]),
  });
});

buttonAction(staffFeature, 'staff:remove', async (ctx, [userId]) => {
  const removed = await removeStaff(ctx.deps.db, { ownerId: ctx.from.id, userId });
  ctx.log.info('staff_removed', { user_id: userId });
  await acknowledge(ctx, t.removed(removed.firstName));
  // In their language, not the owner's (issue 17), with the menus they get back (a customer's, or an admin's).
  await refreshMenus(ctx, userId, () => t.youWereRemoved(removed.venueName));
  const view = await staffView(ctx);
  await showInPlace(ctx, view.text, view.extra);
});

// The invite link: t.me/<bot>?start=staff_<token>. Any other /start goes on.
staffFeature.start(async (ctx, next) => {
  if (!ctx.payload.startsWith(INVITE_PREFIX)) return next();
  const token = ctx.payload.slice(INVITE_PREFIX.length);
  const { venue, joined } = await joinStaff(ctx.deps.db, {
    token,
    user: { id: ctx.from.id, firstName: ctx.from.first_name },
    now: ctx.deps.clock.now(),
  });
  if (!joined) return void (await ctx.reply(t.alreadyJoined(venue.name), html));
  ctx.log.info('staff_joined', { venue_id: venue.id });
  // Issue 17: with the counter's menus (an admin's if they are one).
  const holder = await menuHolderOf(ctx, ctx.from.id);
  await replyAfterCommit(ctx, t.joined(venue.name), { ...html, ...(holder && menuKeyboard(holder)) });
  if (holder) await refreshCommandMenu(ctx, ctx.from.id, holder, currentLanguage());
  await notifyUser(ctx.deps, ctx.telegram, venue.ownerId, () =>
    t.ownerJoined({ firstName: ctx.from.first_name, username: ctx.from.username }, venue.name),
  );
});
