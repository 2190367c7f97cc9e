import type { Composer, NarrowedContext } from 'telegraf';
import type { Update } from 'telegraf/types';
import { AppError } from '../errors.js';
import { type CallbackArgs, type CallbackKind, callbackOf, callbackTrigger } from './callback-data.js';
import type { BotContext } from './context.js';

/** The context of a button press, as a button's handler gets it. */
type ButtonContext = NarrowedContext<BotContext, Update.CallbackQueryUpdate>;

type ButtonHandler<K extends CallbackKind> = (
  ctx: ButtonContext,
  args: CallbackArgs<K>,
  next: () => Promise<void>,
) => Promise<unknown>;

/**
 * The one way a feature (or a wizard) answers a kind of button:
 * `buttonAction(browseFeature, 'offer:view', async (ctx, [offerId]) => …)`. It matches the kind (and the words
 * it had before a rename), decodes the data once with the kind's codec and hands the handler typed arguments.
 * Data that doesn't decode (forged, garbage, a format we no longer write) never reaches the handler: it gets
 * the one stale-button reply through the error boundary.
 */
export function buttonAction<K extends CallbackKind>(
  composer: Composer<BotContext>,
  kind: K,
  handler: ButtonHandler<K>,
): void {
  composer.action(callbackTrigger(kind), async (ctx, next) => {
    const pressed = callbackOf(ctx);
    if (pressed?.kind !== kind) throw new AppError({ code: 'button.stale' });
    await handler(ctx, pressed.args as CallbackArgs<K>, next);
  });
}
