import type { Venue } from '../../../../db/schema.js';
import type { VenueWithOwner } from '../../../marketplace/find-venues.js';
import { escapeHtml } from '../../html.js';
import type * as en from '../en/admin.js';

/** Lo que leen los admins. Los teléfonos solo aparecen aquí, en el chat privado del admin, nunca en los logs. */

const e = escapeHtml;

export const adminTexts: typeof en.adminTexts = {
  notAllowed: '⛔ Solo los admins pueden hacer eso.',
  noPending: 'No hay locales pendientes de verificación. 🎉',
  pendingHeader: (total, page, pages) =>
    `<b>${total} pendientes de verificación</b>${pages > 1 ? ` (página ${page + 1}/${pages})` : ''}:`,
  verifyUsage:
    'Uso: <code>/verify &lt;id del local&gt;</code>, p. ej. <code>/verify 12</code>. Mira /pending.',
  rejectUsage:
    'Uso: <code>/reject &lt;id del local&gt; &lt;motivo&gt;</code>, p. ej. <code>/reject 12 La dirección está incompleta</code>.',
  askRejectReason: (name) =>
    `¿Por qué rechazas <b>${e(name)}</b>? Envía el motivo (el dueño lo verá), o /cancel.`,
  badReason: 'Envía el motivo como texto, de 3 a 300 caracteres, o /cancel.',
  rejectCancelled: 'No se ha rechazado. No ha cambiado nada.',
  verified: (b, changed) =>
    changed
      ? `✅ <b>${e(b.name)}</b> (#${b.id}) está verificado. Se ha avisado al dueño.`
      : `<b>${e(b.name)}</b> (#${b.id}) ya estaba verificado.`,
  rejected: (b, changed) =>
    changed
      ? `🚫 <b>${e(b.name)}</b> (#${b.id}) ha sido rechazado. Se ha explicado el motivo al dueño.`
      : `<b>${e(b.name)}</b> (#${b.id}) ya estaba rechazado.`,
  changesRequested: (b, changed) =>
    changed
      ? `✏️ <b>${e(b.name)}</b> (#${b.id}) ha vuelto a su dueño con lo que debe cambiar. Volverá a /pending cuando lo reenvíe.`
      : `<b>${e(b.name)}</b> (#${b.id}) ya está esperando cambios de su dueño.`,
  verifyButton: '✅ Verificar',
  rejectButton: '🚫 Rechazar',
  changesButton: '✏️ Pedir cambios',
  prev: '‹ Anterior',
  next: 'Siguiente ›',
};

/** La pregunta del asistente del motivo, por acción, y lo que dice cuando el admin se echa atrás. */
export const reasonTexts: typeof en.reasonTexts = {
  ask: {
    changes: (name) =>
      `¿Qué debe cambiar el dueño de <b>${e(name)}</b>? Leerá exactamente esto y después volverá a responder el registro. Envíalo, o /cancel.`,
    suspend: (name) =>
      `¿Por qué suspendes <b>${e(name)}</b>? Se retirarán sus ofertas activas y el dueño leerá este motivo. Envíalo, o /cancel.`,
    takedown: (name) =>
      `¿Por qué retiras <b>${e(name)}</b>? El local leerá este motivo; a los clientes con reservas se les dirá que la oferta se ha retirado. Envíalo, o /cancel.`,
  },
  cancelled: 'No ha cambiado nada.',
  badReason: adminTexts.badReason,
};

const statusWords: Record<Venue['status'], string> = {
  pending: '⏳ pendiente de revisión',
  changes_requested: '✏️ esperando cambios de su dueño',
  verified: '✅ verificado',
  rejected: '🚫 rechazado',
  suspended: '⛔ suspendido',
};

export const venueStatusWord: typeof en.venueStatusWord = (status) => statusWords[status];

/** Por qué el local está donde está, con las palabras que se le dieron al dueño. */
function reasonLine(b: Venue): string {
  if (b.status === 'changes_requested' && b.changeRequest)
    return `\n✏️ Cambios pedidos: ${e(b.changeRequest)}`;
  if (b.status === 'rejected' && b.rejectionReason) return `\n🚫 Motivo: ${e(b.rejectionReason)}`;
  if (b.status === 'suspended' && b.suspensionReason) return `\n⛔ Motivo: ${e(b.suspensionReason)}`;
  return '';
}

function ownerLine({ venue, owner }: VenueWithOwner): string {
  const name = e(owner?.firstName || 'Dueño');
  const handle = owner?.username ? ` @${e(owner.username)}` : '';
  return `👤 <a href="tg://user?id=${venue.ownerId}">${name}</a>${handle} · id <code>${venue.ownerId}</code>`;
}

/**
 * El local tal como lo revisa un admin (el pie de una foto cuando tiene una, así que no pasa de 1.024
 * caracteres). El punto del mapa va después, en su propio mensaje.
 */
export const venueCard: typeof en.venueCard = (card, heading = '🆕 Local nuevo para revisar') => {
  const b = card.venue;
  return (
    `<b>${heading}</b> #${b.id} · ${statusWords[b.status]}\n` +
    `🏪 <b>${e(b.name)}</b>\n` +
    `📫 ${e(b.address)}${b.latitude === null || b.longitude === null ? '\n📍 sin ubicación en el mapa' : ''}\n` +
    `${ownerLine(card)}\n` +
    `📱 ${e(b.phone)}\n` +
    `📝 ${e(b.description || '—')}` +
    reasonLine(b)
  );
};

export const cardHeadings: typeof en.cardHeadings = {
  registered: '🆕 Local nuevo para revisar',
  resubmitted: '✏️ Local modificado para revisar',
  waiting: 'Pendiente',
  venue: 'Local',
};
