import { Composer } from 'telegraf';
import { cancelReservation, confirmPickup } from '../../marketplace/purchases.js';
import { callbackTrigger } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { editOrReply } from '../edit-or-reply.js';
import { notifyUser } from '../notify.js';
import { ownerTexts, purchaseTexts } from '../texts/customer.js';
import { purchasesView } from './my-purchases.js';
import { argsOf, reserveFeature } from './reserve.js';

/** A reservation's life after it is made: the customer cancels, the venue confirms the pickup. */
export const purchaseFeature = new Composer<BotContext>();
const html = { parse_mode: 'HTML' as const };

purchaseFeature.use(reserveFeature);

/** Cancels the caller's reservation (another customer's is "not found") and tells the venue, once. */
async function cancelFor(ctx: BotContext, purchaseId: number) {
  const result = await cancelReservation(ctx.deps.db, {
    purchaseId,
    customerId: ctx.from!.id,
    now: ctx.deps.clock.now(),
  });
  if (result.changed) {
    ctx.log.info('purchases_cancelled', { purchase_id: purchaseId, restocked: result.quantity });
    const text = ownerTexts.cancelled(
      ctx.from!.first_name,
      result.quantity,
      result.itemName,
      result.pickupCode,
    );
    await notifyUser(ctx.deps, ctx.telegram, result.ownerId, text);
  }
  return result;
}

purchaseFeature.command('cancel', async (ctx, next) => {
  // A bare /cancel means "stop what I'm doing"; the fallback answers that.
  if (!ctx.payload.trim()) return next();
  const match = /^#?(\d{1,15})$/.exec(ctx.payload.trim());
  if (!match) return void (await ctx.reply(purchaseTexts.cancelUsage, html));
  const result = await cancelFor(ctx, Number(match[1]));
  const text = result.changed
    ? purchaseTexts.cancelled(result.purchaseId)
    : purchaseTexts.alreadyCancelled(result.purchaseId);
  await ctx.reply(text, html);
});

purchaseFeature.action(callbackTrigger('purchase:cancel'), async (ctx) => {
  const [purchaseId] = argsOf(ctx, 'purchase:cancel');
  const result = await cancelFor(ctx, purchaseId);
  await ctx.answerCbQuery(
    result.changed ? purchaseTexts.cancelled(purchaseId) : purchaseTexts.alreadyCancelled(purchaseId),
  );
  // The message the button sat on now shows the reservations as they are.
  const view = await purchasesView(ctx);
  await editOrReply(ctx, view.text, view.extra);
});

/** The venue confirms a pickup; the customer is thanked. A code of another venue is "not found". */
async function pickedUp(ctx: BotContext, target: { code: string } | { purchaseId: number }) {
  const result = await confirmPickup(ctx.deps.db, { ownerId: ctx.from!.id, ...target });
  ctx.log.info('purchases_completed', { purchase_id: result.purchaseId });
  return result;
}

purchaseFeature.command('pickup', async (ctx) => {
  const code = ctx.payload.trim();
  if (!code) return void (await ctx.reply(ownerTexts.pickupUsage, html));
  const result = await pickedUp(ctx, { code });
  await ctx.reply(ownerTexts.pickupDone(result), html);
  await notifyUser(ctx.deps, ctx.telegram, result.customerId, purchaseTexts.thanks(result));
});

purchaseFeature.action(callbackTrigger('purchase:pickup'), async (ctx) => {
  const [purchaseId] = argsOf(ctx, 'purchase:pickup');
  const result = await pickedUp(ctx, { purchaseId });
  await ctx.answerCbQuery(ownerTexts.pickedUpButton);
  await editOrReply(ctx, ownerTexts.pickupDone(result), html);
  await notifyUser(ctx.deps, ctx.telegram, result.customerId, purchaseTexts.thanks(result));
});
