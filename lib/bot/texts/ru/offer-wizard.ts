import { escapeHtml as e } from '../../html.js';
import type * as en from '../en/offer-wizard.js';
import { money as formatMoney } from '../format.js';
import { plural } from '../plural.js';

/** The offer wizards' shared questions: pickup slots, items one field at a time, the edit menu. HTML. */

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const windowSlotTexts: typeof en.windowSlotTexts = {
  slot: (day: 0 | 1, start: number, end: number) =>
    `${day === 0 ? 'Сегодня' : 'Завтра'} ${hhmm(start)}–${hhmm(end)}`,
  time: hhmm,
};

/**
 * Items one field at a time, in the one order every wizard uses: name → original price → discounted price →
 * quantity (→ weight per unit, optional). The item's name leads ("<b>name</b>: …") so it never has to be declined.
 */
export const itemEntryTexts: typeof en.itemEntryTexts = {
  askOriginal: (name: string) =>
    `<b>${e(name)}</b>: сколько обычно стоит одна штука? Например, <code>12,50</code>`,
  askPrice: (name: string, original: number, currency: string) =>
    `<b>${e(name)}</b>: а ваша цена со скидкой за штуку? Меньше ${formatMoney(original, currency)}, например <code>4,00</code>`,
  askQuantity: (name: string) =>
    `<b>${e(name)}</b>: сколько штук можно забронировать? Например, <code>5</code>`,
  askWeight: (name: string) =>
    `<b>${e(name)}</b>: сколько весит одна штука? Это по желанию: например, <code>0,4 kg</code> или <code>350 g</code>. Так видно, сколько еды вы спасаете. Не хотите указывать — нажмите «Пропустить».`,
  badOriginal: 'Это не похоже на цену. Отправьте обычную цену за штуку, например <code>12,50</code>.',
  badPrice: (original: number, currency: string) =>
    `Отправьте цену больше нуля и меньше ${formatMoney(original, currency)}, например <code>4,00</code>.`,
  badQuantity: (min: number, max: number) =>
    `Отправьте целое число от ${min} до ${max}, например <code>5</code>.`,
  badWeight: 'Отправьте вес, например <code>0,4 kg</code> или <code>350 g</code>, или нажмите «Пропустить».',
  finishFirst: 'Сначала закончим с этой позицией:',
  oneByOneHint: '\nИли отправьте только название позиции — остальное я спрошу по очереди.',
};

/** "Мы сообщим 1 клиенту / 3 клиентам" (dative). */
const toCustomers = (n: number) =>
  plural(n, { one: '# клиенту', few: '# клиентам', many: '# клиентам', other: '# клиентам' });

export const editMenuTexts: typeof en.editMenuTexts = {
  ask: 'Что хотите изменить?',
  useButtons: 'Выберите ниже, что изменить, или нажмите ✔ Готово.',
  title: '✏️ Название',
  description: '📝 Описание',
  window: '⏰ Время выдачи',
  photo: '📸 Фото',
  items: '💶 Цены и количество',
  add: '➕ Добавить позицию',
  remove: '➖ Убрать позицию',
  done: '✔ Готово',
  askTitle: 'Отправьте новое <b>название</b> (до 80 символов).',
  askDescription: 'Отправьте новое <b>описание</b> (до 500 символов) или <code>-</code>, чтобы убрать его.',
  askWindow: (holders: number) =>
    `⏰ Когда теперь можно забирать?${holders > 0 ? ` Мы сообщим об этом ${toCustomers(holders)} с бронью.` : ''}\nНапример, <code>18:00-20:00</code>, <code>завтра 9:00-10:30</code> — или выберите время:`,
  askPhoto: '📸 Отправьте новое фото или нажмите «Пропустить», чтобы убрать фото.',
  chooseItem: 'Какую позицию?',
  chooseRemove:
    'Какую позицию убрать? (Забронированные позиции остаются — вместо этого поставьте им количество 0.)',
  askAdd:
    'Отправьте новую позицию в формате <code>название, обычная цена, цена со скидкой, количество</code>, например <code>Овощной бокс, 12,50, 4,00, 5</code>, или только её название.',
  saved: '✏️ Сохранено.',
  windowSaved: (told: number) =>
    told > 0
      ? `⏰ Время выдачи изменено. Сообщили ${toCustomers(told)} с бронью.`
      : '⏰ Время выдачи изменено.',
  removed: '➖ Позиция убрана.',
  added: '➕ Позиция добавлена.',
};
