import type { Venue } from '../../../../db/schema.js';
import { discountPercent } from '../../../marketplace/money.js';
import type { OfferStatus, OfferWithItems } from '../../../marketplace/offers.js';
import { escapeHtml } from '../../html.js';
import { truncate } from '../../truncate.js';
import type * as en from '../en/venue.js';
import { pickupWindow as describePickupWindow, money as formatMoney } from '../format.js';
import { plural } from '../plural.js';

/** What venue owners read: registration, offers, their management. HTML parse mode. */

export const registerTexts: typeof en.registerTexts = {
  askName:
    '🏪 Давайте зарегистрируем ваше заведение. Как оно <b>называется</b>?\n\n(/cancel — прервать в любой момент; до самого конца ничего не сохраняется.)',
  badName: 'Пожалуйста, отправьте название текстом, от 2 до 80 символов.',
  askAddress: '📫 Какой у заведения <b>адрес</b>? По нему клиенты вас найдут.',
  badAddress: 'Пожалуйста, отправьте адрес текстом, от 5 до 200 символов (улица, дом, город).',
  askLocation:
    '📍 Отправьте <b>геопозицию</b> заведения, чтобы клиенты поблизости находили вас первыми: нажмите «Отправить геопозицию», когда будете в заведении, или прикрепите точку (📎 → Геопозиция). Не хотите — нажмите «Пропустить».',
  badLocation: 'Пожалуйста, отправьте геопозицию (📎 → Геопозиция) или нажмите «Пропустить».',
  askPhone:
    '📱 <b>Контактный телефон</b> для нашей команды (клиенты его не видят). Нажмите «Поделиться номером» или введите его, например +7 495 123-45-67.',
  badPhone:
    'Это не похоже на номер телефона. Введите его с кодом страны, например +7 495 123-45-67, или нажмите «Поделиться номером».',
  notYourContact: 'Пожалуйста, поделитесь своим контактом или введите номер.',
  askDescription: '📝 Опишите заведение в паре предложений (какую еду вы обычно спасаете).',
  badDescription: 'Пожалуйста, отправьте короткое описание текстом, до 300 символов.',
  askPhoto:
    '📸 И напоследок — <b>фото</b> заведения или вашей еды (по желанию). Отправьте его как фото или нажмите «Пропустить».',
  badPhoto: 'Пожалуйста, отправьте фото (JPEG, PNG или WebP) или нажмите «Пропустить».',
  cancelled: 'Регистрация отменена. Ничего не сохранено.',
  stillRegistering:
    'Вы сейчас регистрируете заведение. Ответьте на вопрос выше или отправьте /cancel, чтобы прервать.',
  done: (name: string) =>
    `✅ Спасибо! Заведение <b>${escapeHtml(name)}</b> зарегистрировано и ждёт проверки нашей командой. Мы напишем, как только всё посмотрим.`,
  skip: 'Пропустить',
  sendLocation: '📍 Отправить геопозицию',
  sharePhone: '📱 Поделиться номером',
};

/** Follows "Ваше заведение <b>name</b>" (neuter). */
const statusWords: Record<Venue['status'], string> = {
  pending: 'ждёт проверки',
  changes_requested: 'ждёт от вас небольших правок (отправьте /register, чтобы их внести)',
  verified: 'подтверждено ✅',
  rejected: 'не прошло проверку',
  suspended: 'приостановлено',
};

export const alreadyRegistered: typeof en.alreadyRegistered = (venue: Venue) =>
  `Ваше заведение <b>${escapeHtml(venue.name)}</b> ${statusWords[venue.status]}.` +
  (venue.status === 'rejected' && venue.rejectionReason
    ? `\nПричина: ${escapeHtml(venue.rejectionReason)}`
    : venue.status === 'verified'
      ? '\nОпубликуйте предложение: /newoffer.'
      : '');

export const ownerNotices: typeof en.ownerNotices = {
  verified: (name: string) =>
    `🎉 Ваше заведение <b>${escapeHtml(name)}</b> подтверждено! Опубликуйте первое предложение: /newoffer. Ваши команды — в меню.`,
  rejected: (name: string, reason: string) =>
    `Пока не можем одобрить заведение <b>${escapeHtml(name)}</b>.\nПричина: ${escapeHtml(reason)}\n\n` +
    'Чтобы попробовать снова, отправьте /register: я задам те же вопросы и покажу ваши ответы. Исправьте то, о чём говорится в причине, для остального нажмите «Оставить» — и наша команда снова всё проверит.',
};

export const offerGate: typeof en.offerGate = {
  notRegistered:
    'Публиковать предложения могут только зарегистрированные заведения. Зарегистрируйте своё: /register.',
  pending:
    'Ваше заведение ещё ждёт проверки. Публиковать предложения можно будет сразу, как только наша команда его подтвердит.',
  changesRequested:
    'Перед подтверждением наша команда попросила внести небольшие правки. Отправьте /register, чтобы их внести; публиковать предложения можно будет после подтверждения.',
  notVerified:
    'Ваше заведение не подтверждено, поэтому публиковать предложения нельзя. Если считаете, что это ошибка, свяжитесь с нами.',
};

export const newOfferTexts: typeof en.newOfferTexts = {
  askTitle:
    '🍱 Новое предложение. Как оно будет <b>называться</b>? Например, «Вечерний набор выпечки» (до 80 символов).\n\n/cancel — прервать в любой момент.',
  badTitle: 'Пожалуйста, отправьте название текстом, от 1 до 80 символов.',
  askItems:
    'Теперь <b>позиции</b> — по одной в строке или в сообщении:\n<code>название, обычная цена, цена со скидкой, количество</code>\nнапример, <code>Овощной бокс, 12,50, 4,00, 5</code>\nИли отправьте только название позиции — остальное я спрошу по очереди. Когда всё добавите, нажмите «Готово».',
  itemAdded: (count: number, max: number) =>
    `Добавлено ✓ — ${plural(count, { one: 'всего # позиция', few: 'всего # позиции', many: 'всего # позиций', other: 'всего # позиции' })}${count < max ? '. Отправьте следующую или нажмите «Готово».' : ' (это максимум). Нажмите «Готово».'}`,
  badItem: (line: string, problem: string) =>
    `Не удалось добавить «${escapeHtml(truncate(line, 60))}»: ${escapeHtml(problem)}\nФормат: <code>название, обычная цена, цена со скидкой, количество</code>, например <code>Овощной бокс, 12,50, 4,00, 5</code>`,
  tooManyItems: (max: number) =>
    `В предложении может быть ${plural(max, { one: 'не больше # позиции', few: 'не больше # позиций', many: 'не больше # позиций', other: 'не больше # позиции' })}. Нажмите «Готово», чтобы продолжить.`,
  needOneItem: 'Сначала добавьте хотя бы одну позицию, например <code>Овощной бокс, 12,50, 4,00, 5</code>.',
  askWindow:
    '⏰ Когда клиенты могут <b>забрать</b> заказ? Выберите время или напишите его, например <code>18:00-20:00</code> (сегодня), <code>завтра 9:00-10:30</code>, <code>пт 17-19</code>.',
  badWindow: {
    format:
      'Не получилось разобрать время. Попробуйте <code>18:00-20:00</code>, <code>сегодня 18-20</code> или <code>завтра 9:00-10:30</code>.',
    end_before_start:
      'Время выдачи должно заканчиваться позже, чем начинается, например <code>18:00-20:00</code>.',
    in_the_past: 'Это время уже прошло. Выберите время попозже сегодня или в другой день.',
    too_far: 'Выдача может быть не дальше чем через 7 дней.',
  },
  askPhoto: '📸 <b>Фото</b> еды (по желанию) — отправьте его или нажмите «Пропустить».',
  badPhoto: 'Пожалуйста, отправьте фото (JPEG, PNG или WebP) или нажмите «Пропустить».',
  summaryFooter: 'Сохранить как черновик или опубликовать сейчас?',
  cancelled: 'Предложение удалено. Ничего не сохранено.',
  stillCreating: 'Вы создаёте предложение. Ответьте на вопрос выше или отправьте /cancel, чтобы прервать.',
  useButtons: 'Нажмите одну из кнопок выше: «Сохранить черновик», «Опубликовать» или «Отмена».',
  saved: (id: number) =>
    `💾 Сохранено как черновик №${id}. Опубликуйте его командой /publish ${id} или в /myoffers.`,
  published: (id: number) =>
    `🚀 Предложение №${id} опубликовано! Клиенты уже его видят. Управлять им можно в /myoffers.`,
  done: 'Готово',
  skip: 'Пропустить',
  saveDraft: '💾 Сохранить черновик',
  publish: '🚀 Опубликовать',
  cancel: '✖️ Отмена',
};

const offerStatusWords: Record<OfferStatus, string> = {
  draft: '📝 черновик',
  active: '🟢 в продаже',
  paused: '⏸ на паузе',
  sold_out: '🔴 распродано',
  expired: '⌛ истекло',
  withdrawn: '✖️ снято',
};

export const offerSummary: typeof en.offerSummary = (
  offer: Pick<OfferWithItems, 'title' | 'pickupStart' | 'pickupEnd' | 'items'> & {
    id?: number;
    status?: OfferStatus;
  },
  now: Date,
  zone: string,
  currency: string,
): string => {
  const head = `<b>${escapeHtml(offer.title)}</b>${offer.id ? ` №${offer.id}` : ''}${offer.status ? ` · ${offerStatusWords[offer.status]}` : ''}`;
  const items = offer.items.map((item) => {
    const left =
      'quantityAvailable' in item
        ? `осталось ${item.quantityAvailable} из ${item.quantityTotal}`
        : `${(item as { quantity: number }).quantity} шт.`;
    return `• ${escapeHtml(item.name)} — ${formatMoney(item.price, currency)} <s>${formatMoney(item.originalPrice, currency)}</s> (−${discountPercent(item.originalPrice, item.price)}%), ${left}`;
  });
  return `${head}\n${items.join('\n')}\n⏰ Выдача: ${describePickupWindow(offer.pickupStart, offer.pickupEnd, now, zone)}`;
};

export const manageTexts: typeof en.manageTexts = {
  usage: (command: string) =>
    `Отправьте команду с номером предложения, например <code>/${command} 12</code>. Ваши предложения — в /myoffers.`,
  done: {
    publish: '🚀 Опубликовано. Клиенты уже его видят.',
    pause: '⏸ На паузе. Клиенты не увидят предложение, пока вы его не возобновите.',
    resume: '▶️ Снова в продаже.',
    sold_out: '🔴 Отмечено как распроданное. Чтобы снова продавать, пополните запас через /edit.',
  },
  editAsk: (name: string, reserved: number) =>
    `Отправьте новые значения для позиции <b>${escapeHtml(name)}</b> в виде\n<code>обычная цена, цена со скидкой, количество в продаже</code>\n` +
    `Чтобы оставить значение как есть, поставьте <code>-</code>: например, <code>-, -, 10</code> — и в продаже будет 10` +
    (reserved > 0
      ? ` (${plural(reserved, { one: 'уже забронированная # шт. останется забронированной', other: 'уже забронированные # шт. останутся забронированными' })}).`
      : '.') +
    ' Можно добавить вес одной штуки, например <code>-, -, 10, 0,4 kg</code>.',
  editBad:
    'Пожалуйста, отправьте три значения через запятую: обычная цена, цена со скидкой, количество в продаже, например <code>12,50, 4,00, 8</code> или <code>-, -, 10</code>.',
  edited: '✏️ Сохранено.',
  editCancelled: 'Изменение отменено. Ничего не поменялось.',
  stillEditing: 'Вы редактируете предложение. Отправьте новые значения или /cancel, чтобы прервать.',
};

export const buttons: typeof en.buttons = {
  publish: '🚀 Опубликовать',
  pause: '⏸ Пауза',
  resume: '▶️ Возобновить',
  soldOut: '🔴 Распродано',
  edit: '✏️ Изменить',
  withdraw: '✖️ Снять',
};
