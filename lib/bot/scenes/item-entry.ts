import { Markup } from 'telegraf';
import { parseItemLine, parseWeight } from '../../marketplace/item-line.js';
import { parseMoney } from '../../marketplace/money.js';
import { type ItemDraft, OFFER_LIMITS } from '../../marketplace/offers.js';
import { callbackOf, encodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { errorText } from '../texts/errors.js';
import { itemEntryTexts as t } from '../texts/offer-wizard.js';
import { newOfferTexts } from '../texts/venue.js';
import { isSkip, textOf } from './common.js';

/**
 * Items as the wizards take them: a whole line (`name, original price, discounted price, quantity`), or one
 * field at a time — send just the name and the wizard asks for the original price, the discounted price, the
 * quantity and (optionally) the weight per unit, re-asking with the reason when an answer doesn't fit. The
 * half-entered item lives in the wizard's state under `pendingItem`.
 */
interface PendingItem {
  name: string;
  originalPrice?: number;
  price?: number;
  quantity?: number;
}

export interface ItemEntryState {
  pendingItem?: PendingItem;
}

const skipKeyboard = () =>
  Markup.inlineKeyboard([Markup.button.callback(newOfferTexts.skip, encodeCallback('wiz:skip'))]);

/** A line that is only a name (no separators): the start of field-by-field entry. */
export const isNameOnly = (line: string) => !/[,;|]/.test(line);

/** The question the half-entered item is waiting for. */
function question(item: PendingItem, currency: string): { text: string; extra?: object } {
  if (item.originalPrice === undefined) return { text: t.askOriginal(item.name) };
  if (item.price === undefined) return { text: t.askPrice(item.name, item.originalPrice, currency) };
  if (item.quantity === undefined) return { text: t.askQuantity(item.name) };
  return { text: t.askWeight(item.name), extra: skipKeyboard() };
}

export async function askPending(ctx: BotContext, state: ItemEntryState, prefix = '') {
  const q = question(state.pendingItem!, ctx.deps.config.currency);
  await ctx.reply(prefix ? `${prefix}\n${q.text}` : q.text, { ...html, ...(q.extra ?? {}) });
}

/** Starts field-by-field entry with a name; false (after saying why) when it can't be a name. */
export async function startItem(ctx: BotContext, state: ItemEntryState, name: string): Promise<boolean> {
  if (name.length > OFFER_LIMITS.itemNameMax) {
    await ctx.reply(errorText({ code: 'item.name_too_long', max: OFFER_LIMITS.itemNameMax }));
    return false;
  }
  state.pendingItem = { name };
  await askPending(ctx, state);
  return true;
}

/**
 * Takes this update as the answer to the pending question. Returns the finished item (and clears it), or null
 * after asking the next question or re-asking this one.
 */
export async function continueItem(ctx: BotContext, state: ItemEntryState): Promise<ItemDraft | null> {
  const item = state.pendingItem!;
  const currency = ctx.deps.config.currency;
  const text = textOf(ctx) ?? '';
  const skipped = callbackOf(ctx)?.kind === 'wiz:skip' || isSkip(text, () => newOfferTexts.skip);
  if (ctx.callbackQuery) await ctx.answerCbQuery().catch(() => {});
  const reask = async (why: string) => {
    await askPending(ctx, state, why);
    return null;
  };
  if (item.originalPrice === undefined) {
    const original = parseMoney(text);
    if (original === null) return reask(t.badOriginal);
    item.originalPrice = original;
  } else if (item.price === undefined) {
    const price = parseMoney(text);
    if (price === null || price >= item.originalPrice) return reask(t.badPrice(item.originalPrice, currency));
    item.price = price;
  } else if (item.quantity === undefined) {
    const quantity = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
    if (!(quantity >= OFFER_LIMITS.quantityMin && quantity <= OFFER_LIMITS.quantityMax))
      return reask(t.badQuantity(OFFER_LIMITS.quantityMin, OFFER_LIMITS.quantityMax));
    item.quantity = quantity;
  } else {
    const grams = skipped ? null : parseWeight(text);
    if (!skipped && (grams === null || grams > OFFER_LIMITS.weightMaxGrams)) return reask(t.badWeight);
    state.pendingItem = undefined;
    return {
      name: item.name,
      originalPrice: item.originalPrice,
      price: item.price!,
      quantity: item.quantity,
      unitWeightGrams: grams,
    };
  }
  await askPending(ctx, state);
  return null;
}

/**
 * One message of whole item lines (one per line). Returns the items read, or null after saying which line
 * couldn't be read and why (`reply` adds the wizard's own buttons).
 */
export async function readItemLines(
  ctx: BotContext,
  text: string,
  extra: object = {},
): Promise<ItemDraft[] | null> {
  const items: ItemDraft[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const parsed = parseItemLine(line);
    if (!parsed.ok) {
      await ctx.reply(newOfferTexts.badItem(line, errorText(parsed.problem)) + t.oneByOneHint, {
        ...html,
        ...extra,
      });
      return null;
    }
    items.push(parsed.item);
  }
  return items;
}
