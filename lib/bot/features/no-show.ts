import { Composer } from 'telegraf';
import { deliverWritten } from '../../jobs/deliver-notices.js';
import { type NoShowDecision, resolveNoShow } from '../../marketplace/strikes.js';
import { acknowledge, showInPlace } from '../after-commit.js';
import { buttonAction } from '../button-action.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { strikeTexts } from '../texts/reminders.js';

/**
 * The venue answers "did they come?" for a no-show it never confirmed (issue 14): collected (the customer is
 * thanked and asked for a rating, no strike) or not (the strike counts and the customer is told). Only the
 * venue of the reservation may answer; the first answer stands.
 */
export const noShowFeature = new Composer<BotContext>();

async function decide(ctx: BotContext, reservationId: number, decision: NoShowDecision) {
  const result = await resolveNoShow(ctx.deps.db, {
    reservationId,
    ownerId: ctx.from!.id,
    decision,
    now: ctx.deps.clock.now(),
  });
  if (result.changed) ctx.log.info('no_show_decided', { reservation_id: reservationId, decision });
  const text = result.decision === 'picked_up' ? strikeTexts.collected(result) : strikeTexts.missed(result);
  await acknowledge(ctx);
  await showInPlace(ctx, text, html);
  await deliverWritten(ctx.deps, ctx.telegram, result.notices, result);
}

buttonAction(noShowFeature, 'noshow:collected', (ctx, [reservationId]) =>
  decide(ctx, reservationId, 'picked_up'),
);
buttonAction(noShowFeature, 'noshow:missed', (ctx, [reservationId]) => decide(ctx, reservationId, 'missed'));
