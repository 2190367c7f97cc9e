import { Markup } from 'telegraf';
import { createOffer, type ItemDraft, OFFER_LIMITS } from '../../marketplace/offers.js';
import { buttonAction } from '../button-action.js';
import { callbackOf, encodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { runOfferAction } from '../features/offers.js';
import { html } from '../html.js';
import { cardKey } from '../idempotency-keys.js';
import { photoProblem, receivePhoto } from '../photo.js';
import { inEveryLanguage } from '../texts/language.js';
import { itemEntryTexts } from '../texts/offer-wizard.js';
import { offerSummary, newOfferTexts as t } from '../texts/venue.js';
import { ownVenueZone } from '../viewer-zone.js';
import { guardWizard, isSkip, namedWizard, textOf } from './common.js';
import {
  askPending,
  continueItem,
  type ItemEntryState,
  isNameOnly,
  readItemLines,
  startItem,
} from './item-entry.js';
import { askWindow, readWindow } from './window-input.js';

export const NEW_OFFER_SCENE = 'new-offer';

/** Each step reads the answer to the question the one before it asked. */
const Step = { start: 0, title: 1, items: 2, window: 3, photo: 4, summary: 5 } as const;

interface Draft extends ItemEntryState {
  title?: string;
  items: ItemDraft[];
  pickupStart?: string;
  pickupEnd?: string;
  photoFileId?: string | null;
}

const draftOf = (ctx: BotContext) => {
  const state = ctx.wizard.state as Partial<Draft>;
  state.items ??= [];
  return state as Draft;
};
// Keyboards are built per message, in the person's language (issue 17), never once at import.
const doneKeyboard = () =>
  Markup.inlineKeyboard([Markup.button.callback(t.done, encodeCallback('wiz:done'))]);
const skipKeyboard = () =>
  Markup.inlineKeyboard([Markup.button.callback(t.skip, encodeCallback('wiz:skip'))]);
const summaryKeyboard = () =>
  Markup.inlineKeyboard([
    [
      Markup.button.callback(t.saveDraft, encodeCallback('wiz:draft')),
      Markup.button.callback(t.publish, encodeCallback('wiz:publish')),
    ],
    [Markup.button.callback(t.cancel, encodeCallback('wiz:cancel'))],
  ]);

/** "Done" typed instead of tapped: the button's word in any language we speak ("Fertig", "Готово"), any case. */
const typedDone = (text: string | undefined) =>
  text !== undefined && inEveryLanguage(() => t.done.toLowerCase()).includes(text.toLowerCase());

/** Which of our buttons this update pressed, if any. */
const pressed = (ctx: BotContext) => callbackOf(ctx)?.kind;

/** Adds what was read, up to the limit, and says how many there are. */
async function addItems(ctx: BotContext, items: ItemDraft[]) {
  const draft = draftOf(ctx);
  for (const item of items) {
    if (draft.items.length >= OFFER_LIMITS.itemsMax)
      return void (await ctx.reply(t.tooManyItems(OFFER_LIMITS.itemsMax)));
    draft.items.push(item);
  }
  await ctx.reply(t.itemAdded(draft.items.length, OFFER_LIMITS.itemsMax), doneKeyboard());
}

async function showSummary(ctx: BotContext) {
  const draft = draftOf(ctx);
  const preview = offerSummary(
    {
      title: draft.title!,
      pickupStart: new Date(draft.pickupStart!),
      pickupEnd: new Date(draft.pickupEnd!),
      items: draft.items as never,
    },
    ctx.deps.clock.now(),
    await ownVenueZone(ctx),
    ctx.deps.config.currency,
  );
  await ctx.reply(`${preview}\n\n${t.summaryFooter}`, { ...html, ...summaryKeyboard() });
  ctx.wizard.selectStep(Step.summary);
}

export const newOfferScene = namedWizard(NEW_OFFER_SCENE, Step, {
  start: async (ctx) => {
    await ctx.reply(t.askTitle, html);
    return ctx.wizard.selectStep(Step.title);
  },
  title: async (ctx) => {
    const title = textOf(ctx);
    if (!title || title.length > OFFER_LIMITS.titleMax) return void (await ctx.reply(t.badTitle));
    draftOf(ctx).title = title;
    await ctx.reply(t.askItems, { ...html, ...doneKeyboard() });
    return ctx.wizard.selectStep(Step.items);
  },
  items: async (ctx) => {
    const draft = draftOf(ctx);
    const text = textOf(ctx);
    const done = pressed(ctx) === 'wiz:done' || typedDone(text);
    if (draft.pendingItem) {
      if (done) {
        await ctx.answerCbQuery().catch(() => {});
        return askPending(ctx, draft, itemEntryTexts.finishFirst);
      }
      const item = await continueItem(ctx, draft);
      if (item) await addItems(ctx, [item]);
      return;
    }
    if (done) {
      if (ctx.callbackQuery) await ctx.answerCbQuery();
      if (draft.items.length === 0) return void (await ctx.reply(t.needOneItem, html));
      await askWindow(ctx);
      return ctx.wizard.selectStep(Step.window);
    }
    if (ctx.callbackQuery) return void (await ctx.answerCbQuery());
    if (!text) return void (await ctx.reply(t.needOneItem, html));
    if (draft.items.length >= OFFER_LIMITS.itemsMax)
      return void (await ctx.reply(t.tooManyItems(OFFER_LIMITS.itemsMax)));
    if (isNameOnly(text) && !text.includes('\n')) return void (await startItem(ctx, draft, text));
    const items = await readItemLines(ctx, text, doneKeyboard());
    if (items) await addItems(ctx, items);
  },
  window: async (ctx) => {
    const window = await readWindow(ctx);
    if (!window) return;
    Object.assign(draftOf(ctx), {
      pickupStart: window.start.toISOString(),
      pickupEnd: window.end.toISOString(),
    });
    await ctx.reply(t.askPhoto, { ...html, ...skipKeyboard() });
    return ctx.wizard.selectStep(Step.photo);
  },
  photo: async (ctx) => {
    if (pressed(ctx) === 'wiz:skip' || isSkip(textOf(ctx), () => t.skip)) {
      if (ctx.callbackQuery) await ctx.answerCbQuery();
      draftOf(ctx).photoFileId = null;
      return showSummary(ctx);
    }
    if (ctx.callbackQuery) return void (await ctx.answerCbQuery());
    try {
      draftOf(ctx).photoFileId = await receivePhoto(ctx, draftOf(ctx).title ?? '');
    } catch (error) {
      return void (await ctx.reply(`${photoProblem(error)}\n${t.badPhoto}`, skipKeyboard()));
    }
    return showSummary(ctx);
  },
  summary: async (ctx) => {
    const kind = pressed(ctx);
    if (kind !== 'wiz:draft' && kind !== 'wiz:publish' && kind !== 'wiz:cancel') {
      if (ctx.callbackQuery) await ctx.answerCbQuery();
      return void (await ctx.reply(t.useButtons));
    }
    await ctx.answerCbQuery();
    await ctx.editMessageReplyMarkup(undefined).catch(() => {});
    if (kind === 'wiz:cancel') {
      await ctx.scene.leave();
      return void (await ctx.reply(t.cancelled));
    }
    const draft = draftOf(ctx);
    // Leave first: whatever happens next, a second tap can't create the offer twice.
    await ctx.scene.leave();
    const offer = await createOffer(ctx.deps.db, {
      // Both taps of a double tap on Publish carry the summary card: one offer.
      idempotencyKey: cardKey(ctx, 'offer.create'),
      ownerId: ctx.from!.id,
      title: draft.title!,
      photoFileId: draft.photoFileId ?? null,
      pickupStart: new Date(draft.pickupStart!),
      pickupEnd: new Date(draft.pickupEnd!),
      items: draft.items,
    });
    ctx.log.info('offer_created', { offer_id: offer.id, items: offer.items.length });
    if (kind === 'wiz:draft') return void (await ctx.reply(t.saved(offer.id)));
    await runOfferAction(ctx, offer.id, 'publish');
    await ctx.reply(t.published(offer.id));
  },
});

guardWizard(newOfferScene, () => ({ cancelled: t.cancelled, still: t.stillCreating }));
buttonAction(newOfferScene, 'wiz:cancel', async (ctx, _args, next) => {
  if (ctx.wizard.cursor === Step.summary) return next();
  await ctx.answerCbQuery();
  await ctx.scene.leave();
  await ctx.reply(t.cancelled);
});
