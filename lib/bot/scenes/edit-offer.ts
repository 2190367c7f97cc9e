import { Markup } from 'telegraf';
import { parseMoney } from '../../marketplace/money.js';
import { editOfferItem, getEditableOffer } from '../../marketplace/offers.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { manageKeyboard } from '../keyboards/offers.js';
import { offerSummary, manageTexts as t } from '../texts/venue.js';
import { guardWizard, namedWizard, textOf } from './common.js';

/** `/edit <id>`: pick an item, then type its new prices and quantity (restock, correct a price). */
export const EDIT_OFFER_SCENE = 'edit-offer';

interface State {
  offerId: number;
  itemId?: number;
}

const stateOf = (ctx: BotContext) => ctx.wizard.state as State;

/** "4.00, 12.50, 8" or "-, -, 10": undefined keeps a value; null when the text can't be read. */
function parseEditLine(text: string) {
  const parts = text.split(/\s*[;|]\s*|,\s+/).length === 3 ? text.split(/\s*[;|]\s*|,\s+/) : text.split(',');
  if (parts.length !== 3) return null;
  const [priceText, originalText, quantityText] = parts.map((p) => p.trim()) as [string, string, string];
  const keep = (v: string) => v === '-' || v === '';
  const price = keep(priceText) ? undefined : parseMoney(priceText);
  const originalPrice = keep(originalText) ? undefined : parseMoney(originalText);
  const quantityTotal = keep(quantityText)
    ? undefined
    : /^\d{1,4}$/.test(quantityText)
      ? Number(quantityText)
      : null;
  if (price === null || originalPrice === null || quantityTotal === null) return null;
  return { price, originalPrice, quantityTotal };
}

/** `item` is skipped when the offer has one item. */
const Step = { start: 0, item: 1, values: 2 } as const;

export const editOfferScene = namedWizard(EDIT_OFFER_SCENE, Step, {
  start: async (ctx) => {
    const offer = await getEditableOffer(ctx.deps.db, {
      offerId: stateOf(ctx).offerId,
      ownerId: ctx.from!.id,
    });
    if (offer.items.length === 1) {
      stateOf(ctx).itemId = offer.items[0]!.id;
      await ctx.reply(t.editAsk(offer.items[0]!.name), html);
      return ctx.wizard.selectStep(Step.values);
    }
    // Item choice uses a reply keyboard: the numbers are what the owner taps, and we map them back.
    const rows = offer.items.map((item, i) => [`${i + 1}. ${item.name}`]);
    await ctx.reply(t.editChooseItem, Markup.keyboard(rows).resize().oneTime());
    return ctx.wizard.selectStep(Step.item);
  },
  item: async (ctx) => {
    const offer = await getEditableOffer(ctx.deps.db, {
      offerId: stateOf(ctx).offerId,
      ownerId: ctx.from!.id,
    });
    const index = Number(textOf(ctx)?.match(/^(\d{1,2})\b/)?.[1]) - 1;
    const item = offer.items[index];
    if (!item) return void (await ctx.reply(t.editChooseItem));
    stateOf(ctx).itemId = item.id;
    await ctx.reply(t.editAsk(item.name), { ...html, reply_markup: { remove_keyboard: true } });
    return ctx.wizard.selectStep(Step.values);
  },
  values: async (ctx) => {
    const values = parseEditLine(textOf(ctx) ?? '');
    if (!values) return void (await ctx.reply(t.editBad, html));
    const { offerId, itemId } = stateOf(ctx);
    const { offer } = await editOfferItem(ctx.deps.db, {
      ownerId: ctx.from!.id,
      offerId,
      itemId: itemId!,
      ...values,
      now: ctx.deps.clock.now(),
    });
    await ctx.scene.leave();
    ctx.log.info('offer_edited', { offer_id: offerId, item_id: itemId, status: offer.status });
    const summary = offerSummary(
      offer,
      ctx.deps.clock.now(),
      ctx.deps.config.timezone,
      ctx.deps.config.currency,
    );
    await ctx.reply(`${t.edited}\n\n${summary}`, { ...html, ...manageKeyboard(offer.id, offer.status) });
  },
});

guardWizard(editOfferScene, { cancelled: t.editCancelled, still: t.stillEditing });
