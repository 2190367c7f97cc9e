import { escapeHtml } from '../../html.js';
import type * as en from '../en/admin-notices.js';

/** What owners and customers are told when an admin acts on their venue, offer or account. HTML. */

const e = escapeHtml;

export const sanctionNotices: typeof en.sanctionNotices = {
  changesRequested: (name: string, note: string) =>
    `✏️ Наша команда посмотрела заведение <b>${e(name)}</b> и просит внести несколько правок перед подтверждением:\n\n${e(note)}\n\n` +
    'Отправьте /register, чтобы снова ответить на вопросы регистрации: где всё уже верно, нажимайте «Оставить».',
  suspended: (name: string, reason: string) =>
    `⛔ Ваше заведение <b>${e(name)}</b> приостановлено, а его предложения сняты с продажи (клиентам с бронями сообщили).\nПричина: ${e(reason)}\n\n` +
    'Если считаете, что это ошибка, ответьте нашей команде.',
  reinstated: (name: string) =>
    `✅ Ваше заведение <b>${e(name)}</b> снова работает. Опубликуйте предложение через /newoffer; ваши команды снова в меню.`,
  takenDown: (title: string, reason: string) =>
    `✖️ Наша команда сняла ваше предложение <b>${e(title)}</b>; клиентам с бронями сообщили, что оно снято.\nПричина: ${e(reason)}`,
  barred:
    '🙏 Наша команда приостановила бронирование для вашего аккаунта. Уже сделанные брони в силе — их можно забрать. Если считаете, что это ошибка, пожалуйста, свяжитесь с нами.',
  unbarred: '✅ Вы снова можете бронировать. Что есть сейчас — в /offers.',
};
