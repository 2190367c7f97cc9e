import type { Venue } from '../../../../db/schema.js';
import { PROFILE_LIMITS } from '../../../marketplace/venue-profile.js';
import { escapeHtml as e } from '../../html.js';
import type * as en from '../en/venue-profile.js';
import type { ProfileField } from '../en/venue-profile.js';

/** /venue: the profile card, editing it one field at a time, and the admins' look at a new name or address. */

const statusWords: Record<Venue['status'], string> = {
  pending: '⏳ ждёт проверки',
  changes_requested: '✏️ ждёт правок, о которых попросила наша команда',
  verified: '✅ подтверждено',
  rejected: '✖️ не прошло проверку',
  suspended: '⛔ приостановлено',
};

export const profileTexts: typeof en.profileTexts = {
  card: (v: Venue, staff: number, drops: number) =>
    `🏪 <b>${e(v.name)}</b> · ${statusWords[v.status]}\n` +
    (v.approvedName !== null
      ? `⏳ Новое название/адрес на проверке; ваши предложения пока остаются в продаже.\n`
      : '') +
    `\n📫 ${e(v.address)}\n` +
    `📍 ${v.latitude !== null && v.longitude !== null ? 'геопозиция указана' : 'геопозиции нет (клиенты поблизости не увидят вас первыми)'}\n` +
    `📱 ${e(v.phone)} <i>(видит только наша команда)</i>\n` +
    `📝 ${v.description ? e(v.description) : '<i>описания нет</i>'}\n` +
    `📸 ${v.photoFileId ? 'фото есть' : 'фото нет'}\n\n` +
    `👥 Сотрудники: ${staff} · 📅 Автопубликации: ${drops}\n\nВыберите, что изменить.`,
  staffCard: (v: Pick<Venue, 'name'>) =>
    `🏪 Вы сотрудник заведения <b>${e(v.name)}</b>. Кто придёт — в /reservations, там же подтверждайте выдачу. Заведение и его предложения редактирует только владелец.`,
  notAtVenue: 'У вас пока нет заведения. Зарегистрируйте его: /register.',
  ask: {
    name: `Отправьте новое <b>название</b> заведения (${PROFILE_LIMITS.name.min}–${PROFILE_LIMITS.name.max} символов). Новое название проверит наша команда; ваши предложения пока остаются в продаже.`,
    address: `Отправьте новый <b>адрес</b> (улица, дом, город). Новый адрес проверит наша команда; ваши предложения пока остаются в продаже.`,
    location:
      'Отправьте <b>геопозицию</b> заведения (📎 → Геопозиция или «Отправить геопозицию», когда будете в заведении) или нажмите «Удалить», чтобы её убрать.',
    phone: 'Отправьте новый <b>контактный телефон</b> для нашей команды, например +7 495 123-45-67.',
    description: `Отправьте новое <b>описание</b> (до ${PROFILE_LIMITS.description.max} символов) или <code>-</code>, чтобы убрать его.`,
    photo: 'Отправьте новое <b>фото</b> или нажмите «Удалить», чтобы убрать его.',
  } satisfies Record<ProfileField, string>,
  bad: {
    name: `Пожалуйста, отправьте название текстом, от ${PROFILE_LIMITS.name.min} до ${PROFILE_LIMITS.name.max} символов.`,
    address: `Пожалуйста, отправьте адрес текстом, от ${PROFILE_LIMITS.address.min} до ${PROFILE_LIMITS.address.max} символов.`,
    location: 'Пожалуйста, отправьте геопозицию (📎 → Геопозиция) или нажмите «Удалить».',
    phone: 'Это не похоже на номер телефона. Введите его с кодом страны, например +7 495 123-45-67.',
    description: `Пожалуйста, отправьте описание текстом, до ${PROFILE_LIMITS.description.max} символов.`,
    photo: 'Пожалуйста, отправьте фото (JPEG, PNG или WebP) или нажмите «Удалить».',
  } satisfies Record<ProfileField, string>,
  saved: '✅ Сохранено.',
  inReview:
    '✅ Сохранено. Наша команда скоро проверит новое название/адрес; ваши предложения остаются в продаже, а клиенты уже видят новые данные.',
  cancelled: 'Ничего не изменилось.',
  still: 'Вы редактируете заведение. Отправьте новое значение или /cancel, чтобы прервать.',
  sendLocation: '📍 Отправить геопозицию',
  remove: 'Удалить',
};

export const profileButtons: typeof en.profileButtons = {
  name: '✏️ Название',
  address: '📫 Адрес',
  location: '📍 Геопозиция',
  phone: '📱 Телефон',
  description: '📝 Описание',
  photo: '📸 Фото',
  staff: '👥 Сотрудники',
  drops: '📅 Автопубликации',
  offers: '🍱 Мои предложения',
  desk: '🧾 Брони',
};

/** What admins read when a verified venue changes its name or address, and what the owner reads after. */
export const changeReviewTexts: typeof en.changeReviewTexts = {
  card: (v: Venue, approved: { name: string; address: string }) =>
    `✏️ Заведение <b>${e(v.name)}</b> (#${v.id}) изменило свои данные. Пока вы проверяете, его предложения остаются в продаже.\n\n` +
    (approved.name !== v.name ? `Название: <s>${e(approved.name)}</s> → <b>${e(v.name)}</b>\n` : '') +
    (approved.address !== v.address
      ? `Адрес: <s>${e(approved.address)}</s> → <b>${e(v.address)}</b>\n`
      : '') +
    '\nОдобрить изменение или вернуть то, что вы одобряли раньше?',
  approveButton: '✅ Одобрить',
  revertButton: '↩️ Вернуть прежнее',
  approved: (v: Venue) => `✅ Одобрено: <b>${e(v.name)}</b>, ${e(v.address)}.`,
  reverted: (v: Venue) => `↩️ Возвращено прежнее: <b>${e(v.name)}</b>, ${e(v.address)}. Владельцу сообщили.`,
  ownerReverted: (v: Venue) =>
    `Наша команда не смогла одобрить новое название или адрес, поэтому у вашего заведения снова <b>${e(v.name)}</b>, ${e(v.address)}. Если считаете, что их нужно изменить, ответьте здесь или свяжитесь с нами; ваших предложений это не коснулось.`,
};
