import type { Business } from '../../db/schema.js';
import { reviewBusiness } from '../marketplace/businesses.js';
import { setCommandMenu } from './command-menus.js';
import type { BotContext } from './context.js';
import { notifyUser } from './notify.js';
import { adminTexts } from './texts/admin.js';
import { ownerNotices } from './texts/business.js';

const html = { parse_mode: 'HTML' as const };

/** Verify, then tell the owner and give them the business command menu. */
export async function verify(ctx: BotContext, businessId: number): Promise<Business> {
  const { business, changed } = await reviewBusiness(ctx.deps.db, {
    businessId,
    adminId: ctx.from!.id,
    decision: 'verify',
  });
  if (changed) {
    ctx.log.info('business_verified', { business_id: business.id });
    await notifyUser(ctx.deps, ctx.telegram, business.ownerId, ownerNotices.verified(business.name));
    await setCommandMenu(ctx.telegram, business.ownerId, 'business').catch((error) =>
      ctx.log.warn('command_menu_failed', { error: String(error) }),
    );
  }
  await ctx.reply(adminTexts.verified(business, changed), html);
  return business;
}

export async function reject(ctx: BotContext, businessId: number, reason: string): Promise<void> {
  const { business, changed } = await reviewBusiness(ctx.deps.db, {
    businessId,
    adminId: ctx.from!.id,
    decision: 'reject',
    reason,
  });
  if (changed) {
    ctx.log.info('business_rejected', { business_id: business.id });
    await notifyUser(ctx.deps, ctx.telegram, business.ownerId, ownerNotices.rejected(business.name, reason));
  }
  await ctx.reply(adminTexts.rejected(business, changed), html);
}
