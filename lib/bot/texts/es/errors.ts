import type { Offer } from '../../../../db/schema.js';
import type { AppErrorDetail, ErrorCode } from '../../../errors.js';
import { LIMITED_RESERVATIONS, STRIKE_WINDOW_DAYS, STRIKES_FOR_LIMIT } from '../../../marketplace/strikes.js';
import type * as en from '../en/errors.js';
import { moment, utcDateTime } from '../format.js';
import type { Locale } from '../locale.js';
import { plural } from '../plural.js';

/**
 * Lo que se le dice a alguien cuando se rechaza lo que pide: un texto por código de error (lib/errors.ts),
 * con los datos del código. Texto plano, no HTML (se muestran también como respuestas a botones).
 */
type Texts = {
  [C in ErrorCode]: string | ((detail: Extract<AppErrorDetail, { code: C }>, l?: Locale) => string);
};

const editNeedsVerifiedVenue = {
  suspended:
    'Tu local está suspendido, así que sus ofertas no se pueden editar. Escríbenos si crees que es un error.',
  pending: 'Tu local aún está pendiente de verificación, así que todavía no puedes editar sus ofertas.',
  changes_requested:
    'Tu local está pendiente de los cambios que pidió nuestro equipo, así que todavía no puedes editar sus ofertas.',
  rejected: 'Tu local no fue verificado, así que sus ofertas no se pueden editar.',
};

const alreadyInState = {
  active: 'Esta oferta ya está activa.',
  paused: 'Esta oferta ya está pausada.',
  sold_out: 'Esta oferta ya está marcada como agotada.',
};

/** Lo que necesita cada acción del dueño, dicho cuando la oferta está en otro estado. */
const actionNeeds = {
  publish: 'Solo se pueden publicar los borradores.',
  pause: 'Solo se pueden pausar las ofertas activas.',
  resume: 'Solo se pueden reanudar las ofertas pausadas.',
  sold_out: 'Solo se pueden marcar como agotadas las ofertas activas o pausadas.',
  withdraw: 'Esta oferta ya no se puede retirar.',
};

/** Tras «Esta oferta está…». */
const offerStatusWords: Record<Offer['status'], string> = {
  draft: 'en borrador',
  active: 'activa',
  paused: 'pausada',
  sold_out: 'agotada',
  expired: 'vencida',
  withdrawn: 'retirada',
};

const settled = { picked_up: 'ya se recogió', no_show: 'se marcó como no recogida' };

const priceExample = { original: '12,50', discounted: '4,00' };

/** Tras «Este local está…». */
const venueStatusWords = {
  pending: 'pendiente de revisión',
  changes_requested: 'esperando cambios de su dueño',
  verified: 'verificado',
  rejected: 'rechazado',
  suspended: 'suspendido',
};
/** La decisión ya tomada, y la decisión como verbo («ahora no se puede…»). */
const decisionDone = {
  changes_requested: 'Este local ya está devuelto a su dueño para cambios.',
  verified: 'Este local ya está verificado.',
  rejected: 'Este local ya está rechazado.',
  suspended: 'Este local ya está suspendido.',
};
const decisionVerbs = {
  changes_requested: 'devolver para cambios',
  verified: 'verificar',
  rejected: 'rechazar',
  suspended: 'suspender',
};

/** Hasta cuándo dura el límite, en la hora del cliente como sus otras horas; sin locale, en UTC y dicho. */
const untilLimitEnds = (until: Date, l?: Locale) =>
  l ? `hasta ${moment(until, l.now, l.timezone)}` : `hasta el ${utcDateTime(until)} (UTC)`;

const errorTexts: Texts = {
  'offer.not_found': 'No se ha encontrado la oferta.',
  'offer.unavailable': 'Lo siento, esta oferta ya no está disponible.',
  'offer.item_not_found': 'Ese producto no forma parte de esta oferta.',
  'offer.title_length': ({ max }) => `El título debe tener entre 1 y ${max} caracteres.`,
  'offer.item_count': ({ max }) => `Una oferta tiene entre 1 y ${max} productos.`,
  'offer.window_ends_before_start': 'El horario de recogida debe terminar después de empezar.',
  'offer.post_needs_verified_venue': 'Solo los locales verificados pueden publicar ofertas.',
  'offer.live_needs_verified_venue':
    'Tu local no está verificado ahora mismo, así que sus ofertas no se pueden activar.',
  'offer.edit_needs_verified_venue': ({ venueStatus }) => editNeedsVerifiedVenue[venueStatus],
  'offer.not_editable': ({ status }) =>
    `Esta oferta está ${offerStatusWords[status]}, así que no se puede editar.`,
  'offer.expired':
    'Esta oferta ha vencido: su horario de recogida ya terminó. Publica una nueva con /newoffer.',
  'offer.withdrawn': 'Esta oferta se retiró. Publica una nueva con /newoffer.',
  'offer.already_in_state': ({ status }) => alreadyInState[status],
  'offer.window_over':
    'El horario de recogida de esta oferta ya terminó. Publica una oferta nueva con un horario más tarde.',
  'offer.wrong_state': ({ action, status }) =>
    `${actionNeeds[action]} Esta oferta está ${offerStatusWords[status]}.`,
  'item.name_missing': 'El producto necesita un nombre.',
  'item.name_too_long': ({ max }) => `El nombre de un producto puede tener como máximo ${max} caracteres.`,
  'item.price_not_positive': 'Los precios deben ser mayores que cero.',
  'item.price_not_discounted': 'El precio con descuento debe ser menor que el precio original.',
  'item.quantity_range': ({ min, max }) => `La cantidad debe ser un número entero del ${min} al ${max}.`,
  // Estos tres siguen a «No he podido añadir «…»:» en el asistente, de ahí la minúscula o la comilla al principio.
  'item.parts_missing': 'necesita cuatro partes separadas por comas.',
  'item.not_a_price': ({ text, field }) => `«${text}» no es un precio (p. ej. ${priceExample[field]}).`,
  'item.not_a_quantity': ({ text }) => `«${text}» no es una cantidad entera (p. ej. 5).`,
  'reservation.not_found': 'No se ha encontrado la reserva.',
  'reservation.quantity_range': ({ max }) => `Puedes reservar de 1 a ${max} a la vez.`,
  'reservation.cap_reached': ({ max }) =>
    `Ya tienes ${max} reservas activas. Recoge o cancela alguna en /myreservations primero.`,
  'reservation.sold_out': 'Lo siento, ese producto se acaba de agotar.',
  'reservation.not_enough': ({ left, wanted }) =>
    `Lo siento, ${plural(left, { one: 'solo queda #', other: 'solo quedan #' })} y has pedido ${wanted}.`,
  'reservation.too_fast': 'Son muchas reservas de golpe. Espera un minuto y vuelve a intentarlo.',
  'reservation.window_over':
    'El horario de recogida ya terminó, así que esta reserva ya no se puede cancelar.',
  'reservation.settled': ({ status }) => `Esta reserva ${settled[status]}.`,
  'reservation.barred':
    'Lo siento, ahora mismo tu cuenta no puede hacer reservas. Si crees que es un error, escríbenos.',
  'pickup.code_not_found': 'No hay ninguna reserva abierta con ese código.',
  'pickup.not_open': 'Esta reserva ya no está abierta.',
  'venue.already_registered': 'Ya has registrado un local. Envía /start para ver en qué estado está.',
  'venue.not_found': 'No hay ningún local con ese id.',
  'venue.wrong_state': ({ status, to }) =>
    status === to
      ? decisionDone[to]
      : `Este local está ${venueStatusWords[status]}, así que ahora no se puede ${decisionVerbs[to]}.`,
  'venue.no_changes_requested':
    'Tu local ya no está pendiente de cambios. Envía /start para ver en qué estado está.',
  'offer.already_ended': ({ status }) =>
    `Esta oferta ya está ${offerStatusWords[status]}; no hay nada que retirar.`,
  'user.not_found': 'Ningún cliente con ese id ha usado el bot.',
  'user.is_admin': 'Los admins no se pueden bloquear.',
  'venue.owner_only':
    'Solo el dueño del local puede hacer eso. Como personal, puedes ver /reservations y confirmar recogidas.',
  'venue.no_change_to_review':
    'Este local no tiene ningún cambio de nombre o dirección pendiente de revisión.',
  'staff.invite_invalid':
    'Este enlace de invitación ha caducado o ya se usó. Pide uno nuevo al dueño del local.',
  'staff.has_venue':
    'Ya tienes un local o trabajas en uno, así que esta cuenta no puede unirse a otro. Envía /start para verlo.',
  'staff.not_found': 'Esa persona no forma parte (ya) de tu personal.',
  'pickup.not_picked_up': 'Esta reserva no está marcada como recogida, así que no hay nada que deshacer.',
  'pickup.undo_too_late': ({ minutes }) =>
    `Una recogida solo se puede deshacer en los ${minutes} minutos siguientes a confirmarla, mientras el horario de recogida siga abierto.`,
  'reservation.window_not_started':
    'El horario de recogida aún no ha empezado, así que es pronto para marcarla como no recogida.',
  'offer.item_reserved':
    'Hay clientes que han reservado este producto, así que no se puede quitar. Pon su cantidad a 0 para dejar de venderlo.',
  'offer.last_item': 'Una oferta necesita al menos un producto, así que no se puede quitar el último.',
  'offer.description_length': ({ max }) => `La descripción puede tener como máximo ${max} caracteres.`,
  'item.weight_range': ({ maxKg }) =>
    `El peso por unidad debe estar entre 1 g y ${maxKg} kg, p. ej. 0,4 kg o 350 g.`,
  'drop.not_found': 'Esa oferta recurrente no existe (ya).',
  'drop.publish_after_window': 'La oferta tiene que publicarse antes de que termine su horario de recogida.',
  'reservation.strike_limit': ({ until }, l) =>
    `Has faltado a ${plural(STRIKES_FOR_LIMIT, { one: '# recogida', other: '# recogidas' })} en ${plural(STRIKE_WINDOW_DAYS, { one: '# día', other: '# días' })}, ` +
    `así que ${untilLimitEnds(until, l)} solo puedes tener ${plural(LIMITED_RESERVATIONS, { one: '# reserva', other: '# reservas' })} a la vez. ` +
    `${plural(LIMITED_RESERVATIONS, { one: 'Recógela o cancélala', other: 'Recoge o cancela una' })} primero en /myreservations.`,
  'follow.venue_unavailable': 'Este local ya no está en el bot, así que no se puede seguir.',
  'settings.unknown_choice': 'Esa opción no está disponible. Abre /settings otra vez para elegir una.',
  'search.location_needed': 'Primero comparte tu ubicación (📍 en /offers), para que sepa dónde buscar.',
  'rating.not_allowed': 'Solo se puede valorar una reserva que hayas recogido.',
  'rating.edit_window_over': 'Una valoración solo se puede cambiar en las 24 horas siguientes.',
  'rating.comment_too_long': ({ max }) => `Escribe un comentario de menos de ${max} caracteres, por favor.`,
  'no_show.not_found': 'Esta reserva no está esperando tu respuesta.',
  'no_show.too_late':
    'Ya es tarde para cambiarlo: las recogidas se pueden confirmar hasta 7 días después del horario.',
  'button.stale': 'Este botón ya no es válido. Envía /offers para ver lo que hay disponible.',
};

/** Las palabras de un rechazo. */
export const errorText: typeof en.errorText = (detail, l) => {
  const text = errorTexts[detail.code] as string | ((detail: AppErrorDetail, l?: Locale) => string);
  return typeof text === 'string' ? text : text(detail, l);
};
