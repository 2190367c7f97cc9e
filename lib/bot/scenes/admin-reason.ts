import { isAdmin } from '../admin-only.js';
import { isReason } from '../command-args.js';
import { html } from '../html.js';
import { requestChanges, suspend, takeDown } from '../moderation-actions.js';
import { reasonTexts } from '../texts/admin.js';
import { guardWizard, namedWizard, textOf } from './common.js';

/**
 * After an admin taps Request changes, Suspend or Take down, they type what the owner will read; the action
 * runs with it. The message carrying the reason is the write's idempotency key.
 */
export const REASON_SCENE = 'admin-reason';

export interface ReasonState {
  action: 'changes' | 'suspend' | 'takedown';
  /** The venue's id (changes, suspend) or the offer's (takedown). */
  id: number;
  /** The venue's name or the offer's title, for the question. */
  name: string;
}

const Step = { start: 0, reason: 1 } as const;

const run = { changes: requestChanges, suspend, takedown: takeDown };

export const adminReasonScene = namedWizard(REASON_SCENE, Step, {
  start: async (ctx) => {
    const { action, name } = ctx.wizard.state as ReasonState;
    await ctx.reply(reasonTexts.ask[action](name), html);
    return ctx.wizard.selectStep(Step.reason);
  },
  reason: async (ctx) => {
    const reason = textOf(ctx);
    if (!isReason(reason)) return void (await ctx.reply(reasonTexts.badReason));
    const { action, id } = ctx.wizard.state as ReasonState;
    await ctx.scene.leave();
    // Only admins enter this wizard; checked again in case the configuration changed in between.
    if (!isAdmin(ctx)) return;
    await run[action](ctx, id, reason);
  },
});

guardWizard(adminReasonScene, () => ({ cancelled: reasonTexts.cancelled, still: reasonTexts.badReason }));
