import type { Visitor } from '../marketplace/users.js';
import { recordVisit } from '../marketplace/users.js';
import type { BotContext } from './context.js';

/** The caller's role, recording the visit; one SQL round trip. */
export function visitorOf(ctx: BotContext): Promise<Visitor> {
  const from = ctx.from!;
  return recordVisit(
    ctx.deps.db,
    { id: from.id, username: from.username, firstName: from.first_name, languageCode: from.language_code },
    ctx.deps.config.adminIds,
  );
}
