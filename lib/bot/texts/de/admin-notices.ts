import { escapeHtml } from '../../html.js';
import type * as en from '../en/admin-notices.js';

/** What owners and customers are told when an admin acts on their venue, offer or account. HTML. */

const e = escapeHtml;

export const sanctionNotices: typeof en.sanctionNotices = {
  changesRequested: (name, note) =>
    `✏️ Unser Team hat sich <b>${e(name)}</b> angesehen und bittet vor der Freischaltung um ein paar Änderungen:\n\n${e(note)}\n\n` +
    'Sende /register, um die Fragen der Registrierung noch einmal zu beantworten: Tippe auf „Beibehalten“ bei allem, was schon passt.',
  suspended: (name, reason) =>
    `⛔ Dein Betrieb <b>${e(name)}</b> ist gesperrt, und seine aktiven Angebote wurden zurückgezogen (wer reserviert hatte, wurde informiert).\nGrund: ${e(reason)}\n\n` +
    'Antworte unserem Team, wenn du das für einen Fehler hältst.',
  reinstated: (name) =>
    `✅ Dein Betrieb <b>${e(name)}</b> ist wieder aktiv. Stell ein Angebot mit /newoffer ein; deine Befehle sind wieder im Menü.`,
  takenDown: (title, reason) =>
    `✖️ Unser Team hat dein Angebot <b>${e(title)}</b> entfernt; wer reserviert hatte, hat erfahren, dass es zurückgezogen wurde.\nGrund: ${e(reason)}`,
  barred:
    '🙏 Unser Team hat Reservierungen für dein Konto pausiert. Reservierungen, die du schon hast, bleiben gültig: Du kannst sie weiterhin abholen. Wenn du das für einen Fehler hältst, melde dich bitte bei uns.',
  unbarred: '✅ Du kannst wieder reservieren. Was es gerade gibt, siehst du unter /offers.',
};
