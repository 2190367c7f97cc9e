import { Markup } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { AppError } from '../../errors.js';
import { deliverById } from '../../jobs/deliver-notices.js';
import { offerChanged } from '../../jobs/offer-events.js';
import { scheduleExpiry } from '../../jobs/schedule-expiry.js';
import {
  addOfferItem,
  changePickupWindow,
  editOfferDetails,
  removeOfferItem,
} from '../../marketplace/edit-offer.js';
import { parseWeight } from '../../marketplace/item-line.js';
import { parseMoney } from '../../marketplace/money.js';
import { offerAtStake } from '../../marketplace/offer-holders.js';
import { editOfferItem, getEditableOffer, type OfferWithItems } from '../../marketplace/offers.js';
import { buttonAction } from '../button-action.js';
import { callbackOf, encodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { refusalText } from '../error-reply.js';
import { html } from '../html.js';
import { pressKey } from '../idempotency-keys.js';
import { manageKeyboard } from '../keyboards/offers.js';
import { photoProblem, receivePhoto } from '../photo.js';
import { editMenuTexts as m } from '../texts/offer-wizard.js';
import { newOfferTexts, offerSummary, manageTexts as t } from '../texts/venue.js';
import { truncate } from '../truncate.js';
import { ownVenueZone } from '../viewer-zone.js';
import { guardWizard, isSkip, namedWizard, textOf } from './common.js';
import { continueItem, type ItemEntryState, isNameOnly, readItemLines, startItem } from './item-entry.js';
import { askWindow, readWindow } from './window-input.js';

/**
 * `/edit <id>` (or ✏️ Edit): a menu of what can change — title, description, pickup time (holders are told),
 * photo, an item's prices and units for sale, adding and removing items — shown again after each change until
 * ✔ Done. Every change is checked again in its statement (owner, verified venue, offer not ended).
 */
export const EDIT_OFFER_SCENE = 'edit-offer';

interface State extends ItemEntryState {
  offerId: number;
  itemId?: number;
}

const stateOf = (ctx: BotContext) => ctx.wizard.state as State;

/** "12.50, 4.00, 8" or "-, -, 10" (original, discounted, units for sale; "-" keeps), optionally a weight. */
function parseEditLine(text: string) {
  let parts = text.split(/\s*[;|]\s*|,\s+/);
  if (parts.length < 3) parts = text.split(',');
  parts = parts.map((p) => p.trim());
  if (parts.length !== 3 && parts.length !== 4) return null;
  const [originalText, priceText, quantityText, weightText] = parts as [string, string, string, string?];
  const keep = (v: string | undefined) => v === undefined || v === '-' || v === '';
  const originalPrice = keep(originalText) ? undefined : parseMoney(originalText);
  const price = keep(priceText) ? undefined : parseMoney(priceText);
  const quantityAvailable = keep(quantityText)
    ? undefined
    : /^\d{1,4}$/.test(quantityText)
      ? Number(quantityText)
      : null;
  const unitWeightGrams = keep(weightText) ? undefined : parseWeight(weightText!);
  if (price === null || originalPrice === null || quantityAvailable === null || unitWeightGrams === null)
    return null;
  return { price, originalPrice, quantityAvailable, unitWeightGrams };
}

/** The numbers of `item` and `values` are the ones the wizard had before the menu, for edits in flight. */
const Step = {
  start: 0,
  item: 1,
  values: 2,
  menu: 3,
  title: 4,
  description: 5,
  window: 6,
  photo: 7,
  add: 8,
  remove: 9,
} as const;

const offerOf = (ctx: BotContext) =>
  getEditableOffer(ctx.deps.db, { offerId: stateOf(ctx).offerId, ownerId: ctx.from!.id });

const summaryOf = async (ctx: BotContext, offer: OfferWithItems) =>
  offerSummary(offer, ctx.deps.clock.now(), await ownVenueZone(ctx), ctx.deps.config.currency);

function menuKeyboard() {
  const b = (text: string, field: Parameters<typeof encodeCallback<'edit:field'>>[1]) =>
    Markup.button.callback(text, encodeCallback('edit:field', field));
  return Markup.inlineKeyboard([
    [b(m.title, 'title'), b(m.description, 'description')],
    [b(m.window, 'window'), b(m.photo, 'photo')],
    [b(m.items, 'items')],
    [b(m.add, 'add'), b(m.remove, 'remove')],
    [b(m.done, 'done')],
  ]);
}

/** The offer as it is now, and the menu again. */
async function showMenu(ctx: BotContext, head?: string, offer?: OfferWithItems) {
  const current = offer ?? (await offerOf(ctx));
  const text = `${head ? `${head}\n\n` : ''}${await summaryOf(ctx, current)}\n\n${m.ask}`;
  await ctx.reply(text, { ...html, ...menuKeyboard() });
  return ctx.wizard.selectStep(Step.menu);
}

const itemButtons = (offer: OfferWithItems, kind: 'edit:item' | 'edit:remove') =>
  Markup.inlineKeyboard(
    offer.items.map((item): InlineKeyboardButton[] => [
      Markup.button.callback(truncate(item.name, 40), encodeCallback(kind, item.id)),
    ]),
  );

async function askValues(ctx: BotContext, offer: OfferWithItems, itemId: number) {
  const item = offer.items.find((i) => i.id === itemId)!;
  stateOf(ctx).itemId = item.id;
  await ctx.reply(t.editAsk(item.name, item.quantityTotal - item.quantityAvailable), html);
  return ctx.wizard.selectStep(Step.values);
}

/** Runs a change; a refusal (an item still reserved, an offer that ended meanwhile) is said and the menu stays. */
async function change(ctx: BotContext, work: () => Promise<string>) {
  let head: string;
  try {
    head = await work();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    head = refusalText(error);
  }
  return showMenu(ctx, head);
}

export const editOfferScene = namedWizard(EDIT_OFFER_SCENE, Step, {
  start: async (ctx) => showMenu(ctx),
  menu: async (ctx) => {
    const pressed = callbackOf(ctx);
    if (pressed?.kind !== 'edit:field') {
      if (ctx.callbackQuery) await ctx.answerCbQuery();
      return void (await ctx.reply(m.useButtons));
    }
    await ctx.answerCbQuery();
    await ctx.editMessageReplyMarkup(undefined).catch(() => {});
    const [field] = pressed.args;
    const offer = await offerOf(ctx);
    switch (field) {
      case 'title':
        await ctx.reply(m.askTitle, html);
        return ctx.wizard.selectStep(Step.title);
      case 'description':
        await ctx.reply(m.askDescription, html);
        return ctx.wizard.selectStep(Step.description);
      case 'window': {
        const { holders } = await offerAtStake(ctx.deps.db, { offerId: offer.id, ownerId: ctx.from!.id });
        await askWindow(ctx, m.askWindow(holders));
        return ctx.wizard.selectStep(Step.window);
      }
      case 'photo':
        await ctx.reply(m.askPhoto, {
          ...html,
          ...Markup.inlineKeyboard([Markup.button.callback(newOfferTexts.skip, encodeCallback('wiz:skip'))]),
        });
        return ctx.wizard.selectStep(Step.photo);
      case 'items':
        if (offer.items.length === 1) return askValues(ctx, offer, offer.items[0]!.id);
        await ctx.reply(m.chooseItem, itemButtons(offer, 'edit:item'));
        return ctx.wizard.selectStep(Step.item);
      case 'add':
        stateOf(ctx).pendingItem = undefined;
        await ctx.reply(m.askAdd, html);
        return ctx.wizard.selectStep(Step.add);
      case 'remove':
        await ctx.reply(m.chooseRemove, itemButtons(offer, 'edit:remove'));
        return ctx.wizard.selectStep(Step.remove);
      case 'done': {
        await ctx.scene.leave();
        ctx.log.info('offer_edited', { offer_id: offer.id, status: offer.status });
        return void (await ctx.reply(await summaryOf(ctx, offer), {
          ...html,
          ...manageKeyboard(offer.id, offer.status),
        }));
      }
    }
  },
  item: async (ctx) => {
    const offer = await offerOf(ctx);
    const pressed = callbackOf(ctx);
    if (ctx.callbackQuery) await ctx.answerCbQuery();
    // A press on an item's button, or (a wizard from before the menu) "2. Pastry box" typed from the keyboard.
    const typed = Number(textOf(ctx)?.match(/^(\d{1,2})\b/)?.[1]) - 1;
    const item =
      pressed?.kind === 'edit:item' ? offer.items.find((i) => i.id === pressed.args[0]) : offer.items[typed];
    if (!item) return void (await ctx.reply(m.chooseItem, itemButtons(offer, 'edit:item')));
    return askValues(ctx, offer, item.id);
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
    ctx.log.info('offer_edited', { offer_id: offerId, item_id: itemId, status: offer.status });
    // A restock or an emptied item can change what the offer's channel post shows (issue 14).
    await offerChanged(ctx.deps, offerId);
    return showMenu(ctx, t.edited, offer);
  },
  title: async (ctx) => {
    const title = textOf(ctx);
    if (!title || title.startsWith('/')) return void (await ctx.reply(m.askTitle, html));
    return change(ctx, async () => {
      await editOfferDetails(ctx.deps.db, { ownerId: ctx.from!.id, offerId: stateOf(ctx).offerId, title });
      return m.saved;
    });
  },
  description: async (ctx) => {
    const text = textOf(ctx);
    if (text === undefined) return void (await ctx.reply(m.askDescription, html));
    const description = text === '-' ? '' : text;
    return change(ctx, async () => {
      await editOfferDetails(ctx.deps.db, {
        ownerId: ctx.from!.id,
        offerId: stateOf(ctx).offerId,
        description,
      });
      return m.saved;
    });
  },
  window: async (ctx) => {
    const window = await readWindow(ctx);
    if (!window) return;
    return change(ctx, async () => {
      const result = await changePickupWindow(ctx.deps.db, {
        idempotencyKey: pressKey(ctx, 'offer.window'),
        ownerId: ctx.from!.id,
        offerId: stateOf(ctx).offerId,
        start: window.start,
        end: window.end,
        now: ctx.deps.clock.now(),
      });
      // A new end means a new expiry; the old callback finds the window moved and does nothing.
      if (['active', 'paused', 'sold_out'].includes(result.offer.status)) {
        await scheduleExpiry(ctx.deps, { id: result.offer.id, pickupEnd: result.offer.pickupEnd });
      }
      ctx.log.info('offer_window_changed', { offer_id: result.offer.id, told: result.notices.length });
      await deliverById(
        ctx.deps,
        ctx.telegram,
        result.notices.map((n) => n.id),
      );
      return m.windowSaved(result.notices.length);
    });
  },
  photo: async (ctx) => {
    let photoFileId: string | null = null;
    if (callbackOf(ctx)?.kind === 'wiz:skip' || isSkip(textOf(ctx), () => newOfferTexts.skip)) {
      if (ctx.callbackQuery) await ctx.answerCbQuery();
    } else {
      if (ctx.callbackQuery) return void (await ctx.answerCbQuery());
      try {
        photoFileId = await receivePhoto(ctx, '');
      } catch (error) {
        return void (await ctx.reply(`${photoProblem(error)}\n${newOfferTexts.badPhoto}`));
      }
    }
    return change(ctx, async () => {
      await editOfferDetails(ctx.deps.db, {
        ownerId: ctx.from!.id,
        offerId: stateOf(ctx).offerId,
        photoFileId,
      });
      return m.saved;
    });
  },
  add: async (ctx) => {
    const state = stateOf(ctx);
    let item = null;
    if (state.pendingItem) {
      item = await continueItem(ctx, state);
    } else {
      if (ctx.callbackQuery) return void (await ctx.answerCbQuery());
      const text = textOf(ctx);
      if (!text) return void (await ctx.reply(m.askAdd, html));
      if (isNameOnly(text)) return void (await startItem(ctx, state, text));
      const items = await readItemLines(ctx, text);
      item = items?.[0] ?? null;
    }
    if (!item) return;
    const added = item;
    return change(ctx, async () => {
      await addOfferItem(ctx.deps.db, {
        idempotencyKey: pressKey(ctx, 'offer.item_added'),
        ownerId: ctx.from!.id,
        offerId: state.offerId,
        item: added,
        now: ctx.deps.clock.now(),
      });
      return m.added;
    });
  },
  remove: async (ctx) => {
    const pressed = callbackOf(ctx);
    if (ctx.callbackQuery) await ctx.answerCbQuery();
    if (pressed?.kind !== 'edit:remove') return showMenu(ctx);
    const [itemId] = pressed.args;
    return change(ctx, async () => {
      await removeOfferItem(ctx.deps.db, {
        idempotencyKey: pressKey(ctx, 'offer.item_removed'),
        ownerId: ctx.from!.id,
        offerId: stateOf(ctx).offerId,
        itemId,
      });
      return m.removed;
    });
  },
});

guardWizard(editOfferScene, () => ({ cancelled: t.editCancelled, still: t.stillEditing }));
// A menu's button pressed while another question is open (an older menu, a change of mind) is the menu's:
// the open question is dropped and the menu handles the press.
buttonAction(editOfferScene, 'edit:field', async (ctx, _args, next) => {
  stateOf(ctx).pendingItem = undefined;
  ctx.wizard.selectStep(Step.menu);
  return next();
});
