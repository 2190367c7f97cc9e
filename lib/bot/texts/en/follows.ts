import type { DealAlertSettings } from '../../../marketplace/deal-alert-settings.js';
import type { FollowedVenue } from '../../../marketplace/follows.js';
import type { CustomerOffer } from '../../../marketplace/offer-details.js';
import type { SavedSearchView } from '../../../marketplace/saved-searches.js';
import { escapeHtml as e } from '../../html.js';
import { distance, money as formatMoney } from '../format.js';
import type { Locale } from '../locale.js';

/** What customers read about following venues, new-deal alerts, /settings and saved searches (issue 14). HTML. */

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const quietHoursLabel = (start: number, end: number) =>
  start === end ? 'off' : `${hhmm(start)}–${hhmm(end)}`;

const radiusLabel = (metres: number) => distance(metres / 1000);
const priceCap = (maxPrice: number | null, l: Locale) =>
  maxPrice === null ? 'at any price' : `up to ${formatMoney(maxPrice, l.currency)}`;

export const followTexts = {
  followButton: (venue: string) => `⭐ Follow ${venue}`,
  followingButton: (venue: string) => `★ Following ${venue}`,
  unfollowButton: (venue: string) => `✖ Unfollow ${venue}`,
  followed: (venue: string) => `⭐ You follow ${venue}. Their next deals will reach you here.`,
  alreadyFollowing: (venue: string) => `You already follow ${venue}.`,
  unfollowed: (venue: string) => `You no longer follow ${venue}.`,
  none: 'You don’t follow any venue yet. Open a deal in /offers and tap ⭐ Follow to hear about that venue’s next ones.',
  list(venues: FollowedVenue[]): string {
    const lines = venues.map((v, i) => {
      const live =
        v.liveOffers === 0
          ? 'nothing live now'
          : `${v.liveOffers} deal${v.liveOffers === 1 ? '' : 's'} live now`;
      return `${i + 1}. <b>${e(v.name)}</b>, ${e(v.address)} · ${live}`;
    });
    return (
      `⭐ <b>Venues you follow</b>\n\n${lines.join('\n')}\n\n` +
      'When one of them publishes a deal, it reaches you here. Mute alerts or set quiet hours in /settings.'
    );
  },
};

export const dealAlertTexts = {
  followHeader: (offer: CustomerOffer) => `⭐ <b>New from ${e(offer.venue.name)}</b>, a venue you follow`,
  searchHeader: (distanceM: number | null) =>
    distanceM === null
      ? '🔔 <b>A new deal matches your saved search</b>'
      : `🔔 <b>A new deal ${distance(distanceM / 1000)} away</b> matches your saved search`,
};

export const shareTexts = {
  shareButton: '↗️ Share',
  shareLine: (offer: Pick<CustomerOffer, 'title' | 'venue'>) =>
    `${offer.title} at ${offer.venue.name}: good food at a discount, reserve in Telegram`,
  openInBot: '🛒 Open in the bot',
};

export const settingsTexts = {
  view(settings: DealAlertSettings, search: SavedSearchView | null, following: number, l: Locale): string {
    const alerts = settings.muted ? '🔕 New-deal alerts: <b>muted</b>' : '🔔 New-deal alerts: <b>on</b>';
    const quiet =
      settings.quietStart === settings.quietEnd
        ? '🌙 Quiet hours: <b>off</b>, alerts come at any time'
        : `🌙 Quiet hours: <b>${quietHoursLabel(settings.quietStart, settings.quietEnd)}</b> (${e(l.timezone)}), alerts wait until they end`;
    const saved = search
      ? `🔎 Saved search: deals within <b>${radiusLabel(search.radiusM)}</b>, <b>${priceCap(search.maxPrice, l)}</b>`
      : '🔎 Saved search: none. Share your location in /offers, then tap 🔔 to set one.';
    const follows =
      following === 0
        ? '⭐ You follow no venue yet'
        : `⭐ You follow ${following} venue${following === 1 ? '' : 's'} (/following)`;
    return `⚙️ <b>Your alerts</b>\n\n${alerts}\n${quiet}\n${saved}\n${follows}`;
  },
  muteButton: '🔕 Mute alerts',
  unmuteButton: '🔔 Turn alerts on',
  quietButton: (start: number, end: number) => `🌙 Quiet hours: ${quietHoursLabel(start, end)} ▸ change`,
  deleteSearchButton: '🗑 Delete saved search',
  muted: 'Alerts muted. Nothing new will reach you until you turn them on again.',
  unmuted: 'Alerts are on.',
  quietSet: (start: number, end: number) =>
    start === end ? 'Quiet hours off.' : `Quiet hours: ${quietHoursLabel(start, end)}.`,
  searchDeleted: 'Saved search deleted.',
  noSearch: 'There is no saved search to delete.',
};

export const searchTexts = {
  offerButton: '🔔 Alert me about new deals near here',
  askRadius: '🔔 I’ll tell you about new deals near the location you shared. How far may they be?',
  askPrice: (radiusM: number) => `Within ${radiusLabel(radiusM)}. And what may an item cost at most?`,
  radiusButton: (radiusM: number) => radiusLabel(radiusM),
  priceButton: (maxPrice: number, l: Locale) => `up to ${formatMoney(maxPrice, l.currency)}`,
  anyPriceButton: 'any price',
  saved: (search: SavedSearchView, l: Locale) =>
    `🔔 <b>Saved.</b> I’ll tell you when a new deal is published within ${radiusLabel(search.radiusM)}, ${priceCap(search.maxPrice, l)} (at most one alert per venue a day).\n\n` +
    'Your location is kept for this only, rounded to about 100 m. Change or delete the search in /settings.',
};
