import { AppError } from '../errors.js';
import { offerChanged } from '../jobs/offer-events.js';
import { setBarred } from '../marketplace/bar-customer.js';
import { holdersTold } from '../marketplace/offer-holders.js';
import { reinstateVenue, suspendVenue } from '../marketplace/suspend-venue.js';
import { takeDownOffer } from '../marketplace/take-down-offer.js';
import { reviewVenue } from '../marketplace/venues.js';
import { replyAfterCommit } from './after-commit.js';
import { refreshMenus } from './command-menus.js';
import type { BotContext } from './context.js';
import { html } from './html.js';
import { pressKey } from './idempotency-keys.js';
import { offerAuditKeyboard } from './keyboards/admin.js';
import { notifyUser } from './notify.js';
import { settleWithdrawn } from './settle-withdrawn.js';
import { adminTexts } from './texts/admin.js';
import { moderationTexts } from './texts/admin-console.js';
import { sanctionNotices } from './texts/admin-notices.js';

/**
 * What an admin does to venues, offers and customers, whether typed as a command, tapped as a button or
 * finished in the reason wizard. Each write is one statement keyed by the admin's press or message; what
 * follows the commit (settling reservations, telling people, menus) runs again on a replay and is
 * idempotent, except the direct messages to the owner or customer, which a replay sends again (at least
 * once, as in docs/reliability.md).
 */

/**
 * After an admin withdrew offers: their reservations end and the holders are told (as after an owner's
 * withdrawal), their channel posts follow (issue 14), and the answer is how many holders are told.
 */
async function settleAndTell(ctx: BotContext, offerIds: number[]): Promise<number> {
  if (offerIds.length === 0) return 0;
  await settleWithdrawn(ctx, offerIds);
  await Promise.all(offerIds.map((offerId) => offerChanged(ctx.deps, offerId)));
  return holdersTold(ctx.deps.db, offerIds).catch(() => 0);
}

export async function requestChanges(ctx: BotContext, venueId: number, note: string): Promise<void> {
  const { venue, changed } = await reviewVenue(ctx.deps.db, {
    venueId,
    adminId: ctx.from!.id,
    decision: 'changes',
    reason: note,
  });
  if (changed) {
    ctx.log.info('venue_changes_requested', { venue_id: venue.id });
    await notifyUser(ctx.deps, ctx.telegram, venue.ownerId, () =>
      sanctionNotices.changesRequested(venue.name, note),
    );
  }
  await replyAfterCommit(ctx, adminTexts.changesRequested(venue, changed), html);
}

export async function suspend(ctx: BotContext, venueId: number, reason: string): Promise<void> {
  const result = await suspendVenue(ctx.deps.db, {
    idempotencyKey: pressKey(ctx, 'venue.suspend'),
    venueId,
    adminId: ctx.from!.id,
    reason,
  });
  if (!result.changed) {
    return void (await replyAfterCommit(ctx, moderationTexts.alreadySuspended(result.name, venueId), html));
  }
  ctx.log.info('venue_suspended', { venue_id: venueId, offers: result.withdrawnOfferIds.length });
  const holders = await settleAndTell(ctx, result.withdrawnOfferIds);
  // Issue 17: with their menus as they are now, in their language (a customer's until reinstated).
  await refreshMenus(ctx, result.ownerId, () => sanctionNotices.suspended(result.name, reason));
  await replyAfterCommit(
    ctx,
    moderationTexts.suspended(result.name, venueId, result.withdrawnOfferIds.length, holders),
    html,
  );
}

export async function reinstate(ctx: BotContext, venueId: number): Promise<void> {
  const result = await reinstateVenue(ctx.deps.db, {
    idempotencyKey: pressKey(ctx, 'venue.reinstate'),
    venueId,
    adminId: ctx.from!.id,
  });
  if (!result.changed) {
    return void (await replyAfterCommit(ctx, moderationTexts.alreadyReinstated(result.name, venueId), html));
  }
  ctx.log.info('venue_reinstated', { venue_id: venueId });
  await refreshMenus(ctx, result.ownerId, () => sanctionNotices.reinstated(result.name));
  await replyAfterCommit(ctx, moderationTexts.reinstated(result.name, venueId), html);
}

export async function takeDown(ctx: BotContext, offerId: number, reason: string): Promise<void> {
  const result = await takeDownOffer(ctx.deps.db, {
    idempotencyKey: pressKey(ctx, 'offer.takedown'),
    offerId,
    adminId: ctx.from!.id,
    reason,
  });
  ctx.log.info('offer_taken_down', { offer_id: offerId });
  const holders = await settleAndTell(ctx, [offerId]);
  await notifyUser(ctx.deps, ctx.telegram, result.ownerId, () =>
    sanctionNotices.takenDown(result.title, reason),
  );
  await replyAfterCommit(ctx, moderationTexts.takenDown(result.title, offerId, result.venueName, holders), {
    ...html,
    ...offerAuditKeyboard(offerId),
  });
}

export async function bar(ctx: BotContext, userId: number, reason: string | null): Promise<void> {
  const barred = reason !== null;
  // An admin is an admin by configuration; barring one would only confuse the audit trail.
  if (barred && ctx.deps.config.adminIds.includes(userId)) throw new AppError({ code: 'user.is_admin' });
  const result = await setBarred(ctx.deps.db, {
    idempotencyKey: pressKey(ctx, barred ? 'user.bar' : 'user.unbar'),
    userId,
    adminId: ctx.from!.id,
    barred,
    reason: reason ?? undefined,
  });
  if (result.changed) {
    ctx.log.info(barred ? 'customer_barred' : 'customer_unbarred', { user_id: userId });
    await notifyUser(ctx.deps, ctx.telegram, userId, () =>
      barred ? sanctionNotices.barred : sanctionNotices.unbarred,
    );
  }
  const reply = barred ? moderationTexts.barred : moderationTexts.unbarred;
  await replyAfterCommit(ctx, reply(result.firstName, userId, result.changed), html);
}
