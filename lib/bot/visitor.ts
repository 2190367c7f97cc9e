import type { Visitor } from '../marketplace/users.js';
import { recordVisit } from '../marketplace/users.js';
import type { BotContext } from './context.js';

/** One recorded visit per update, however many parts of it ask (the language middleware, /start, /help). */
const visits = new WeakMap<BotContext, Promise<Visitor>>();

/**
 * The caller's role and chosen language, recording the visit; one SQL round trip, once per update. The
 * session's mirror of the chosen language is refreshed from it (lib/bot/language-middleware.ts reads it).
 */
export function visitorOf(ctx: BotContext): Promise<Visitor> {
  let visit = visits.get(ctx);
  if (!visit) {
    visit = record(ctx);
    visits.set(ctx, visit);
    // A failed visit may be asked again (e.g. after the error boundary): it is not kept.
    visit.catch(() => visits.delete(ctx));
  }
  return visit;
}

async function record(ctx: BotContext): Promise<Visitor> {
  const from = ctx.from!;
  const visitor = await recordVisit(
    ctx.deps.db,
    { id: from.id, username: from.username, firstName: from.first_name, languageCode: from.language_code },
    ctx.deps.config.adminIds,
  );
  if (ctx.session && ctx.session.language !== visitor.language) ctx.session.language = visitor.language;
  return visitor;
}
