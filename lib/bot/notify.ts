import { type Telegram, TelegramError } from 'telegraf';
import type { Deps } from '../deps.js';
import { languageTagsOf, markUserBlocked } from '../marketplace/users.js';
import { html } from './html.js';
import { inLanguage, type Language, languageFromTelegram } from './texts/language.js';

type SendOptions = Parameters<Telegram['sendMessage']>[2];

/** A message rendered for one recipient: its text, and buttons (whose labels are words too). */
type Rendered = string | { text: string; extra?: SendOptions };

/** A lookup must not hold up a notice (it often follows a failure): past this, the default language. */
const LOOKUP_BUDGET_MS = 500;

/**
 * Issue 17: the language each of these people reads: their /language choice, else the Telegram language of
 * their last visit, else DEFAULT_LANGUAGE. One statement for all of them, so telling every admin is one
 * query, not one each. Never throws: without an answer in time, everyone gets the default.
 */
export async function recipientLanguages(
  deps: Deps,
  userIds: readonly number[],
): Promise<(userId: number) => Language> {
  let tags = new Map<number, string | null>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    tags = await Promise.race([
      languageTagsOf(deps.db, userIds),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('language lookup budget')), LOOKUP_BUDGET_MS);
      }),
    ]);
  } catch (error) {
    deps.log.info('recipient_languages_unknown', { count: userIds.length, error });
  } finally {
    clearTimeout(timer);
  }
  return (userId) => languageFromTelegram(tags.get(userId), deps.config.defaultLanguage);
}

/**
 * Messages someone other than the sender of the update (an admin, the venue, a customer), in the recipient's
 * language: `render` runs inside it (pass `language` when it is known already). A failure never undoes the
 * database change that caused it: 403 (they blocked the bot) marks them and moves on, anything else is
 * logged. Returns whether the message went out.
 */
export async function notifyUser(
  deps: Deps,
  telegram: Telegram,
  userId: number,
  render: () => Rendered,
  language?: Language,
): Promise<boolean> {
  const theirs = language ?? (await recipientLanguages(deps, [userId]))(userId);
  const rendered = inLanguage(theirs, render);
  const { text, extra = {} } = typeof rendered === 'string' ? { text: rendered } : rendered;
  try {
    await telegram.sendMessage(userId, text, { ...html, ...extra });
    return true;
  } catch (error) {
    if (error instanceof TelegramError && error.code === 403) {
      await markUserBlocked(deps.db, userId).catch(() => {});
      deps.log.info('notify_blocked', { user_id: userId });
    } else {
      deps.log.warn('notify_failed', {
        user_id: userId,
        code: error instanceof TelegramError ? error.code : undefined,
        error: error instanceof TelegramError ? error.description : String(error),
      });
    }
    return false;
  }
}

/** The same message to several people (every admin), each in their own language; one language lookup. */
export async function notifyUsers(
  deps: Deps,
  telegram: Telegram,
  userIds: readonly number[],
  render: () => Rendered,
): Promise<boolean[]> {
  const languageOf = await recipientLanguages(deps, userIds);
  return Promise.all(userIds.map((id) => notifyUser(deps, telegram, id, render, languageOf(id))));
}
