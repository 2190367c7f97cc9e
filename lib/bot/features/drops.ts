import { Composer, Markup } from 'telegraf';
import { listDrops, stopDrop } from '../../marketplace/drops.js';
import { getOwnOffer } from '../../marketplace/offers.js';
import { acknowledge, showInPlace } from '../after-commit.js';
import { buttonAction } from '../button-action.js';
import { encodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { NEW_DROP_SCENE } from '../scenes/new-drop.js';
import { dropButtons as b, dropTexts as t } from '../texts/drops.js';
import { ownVenueLocale } from '../viewer-zone.js';

/** Recurring drops: 📅 on an offer's card starts one (a wizard); /venue → 📅 Drops lists and stops them. */
export const dropsFeature = new Composer<BotContext>();
const button = Markup.button.callback;

async function dropsView(ctx: BotContext) {
  const drops = await listDrops(ctx.deps.db, { ownerId: ctx.from!.id });
  return {
    text: t.list(drops, await ownVenueLocale(ctx)),
    extra: {
      ...html,
      ...Markup.inlineKeyboard([
        ...drops.map((d) => [button(b.stop(d.title), encodeCallback('drop:stop', d.id))]),
        [button(b.back, encodeCallback('venue:profile'))],
      ]),
    },
  };
}

buttonAction(dropsFeature, 'drops:list', async (ctx) => {
  const view = await dropsView(ctx);
  await ctx.answerCbQuery();
  await showInPlace(ctx, view.text, view.extra);
});

buttonAction(dropsFeature, 'drop:stop', async (ctx, [dropId]) => {
  const drop = await stopDrop(ctx.deps.db, { ownerId: ctx.from.id, dropId });
  ctx.log.info('drop_stopped', { drop_id: drop.id });
  await acknowledge(ctx, t.stopped(drop.title));
  const view = await dropsView(ctx);
  await showInPlace(ctx, view.text, view.extra);
});

buttonAction(dropsFeature, 'offer:drop', async (ctx, [offerId]) => {
  // The owner's own offer only; staff and strangers are told before the wizard asks anything.
  const offer = await getOwnOffer(ctx.deps.db, { offerId, ownerId: ctx.from.id });
  await ctx.answerCbQuery();
  await ctx.scene.enter(NEW_DROP_SCENE, { offerId: offer.id });
});
