import type { DealAlertSettings } from '../../../marketplace/deal-alert-settings.js';
import type { FollowedVenue } from '../../../marketplace/follows.js';
import type { CustomerOffer } from '../../../marketplace/offer-details.js';
import type { SavedSearchView } from '../../../marketplace/saved-searches.js';
import { escapeHtml as e } from '../../html.js';
import type * as en from '../en/follows.js';
import { distance, money as formatMoney } from '../format.js';
import type { Locale } from '../locale.js';
import { plural } from '../plural.js';

/** What customers read about following venues, new-deal alerts, /settings and saved searches (issue 14). HTML. */

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const quietHoursLabel = (start: number, end: number) =>
  start === end ? 'выкл.' : `${hhmm(start)}–${hhmm(end)}`;

const radiusLabel = (metres: number) => distance(metres / 1000);
const priceCap = (maxPrice: number | null, l: Locale) =>
  maxPrice === null ? 'по любой цене' : `до ${formatMoney(maxPrice, l.currency)}`;

export const followTexts: typeof en.followTexts = {
  followButton: (venue: string) => `⭐ Подписаться: ${venue}`,
  followingButton: (venue: string) => `★ Вы подписаны: ${venue}`,
  unfollowButton: (venue: string) => `✖ Отписаться: ${venue}`,
  followed: (venue: string) =>
    `⭐ Вы подписались на заведение «${venue}». Его новые предложения будут приходить сюда.`,
  alreadyFollowing: (venue: string) => `Вы уже подписаны на заведение «${venue}».`,
  unfollowed: (venue: string) => `Вы отписались от заведения «${venue}».`,
  none: 'Вы пока ни на кого не подписаны. Откройте предложение в /offers и нажмите ⭐ Подписаться, чтобы узнавать о новых предложениях этого заведения.',
  list(venues: FollowedVenue[]): string {
    const lines = venues.map((v, i) => {
      const live =
        v.liveOffers === 0
          ? 'сейчас предложений нет'
          : `в продаже: ${plural(v.liveOffers, { one: '# предложение', few: '# предложения', many: '# предложений', other: '# предложения' })}`;
      return `${i + 1}. <b>${e(v.name)}</b>, ${e(v.address)} · ${live}`;
    });
    return (
      `⭐ <b>Ваши подписки</b>\n\n${lines.join('\n')}\n\n` +
      'Когда одно из этих заведений опубликует предложение, оно придёт сюда. Выключить уведомления или задать тихие часы — в /settings.'
    );
  },
};

export const dealAlertTexts: typeof en.dealAlertTexts = {
  followHeader: (offer: CustomerOffer) =>
    `⭐ <b>Новинка: ${e(offer.venue.name)}</b> — вы подписаны на это заведение`,
  searchHeader: (distanceM: number | null) =>
    distanceM === null
      ? '🔔 <b>Новое предложение по вашему сохранённому поиску</b>'
      : `🔔 <b>Новое предложение в ${distance(distanceM / 1000)} от вас</b> — по вашему сохранённому поиску`,
};

export const shareTexts: typeof en.shareTexts = {
  shareButton: '↗️ Поделиться',
  shareLine: (offer: Pick<CustomerOffer, 'title' | 'venue'>) =>
    `${offer.title} — ${offer.venue.name}: вкусная еда со скидкой, бронь в Telegram`,
  openInBot: '🛒 Открыть в боте',
};

export const settingsTexts: typeof en.settingsTexts = {
  view(settings: DealAlertSettings, search: SavedSearchView | null, following: number, l: Locale): string {
    const alerts = settings.muted
      ? '🔕 Уведомления о новых предложениях: <b>выключены</b>'
      : '🔔 Уведомления о новых предложениях: <b>включены</b>';
    const quiet =
      settings.quietStart === settings.quietEnd
        ? '🌙 Тихие часы: <b>выкл.</b>, уведомления приходят в любое время'
        : `🌙 Тихие часы: <b>${quietHoursLabel(settings.quietStart, settings.quietEnd)}</b> (${e(l.timezone)}), в это время уведомления ждут`;
    const saved = search
      ? `🔎 Сохранённый поиск: предложения в радиусе <b>${radiusLabel(search.radiusM)}</b>, <b>${priceCap(search.maxPrice, l)}</b>`
      : '🔎 Сохранённого поиска нет. Поделитесь геопозицией в /offers и нажмите 🔔, чтобы его создать.';
    const follows =
      following === 0
        ? '⭐ Вы пока ни на кого не подписаны'
        : `⭐ Подписки: ${plural(following, { one: '# заведение', few: '# заведения', many: '# заведений', other: '# заведения' })} (/following)`;
    return `⚙️ <b>Ваши уведомления</b>\n\n${alerts}\n${quiet}\n${saved}\n${follows}`;
  },
  muteButton: '🔕 Выключить уведомления',
  unmuteButton: '🔔 Включить уведомления',
  quietButton: (start: number, end: number) => `🌙 Тихие часы: ${quietHoursLabel(start, end)} ▸ изменить`,
  deleteSearchButton: '🗑 Удалить поиск',
  muted: 'Уведомления выключены. Ничего нового не придёт, пока вы их снова не включите.',
  unmuted: 'Уведомления включены.',
  quietSet: (start: number, end: number) =>
    start === end ? 'Тихие часы выключены.' : `Тихие часы: ${quietHoursLabel(start, end)}.`,
  searchDeleted: 'Сохранённый поиск удалён.',
  noSearch: 'Сохранённого поиска нет — удалять нечего.',
};

export const searchTexts: typeof en.searchTexts = {
  offerButton: '🔔 Сообщать о новинках рядом',
  askRadius:
    '🔔 Я сообщу о новых предложениях рядом с геопозицией, которой вы поделились. В каком радиусе искать?',
  askPrice: (radiusM: number) =>
    `В радиусе ${radiusLabel(radiusM)}. А сколько максимум может стоить одна позиция?`,
  radiusButton: (radiusM: number) => radiusLabel(radiusM),
  priceButton: (maxPrice: number, l: Locale) => `до ${formatMoney(maxPrice, l.currency)}`,
  anyPriceButton: 'любая цена',
  saved: (search: SavedSearchView, l: Locale) =>
    `🔔 <b>Сохранено.</b> Я сообщу, когда в радиусе ${radiusLabel(search.radiusM)} появится новое предложение ${priceCap(search.maxPrice, l)} (не больше одного уведомления от заведения в день).\n\n` +
    'Ваша геопозиция хранится только для этого и округлена примерно до 100 м. Изменить или удалить поиск — в /settings.',
};
