import { Composer } from 'telegraf';
import { listCustomerPurchases } from '../../marketplace/purchases.js';
import { callbackTrigger } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { purchasesKeyboard } from '../keyboards/customer.js';
import { localeOf, purchaseList, purchaseTexts } from '../texts/customer.js';

/** `/mypurchases`: the customer's reservations, open ones first, each open one with a Cancel button. */
export const myPurchasesFeature = new Composer<BotContext>();

/** The list as text and buttons; also used to refresh a message after a cancellation. */
export async function purchasesView(ctx: BotContext) {
  const purchases = await listCustomerPurchases(ctx.deps.db, ctx.from!.id, 10);
  if (purchases.length === 0) return { text: purchaseTexts.none, extra: {} };
  return {
    text: purchaseList(purchases, localeOf(ctx.deps)),
    extra: { parse_mode: 'HTML' as const, ...purchasesKeyboard(purchases) },
  };
}

myPurchasesFeature.command('mypurchases', async (ctx) => {
  const view = await purchasesView(ctx);
  await ctx.reply(view.text, view.extra);
});

myPurchasesFeature.action(callbackTrigger('purchases:mine'), async (ctx) => {
  const view = await purchasesView(ctx);
  await ctx.answerCbQuery();
  await ctx.reply(view.text, view.extra);
});
