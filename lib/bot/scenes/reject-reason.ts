import { html } from '../html.js';
import { reject } from '../review-actions.js';
import { adminTexts } from '../texts/admin.js';
import { guardWizard, namedWizard, textOf } from './common.js';

/** After tapping "Reject", the admin types the reason the owner will read. */
export const REJECT_SCENE = 'reject-reason';

const Step = { start: 0, reason: 1 } as const;

export const rejectReasonScene = namedWizard(REJECT_SCENE, Step, {
  start: async (ctx) => {
    const { name } = ctx.wizard.state as { name: string };
    await ctx.reply(adminTexts.askRejectReason(name), html);
    return ctx.wizard.selectStep(Step.reason);
  },
  reason: async (ctx) => {
    const reason = textOf(ctx);
    if (!reason || reason.length < 3 || reason.length > 300)
      return void (await ctx.reply(adminTexts.badReason));
    const { venueId } = ctx.wizard.state as { venueId: number };
    await ctx.scene.leave();
    await reject(ctx, venueId, reason);
  },
});

guardWizard(rejectReasonScene, () => ({
  cancelled: adminTexts.rejectCancelled,
  still: adminTexts.badReason,
}));
