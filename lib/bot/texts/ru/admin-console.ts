import type { VenueWithOwner } from '../../../marketplace/find-venues.js';
import type { OfferStatus } from '../../../marketplace/offers.js';
import type { VenueDossier } from '../../../marketplace/venue-dossier.js';
import { escapeHtml } from '../../html.js';
import { truncate } from '../../truncate.js';
import type * as en from '../en/admin-console.js';
import { pickupWindow as describePickupWindow, money as formatMoney } from '../format.js';
import { plural } from '../plural.js';
import { venueStatusWord } from './admin.js';

/** What admins read when they find venues, look into one, and act on venues, offers and customers. HTML. */

const e = escapeHtml;
/** "сообщили 1 клиенту / 3 клиентам" (dative). */
const toCustomers = (n: number) =>
  plural(n, { one: '# клиенту', few: '# клиентам', many: '# клиентам', other: '# клиентам' });

export const usage: typeof en.usage = {
  suspend:
    'Формат: <code>/suspend &lt;id заведения&gt; &lt;причина&gt;</code>, например <code>/suspend 12 Повторные жалобы на неявки</code>.',
  unsuspend: 'Формат: <code>/unsuspend &lt;id заведения&gt;</code>, например <code>/unsuspend 12</code>.',
  takedown:
    'Формат: <code>/takedown &lt;id предложения&gt; &lt;причина&gt;</code>, например <code>/takedown 42 Это не еда</code>.',
  block:
    'Формат: <code>/block &lt;id пользователя&gt; &lt;причина&gt;</code>, например <code>/block 1001 Оскорбительные сообщения</code>. Id есть в сообщениях заведению о бронях и в /audit.',
  unblock: 'Формат: <code>/unblock &lt;id пользователя&gt;</code>, например <code>/unblock 1001</code>.',
  venue:
    'Формат: <code>/venue &lt;id заведения&gt;</code>, например <code>/venue 12</code>. Id можно найти через /venues.',
  venues:
    'Формат: <code>/venues [pending|changes|verified|rejected|suspended] [название или адрес]</code>, например <code>/venues verified пекарня</code>.',
  reasonLength: 'Причина должна быть от 3 до 300 символов.',
};

export const moderationTexts: typeof en.moderationTexts = {
  suspended: (name: string, id: number, offers: number, holders: number) =>
    `⛔ Заведение <b>${e(name)}</b> (#${id}) приостановлено. ${offers === 0 ? 'Предложений в продаже у него не было.' : `${plural(offers, { one: 'Снято # предложение', few: 'Снято # предложения', many: 'Снято # предложений', other: 'Снято # предложения' })}; сообщили ${toCustomers(holders)} с бронью.`} Владельцу сообщили причину, меню заведения у него пропало.`,
  alreadySuspended: (name: string, id: number) => `Заведение <b>${e(name)}</b> (#${id}) уже приостановлено.`,
  reinstated: (name: string, id: number) =>
    `✅ Заведение <b>${e(name)}</b> (#${id}) снова подтверждено. Владельцу сообщили, меню заведения вернулось. Снятые предложения остаются снятыми.`,
  alreadyReinstated: (name: string, id: number) => `Заведение <b>${e(name)}</b> (#${id}) не приостановлено.`,
  takenDown: (title: string, id: number, venue: string, holders: number) =>
    `✖️ Предложение <b>${e(title)}</b> (#${id}) заведения <b>${e(venue)}</b> снято. Заведению сообщили причину; ${toCustomers(holders)} с бронью сообщили, что предложение снято.`,
  barred: (name: string, id: number, changed: boolean) =>
    changed
      ? `🚷 ${e(name || 'Клиент')} (<code>${id}</code>) больше не может бронировать. Сообщение об этом отправлено один раз; уже сделанные брони можно забрать. Отменить: /unblock ${id}.`
      : `Бронирование для ${e(name || 'этого клиента')} (<code>${id}</code>) уже было запрещено.`,
  unbarred: (name: string, id: number, changed: boolean) =>
    changed
      ? `✅ ${e(name || 'Клиент')} (<code>${id}</code>) снова может бронировать, сообщение об этом отправлено.`
      : `Бронирование для ${e(name || 'этого клиента')} (<code>${id}</code>) и не было запрещено.`,
  suspendButton: '⛔ Приостановить',
  unsuspendButton: '✅ Вернуть',
  auditButton: '📜 История',
  takedownButton: (id: number, title: string) => `✖️ Снять #${id} ${truncate(title, 24)}`,
};

const filterWords: Record<string, string> = {
  all: 'Все заведения',
  pending: 'Ждут проверки',
  changes: 'Ждут правок',
  verified: 'Подтверждённые',
  rejected: 'Отклонённые',
  suspended: 'Приостановленные',
};

export const venueListTexts: typeof en.venueListTexts = {
  header: (filter: string, text: string | undefined, total: number, page: number, pages: number) =>
    `<b>${filterWords[filter]}</b>${text ? ` по запросу «${e(text)}»` : ''}: ${total}` +
    `${pages > 1 ? ` (стр. ${page + 1}/${pages})` : ''}\nНажмите на заведение, чтобы открыть карточку.`,
  none: (filter: string, text: string | undefined) =>
    `Заведения не найдены${filter === 'all' ? '' : ` (фильтр: «${filterWords[filter]?.toLowerCase()}»)`}${text ? ` по запросу «${e(text)}»` : ''}. Отправьте просто /venues, чтобы увидеть все.`,
  button: ({ venue }: VenueWithOwner) =>
    `#${venue.id} ${truncate(venue.name, 40)} · ${venueStatusWord(venue.status).split(' ')[0]}`,
};

/** One offer's state, after its title. */
const offerWords: Record<OfferStatus, string> = {
  draft: 'черновик',
  active: 'в продаже',
  paused: 'на паузе',
  sold_out: 'распродано',
  expired: 'истекло',
  withdrawn: 'снято',
};
/** A count of offers per state, as a label before the number ("черновики: 2"). */
const offerCountWords: Record<OfferStatus, string> = {
  draft: 'черновики',
  active: 'в продаже',
  paused: 'на паузе',
  sold_out: 'распроданы',
  expired: 'истекли',
  withdrawn: 'сняты',
};

/** Below the venue's card in /venue: offers, reservations, money. */
export const dossierText: typeof en.dossierText = (
  d: VenueDossier,
  locale: { now: Date; timezone: string; currency: string },
): string => {
  const counts = (Object.entries(d.offersByStatus) as Array<[OfferStatus, number]>)
    .map(([status, n]) => `${offerCountWords[status]}: ${n}`)
    .join(' · ');
  const live = d.liveOffers.map(
    (o) =>
      `• #${o.id} <b>${e(o.title)}</b> — ${offerWords[o.status]}, осталось ${o.unitsAvailable} шт., ` +
      describePickupWindow(o.pickupStart, o.pickupEnd, locale.now, locale.timezone),
  );
  const r = d.reservations;
  return (
    `<b>Предложения</b>: ${counts || 'пока нет'}${live.length > 0 ? `\n${live.join('\n')}` : ''}\n\n` +
    `<b>Брони</b>: активные: ${r.reserved} · выданы: ${r.pickedUp} · отменены: ${r.cancelled} · не забраны: ${r.noShow}\n` +
    `Выдано ${r.unitsPickedUp} шт., оплачено на месте ${formatMoney(r.cash, locale.currency)}${r.paidOnline > 0 ? `, ${formatMoney(r.paidOnline, locale.currency)} оплачено онлайн` : ''}`
  );
};
