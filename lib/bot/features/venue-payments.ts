import { Composer } from 'telegraf';
import { AppError } from '../../errors.js';
import { seatOf } from '../../marketplace/venue-access.js';
import { setOnlinePayment } from '../../marketplace/venue-payments.js';
import { acknowledge, showInPlace } from '../after-commit.js';
import { buttonAction } from '../button-action.js';
import type { BotContext } from '../context.js';
import { venuePaymentTexts } from '../texts/payments.js';
import { venueProfileView } from './venue-profile.js';

/**
 * The owner's switch for online payment on the /venue card (issue 18). Cash at the counter stays the default;
 * staff are told it is the owner's to do; on a deployment without PAYMENT_PROVIDER_TOKEN the button isn't shown,
 * and an old one changes nothing.
 */
export const venuePaymentsFeature = new Composer<BotContext>();

buttonAction(venuePaymentsFeature, 'venue:payments', async (ctx, [accept]) => {
  if (!ctx.deps.config.payments) throw new AppError({ code: 'button.stale' });
  const seat = await seatOf(ctx.deps.db, ctx.from.id);
  if (!seat) throw new AppError({ code: 'venue.not_found' });
  if (seat.role !== 'owner') throw new AppError({ code: 'venue.owner_only' });
  const accepts = await setOnlinePayment(ctx.deps.db, { ownerId: ctx.from.id, accept: accept === 1 });
  ctx.log.info('venue_online_payment', { venue_id: seat.venue.id, accepts });
  await acknowledge(
    ctx,
    (accepts ? venuePaymentTexts.turnedOn : venuePaymentTexts.turnedOff).replace(/<\/?b>/g, ''),
  );
  const view = await venueProfileView(ctx);
  await showInPlace(ctx, view.text, view.extra);
});
