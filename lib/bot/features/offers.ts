import { Composer } from 'telegraf';
import { offerChanged, offerPublished } from '../../jobs/offer-events.js';
import { holdersTold, offerAtStake } from '../../marketplace/offer-holders.js';
import { type OwnerAction, transitionOffer } from '../../marketplace/offer-transitions.js';
import { getEditableOffer, getOwnOffer, type OfferWithItems } from '../../marketplace/offers.js';
import { repeatOffer } from '../../marketplace/repeat-offer.js';
import { seatOf } from '../../marketplace/venue-access.js';
import { acknowledge, replyAfterCommit, showInPlace } from '../after-commit.js';
import { buttonAction } from '../button-action.js';
import type { OfferButton } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { pressKey } from '../idempotency-keys.js';
import { confirmKeyboard, manageKeyboard } from '../keyboards/offers.js';
import { EDIT_OFFER_SCENE } from '../scenes/edit-offer.js';
import { NEW_OFFER_SCENE } from '../scenes/new-offer.js';
import { settleWithdrawn } from '../settle-withdrawn.js';
import { myOffersTexts } from '../texts/my-offers.js';
import { manageTexts, offerGate, offerSummary } from '../texts/venue.js';
import { ownVenueLocale } from '../viewer-zone.js';

/**
 * A venue's owner manages its offers: /newoffer, /publish|pause|resume|soldout|withdraw|edit <id>, the buttons
 * on an offer's card, and 🔁 Repeat. Withdraw and Sold out ask first, saying what will happen.
 */
export const offersFeature = new Composer<BotContext>();

/** An offer's card: its summary (in the venue's zone) and the buttons that fit its state. */
export async function offerCard(ctx: BotContext, offer: OfferWithItems, head?: string) {
  const { now, timezone, currency } = await ownVenueLocale(ctx);
  const summary = offerSummary(offer, now, timezone, currency);
  return {
    text: head ? `${head}\n\n${summary}` : summary,
    extra: { ...html, ...manageKeyboard(offer.id, offer.status) },
  };
}

/** The new-offer wizard, for the owner of a verified venue; everyone else is told why not. */
async function enterNewOffer(ctx: BotContext) {
  const seat = await seatOf(ctx.deps.db, ctx.from!.id);
  if (!seat) return void (await ctx.reply(offerGate.notRegistered));
  if (seat.role !== 'owner') return void (await ctx.reply(myOffersTexts.notOwner));
  if (seat.venue.status === 'pending') return void (await ctx.reply(offerGate.pending));
  if (seat.venue.status === 'changes_requested') return void (await ctx.reply(offerGate.changesRequested));
  if (seat.venue.status !== 'verified') return void (await ctx.reply(offerGate.notVerified));
  await ctx.scene.enter(NEW_OFFER_SCENE);
}

offersFeature.command('newoffer', (ctx) => enterNewOffer(ctx));
buttonAction(offersFeature, 'offer:new', async (ctx) => {
  await ctx.answerCbQuery();
  await enterNewOffer(ctx);
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
  // Expiry, followers' alerts and the channel post (issue 14) follow a publish; the channel follows the rest.
  if (action === 'publish') await offerPublished(deps, { id: offerId, pickupEnd: result.pickupEnd });
  else await offerChanged(deps, offerId);
  if (action === 'withdraw') await settleWithdrawn(ctx, [offerId]);
  return getOwnOffer(deps.db, { offerId, ownerId: ctx.from!.id });
}

/** Runs the action and says what it did (a withdrawal: how many holders were told). */
async function actAndSay(ctx: BotContext, offerId: number, action: OwnerAction) {
  const offer = await runOfferAction(ctx, offerId, action);
  const done =
    action === 'withdraw'
      ? myOffersTexts.withdrawn(await holdersTold(ctx.deps.db, [offerId]))
      : manageTexts.done[action];
  return { offer, done };
}

const immediate: Array<{ command: string; kind: OfferButton; action: OwnerAction }> = [
  { command: 'publish', kind: 'offer:publish', action: 'publish' },
  { command: 'pause', kind: 'offer:pause', action: 'pause' },
  { command: 'resume', kind: 'offer:resume', action: 'resume' },
];

/** Asked before they act: what would happen, with "yes" and "no" buttons. */
const confirmed: Array<{ command: string; kind: OfferButton; ask: 'withdraw' | 'soldout' }> = [
  { command: 'soldout', kind: 'offer:soldout', ask: 'soldout' },
  { command: 'withdraw', kind: 'offer:withdraw', ask: 'withdraw' },
];

const offerIdArgument = (text: string | undefined) => {
  const match = text?.match(/^\/\w+(?:@\w+)?\s+#?(\d{1,15})\s*$/);
  return match ? Number(match[1]) : null;
};

for (const { command, kind, action } of immediate) {
  offersFeature.command(command, async (ctx) => {
    const offerId = offerIdArgument(ctx.text);
    if (offerId === null) return void (await ctx.reply(manageTexts.usage(command), html));
    const { offer, done } = await actAndSay(ctx, offerId, action);
    const card = await offerCard(ctx, offer, done);
    await replyAfterCommit(ctx, card.text, card.extra);
  });

  buttonAction(offersFeature, kind, async (ctx, [offerId]) => {
    const { offer, done } = await actAndSay(ctx, offerId, action);
    await acknowledge(ctx, done);
    // The card the button was on now shows the new state and the buttons that fit it.
    const card = await offerCard(ctx, offer);
    await showInPlace(ctx, card.text, card.extra);
  });
}

async function question(ctx: BotContext, offerId: number, ask: 'withdraw' | 'soldout') {
  const { offer, holders, unitsLeft } = await offerAtStake(ctx.deps.db, { offerId, ownerId: ctx.from!.id });
  const text =
    ask === 'withdraw'
      ? myOffersTexts.confirmWithdraw(offer.title, holders)
      : myOffersTexts.confirmSoldOut(offer.title, unitsLeft, holders);
  return { text, extra: { ...html, ...confirmKeyboard(ask, offer.id) } };
}

for (const { command, kind, ask } of confirmed) {
  offersFeature.command(command, async (ctx) => {
    const offerId = offerIdArgument(ctx.text);
    if (offerId === null) return void (await ctx.reply(manageTexts.usage(command), html));
    const asked = await question(ctx, offerId, ask);
    await ctx.reply(asked.text, asked.extra);
  });

  buttonAction(offersFeature, kind, async (ctx, [offerId]) => {
    const asked = await question(ctx, offerId, ask);
    await ctx.answerCbQuery();
    await showInPlace(ctx, asked.text, asked.extra);
  });
}

buttonAction(offersFeature, 'offer:confirm', async (ctx, [ask, offerId]) => {
  const { offer, done } = await actAndSay(ctx, offerId, ask === 'withdraw' ? 'withdraw' : 'sold_out');
  await acknowledge(ctx, done);
  // The question is answered: the card says what happened, with only the buttons that still fit.
  const card = await offerCard(ctx, offer, done);
  await showInPlace(ctx, card.text, card.extra);
});

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

buttonAction(offersFeature, 'offer:repeat', async (ctx, [offerId]) => {
  // Issue 17: the same local times on the venue's next day.
  const l = await ownVenueLocale(ctx);
  const draft = await repeatOffer(ctx.deps.db, {
    idempotencyKey: pressKey(ctx, 'offer.repeat'),
    offerId,
    ownerId: ctx.from.id,
    now: l.now,
    zone: l.timezone,
  });
  ctx.log.info('offer_repeated', { offer_id: draft.id, from: offerId });
  await acknowledge(ctx);
  const card = await offerCard(ctx, draft, myOffersTexts.repeated(draft.id, l, draft));
  await replyAfterCommit(ctx, card.text, card.extra);
});
