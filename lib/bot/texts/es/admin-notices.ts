import { escapeHtml } from '../../html.js';
import type * as en from '../en/admin-notices.js';

/** Lo que se cuenta a dueños y clientes cuando un admin actúa sobre su local, su oferta o su cuenta. HTML. */

const e = escapeHtml;

export const sanctionNotices: typeof en.sanctionNotices = {
  changesRequested: (name, note) =>
    `✏️ Nuestro equipo ha revisado <b>${e(name)}</b> y te pide algunos cambios antes de verificarlo:\n\n${e(note)}\n\n` +
    'Envía /register para responder de nuevo al registro: toca «↩️ Mantener» en lo que ya esté bien.',
  suspended: (name, reason) =>
    `⛔ Tu local <b>${e(name)}</b> está suspendido y sus ofertas activas se han retirado (hemos avisado a los clientes que tenían reservas).\nMotivo: ${e(reason)}\n\n` +
    'Responde a nuestro equipo si crees que es un error.',
  reinstated: (name) =>
    `✅ Tu local <b>${e(name)}</b> vuelve a estar activo. Publica una oferta con /newoffer; tus comandos vuelven a estar en el menú.`,
  takenDown: (title, reason) =>
    `✖️ Nuestro equipo ha retirado tu oferta <b>${e(title)}</b>; hemos avisado a los clientes que tenían reservas.\nMotivo: ${e(reason)}`,
  barred:
    '🙏 Nuestro equipo ha pausado las reservas de tu cuenta. Las reservas que ya tienes siguen siendo válidas: puedes recogerlas igualmente. Si crees que es un error, escríbenos.',
  unbarred: '✅ Ya puedes volver a reservar. Mira lo que hay con /offers.',
};
