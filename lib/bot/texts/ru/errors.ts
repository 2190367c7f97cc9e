import type { AppErrorDetail, ErrorCode } from '../../../errors.js';
import { LIMITED_RESERVATIONS, STRIKE_WINDOW_DAYS, STRIKES_FOR_LIMIT } from '../../../marketplace/strikes.js';
import type * as en from '../en/errors.js';
import { moment, utcDateTime } from '../format.js';
import type { Locale } from '../locale.js';
import { plural } from '../plural.js';

/**
 * What a person is told when their request is refused: one text per error code (lib/errors.ts), with the
 * code's facts filled in. A new code without a text here doesn't compile.
 *
 * Plain text, not HTML: these lines are shown as callback answers (which have no parse mode) as often as in
 * messages. A caller that puts one into an HTML message escapes it (user input, e.g. a mistyped price, can
 * appear in it).
 */
type Texts = {
  [C in ErrorCode]: string | ((detail: Extract<AppErrorDetail, { code: C }>, l?: Locale) => string);
};

const editNeedsVerifiedVenue = {
  suspended:
    'Ваше заведение приостановлено, поэтому его предложения нельзя изменить. Если считаете, что это ошибка, свяжитесь с нами.',
  pending: 'Ваше заведение ещё ждёт проверки, поэтому его предложения пока нельзя изменить.',
  changes_requested:
    'Ваше заведение ждёт правок, о которых попросила наша команда, поэтому его предложения пока нельзя изменить.',
  rejected: 'Ваше заведение не прошло проверку, поэтому его предложения нельзя изменить.',
};

const alreadyInState = {
  active: 'Это предложение уже в продаже.',
  paused: 'Это предложение уже на паузе.',
  sold_out: 'Это предложение уже отмечено как распроданное.',
};

/** What each owner action needs, said when the offer is in another state. */
const actionNeeds = {
  publish: 'Опубликовать можно только черновик.',
  pause: 'Поставить на паузу можно только предложение в продаже.',
  resume: 'Возобновить можно только предложение на паузе.',
  sold_out: 'Отметить как распроданное можно только предложение в продаже или на паузе.',
  withdraw: 'Это предложение уже нельзя снять.',
};

/** An offer's state as a label ("Сейчас его статус: «на паузе»"), so no case has to agree with it. */
const offerStatusLabels = {
  draft: 'черновик',
  active: 'в продаже',
  paused: 'на паузе',
  sold_out: 'распродано',
  expired: 'истекло',
  withdrawn: 'снято',
};

const notEditable = {
  expired: 'Срок этого предложения истёк, поэтому его нельзя изменить.',
  withdrawn: 'Это предложение снято, поэтому его нельзя изменить.',
};

const alreadyEnded = {
  expired: 'Срок этого предложения уже истёк — снимать нечего.',
  withdrawn: 'Это предложение уже снято — снимать нечего.',
};

const settled = { picked_up: 'Эту бронь уже забрали.', no_show: 'Эта бронь уже отмечена как не забранная.' };

const priceExample = { original: '12,50', discounted: '4,00' };

/** Follows "Это заведение …" (neuter). */
const venueStatusWords = {
  pending: 'ждёт проверки',
  changes_requested: 'ждёт правок от владельца',
  verified: 'подтверждено',
  rejected: 'отклонено',
  suspended: 'приостановлено',
};
/** "Это заведение уже …". */
const decisionWords = {
  changes_requested: 'отправлено на доработку',
  verified: 'подтверждено',
  rejected: 'отклонено',
  suspended: 'приостановлено',
};
/** "… поэтому его сейчас нельзя …". */
const decisionVerbs = {
  changes_requested: 'отправить на доработку',
  verified: 'подтвердить',
  rejected: 'отклонить',
  suspended: 'приостановить',
};

/** The strike limit's end on the customer's clock, like their other times; in UTC, and said so, without a locale. */
const limitEnd = (until: Date, l?: Locale) =>
  l ? moment(until, l.now, l.timezone) : `${utcDateTime(until)} (UTC)`;
const days = (n: number) => plural(n, { one: '# день', few: '# дня', many: '# дней', other: '# дня' });
const reservations = (n: number) =>
  plural(n, { one: '# бронь', few: '# брони', many: '# броней', other: '# брони' });

const errorTexts: Texts = {
  'offer.not_found': 'Предложение не найдено.',
  'offer.unavailable': 'Увы, это предложение уже недоступно.',
  'offer.item_not_found': 'Такой позиции в этом предложении нет.',
  'offer.title_length': ({ max }) => `Название должно быть от 1 до ${max} символов.`,
  'offer.item_count': ({ max }) => `В предложении может быть от 1 до ${max} позиций.`,
  'offer.window_ends_before_start': 'Время выдачи должно заканчиваться позже, чем начинается.',
  'offer.post_needs_verified_venue': 'Публиковать предложения могут только подтверждённые заведения.',
  'offer.live_needs_verified_venue':
    'Ваше заведение сейчас не подтверждено, поэтому его предложения нельзя выставить в продажу.',
  'offer.edit_needs_verified_venue': ({ venueStatus }) => editNeedsVerifiedVenue[venueStatus],
  'offer.not_editable': ({ status }) => notEditable[status],
  'offer.expired': 'Срок этого предложения истёк: время выдачи закончилось. Создайте новое через /newoffer.',
  'offer.withdrawn': 'Это предложение снято. Создайте новое через /newoffer.',
  'offer.already_in_state': ({ status }) => alreadyInState[status],
  'offer.window_over':
    'Время выдачи этого предложения уже прошло. Создайте новое предложение с более поздним временем.',
  'offer.wrong_state': ({ action, status }) =>
    `${actionNeeds[action]} Сейчас его статус: «${offerStatusLabels[status]}».`,
  'item.name_missing': 'У позиции должно быть название.',
  'item.name_too_long': ({ max }) => `Название позиции — не больше ${max} символов.`,
  'item.price_not_positive': 'Цена должна быть больше нуля.',
  'item.price_not_discounted': 'Цена со скидкой должна быть ниже обычной.',
  'item.quantity_range': ({ min, max }) => `Количество — целое число от ${min} до ${max}.`,
  // These three follow "Не удалось добавить «…»:" in the wizard, hence the small letter or the quote first.
  'item.parts_missing': 'нужно четыре части через запятую.',
  'item.not_a_price': ({ text, field }) => `«${text}» — не цена (например, ${priceExample[field]}).`,
  'item.not_a_quantity': ({ text }) => `«${text}» — не целое количество (например, 5).`,
  'reservation.not_found': 'Бронь не найдена.',
  'reservation.quantity_range': ({ max }) => `За один раз можно забронировать от 1 до ${max}.`,
  'reservation.cap_reached': ({ max }) =>
    `У вас уже ${plural(max, { one: '# активная бронь', few: '# активные брони', many: '# активных броней', other: '# активной брони' })}. Сначала заберите или отмените одну в /myreservations.`,
  'reservation.sold_out': 'Увы, эту позицию только что разобрали.',
  'reservation.not_enough': ({ left, wanted }) => `Увы, осталось только ${left}, а вы просили ${wanted}.`,
  'reservation.too_fast': 'Слишком много броней сразу. Подождите минутку и попробуйте снова.',
  'reservation.window_over': 'Время выдачи закончилось, поэтому эту бронь уже нельзя отменить.',
  'reservation.settled': ({ status }) => settled[status],
  'reservation.barred':
    'Увы, сейчас ваш аккаунт не может бронировать. Если считаете, что это ошибка, пожалуйста, свяжитесь с нами.',
  'pickup.code_not_found': 'Нет активной брони с таким кодом.',
  'pickup.not_open': 'Эта бронь уже не активна.',
  'venue.already_registered': 'Вы уже зарегистрировали заведение. Отправьте /start, чтобы узнать его статус.',
  'venue.not_found': 'Заведения с таким id нет.',
  'venue.wrong_state': ({ status, to }) =>
    status === to
      ? `Это заведение уже ${decisionWords[to]}.`
      : `Это заведение ${venueStatusWords[status]}, поэтому его сейчас нельзя ${decisionVerbs[to]}.`,
  'venue.no_changes_requested':
    'Ваше заведение больше не ждёт правок. Отправьте /start, чтобы узнать, как у него дела.',
  'offer.already_ended': ({ status }) => alreadyEnded[status],
  'user.not_found': 'Клиент с таким id ботом не пользовался.',
  'user.is_admin': 'Администраторов нельзя заблокировать.',
  'venue.owner_only':
    'Это может сделать только владелец заведения. Как сотрудник вы видите /reservations и подтверждаете выдачу.',
  'venue.no_change_to_review': 'У этого заведения нет нового названия или адреса на проверке.',
  'staff.invite_invalid':
    'Ссылка-приглашение устарела или уже использована. Попросите владельца заведения прислать новую.',
  'staff.has_venue':
    'У вас уже есть своё заведение или вы работаете в другом, поэтому с этого аккаунта нельзя присоединиться к ещё одному. Отправьте /start, чтобы его увидеть.',
  'staff.not_found': 'Этого человека нет (уже нет) среди ваших сотрудников.',
  'pickup.not_picked_up': 'Эта бронь не отмечена как выданная, так что отменять нечего.',
  'pickup.undo_too_late': ({ minutes }) =>
    `Выдачу можно отменить только в течение ${minutes} мин после подтверждения и пока не закончилось время выдачи.`,
  'reservation.window_not_started': 'Время выдачи ещё не началось, так что отмечать неявку пока рано.',
  'offer.item_reserved':
    'Эту позицию уже забронировали, поэтому её нельзя убрать. Поставьте количество 0, чтобы больше её не продавать.',
  'offer.last_item': 'В предложении должна быть хотя бы одна позиция, поэтому последнюю убрать нельзя.',
  'offer.description_length': ({ max }) => `Описание — не больше ${max} символов.`,
  'item.weight_range': ({ maxKg }) => `Вес одной штуки — от 1 g до ${maxKg} kg, например 0,4 kg или 350 g.`,
  'drop.not_found': 'Такой автопубликации нет (уже нет).',
  'drop.publish_after_window': 'Предложение нужно публиковать до того, как закончится время выдачи.',
  'reservation.strike_limit': ({ until }, l) =>
    `Вы не забрали ${reservations(STRIKES_FOR_LIMIT)} за ${days(STRIKE_WINDOW_DAYS)}, поэтому до ${limitEnd(until, l)} можно держать только ${reservations(LIMITED_RESERVATIONS)} за раз. ` +
    `Сначала ${plural(LIMITED_RESERVATIONS, { one: 'заберите её или отмените', other: 'заберите или отмените одну из них' })} в /myreservations.`,
  'follow.venue_unavailable': 'Этого заведения больше нет в боте, поэтому на него нельзя подписаться.',
  'settings.unknown_choice': 'Такого варианта нет. Откройте /settings ещё раз и выберите.',
  'search.location_needed': 'Сначала поделитесь геопозицией (📍 в /offers), чтобы я знал, где искать.',
  'rating.not_allowed': 'Оценить можно только бронь, которую вы забрали.',
  'rating.edit_window_over': 'Оценку можно изменить только в течение 24 часов.',
  'rating.comment_too_long': ({ max }) => `Пожалуйста, уложитесь в ${max} символов.`,
  'no_show.not_found': 'Эта бронь не ждёт вашего ответа.',
  'no_show.too_late':
    'Изменить это уже нельзя: выдачу можно подтвердить не позже чем через 7 дней после окончания времени выдачи.',
  'button.stale': 'Эта кнопка больше не работает. Отправьте /offers, чтобы увидеть, что есть сейчас.',
};

/** The words for one refusal. */
export const errorText: typeof en.errorText = (detail: AppErrorDetail, l?: Locale): string => {
  const text = errorTexts[detail.code] as string | ((detail: AppErrorDetail, l?: Locale) => string);
  return typeof text === 'string' ? text : text(detail, l);
};
