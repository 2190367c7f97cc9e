import { Telegraf } from 'telegraf';
import type { Update, UserFromGetMe } from 'telegraf/types';
import type { CommandBackend } from '../../lib/infra/redis.js';

/** What the floor needs of a SQL driver: pg's `Pool.query` and PGlite's `query` both fit. */
export interface FloorSql {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** The live offers, soonest-ending first: the one query a browse cannot do without. */
const FLOOR_QUERY =
  "select id, title, pickup_end from offers where status = 'active' and pickup_end > now() order by pickup_end limit 10";

/**
 * The physical floor of this job (ARCHITECTURE §7): a bare Telegraf bot (as createBareBot: apiRoot,
 * `webhookReply: false`, botInfo preset) that does the least I/O the real work needs, with no framework of
 * ours in between: one Redis pipeline that claims the update (`SET … NX EX`) and reads the session (`GET`),
 * one SQL query for the live offers, one reply that names them. Raw driver calls: the Redis backend is one
 * ioredis pipeline per call, the SQL client is the pool the app uses (raw text, no ORM).
 */
export function createFloorBot(apiRoot: string, token: string, redis: CommandBackend, db: FloorSql) {
  const bot = new Telegraf(token, { telegram: { apiRoot, webhookReply: false } });
  bot.botInfo = {
    id: Number(token.split(':')[0]),
    is_bot: true,
    first_name: 'Floor',
    username: 'FloorBot',
  } as UserFromGetMe;
  bot.use(async (ctx) => {
    const user = ctx.from?.id ?? 0;
    const [claim] = await redis.run(
      [
        ['SET', `floor:update:${ctx.update.update_id}`, 'processing', 'NX', 'EX', 15],
        ['GET', `floor:session:${user}`],
      ],
      false,
    );
    if (claim?.error) throw new Error(claim.error);
    const { rows } = await db.query(FLOOR_QUERY);
    const titles = (rows as Array<{ title: string }>).map((row) => row.title);
    await ctx.reply(titles.length > 0 ? `Offers: ${titles.join(', ')}` : 'No offers right now.');
  });
  return { bot, handle: (rawBody: string) => bot.handleUpdate(JSON.parse(rawBody) as Update) };
}
