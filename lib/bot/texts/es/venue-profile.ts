import type { Venue } from '../../../../db/schema.js';
import { PROFILE_LIMITS } from '../../../marketplace/venue-profile.js';
import { escapeHtml as e } from '../../html.js';
import type * as en from '../en/venue-profile.js';
import type { ProfileField } from '../en/venue-profile.js';

/** /venue: la ficha del local, editarla campo a campo, y lo que ven los admins de un nombre o dirección nuevos. */

const statusWords: Record<Venue['status'], string> = {
  pending: '⏳ pendiente de verificación',
  changes_requested: '✏️ pendiente de los cambios que pidió nuestro equipo',
  verified: '✅ verificado',
  rejected: '✖️ no aprobado',
  suspended: '⛔ suspendido',
};

export const profileTexts: typeof en.profileTexts = {
  card: (v, staff, drops) =>
    `🏪 <b>${e(v.name)}</b> · ${statusWords[v.status]}\n` +
    (v.approvedName !== null
      ? '⏳ Estamos revisando tu nuevo nombre o dirección; mientras tanto, tus ofertas siguen publicadas.\n'
      : '') +
    `\n📫 ${e(v.address)}\n` +
    `📍 ${v.latitude !== null && v.longitude !== null ? 'ubicación guardada' : 'sin ubicación (los clientes cercanos no te verán primero)'}\n` +
    `📱 ${e(v.phone)} <i>(solo para nuestro equipo)</i>\n` +
    `📝 ${v.description ? e(v.description) : '<i>sin descripción</i>'}\n` +
    `📸 ${v.photoFileId ? 'con foto' : 'sin foto'}\n\n` +
    `👥 Personal: ${staff} · 📅 Ofertas recurrentes: ${drops}\n\nToca lo que quieras cambiar.`,
  staffCard: (v) =>
    `🏪 Trabajas en <b>${e(v.name)}</b> como personal. Mira quién viene con /reservations y confirma ahí las recogidas. Solo el dueño edita el local y sus ofertas.`,
  notAtVenue: 'Todavía no tienes un local. Registra uno con /register.',
  ask: {
    name: `Envía el nuevo <b>nombre</b> del local (de ${PROFILE_LIMITS.name.min} a ${PROFILE_LIMITS.name.max} caracteres). Nuestro equipo revisa los nombres nuevos; mientras tanto, tus ofertas siguen publicadas.`,
    address:
      'Envía la nueva <b>dirección</b> (calle, número, ciudad). Nuestro equipo revisa las direcciones nuevas; mientras tanto, tus ofertas siguen publicadas.',
    location:
      'Envía la <b>ubicación</b> del local (📎 → Ubicación, o «Enviar ubicación» si estás en el local), o toca «Quitar» para borrarla.',
    phone: 'Envía el nuevo <b>teléfono de contacto</b> para nuestro equipo, p. ej. +34 912 345 678.',
    description: `Envía la nueva <b>descripción</b> (hasta ${PROFILE_LIMITS.description.max} caracteres), o <code>-</code> para dejarla vacía.`,
    photo: 'Envía la nueva <b>foto</b>, o toca «Quitar» para borrarla.',
  } satisfies Record<ProfileField, string>,
  bad: {
    name: `Envía el nombre como texto, de ${PROFILE_LIMITS.name.min} a ${PROFILE_LIMITS.name.max} caracteres.`,
    address: `Envía la dirección como texto, de ${PROFILE_LIMITS.address.min} a ${PROFILE_LIMITS.address.max} caracteres.`,
    location: 'Envía una ubicación (📎 → Ubicación), o toca «Quitar».',
    phone: 'Eso no parece un número de teléfono. Escríbelo con el prefijo del país, p. ej. +34 912 345 678.',
    description: `Envía la descripción como texto, de hasta ${PROFILE_LIMITS.description.max} caracteres.`,
    photo: 'Envía una foto (JPEG, PNG o WebP), o toca «Quitar».',
  } satisfies Record<ProfileField, string>,
  saved: '✅ Guardado.',
  inReview:
    '✅ Guardado. Nuestro equipo revisará pronto el nuevo nombre o dirección; mientras tanto, tus ofertas siguen publicadas y los clientes ya ven los datos nuevos.',
  cancelled: 'No ha cambiado nada.',
  still: 'Estás editando tu local. Envía el nuevo valor, o /cancel para salir.',
  sendLocation: '📍 Enviar ubicación',
  remove: 'Quitar',
};

export const profileButtons: typeof en.profileButtons = {
  name: '✏️ Nombre',
  address: '📫 Dirección',
  location: '📍 Ubicación',
  phone: '📱 Teléfono',
  description: '📝 Descripción',
  photo: '📸 Foto',
  staff: '👥 Personal',
  drops: '📅 Recurrentes',
  offers: '🍱 Mis ofertas',
  desk: '🧾 Reservas',
};

/** Lo que leen los admins cuando un local verificado cambia su nombre o dirección, y lo que lee el dueño después. */
export const changeReviewTexts: typeof en.changeReviewTexts = {
  card: (v, approved) =>
    `✏️ <b>${e(v.name)}</b> (#${v.id}) ha cambiado sus datos. Sus ofertas siguen publicadas mientras lo revisas.\n\n` +
    (approved.name !== v.name ? `Nombre: <s>${e(approved.name)}</s> → <b>${e(v.name)}</b>\n` : '') +
    (approved.address !== v.address
      ? `Dirección: <s>${e(approved.address)}</s> → <b>${e(v.address)}</b>\n`
      : '') +
    '\n¿Apruebas el cambio, o vuelves a lo que aprobaste antes?',
  approveButton: '✅ Aprobar cambio',
  revertButton: '↩️ Revertir',
  approved: (v) => `✅ Aprobado: <b>${e(v.name)}</b>, ${e(v.address)}.`,
  reverted: (v) => `↩️ Revertido a <b>${e(v.name)}</b>, ${e(v.address)}. Se ha avisado al dueño.`,
  ownerReverted: (v) =>
    `Nuestro equipo no ha podido aprobar tu nuevo nombre o dirección, así que tu local vuelve a mostrar <b>${e(v.name)}</b>, ${e(v.address)}. Responde aquí o escríbenos si crees que debería cambiar; tus ofertas no se han visto afectadas.`,
};
