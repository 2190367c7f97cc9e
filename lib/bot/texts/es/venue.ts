import type { Venue } from '../../../../db/schema.js';
import { discountPercent } from '../../../marketplace/money.js';
import type { OfferStatus } from '../../../marketplace/offers.js';
import { escapeHtml } from '../../html.js';
import { truncate } from '../../truncate.js';
import type * as en from '../en/venue.js';
import { pickupWindow as describePickupWindow, money as formatMoney } from '../format.js';
import { plural } from '../plural.js';

/** Lo que leen los dueños de locales: el registro, las ofertas y su gestión. Modo HTML. */

const itemFormat = '<code>nombre, precio original, precio con descuento, cantidad</code>';
const itemExample = '<code>Caja de verduras, 12,50, 4,00, 5</code>';

export const registerTexts: typeof en.registerTexts = {
  askName:
    '🏪 Vamos a registrar tu local. ¿Cómo se <b>llama</b>?\n\n(/cancel lo detiene en cualquier momento; no se guarda nada hasta el final.)',
  badName: 'Envía el nombre del local como texto, de 2 a 80 caracteres.',
  askAddress: '📫 ¿Cuál es la <b>dirección</b> del local? Los clientes la verán para encontrarte.',
  badAddress: 'Envía la dirección como texto, de 5 a 200 caracteres (calle, número, ciudad).',
  askLocation:
    '📍 Envía la <b>ubicación</b> del local para que los clientes cercanos te encuentren primero: toca «Enviar ubicación» si estás en el local, o adjunta un punto en el mapa (📎 → Ubicación). Toca «Omitir» si prefieres no hacerlo.',
  badLocation: 'Envía una ubicación (📎 → Ubicación), o toca «Omitir».',
  askPhone:
    '📱 Un <b>teléfono de contacto</b> para nuestro equipo (los clientes no lo ven). Toca «Compartir mi teléfono» o escríbelo, p. ej. +34 912 345 678.',
  badPhone:
    'Eso no parece un número de teléfono. Escríbelo con el prefijo del país, p. ej. +34 912 345 678, o toca «Compartir mi teléfono».',
  notYourContact: 'Comparte tu propio contacto, o escribe el número.',
  askDescription: '📝 Describe el local en una o dos frases (qué tipo de comida sueles salvar).',
  badDescription: 'Envía una descripción breve como texto, de hasta 300 caracteres.',
  askPhoto:
    '📸 Por último, una <b>foto</b> del local o de tu comida (opcional). Envíala como foto, o toca «Omitir».',
  badPhoto: 'Envía una foto (JPEG, PNG o WebP), o toca «Omitir».',
  cancelled: 'Registro cancelado. No se ha guardado nada.',
  stillRegistering:
    'Estás registrando tu local. Responde a la pregunta de arriba o envía /cancel para salir.',
  done: (name) =>
    `✅ ¡Gracias! <b>${escapeHtml(name)}</b> está registrado y pendiente de verificación por nuestro equipo. Te escribiremos en cuanto lo revisemos.`,
  skip: 'Omitir',
  sendLocation: '📍 Enviar ubicación',
  sharePhone: '📱 Compartir mi teléfono',
};

const statusWords: Record<Venue['status'], string> = {
  pending: 'pendiente de verificación',
  changes_requested: 'pendiente de algunos cambios por tu parte (envía /register para hacerlos)',
  verified: 'verificado ✅',
  rejected: 'no aprobado',
  suspended: 'suspendido',
};

export const alreadyRegistered: typeof en.alreadyRegistered = (venue) =>
  `Tu local <b>${escapeHtml(venue.name)}</b> está ${statusWords[venue.status]}.` +
  (venue.status === 'rejected' && venue.rejectionReason
    ? `\nMotivo: ${escapeHtml(venue.rejectionReason)}`
    : venue.status === 'verified'
      ? '\nPublica una oferta con /newoffer.'
      : '');

export const ownerNotices: typeof en.ownerNotices = {
  verified: (name) =>
    `🎉 ¡Tu local <b>${escapeHtml(name)}</b> está verificado! Publica tu primera oferta con /newoffer. Tus comandos están en el menú.`,
  rejected: (name, reason) =>
    `Todavía no hemos podido aprobar <b>${escapeHtml(name)}</b>.\nMotivo: ${escapeHtml(reason)}\n\n` +
    'Para intentarlo de nuevo, envía /register: te volverá a hacer cada pregunta con tus respuestas anteriores. Cambia lo que indica el motivo, toca «↩️ Mantener» en lo demás, y nuestro equipo lo revisará otra vez.',
};

export const offerGate: typeof en.offerGate = {
  notRegistered: 'Solo los locales registrados pueden publicar ofertas. Registra el tuyo con /register.',
  pending:
    'Tu local aún está pendiente de verificación. Podrás publicar ofertas en cuanto nuestro equipo lo verifique.',
  changesRequested:
    'Nuestro equipo ha pedido algunos cambios antes de verificar tu local. Envía /register para hacerlos; podrás publicar ofertas cuando esté verificado.',
  notVerified:
    'Tu local no está verificado, así que no puede publicar ofertas. Escríbenos si crees que es un error.',
};

export const newOfferTexts: typeof en.newOfferTexts = {
  askTitle:
    '🍱 Nueva oferta. ¿Qué <b>título</b> le ponemos? p. ej. «Bolsa sorpresa de panadería» (hasta 80 caracteres).\n\n/cancel la detiene en cualquier momento.',
  badTitle: 'Envía el título como texto, de 1 a 80 caracteres.',
  askItems:
    `Ahora los <b>productos</b>, uno por línea o por mensaje:\n${itemFormat}\np. ej. ${itemExample}\n` +
    'O envía solo el nombre de un producto y te pregunto el resto paso a paso. Toca «Listo» cuando estén todos.',
  itemAdded: (count, max) =>
    `Añadido ✓ — ${plural(count, { one: '# producto', other: '# productos' })} por ahora${count < max ? '. Envía otro, o toca «Listo».' : ' (el máximo). Toca «Listo».'}`,
  badItem: (line, problem) =>
    `No he podido añadir «${escapeHtml(truncate(line, 60))}»: ${escapeHtml(problem)}\nFormato: ${itemFormat}, p. ej. ${itemExample}`,
  tooManyItems: (max) => `Una oferta puede tener como máximo ${max} productos. Toca «Listo» para seguir.`,
  needOneItem: `Añade primero al menos un producto, p. ej. ${itemExample}.`,
  askWindow:
    '⏰ ¿Cuándo pueden <b>recoger</b> los clientes? Toca una franja o escríbela, p. ej. <code>18:00-20:00</code> (hoy) o <code>mañana 9:00-10:30</code>.',
  badWindow: {
    format:
      'No he entendido esa hora. Prueba con <code>18:00-20:00</code>, <code>hoy 18-20</code> o <code>mañana 9:00-10:30</code>.',
    end_before_start:
      'El horario de recogida debe terminar después de empezar, p. ej. <code>18:00-20:00</code>.',
    in_the_past: 'Ese horario de recogida ya ha pasado. Elige una hora más tarde hoy u otro día.',
    too_far: 'La recogida puede ser, como mucho, dentro de 7 días.',
  },
  askPhoto: '📸 Una <b>foto</b> de la comida (opcional): envíala, o toca «Omitir».',
  badPhoto: 'Envía una foto (JPEG, PNG o WebP), o toca «Omitir».',
  summaryFooter: '¿La guardas como borrador o la publicas ya?',
  cancelled: 'Oferta descartada. No se ha guardado nada.',
  stillCreating: 'Estás creando una oferta. Responde a la pregunta de arriba o envía /cancel para salir.',
  useButtons: 'Toca uno de los botones de arriba: Guardar borrador, Publicar o Cancelar.',
  saved: (id) => `💾 Guardada como borrador #${id}. Publícala con /publish ${id} o desde /myoffers.`,
  published: (id) =>
    `🚀 ¡La oferta #${id} ya está activa! Los clientes ya pueden verla. Gestiónala en /myoffers.`,
  done: 'Listo',
  skip: 'Omitir',
  saveDraft: '💾 Guardar borrador',
  publish: '🚀 Publicar',
  cancel: '✖️ Cancelar',
};

const offerStatusWords: Record<OfferStatus, string> = {
  draft: '📝 borrador',
  active: '🟢 activa',
  paused: '⏸ pausada',
  sold_out: '🔴 agotada',
  expired: '⌛ vencida',
  withdrawn: '✖️ retirada',
};

export const offerSummary: typeof en.offerSummary = (offer, now, zone, currency) => {
  const head = `<b>${escapeHtml(offer.title)}</b>${offer.id ? ` #${offer.id}` : ''}${offer.status ? ` · ${offerStatusWords[offer.status]}` : ''}`;
  const items = offer.items.map((item) => {
    const left =
      'quantityAvailable' in item
        ? `quedan ${item.quantityAvailable}/${item.quantityTotal}`
        : plural((item as { quantity: number }).quantity, { one: '# unidad', other: '# unidades' });
    return `• ${escapeHtml(item.name)} — ${formatMoney(item.price, currency)} <s>${formatMoney(item.originalPrice, currency)}</s> (−${discountPercent(item.originalPrice, item.price)}%), ${left}`;
  });
  return `${head}\n${items.join('\n')}\n⏰ Recogida ${describePickupWindow(offer.pickupStart, offer.pickupEnd, now, zone)}`;
};

export const manageTexts: typeof en.manageTexts = {
  usage: (command) =>
    `Envíalo con el número de la oferta, p. ej. <code>/${command} 12</code>. Tus ofertas están en /myoffers.`,
  done: {
    publish: '🚀 Publicada. Los clientes ya pueden verla.',
    pause: '⏸ Pausada. Los clientes no la verán hasta que la reanudes.',
    resume: '▶️ Activa de nuevo.',
    sold_out: '🔴 Marcada como agotada. Repón unidades con /edit para volver a venderla.',
  },
  editAsk: (name, reserved) =>
    `Envía los nuevos valores de <b>${escapeHtml(name)}</b> así:\n<code>precio original, precio con descuento, cantidad a la venta</code>\n` +
    'Usa <code>-</code> para dejar uno como está, p. ej. <code>-, -, 10</code> para tener 10 a la venta' +
    (reserved > 0
      ? ` (${plural(reserved, { one: 'la unidad ya reservada sigue reservada', other: 'las # ya reservadas siguen reservadas' })}).`
      : '.') +
    ' Puedes añadir un peso por unidad, p. ej. <code>-, -, 10, 0,4 kg</code>.',
  editBad:
    'Envía tres valores separados por comas: precio original, precio con descuento y cantidad a la venta, p. ej. <code>12,50, 4,00, 8</code> o <code>-, -, 10</code>.',
  edited: '✏️ Guardado.',
  editCancelled: 'Edición cancelada. No ha cambiado nada.',
  stillEditing: 'Estás editando una oferta. Envía los nuevos valores, o /cancel para salir.',
};

export const buttons: typeof en.buttons = {
  publish: '🚀 Publicar',
  pause: '⏸ Pausar',
  resume: '▶️ Reanudar',
  soldOut: '🔴 Agotada',
  edit: '✏️ Editar',
  withdraw: '✖️ Retirar',
};
