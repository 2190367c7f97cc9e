import { randomUUID } from 'node:crypto';
import { type Telegram, TelegramError } from 'telegraf';
import { z } from 'zod';
import { html } from '../bot/html.js';
import { channelMessage, sendOfferMessage } from '../bot/offer-messages.js';
import { inLanguage } from '../bot/texts/language.js';
import { localeOf } from '../bot/texts/locale.js';
import type { Deps } from '../deps.js';
import {
  channelPostsOutOfDate,
  claimChannelPost,
  recordChannelPost,
  releaseChannelPost,
} from '../marketplace/channel-posts.js';

export const channelPostPayload = z.object({ offerId: z.number().int().positive() });

/**
 * With CHANNEL_ID set, keeps an offer's channel post in step with the offer: posted when it is published,
 * edited when it sells out, pauses or ends. Scheduled after any such change; the job itself decides what (if
 * anything) to do, so a duplicate or a stale trigger changes nothing.
 */
export async function scheduleChannelSync(deps: Deps, offerId: number): Promise<void> {
  if (!deps.config.channelId) return;
  const now = deps.clock.now();
  try {
    await deps.scheduler.schedule({
      name: 'channel-post',
      payload: { offerId },
      notBefore: now,
      // Every change gets its own run: the job reads the offer as it is then, so an extra run changes nothing,
      // while a shared id could drop the run that follows a second change in the same second.
      deduplicationId: `channel-post-${offerId}-${now.getTime()}-${randomUUID()}`,
    });
  } catch (error) {
    deps.log.error('schedule_failed', { job: 'channel-post', offer_id: offerId, error: String(error) });
  }
}

const notModified = (error: unknown) =>
  error instanceof TelegramError && error.code === 400 && /not modified/i.test(error.description);

/** The `channel-post` job: post, edit or leave the offer's channel post, then record what it shows. */
export async function runChannelPost(
  deps: Deps,
  telegram: Telegram,
  payload: z.infer<typeof channelPostPayload>,
) {
  const chatId = deps.config.channelId;
  if (!chatId) return { changed: false };
  const now = deps.clock.now();
  const sync = await claimChannelPost(deps.db, { offerId: payload.offerId, chatId, now });
  if (!sync) return { changed: false, busy: true };
  const { offer, wanted, post } = sync;
  const offerId = payload.offerId;
  if (post.shown === wanted || (post.messageId === null && wanted !== 'live')) {
    // In step already, or it ended before it was ever posted: nothing to show.
    await recordChannelPost(deps.db, { offerId, shown: post.shown, now });
    return { changed: false };
  }
  // A public channel has no one language: the deployment's (DEFAULT_LANGUAGE, issue 17).
  const message = inLanguage(deps.config.defaultLanguage, () =>
    channelMessage(offer, wanted, localeOf(deps), deps.config),
  );
  try {
    if (post.messageId === null) {
      const sent = await sendOfferMessage(telegram, chatId, message);
      await recordChannelPost(deps.db, { offerId, shown: wanted, ...sent, chatId, now });
    } else {
      const extra = { ...html, reply_markup: message.markup };
      const edit = post.hasPhoto
        ? telegram.editMessageCaption(chatId, post.messageId, undefined, message.text, extra)
        : telegram.editMessageText(chatId, post.messageId, undefined, message.text, extra);
      await edit.catch((error) => {
        if (!notModified(error)) throw error;
      });
      await recordChannelPost(deps.db, { offerId, shown: wanted, now });
    }
  } catch (error) {
    await releaseChannelPost(deps.db, { offerId, now }).catch(() => {});
    const code = error instanceof TelegramError ? error.code : undefined;
    deps.log.error('channel_post_failed', { offer_id: offerId, code, error: String(error) });
    // Refused for good (not an admin of the channel, a deleted post): retrying can't help.
    if (code === 400 || code === 403) return { changed: false, failed: true };
    throw error;
  }
  deps.log.info('channel_post', { offer_id: offerId, shown: wanted });
  return { changed: true, shown: wanted };
}

/** For the sweep: schedules a sync for every post that no longer matches its offer (a lost trigger). */
export async function resyncChannelPosts(deps: Deps): Promise<number> {
  if (!deps.config.channelId) return 0;
  const stale = await channelPostsOutOfDate(deps.db, { now: deps.clock.now() });
  for (const offerId of stale) await scheduleChannelSync(deps, offerId);
  return stale.length;
}
