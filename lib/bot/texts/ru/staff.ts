import type { StaffMember } from '../../../marketplace/memberships.js';
import { escapeHtml as e } from '../../html.js';
import { truncate } from '../../truncate.js';
import type * as en from '../en/staff.js';
import { moment as describeMoment } from '../format.js';
import type { Locale } from '../locale.js';

/** /staff: inviting people to work the counter, and removing them. HTML. */

const who = (m: Pick<StaffMember, 'firstName' | 'username'>) =>
  `${e(m.firstName || 'Без имени')}${m.username ? ` (@${e(m.username)})` : ''}`;

export const staffTexts: typeof en.staffTexts = {
  list: (venueName: string, staff: StaffMember[]) =>
    `👥 <b>Сотрудники</b> заведения <b>${e(venueName)}</b>\n\n` +
    (staff.length === 0
      ? 'Пока никого. Сотрудники видят, кто придёт (/reservations), и подтверждают выдачу; редактировать предложения и заведение они не могут.'
      : `${staff.map((m) => `• ${who(m)}`).join('\n')}\n\nОни видят, кто придёт, и подтверждают выдачу; редактировать предложения и заведение они не могут.`) +
    '\n\nНажмите «Пригласить», чтобы получить ссылку для того, кто работает с вами.',
  invite: (link: string, expiresAt: Date, l: Locale) =>
    `🔗 Отправьте эту ссылку человеку, которого хотите добавить в сотрудники. Она сработает один раз и действует до ${describeMoment(expiresAt, l.now, l.timezone)}:\n\n<a href="${e(link)}">${e(link)}</a>\n\nСотрудником станет тот, кто откроет её первым, поэтому отправьте её только этому человеку.`,
  joined: (venueName: string) =>
    `👋 Добро пожаловать! Теперь вы сотрудник заведения <b>${e(venueName)}</b>. Кто придёт — в /reservations; подтверждайте выдачу там или командой /pickup &lt;код&gt;.`,
  alreadyJoined: (venueName: string) =>
    `Вы уже сотрудник заведения <b>${e(venueName)}</b>. Смотрите /reservations.`,
  ownerJoined: (m: { firstName: string; username?: string }, venueName: string) =>
    `👥 Новый сотрудник заведения <b>${e(venueName)}</b> — по вашей ссылке-приглашению: ${who({ firstName: m.firstName, username: m.username ?? null })}. Удалить его можно в любой момент в /staff.`,
  removed: (firstName: string) => `${e(firstName || 'Этот человек')} больше не в числе ваших сотрудников.`,
  youWereRemoved: (venueName: string) =>
    `Вы больше не сотрудник заведения <b>${e(venueName)}</b>. Спасибо за помощь!`,
  ownerOnly: 'Сотрудниками управляет только владелец заведения.',
  /** The text Telegram's share dialog puts beside the link (plain text). */
  shareText: (venueName: string) =>
    `Станьте сотрудником заведения «${venueName}»: смотрите, кто придёт, и подтверждайте выдачу.`,
};

export const staffButtons: typeof en.staffButtons = {
  invite: '🔗 Пригласить',
  share: '📤 Отправить ссылку',
  remove: (m: StaffMember) => truncate(`✖ Удалить ${m.firstName || m.userId}`, 40),
  back: '◀ Заведение',
};
