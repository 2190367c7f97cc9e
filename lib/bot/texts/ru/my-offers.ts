import type { OfferFilter, OfferPage, OfferWithItems } from '../../../marketplace/offers.js';
import { escapeHtml as e } from '../../html.js';
import { truncate } from '../../truncate.js';
import type * as en from '../en/my-offers.js';
import { pickupWindow as describePickupWindow } from '../format.js';
import type { Locale } from '../locale.js';
import { plural } from '../plural.js';

/** /myoffers in one message, the buttons on an offer's card, and what they ask before they act. HTML. */

/** Whole sentences per count: the verb and "бронь/брони" agree with "у 1 клиента" / "у 3 клиентов". */
const holdersCancelled = (n: number) =>
  plural(n, {
    one: 'У # клиента есть бронь: мы сообщим ему, а бронь будет отменена.',
    few: 'У # клиентов есть брони: мы сообщим им, а брони будут отменены.',
    many: 'У # клиентов есть брони: мы сообщим им, а брони будут отменены.',
    other: 'У # клиента есть брони: мы сообщим им, а брони будут отменены.',
  });
const holdersKeep = (n: number) =>
  plural(n, {
    one: 'У # клиента есть бронь — она сохранится.',
    few: 'У # клиентов есть брони — они сохранятся.',
    many: 'У # клиентов есть брони — они сохранятся.',
    other: 'У # клиента есть брони — они сохранятся.',
  });

const filterWords: Record<OfferFilter, string> = {
  live: '🟢 В продаже',
  drafts: '📝 Черновики',
  past: '⌛ Прошедшие',
};

const statusWords: Record<OfferWithItems['status'], string> = {
  draft: '📝 черновик',
  active: '🟢 в продаже',
  paused: '⏸ на паузе',
  sold_out: '🔴 распродано',
  expired: '⌛ истекло',
  withdrawn: '✖️ снято',
};

const emptyFilter: Record<OfferFilter, string> = {
  live: 'Сейчас ничего не продаётся.',
  drafts: 'Черновиков нет.',
  past: 'Прошедших предложений пока нет.',
};

export const myOffersTexts: typeof en.myOffersTexts = {
  page(listing: OfferPage, filter: OfferFilter, l: Locale): string {
    const paging = listing.pages > 1 ? ` · стр. ${listing.page + 1}/${listing.pages}` : '';
    const head = `<b>Ваши предложения</b> · ${filterWords[filter]} (${listing.total})${paging}`;
    if (listing.offers.length === 0)
      return `${head}\n\n${emptyFilter[filter]} Создайте новое: ➕ Новое предложение.`;
    const lines = listing.offers.map((o, i) => {
      const left = o.items.reduce((sum, item) => sum + item.quantityAvailable, 0);
      const total = o.items.reduce((sum, item) => sum + item.quantityTotal, 0);
      const n = listing.page * listing.pageSize + i + 1;
      return `${n}. <b>${e(o.title)}</b> №${o.id} · ${statusWords[o.status]}\n   ${describePickupWindow(o.pickupStart, o.pickupEnd, l.now, l.timezone)} · осталось ${left} из ${total}`;
    });
    return `${head}\n\n${lines.join('\n')}\n\nНажмите на предложение, чтобы управлять им.`;
  },
  tab: (filter: OfferFilter, count: number, current: boolean) =>
    `${current ? '• ' : ''}${filterWords[filter]} (${count})`,
  offerButton: (n: number, o: OfferWithItems) => truncate(`${n}. ${o.title}`, 40),
  confirmWithdraw: (title: string, holders: number) =>
    `Снять <b>${e(title)}</b> с продажи насовсем?\n\n` +
    (holders > 0 ? `⚠️ ${holdersCancelled(holders)}` : 'Броней на это предложение нет.') +
    '\nКлиенты больше его не увидят. Это нельзя отменить.',
  confirmSoldOut: (title: string, unitsLeft: number, holders: number) =>
    `Отметить <b>${e(title)}</b> как распроданное?\n\n` +
    `${unitsLeft > 0 ? `Оставшиеся в продаже ${unitsLeft} шт. будут сняты с продажи.` : 'В продаже и так ничего не осталось.'} ` +
    (holders > 0 ? holdersKeep(holders) : 'Броней нет.') +
    '\nПозже можно пополнить запас через ✏️ Изменить.',
  withdrawn: (told: number) =>
    told > 0
      ? `✖️ Снято. Сообщили ${plural(told, { one: '# клиенту', few: '# клиентам', many: '# клиентам', other: '# клиентам' })} с бронью.`
      : '✖️ Снято. Броней не было.',
  repeated: (id: number, l: Locale, o: OfferWithItems) =>
    `🔁 Черновик №${id} готов: те же позиции, выдача ${describePickupWindow(o.pickupStart, o.pickupEnd, l.now, l.timezone)}. Поменяйте что нужно через ✏️ Изменить, затем нажмите 🚀 Опубликовать.`,
  notOwner:
    'Предложениями управляет только владелец заведения. Сотрудники видят, кто придёт, в /reservations. Хотите продавать свою еду — зарегистрируйте заведение: /register.',
};

export const manageButtons: typeof en.manageButtons = {
  yesWithdraw: '✖️ Да, снять',
  keepIt: '◀ Нет, оставить',
  yesSoldOut: '🔴 Да, распродано',
  keepSelling: '◀ Нет, продавать',
  reservations: '🧾 Брони',
  repeat: '🔁 Повторить',
  drop: '📅 Повторять регулярно',
  back: '◀ Мои предложения',
  newOffer: '➕ Новое предложение',
  venue: '🏪 Заведение',
  prev: '◀',
  next: '▶',
};
