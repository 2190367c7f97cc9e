import { escapeHtml as e } from '../../html.js';
import type * as en from '../en/follows.js';
import { distance, money as formatMoney } from '../format.js';
import type { Locale } from '../locale.js';
import { plural } from '../plural.js';

/** What customers read about following venues, new-deal alerts, /settings and saved searches (issue 14). HTML. */

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const quietHoursLabel = (start: number, end: number) =>
  start === end ? 'aus' : `${hhmm(start)}–${hhmm(end)}`;

const radiusLabel = (metres: number) => distance(metres / 1000);
const priceCap = (maxPrice: number | null, l: Locale) =>
  maxPrice === null ? 'zu jedem Preis' : `bis ${formatMoney(maxPrice, l.currency)}`;

export const followTexts: typeof en.followTexts = {
  followButton: (venue) => `⭐ ${venue} folgen`,
  followingButton: (venue) => `★ Du folgst ${venue}`,
  unfollowButton: (venue) => `✖ ${venue} entfolgen`,
  followed: (venue) => `⭐ Du folgst ${venue}. Die nächsten Angebote bekommst du hier.`,
  alreadyFollowing: (venue) => `Du folgst ${venue} schon.`,
  unfollowed: (venue) => `Du folgst ${venue} nicht mehr.`,
  none: 'Du folgst noch keinem Betrieb. Öffne ein Angebot unter /offers und tippe auf ⭐ … folgen, dann erfährst du von den nächsten Angeboten dieses Betriebs.',
  list(venues) {
    const lines = venues.map((v, i) => {
      const live =
        v.liveOffers === 0
          ? 'gerade nichts online'
          : plural(v.liveOffers, { one: '# Angebot online', other: '# Angebote online' });
      return `${i + 1}. <b>${e(v.name)}</b>, ${e(v.address)} · ${live}`;
    });
    return (
      `⭐ <b>Betriebe, denen du folgst</b>\n\n${lines.join('\n')}\n\n` +
      'Sobald einer davon ein Angebot veröffentlicht, bekommst du es hier. Benachrichtigungen stumm schalten oder eine Ruhezeit festlegen kannst du unter /settings.'
    );
  },
};

export const dealAlertTexts: typeof en.dealAlertTexts = {
  followHeader: (offer) => `⭐ <b>Neu von ${e(offer.venue.name)}</b> – du folgst diesem Betrieb`,
  searchHeader: (distanceM) =>
    distanceM === null
      ? '🔔 <b>Ein neues Angebot passt zu deiner gespeicherten Suche</b>'
      : `🔔 <b>Ein neues Angebot ${distance(distanceM / 1000)} entfernt</b> passt zu deiner gespeicherten Suche`,
};

export const shareTexts: typeof en.shareTexts = {
  shareButton: '↗️ Teilen',
  shareLine: (offer) =>
    `${offer.title} bei ${offer.venue.name}: gutes Essen zum kleinen Preis, reservierbar in Telegram`,
  openInBot: '🛒 Im Bot öffnen',
};

export const settingsTexts: typeof en.settingsTexts = {
  view(settings, search, following, l) {
    const alerts = settings.muted
      ? '🔕 Benachrichtigungen zu neuen Angeboten: <b>stumm</b>'
      : '🔔 Benachrichtigungen zu neuen Angeboten: <b>an</b>';
    const quiet =
      settings.quietStart === settings.quietEnd
        ? '🌙 Ruhezeit: <b>aus</b>, Benachrichtigungen kommen jederzeit'
        : `🌙 Ruhezeit: <b>${quietHoursLabel(settings.quietStart, settings.quietEnd)}</b> (${e(l.timezone)}), Benachrichtigungen warten bis danach`;
    const saved = search
      ? `🔎 Gespeicherte Suche: Angebote im Umkreis von <b>${radiusLabel(search.radiusM)}</b>, <b>${priceCap(search.maxPrice, l)}</b>`
      : '🔎 Gespeicherte Suche: keine. Teile unter /offers deinen Standort und tippe dann auf 🔔, um eine anzulegen.';
    const follows =
      following === 0
        ? '⭐ Du folgst noch keinem Betrieb'
        : `⭐ Du folgst ${plural(following, { one: '# Betrieb', other: '# Betrieben' })} (/following)`;
    return `⚙️ <b>Deine Benachrichtigungen</b>\n\n${alerts}\n${quiet}\n${saved}\n${follows}`;
  },
  muteButton: '🔕 Stumm schalten',
  unmuteButton: '🔔 Wieder einschalten',
  quietButton: (start, end) => `🌙 Ruhezeit: ${quietHoursLabel(start, end)} ▸ ändern`,
  deleteSearchButton: '🗑 Suche löschen',
  muted: 'Benachrichtigungen stumm. Bis du sie wieder einschaltest, bekommst du nichts Neues.',
  unmuted: 'Benachrichtigungen sind an.',
  quietSet: (start, end) => (start === end ? 'Ruhezeit aus.' : `Ruhezeit: ${quietHoursLabel(start, end)}.`),
  searchDeleted: 'Gespeicherte Suche gelöscht.',
  noSearch: 'Es gibt keine gespeicherte Suche zum Löschen.',
};

export const searchTexts: typeof en.searchTexts = {
  offerButton: '🔔 Neue Angebote hier melden',
  askRadius:
    '🔔 Ich sage dir Bescheid, wenn es neue Angebote in der Nähe deines geteilten Standorts gibt. Wie weit weg dürfen sie sein?',
  askPrice: (radiusM) => `Im Umkreis von ${radiusLabel(radiusM)}. Und was darf ein Artikel höchstens kosten?`,
  radiusButton: (radiusM) => radiusLabel(radiusM),
  priceButton: (maxPrice, l) => `bis ${formatMoney(maxPrice, l.currency)}`,
  anyPriceButton: 'Preis egal',
  saved: (search, l) =>
    `🔔 <b>Gespeichert.</b> Ich sage dir Bescheid, wenn im Umkreis von ${radiusLabel(search.radiusM)} ein neues Angebot ${priceCap(search.maxPrice, l)} erscheint (höchstens eine Benachrichtigung pro Betrieb und Tag).\n\n` +
    'Dein Standort wird nur dafür gespeichert, auf etwa 100 m gerundet. Ändern oder löschen kannst du die Suche unter /settings.',
};
