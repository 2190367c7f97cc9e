import type { Venue } from '../../../../db/schema.js';
import type { VenueWithOwner } from '../../../marketplace/find-venues.js';
import { escapeHtml } from '../../html.js';
import type * as en from '../en/admin.js';

/** What admins read. Phone numbers appear only here, in the admin's private chat, never in logs. */

const e = escapeHtml;

export const adminTexts: typeof en.adminTexts = {
  notAllowed: '⛔ Это могут только администраторы.',
  noPending: 'Заведений, ждущих проверки, нет. 🎉',
  pendingHeader: (total: number, page: number, pages: number) =>
    `<b>Ждут проверки (${total})</b>${pages > 1 ? `, стр. ${page + 1}/${pages}` : ''}:`,
  verifyUsage:
    'Формат: <code>/verify &lt;id заведения&gt;</code>, например <code>/verify 12</code>. Список — в /pending.',
  rejectUsage:
    'Формат: <code>/reject &lt;id заведения&gt; &lt;причина&gt;</code>, например <code>/reject 12 Неполный адрес</code>.',
  askRejectReason: (name: string) =>
    `Почему вы отклоняете заведение <b>${e(name)}</b>? Отправьте причину (владелец её увидит) или /cancel.`,
  badReason: 'Пожалуйста, отправьте причину текстом, от 3 до 300 символов, или /cancel.',
  rejectCancelled: 'Не отклонено. Ничего не изменилось.',
  verified: (b: Venue, changed: boolean) =>
    changed
      ? `✅ Заведение <b>${e(b.name)}</b> (#${b.id}) подтверждено. Владельцу сообщили.`
      : `Заведение <b>${e(b.name)}</b> (#${b.id}) уже было подтверждено.`,
  rejected: (b: Venue, changed: boolean) =>
    changed
      ? `🚫 Заведение <b>${e(b.name)}</b> (#${b.id}) отклонено. Владельцу сообщили причину.`
      : `Заведение <b>${e(b.name)}</b> (#${b.id}) уже было отклонено.`,
  changesRequested: (b: Venue, changed: boolean) =>
    changed
      ? `✏️ Заведение <b>${e(b.name)}</b> (#${b.id}) вернулось к владельцу со списком правок. Когда он отправит его снова, оно появится в /pending.`
      : `Заведение <b>${e(b.name)}</b> (#${b.id}) уже ждёт правок от владельца.`,
  verifyButton: '✅ Подтвердить',
  rejectButton: '🚫 Отклонить',
  changesButton: '✏️ Запросить правки',
  prev: '‹ Назад',
  next: 'Дальше ›',
};

/** The question the reason wizard asks, per action, and what it says when the admin backs out. */
export const reasonTexts: typeof en.reasonTexts = {
  ask: {
    changes: (name: string) =>
      `Что должен изменить владелец заведения <b>${e(name)}</b>? Он прочитает ровно этот текст и снова ответит на вопросы регистрации. Отправьте его или /cancel.`,
    suspend: (name: string) =>
      `Почему вы приостанавливаете заведение <b>${e(name)}</b>? Его предложения в продаже будут сняты, а владелец прочитает эту причину. Отправьте её или /cancel.`,
    takedown: (name: string) =>
      `Почему вы снимаете предложение <b>${e(name)}</b>? Заведение прочитает эту причину; клиентам с бронями сообщат, что предложение снято. Отправьте её или /cancel.`,
  },
  cancelled: 'Ничего не изменилось.',
  badReason: adminTexts.badReason,
};

const statusWords: Record<Venue['status'], string> = {
  pending: '⏳ ждёт проверки',
  changes_requested: '✏️ ждёт правок от владельца',
  verified: '✅ подтверждено',
  rejected: '🚫 отклонено',
  suspended: '⛔ приостановлено',
};

export const venueStatusWord: typeof en.venueStatusWord = (status: Venue['status']) => statusWords[status];

/** Why the venue is where it is, in the words the owner was given. */
function reasonLine(b: Venue): string {
  if (b.status === 'changes_requested' && b.changeRequest)
    return `\n✏️ Просили изменить: ${e(b.changeRequest)}`;
  if (b.status === 'rejected' && b.rejectionReason) return `\n🚫 Причина: ${e(b.rejectionReason)}`;
  if (b.status === 'suspended' && b.suspensionReason) return `\n⛔ Причина: ${e(b.suspensionReason)}`;
  return '';
}

function ownerLine({ venue, owner }: VenueWithOwner): string {
  const name = e(owner?.firstName || 'Владелец');
  const handle = owner?.username ? ` @${e(owner.username)}` : '';
  return `👤 <a href="tg://user?id=${venue.ownerId}">${name}</a>${handle} · id <code>${venue.ownerId}</code>`;
}

/**
 * The venue as an admin reviews it (a photo's caption when it has one, so it stays under 1,024 characters:
 * names, addresses and descriptions are capped at registration). The map pin follows as its own message.
 */
export const venueCard: typeof en.venueCard = (
  card: VenueWithOwner,
  heading = '🆕 Новое заведение на проверку',
): string => {
  const b = card.venue;
  return (
    `<b>${heading}</b> #${b.id} · ${statusWords[b.status]}\n` +
    `🏪 <b>${e(b.name)}</b>\n` +
    `📫 ${e(b.address)}${b.latitude === null || b.longitude === null ? '\n📍 геопозиции нет' : ''}\n` +
    `${ownerLine(card)}\n` +
    `📱 ${e(b.phone)}\n` +
    `📝 ${e(b.description || '—')}` +
    reasonLine(b)
  );
};

export const cardHeadings: typeof en.cardHeadings = {
  registered: '🆕 Новое заведение на проверку',
  resubmitted: '✏️ Изменённое заведение на проверку',
  waiting: 'На проверке',
  venue: 'Заведение',
};
