import { Markup } from 'telegraf';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { Config } from '../../config.js';
import { type DealAlertSettings, QUIET_HOURS_PRESETS } from '../../marketplace/deal-alert-settings.js';
import type { FollowedVenue } from '../../marketplace/follows.js';
import type { CustomerOffer } from '../../marketplace/offer-details.js';
import { SEARCH_MAX_PRICES, SEARCH_RADII_M } from '../../marketplace/saved-searches.js';
import { encodeCallback } from '../callback-data.js';
import { botLink, offerLink, shareDialogLink } from '../deep-links.js';
import { channelTexts } from '../texts/channel.js';
import { followTexts, searchTexts, settingsTexts, shareTexts } from '../texts/follows.js';
import type { Locale } from '../texts/locale.js';
import { ratingTexts } from '../texts/ratings.js';
import { strikeTexts } from '../texts/reminders.js';
import { truncate } from '../truncate.js';
import { offerKeyboard } from './customer.js';

/** Buttons for issue 14's flows: follow and share on offer cards, settings, saved searches, ratings, no-shows. */

const button = Markup.button.callback;
const label = (text: string, max = 40) => truncate(text, max);
type Links = Pick<Config, 'botUsername'>;

/** ⭐ Follow (or ★ Following, which unfollows) for the offer's venue. */
export const followButton = (venue: { id: number; name: string }, following: boolean) =>
  following
    ? button(label(followTexts.followingButton(venue.name)), encodeCallback('follow:remove', venue.id))
    : button(label(followTexts.followButton(venue.name)), encodeCallback('follow:add', venue.id));

/** Telegram's share dialog with the offer's deep link. */
const shareButton = (offer: Pick<CustomerOffer, 'id' | 'title' | 'venue'>, links: Links) =>
  Markup.button.url(
    shareTexts.shareButton,
    shareDialogLink(offerLink(links, offer.id), shareTexts.shareLine(offer)),
  );

/** The offer card in the bot: a Reserve button per item left, then Follow and Share. */
export function offerCardKeyboard(offer: CustomerOffer, l: Locale, links: Links) {
  const reserve = offerKeyboard(offer, l).reply_markup.inline_keyboard;
  return Markup.inlineKeyboard([
    ...reserve,
    [followButton(offer.venue, offer.following)],
    [shareButton(offer, links)],
  ]);
}

/** A new-deal alert: the card's Reserve buttons and Share (the recipient follows already, or searched). */
export function dealAlertKeyboard(offer: CustomerOffer, l: Locale, links: Links) {
  const reserve = offerKeyboard(offer, l).reply_markup.inline_keyboard;
  return Markup.inlineKeyboard([...reserve, [shareButton(offer, links)]]);
}

/** The same markup with the venue's follow button turned over (the card the button sat on, edited in place). */
export function withFollowTurned(
  markup: InlineKeyboardMarkup | undefined,
  venue: { id: number; name: string },
  following: boolean,
): InlineKeyboardMarkup {
  const turned = followButton(venue, following);
  const rows = (markup?.inline_keyboard ?? []).map((row) =>
    row.map((b): InlineKeyboardButton => {
      const data = 'callback_data' in b ? b.callback_data : '';
      return data === encodeCallback('follow:add', venue.id) ||
        data === encodeCallback('follow:remove', venue.id)
        ? turned
        : b;
    }),
  );
  return { inline_keyboard: rows.length > 0 ? rows : [[turned]] };
}

export const followingKeyboard = (venues: FollowedVenue[]) =>
  Markup.inlineKeyboard(
    venues.map((v) => [
      button(label(followTexts.unfollowButton(v.name)), encodeCallback('follow:remove', v.venueId)),
    ]),
  );

export function settingsKeyboard(settings: DealAlertSettings, hasSearch: boolean) {
  const current = QUIET_HOURS_PRESETS.findIndex(
    ([s, e]) => s === settings.quietStart && e === settings.quietEnd,
  );
  const next = (current + 1) % QUIET_HOURS_PRESETS.length;
  const rows: InlineKeyboardButton[][] = [
    [
      settings.muted
        ? button(settingsTexts.unmuteButton, encodeCallback('settings:mute', 0))
        : button(settingsTexts.muteButton, encodeCallback('settings:mute', 1)),
    ],
    [
      button(
        settingsTexts.quietButton(settings.quietStart, settings.quietEnd),
        encodeCallback('settings:quiet', next),
      ),
    ],
  ];
  if (hasSearch) rows.push([button(settingsTexts.deleteSearchButton, encodeCallback('search:delete'))]);
  return Markup.inlineKeyboard(rows);
}

export const searchOfferKeyboard = () =>
  Markup.inlineKeyboard([[button(searchTexts.offerButton, encodeCallback('search:new'))]]);

export const radiusKeyboard = () =>
  Markup.inlineKeyboard([
    SEARCH_RADII_M.map((m) => button(searchTexts.radiusButton(m), encodeCallback('search:radius', m))),
  ]);

export const priceKeyboard = (radiusM: number, l: Locale) =>
  Markup.inlineKeyboard([
    SEARCH_MAX_PRICES.map((p) =>
      button(searchTexts.priceButton(p, l), encodeCallback('search:save', radiusM, p)),
    ),
    [button(searchTexts.anyPriceButton, encodeCallback('search:save', radiusM, 0))],
  ]);

/** 1–5 stars; the chosen one marked. */
export const ratingKeyboard = (reservationId: number, chosen?: number) =>
  Markup.inlineKeyboard([
    [1, 2, 3, 4, 5].map((n) =>
      button(ratingTexts.starButton(n, n === chosen), encodeCallback('rate:stars', reservationId, n)),
    ),
  ]);

export const noShowKeyboard = (reservationId: number) =>
  Markup.inlineKeyboard([
    [
      button(strikeTexts.collectedButton, encodeCallback('noshow:collected', reservationId)),
      button(strikeTexts.missedButton, encodeCallback('noshow:missed', reservationId)),
    ],
  ]);

/** Under a channel post: a deep link into the bot (to the offer while live, to all deals once it isn't). */
export const channelKeyboard = (offerId: number, live: boolean, links: Links) =>
  Markup.inlineKeyboard([
    [
      live
        ? Markup.button.url(channelTexts.reserveButton, offerLink(links, offerId))
        : Markup.button.url(channelTexts.moreDealsButton, botLink(links)),
    ],
  ]);

/** Under an inline result: open the offer in the bot. */
export const openInBotKeyboard = (offerId: number, links: Links) =>
  Markup.inlineKeyboard([[Markup.button.url(shareTexts.openInBot, offerLink(links, offerId))]]);
