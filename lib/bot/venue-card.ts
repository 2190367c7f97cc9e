import type { Telegram } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Deps } from '../deps.js';
import type { VenueWithOwner } from '../marketplace/find-venues.js';
import { html } from './html.js';
import { notifyUser } from './notify.js';
import { venueCard } from './texts/admin.js';
import { currentLanguage } from './texts/language.js';
import { truncate } from './truncate.js';

/** Telegram's limit on a photo's caption. */
const CAPTION_MAX = 1024;

/**
 * A venue's card in an admin's chat, in the current language (the caller sets the admin's): the venue's photo
 * with the card as its caption (or the card alone), the buttons under it, then the venue as a map pin
 * (Telegram's venue message) instead of raw coordinates. Never throws: a photo Telegram no longer knows falls
 * back to the text card, and a failure is logged (notifyUser).
 */
export async function sendVenueCard(
  deps: Deps,
  telegram: Telegram,
  chatId: number,
  card: VenueWithOwner,
  options: { heading?: string; keyboard?: { reply_markup: InlineKeyboardMarkup } } = {},
): Promise<boolean> {
  const text = venueCard(card, options.heading);
  const { venue } = card;
  // A card with a long reason can outgrow a caption: then the photo goes first and the card follows it.
  const asCaption = text.length <= CAPTION_MAX;
  let shown = false;
  if (venue.photoFileId) {
    const sent = await telegram
      .sendPhoto(chatId, venue.photoFileId, asCaption ? { ...html, ...options.keyboard, caption: text } : {})
      .then(
        () => true,
        (error: unknown) => {
          deps.log.info('venue_photo_failed', { venue_id: venue.id, error });
          return false;
        },
      );
    shown = sent && asCaption;
  }
  if (!shown) {
    shown = await notifyUser(
      deps,
      telegram,
      chatId,
      () => ({ text, extra: options.keyboard }),
      currentLanguage(),
    );
  }
  if (shown && venue.latitude !== null && venue.longitude !== null) {
    await telegram
      .sendVenue(
        chatId,
        venue.latitude,
        venue.longitude,
        truncate(venue.name, 100),
        truncate(venue.address, 100),
      )
      .catch((error: unknown) => deps.log.info('venue_pin_failed', { venue_id: venue.id, error }));
  }
  return shown;
}
