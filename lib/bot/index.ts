import { session, Telegraf, TelegramError } from 'telegraf';
import type { UserFromGetMe } from 'telegraf/types';
import type { Deps } from '../deps.js';
import { AppError, isOutage, OutageError, OutcomeUnknownError } from '../errors.js';
import { RedisSessionStore } from '../infra/session-store.js';
import { markUnreachable, telegramOptions } from '../infra/telegram.js';
import { HANDLER_TIMEOUT_MS } from '../limits.js';
import { markUserBlocked } from '../marketplace/users.js';
import type { BotContext, SessionData } from './context.js';
import { adminFeature } from './features/admin.js';
import { browseFeature } from './features/browse.js';
import { businessFeature } from './features/business.js';
import { helpFeature } from './features/help.js';
import { membershipFeature } from './features/membership.js';
import { myPurchasesFeature } from './features/my-purchases.js';
import { offersFeature } from './features/offers.js';
import { privateOnlyFeature } from './features/private-only.js';
import { purchaseFeature } from './features/purchase.js';
import { startFeature } from './features/start.js';
import { unhandledFeature } from './features/unhandled.js';
import { createStage } from './scenes/index.js';
import { texts } from './texts/common.js';
import { truncate } from './truncate.js';
import { sessionKeyOf, updateParties } from './update-parties.js';

export interface BotHandle {
  bot: Telegraf<BotContext>;
  sessions: RedisSessionStore<SessionData>;
}

/** Known without a `getMe` call, so a cold start costs no round trip to Telegram. */
export function presetBotInfo(token: string, username: string | undefined): UserFromGetMe {
  return {
    id: Number(token.split(':')[0]),
    is_bot: true,
    first_name: 'Surplus Food',
    username: username ?? 'SurplusFoodBot',
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
  } as UserFromGetMe;
}

export interface BotOptions {
  /** How long one update may take (default HANDLER_TIMEOUT_MS, below the function's maxDuration). */
  handlerTimeoutMs?: number;
}

export function createBot(deps: Deps, token: string, options: BotOptions = {}): BotHandle {
  const bot = new Telegraf<BotContext>(token, {
    telegram: telegramOptions(deps.config),
    handlerTimeout: options.handlerTimeoutMs ?? HANDLER_TIMEOUT_MS,
  });
  bot.botInfo = presetBotInfo(token, deps.config.botUsername);
  const sessions = new RedisSessionStore<SessionData>(deps.redis);

  markUnreachable(bot.telegram);
  bot.use((ctx, next) => {
    markUnreachable(ctx.telegram);
    ctx.deps = deps;
    ctx.log = deps.log.child({ update_id: ctx.update.update_id });
    return next();
  });
  bot.use(privateOnlyFeature, membershipFeature);
  bot.use(
    session({
      store: sessions,
      getSessionKey: (ctx) => sessionKeyOf(updateParties(ctx.update)),
      defaultSession: () => ({}) as SessionData,
    }),
  );
  // Wizards first: while one runs, its steps get the messages (and /cancel leaves it).
  bot.use(createStage().middleware());
  // Order matters only where triggers overlap: deep links before the plain /start greeting.
  bot.use(browseFeature, startFeature, helpFeature);
  bot.use(adminFeature, businessFeature, offersFeature);
  bot.use(purchaseFeature, myPurchasesFeature);
  bot.use(unhandledFeature);

  bot.catch(async (error, ctx) => {
    // Out of time: the write may have committed. Nobody is told "failed"; the webhook has Telegram retry,
    // and the idempotency record answers the retry with the first outcome.
    if (error instanceof Error && error.name === 'TimeoutError') throw new OutcomeUnknownError(error);
    // Redis down: the conversation state can't be read or kept. Retrying the update would only add load,
    // so the user is asked to try again and the update is done (200).
    if (error instanceof OutageError && error.service === 'redis') {
      ctx.log.warn('session_unavailable');
      await replyQuietly(ctx, texts.tryAgain);
      return;
    }
    // Database down: propagates; the webhook releases its claim and answers 503 so Telegram retries.
    if (isOutage(error)) throw error;
    if (error instanceof TelegramError && error.code === 403 && ctx.from) {
      await markUserBlocked(deps.db, ctx.from.id).catch(() => {});
      ctx.log.info('user_blocked_bot', { user_id: ctx.from.id });
      return;
    }
    const friendly = error instanceof AppError ? (error.reason ?? texts.genericError) : texts.genericError;
    if (!(error instanceof AppError)) ctx.log.error('handler_failed', { error });
    await replyQuietly(ctx, friendly);
  });

  return { bot, sessions };
}

/** Tells the user one kind line; never throws (the user may have blocked us meanwhile). */
async function replyQuietly(ctx: BotContext, text: string) {
  try {
    if (ctx.callbackQuery) await ctx.answerCbQuery(truncate(text, 200));
    else if (ctx.chat?.type === 'private') await ctx.reply(text);
  } catch {
    // nothing more to do: the error is already logged
  }
}
