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
import { setCommandMenu } from '../command-menus.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { menuKeyboard } from '../keyboards/menu.js';
import { notifyUser, recipientLanguages } from '../notify.js';
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
  // In their language, not the owner's (issue 17): the message and the menu they get back.
  const language = (await recipientLanguages(ctx.deps, [userId]))(userId);
  // Issue 17: with a customer's menu keyboard in place of the counter's.
  const removedNotice = () => ({
    text: t.youWereRemoved(removed.venueName),
    extra: menuKeyboard({ role: 'customer' }),
  });
  await notifyUser(ctx.deps, ctx.telegram, userId, removedNotice, language);
  await setCommandMenu(ctx.telegram, userId, 'customer', language).catch((error) =>
    ctx.log.warn('command_menu_failed', { error: String(error) }),
  );
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
  // Issue 17: with the counter's menu keyboard.
  await replyAfterCommit(ctx, t.joined(venue.name), { ...html, ...menuKeyboard({ role: 'staff' }) });
  await setCommandMenu(ctx.telegram, ctx.from.id, 'staff', currentLanguage()).catch((error) =>
    ctx.log.warn('command_menu_failed', { error: String(error) }),
  );
  await notifyUser(ctx.deps, ctx.telegram, venue.ownerId, () =>
    t.ownerJoined({ firstName: ctx.from.first_name, username: ctx.from.username }, venue.name),
  );
});
