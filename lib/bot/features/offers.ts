import { Composer } from 'telegraf';
import { deliverById } from '../../jobs/deliver-notices.js';
import { scheduleExpiry } from '../../jobs/schedule-expiry.js';
import { type OwnerAction, transitionOffer } from '../../marketplace/offer-transitions.js';
import {
  getEditableOffer,
  getOwnOffer,
  listOwnOffers,
  type OfferWithItems,
} from '../../marketplace/offers.js';
import { settleEndedOffers } from '../../marketplace/settle-ended-offers.js';
import { getVenueByOwner } from '../../marketplace/venues.js';
import { acknowledge, replyAfterCommit, showInPlace } from '../after-commit.js';
import { buttonAction } from '../button-action.js';
import type { OfferButton } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { pressKey } from '../idempotency-keys.js';
import { manageKeyboard } from '../keyboards/offers.js';
import { EDIT_OFFER_SCENE } from '../scenes/edit-offer.js';
import { NEW_OFFER_SCENE } from '../scenes/new-offer.js';
import { manageTexts, offerGate, offerSummary } from '../texts/venue.js';

/** A venue manages its offers: /newoffer, /myoffers, /publish|pause|resume|soldout|withdraw|edit <id>, buttons. */
export const offersFeature = new Composer<BotContext>();

const summaryOf = (ctx: BotContext, offer: OfferWithItems) =>
  offerSummary(offer, ctx.deps.clock.now(), ctx.deps.config.timezone, ctx.deps.config.currency);

offersFeature.command('newoffer', async (ctx) => {
  const venue = await getVenueByOwner(ctx.deps.db, ctx.from.id);
  if (!venue) return void (await ctx.reply(offerGate.notRegistered));
  if (venue.status === 'pending') return void (await ctx.reply(offerGate.pending));
  if (venue.status !== 'verified') return void (await ctx.reply(offerGate.notVerified));
  await ctx.scene.enter(NEW_OFFER_SCENE);
});

offersFeature.command('myoffers', async (ctx) => {
  const offers = await listOwnOffers(ctx.deps.db, ctx.from.id, 10);
  if (offers.length === 0) return void (await ctx.reply(manageTexts.none));
  await ctx.reply(manageTexts.header, html);
  for (const offer of offers) {
    await ctx.reply(summaryOf(ctx, offer), { ...html, ...manageKeyboard(offer.id, offer.status) });
  }
});

/**
 * Runs an owner action and its after-effects: expiry scheduling on publish; on withdrawal, settling the
 * reservations it ended and telling their holders (through the outbox, so a Telegram failure can't lose
 * them). A redelivered press finds its idempotency record and re-runs only the after-effects, which are
 * idempotent themselves.
 */
export async function runOfferAction(
  ctx: BotContext,
  offerId: number,
  action: OwnerAction,
): Promise<OfferWithItems> {
  const { deps } = ctx;
  const result = await transitionOffer(deps.db, {
    idempotencyKey: pressKey(ctx, `offer.${action}`),
    offerId,
    ownerId: ctx.from!.id,
    action,
    now: deps.clock.now(),
  });
  if (!result.replayed) {
    ctx.log.info(action === 'publish' ? 'offers_published' : 'offer_transition', {
      offer_id: offerId,
      from: result.before,
      to: result.after,
    });
  }
  if (action === 'publish') await scheduleExpiry(deps, { id: offerId, pickupEnd: result.pickupEnd });
  if (action === 'withdraw') await settleWithdrawal(ctx, offerId);
  return getOwnOffer(deps.db, { offerId, ownerId: ctx.from!.id });
}

/** Ends the withdrawn offer's reservations and tells the holders; a failure here is retried by the sweep. */
async function settleWithdrawal(ctx: BotContext, offerId: number) {
  const { deps } = ctx;
  try {
    const settled = await settleEndedOffers(deps.db, { now: deps.clock.now(), offerIds: [offerId] });
    await deliverById(
      deps,
      ctx.telegram,
      settled.notices.map((n) => n.id),
    );
  } catch (error) {
    ctx.log.warn('settle_deferred', { offer_id: offerId, error });
  }
}

const actions: Array<{ command: string; kind: OfferButton; action: OwnerAction }> = [
  { command: 'publish', kind: 'offer:publish', action: 'publish' },
  { command: 'pause', kind: 'offer:pause', action: 'pause' },
  { command: 'resume', kind: 'offer:resume', action: 'resume' },
  { command: 'soldout', kind: 'offer:soldout', action: 'sold_out' },
  { command: 'withdraw', kind: 'offer:withdraw', action: 'withdraw' },
];

const offerIdArgument = (text: string | undefined) => {
  const match = text?.match(/^\/\w+(?:@\w+)?\s+#?(\d{1,15})\s*$/);
  return match ? Number(match[1]) : null;
};

for (const { command, kind, action } of actions) {
  offersFeature.command(command, async (ctx) => {
    const offerId = offerIdArgument(ctx.text);
    if (offerId === null) return void (await ctx.reply(manageTexts.usage(command), html));
    const offer = await runOfferAction(ctx, offerId, action);
    await replyAfterCommit(ctx, `${manageTexts.done[action]}\n\n${summaryOf(ctx, offer)}`, {
      ...html,
      ...manageKeyboard(offer.id, offer.status),
    });
  });

  buttonAction(offersFeature, kind, async (ctx, [offerId]) => {
    const offer = await runOfferAction(ctx, offerId, action);
    await acknowledge(ctx, manageTexts.done[action]);
    // The card the button was on now shows the new state and the buttons that fit it.
    await showInPlace(ctx, summaryOf(ctx, offer), { ...html, ...manageKeyboard(offer.id, offer.status) });
  });
}

offersFeature.command('edit', async (ctx) => {
  const offerId = offerIdArgument(ctx.text);
  if (offerId === null) return void (await ctx.reply(manageTexts.usage('edit'), html));
  // Only a verified venue edits: a suspended owner is told why before the wizard asks anything.
  const offer = await getEditableOffer(ctx.deps.db, { offerId, ownerId: ctx.from.id });
  await ctx.scene.enter(EDIT_OFFER_SCENE, { offerId: offer.id });
});

buttonAction(offersFeature, 'offer:edit', async (ctx, [offerId]) => {
  const offer = await getEditableOffer(ctx.deps.db, { offerId, ownerId: ctx.from.id });
  await ctx.answerCbQuery();
  await ctx.scene.enter(EDIT_OFFER_SCENE, { offerId: offer.id });
});
