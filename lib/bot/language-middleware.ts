import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from './context.js';
import { inLanguage, type Language, languageFromTelegram } from './texts/language.js';
import { visitorOf } from './visitor.js';

/**
 * Issue 17: which language an update is answered in. Two steps, so the language costs no extra round trip
 * on the hot path (docs/BENCHMARKS.md):
 *
 * 1. `telegramLanguage`, first in the chain: the sender's Telegram `language_code`, else DEFAULT_LANGUAGE
 *    (updates without a person, e.g. a channel's membership news, get the default). This is what the
 *    private-chat refusal, membership news and inline mode answer in: they run before the session.
 * 2. `chosenLanguage`, right after the session: the language stored with /language wins. It is mirrored in
 *    the session (read once per update anyway); a new or expired session has no mirror yet, so the visit is
 *    recorded first (one statement, the one /start and /help make anyway), which returns the stored choice
 *    and refreshes the mirror, before anything is rendered. That costs one SQL round trip on a person's first
 *    update in three days (the session's life), never on the ones that follow.
 */
export const telegramLanguage: MiddlewareFn<BotContext> = (ctx, next) =>
  inLanguage(languageOfUpdate(ctx), next);

export const chosenLanguage: MiddlewareFn<BotContext> = async (ctx, next) => {
  const session = ctx.session;
  if (!session || !ctx.from) return next();
  if (session.language === undefined) {
    // Without the database the update goes on in Telegram's language; its own queries report the outage.
    await visitorOf(ctx).catch((error) => ctx.log.warn('visit_unrecorded', { error }));
  }
  const chosen: Language | null | undefined = session.language;
  return chosen ? inLanguage(chosen, next) : next();
};

/**
 * The update's language as far as it is known: the session's mirror of their choice, else Telegram's. Also for
 * the error boundary, which Telegraf calls after the middleware chain, outside the language it ran in.
 */
export function languageOfUpdate(ctx: BotContext): Language {
  const fallback = ctx.deps?.config.defaultLanguage;
  return ctx.session?.language ?? languageFromTelegram(ctx.from?.language_code, fallback);
}
