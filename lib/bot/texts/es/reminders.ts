import type { ReservationFacts } from '../../../marketplace/reservation-facts.js';
import { MAX_ACTIVE_RESERVATIONS } from '../../../marketplace/reservations.js';
import { LIMIT_DAYS, STRIKE_WINDOW_DAYS, STRIKES_FOR_LIMIT } from '../../../marketplace/strikes.js';
import { escapeHtml as e } from '../../html.js';
import type * as en from '../en/reminders.js';
import { money as formatMoney, windowOf } from '../format.js';
import type { Locale } from '../locale.js';

/** Recordatorios de recogida, y a qué llevan las faltas: primero se pregunta al local, las faltas, el límite (issue 14). HTML. */

const when = (f: ReservationFacts, l: Locale) => windowOf(f, l);
const what = (f: ReservationFacts, l: Locale) =>
  `${f.quantity} × ${e(f.itemName)} — ${formatMoney(f.unitPrice * f.quantity, f.currency || l.currency)}, ${f.paidOnline ? 'pagado en línea ✓' : 'pagas al recoger'}`;
const untilDate = (at: Date, l: Locale) =>
  // The weekday in full: 'mar' (martes) would read as 'the sea' after 'Hasta el'.
  at.toLocaleString('es-ES', {
    weekday: 'long',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: l.timezone,
  });

export const reminderTexts: typeof en.reminderTexts = {
  opening: (f, l) =>
    `⏰ <b>La recogida empieza en 30 minutos</b> en <b>${e(f.venue.name)}</b>, ${e(f.venue.address)}\n` +
    `${what(f, l)}\n🕒 ${when(f, l)}\nTu código: <code>${f.pickupCode}</code>\n\n¿Al final no puedes ir? Cancela, y así otra persona podrá salvar esa comida.`,
  closing: (f, l) =>
    `⏳ <b>La recogida termina en 15 minutos</b> en <b>${e(f.venue.name)}</b>, ${e(f.venue.address)}\n` +
    `${what(f, l)}\nTu código: <code>${f.pickupCode}</code>\n\n¿Vas de camino? Enseña el código en el mostrador. Si no, cancela ahora, por favor.`,
};

export const strikeTexts: typeof en.strikeTexts = {
  /** Se añade al mensaje de no recogida, para que la regla se conozca antes de que se aplique. */
  rule: `\n\nSi faltas a ${STRIKES_FOR_LIMIT} recogidas en ${STRIKE_WINDOW_DAYS} días, durante ${LIMIT_DAYS} días solo podrás tener 1 reserva a la vez.`,
  limited: (f, l) =>
    `🚫 <b>Hasta el ${untilDate(new Date(f.pickupEnd.getTime() + LIMIT_DAYS * 86_400_000), l)} solo puedes tener 1 reserva a la vez.</b>\n` +
    `Es porque ${STRIKES_FOR_LIMIT} reservas en ${STRIKE_WINDOW_DAYS} días no se recogieron; la última, en <b>${e(f.venue.name)}</b>. ` +
    `Después podrás volver a tener ${MAX_ACTIVE_RESERVATIONS}. Cancelar en /myreservations cuando cambian tus planes nunca cuenta en tu contra.`,
  askVenue: (f, l) =>
    `⌛ <b>¿${e(f.customerName || 'El cliente')} recogió esto?</b>\n` +
    `${f.quantity} × ${e(f.itemName)} (${e(f.offerTitle)}), código <code>${f.pickupCode}</code>, ${when(f, l)}\n\n` +
    'Nunca se marcó como recogida, y ese día no se confirmó ninguna recogida en tu local, así que te preguntamos antes de contarla como falta.',
  collectedButton: '✅ Sí, la recogió',
  missedButton: '🚫 No, no vino',
  collected: (f) =>
    `✅ Marcada como recogida: ${f.quantity} × ${e(f.itemName)} (código <code>${f.pickupCode}</code>). ¡Gracias! La próxima vez toca «Recogido» en el mostrador.`,
  missed: (f) =>
    `🚫 Registrada como no recogida: ${f.quantity} × ${e(f.itemName)} (código <code>${f.pickupCode}</code>). Se ha avisado al cliente.`,
};
