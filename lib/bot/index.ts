import { session, Telegraf } from 'telegraf';
import type { UserFromGetMe } from 'telegraf/types';
import type { Deps } from '../deps.js';
import { RedisSessionStore } from '../infra/session-store.js';
import { markUnreachable, telegramOptions } from '../infra/telegram.js';
import { HANDLER_TIMEOUT_MS } from '../limits.js';
import type { BotContext, SessionData } from './context.js';
import { DEFAULT_BOT_USERNAME } from './deep-links.js';
import { replyToError } from './error-reply.js';
import { adminFeature } from './features/admin.js';
import { adminInsightFeature } from './features/admin-insight.js';
import { adminModerationFeature } from './features/admin-moderation.js';
import { adminTimeZoneFeature } from './features/admin-time-zone.js';
import { adminVenuesFeature } from './features/admin-venues.js';
import { browseFeature } from './features/browse.js';
import { dropsFeature } from './features/drops.js';
import { followFeature } from './features/follow.js';
import { helpFeature } from './features/help.js';
import { inlineFeature } from './features/inline.js';
import { languageFeature } from './features/language.js';
import { membershipFeature } from './features/membership.js';
import { menuFeature } from './features/menu.js';
import { myOffersFeature } from './features/my-offers.js';
import { myReservationsFeature } from './features/my-reservations.js';
import { noShowFeature } from './features/no-show.js';
import { offerExtrasFeature } from './features/offer-extras.js';
import { offersFeature } from './features/offers.js';
import { paymentUpdatesFeature } from './features/payment-updates.js';
import { paymentsFeature } from './features/payments.js';
import { privateOnlyFeature } from './features/private-only.js';
import { forgetRatingComment, rateFeature } from './features/rate.js';
import { reservationFeature } from './features/reservation.js';
import { reservationsDeskFeature } from './features/reservations-desk.js';
import { savedSearchFeature } from './features/saved-search.js';
import { searchFeature } from './features/search.js';
import { settingsFeature } from './features/settings.js';
import { staffFeature } from './features/staff.js';
import { startFeature } from './features/start.js';
import { unhandledFeature } from './features/unhandled.js';
import { venueFeature } from './features/venue.js';
import { venuePaymentsFeature } from './features/venue-payments.js';
import { venueProfileFeature } from './features/venue-profile.js';
import { chosenLanguage, languageOfUpdate, telegramLanguage } from './language-middleware.js';
import { createStage } from './scenes/index.js';
import { inLanguage } from './texts/language.js';
import { sessionKeyOf, updateParties } from './update-parties.js';

export interface BotHandle {
  bot: Telegraf<BotContext>;
  sessions: RedisSessionStore<SessionData>;
}

/** Known without a `getMe` call, so a cold start costs no round trip to Telegram. */
function presetBotInfo(token: string, username: string | undefined): UserFromGetMe {
  return {
    id: Number(token.split(':')[0]),
    is_bot: true,
    first_name: 'Surplus Food',
    username: username ?? DEFAULT_BOT_USERNAME,
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: true,
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
  // Issue 17: everything below answers in the sender's language; their /language choice once the session is read.
  bot.use(telegramLanguage);
  // Issue 18: Telegram's payment updates need no conversation state, and a payment claimed from a group is
  // refused with an audit row rather than dropped by the private-only guard.
  bot.use(paymentUpdatesFeature);
  bot.use(privateOnlyFeature, membershipFeature);
  // Issue 14: inline queries come from any chat and need no conversation state, so they are answered first.
  bot.use(inlineFeature);
  bot.use(
    session({
      store: sessions,
      getSessionKey: (ctx) => sessionKeyOf(updateParties(ctx.update)),
      defaultSession: () => ({}) as SessionData,
    }),
    chosenLanguage,
  );
  // Issue 17: the menu keyboard: a button's label becomes its command before anyone reads it, and every reply
  // hides or restores the keyboard around wizards.
  bot.use(menuFeature);
  // Issue 14: a rating's comment is the next plain message only while the person does nothing else.
  bot.use(forgetRatingComment);
  // Wizards first: while one runs, its steps get the messages (and /cancel leaves it).
  bot.use(createStage().middleware());
  // Order matters only where triggers overlap: deep links before the plain /start greeting.
  bot.use(browseFeature, startFeature, helpFeature, languageFeature);
  // Issue 14: follows, /settings, saved searches, ratings (a comment is the plain message after the stars,
  // so before any feature that reads plain text), the venue's answer on unconfirmed no-shows.
  bot.use(followFeature, settingsFeature, savedSearchFeature, rateFeature, noShowFeature);
  // The admin console: review, then find venues (before an owner's own /venue), act, read numbers and history.
  bot.use(
    adminFeature,
    adminVenuesFeature,
    adminModerationFeature,
    adminInsightFeature,
    adminTimeZoneFeature,
  );
  bot.use(venueFeature, offersFeature);
  // Issue 15: the venue's day: /myoffers in one message, who is coming, the profile, staff (and their invite
  // links, a /start payload), recurring drops.
  bot.use(myOffersFeature, reservationsDeskFeature, venueProfileFeature, staffFeature, dropsFeature);
  bot.use(reservationFeature, myReservationsFeature);
  // Issue 18: 💳 Pay now on the confirm card, and the venue's switch for online payment.
  bot.use(paymentsFeature, venuePaymentsFeature);
  // Issue 17: a deal's photo and map on request; then free text is a search, once nobody else wanted it.
  bot.use(offerExtrasFeature, searchFeature);
  bot.use(unhandledFeature);

  // Telegraf calls this after the chain, outside its language: the refusal is said in the person's again.
  bot.catch((error, ctx) => inLanguage(languageOfUpdate(ctx), () => replyToError(ctx, error)));

  return { bot, sessions };
}
