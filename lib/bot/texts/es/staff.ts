import type { StaffMember } from '../../../marketplace/memberships.js';
import { escapeHtml as e } from '../../html.js';
import { truncate } from '../../truncate.js';
import type * as en from '../en/staff.js';
import { moment as describeMoment } from '../format.js';

/** /staff: invitar a gente a atender el mostrador, y quitarla. HTML. */

const who = (m: Pick<StaffMember, 'firstName' | 'username'>) =>
  `${e(m.firstName || 'Alguien')}${m.username ? ` (@${e(m.username)})` : ''}`;

export const staffTexts: typeof en.staffTexts = {
  list: (venueName, staff) =>
    `👥 <b>Personal de ${e(venueName)}</b>\n\n` +
    (staff.length === 0
      ? 'Aún nadie. El personal ve quién viene (/reservations) y confirma recogidas; no puede editar las ofertas ni el local.'
      : `${staff.map((m) => `• ${who(m)}`).join('\n')}\n\nVen quién viene y confirman recogidas; no pueden editar las ofertas ni el local.`) +
    '\n\nToca «Invitar» para conseguir un enlace y enviárselo a alguien que trabaje contigo.',
  invite: (link, expiresAt, l) =>
    `🔗 Envía este enlace a la persona que quieras en tu personal. Funciona una sola vez, hasta ${describeMoment(expiresAt, l.now, l.timezone)}:\n\n<a href="${e(link)}">${e(link)}</a>\n\nQuien lo abra primero se une, así que envíaselo solo a esa persona.`,
  joined: (venueName) =>
    `👋 ¡Te damos la bienvenida al personal de <b>${e(venueName)}</b>! Mira quién viene con /reservations y confirma las recogidas ahí o con /pickup &lt;código&gt;.`,
  alreadyJoined: (venueName) => `Ya formas parte del personal de <b>${e(venueName)}</b>. Mira /reservations.`,
  ownerJoined: (m, venueName) =>
    `👥 ${who({ firstName: m.firstName, username: m.username ?? null })} se ha unido al personal de <b>${e(venueName)}</b> con tu enlace de invitación. Puedes quitarle el acceso cuando quieras en /staff.`,
  removed: (firstName) => `${e(firstName || 'Esa persona')} ya no forma parte de tu personal.`,
  youWereRemoved: (venueName) =>
    `Ya no formas parte del personal de <b>${e(venueName)}</b>. ¡Gracias por tu ayuda!`,
  ownerOnly: 'Solo el dueño del local gestiona su personal.',
  /** El texto que el diálogo de compartir de Telegram pone junto al enlace (texto plano). */
  shareText: (venueName) => `Únete al personal de ${venueName}: mira quién viene y confirma recogidas.`,
};

export const staffButtons: typeof en.staffButtons = {
  invite: '🔗 Invitar',
  share: '📤 Enviar el enlace',
  remove: (m) => truncate(`✖ Quitar a ${m.firstName || m.userId}`, 40),
  back: '◀ Local',
};
