import type { CustomerOffer, CustomerOfferItem } from '../../../marketplace/offer-details.js';
import type { ReservationFacts } from '../../../marketplace/reservation-facts.js';
import { escapeHtml as e } from '../../html.js';
import type * as en from '../en/payments.js';
import { money as formatMoney, venueWindow } from '../format.js';
import type { Locale } from '../locale.js';

/** Pagar en el chat (issue 18): la factura, su reserva temporal, los reembolsos y el interruptor del local. */

const when = (o: { pickupStart: Date; pickupEnd: Date; venue: { zone: string | null } }, l: Locale) =>
  venueWindow(o.pickupStart, o.pickupEnd, l, o.venue.zone);
const total = (f: Pick<ReservationFacts, 'unitPrice' | 'quantity' | 'currency'>) =>
  formatMoney(f.unitPrice * f.quantity, f.currency);

export const paymentTexts: typeof en.paymentTexts = {
  confirm: (offer: CustomerOffer, item: CustomerOfferItem, quantity: number, l: Locale) =>
    `¿Reservar <b>${quantity} × ${e(item.name)}</b> en <b>${e(offer.venue.name)}</b> por <b>${formatMoney(item.price * quantity, l.currency)}</b>?\n` +
    `Paga ahora con tarjeta en Telegram o al recoger, ${when(offer, l)}.`,
  payNowButton: '💳 Pagar ahora',
  payAtPickupButton: '💵 Pagar al recoger',
  heldToast: 'Guardado 10 minutos 💳',
  held: (f: ReservationFacts, minutes: number, l: Locale) =>
    `⏳ <b>Te lo guardamos ${minutes} minutos:</b> ${f.quantity} × ${e(f.itemName)} en <b>${e(f.venue.name)}</b>, ${total(f)}.\n` +
    `Paga con la factura de abajo; tu código de recogida llega en cuanto esté pagada. Recogida ${when(f, l)}.`,
  invoiceTitle: (f: ReservationFacts) => f.offerTitle,
  invoiceDescription: (f: ReservationFacts, l: Locale) =>
    `${f.quantity} × ${f.itemName} en ${f.venue.name}. Recogida ${when(f, l)}. El código de recogida llega al pagar.`,
  invoiceLabel: (f: ReservationFacts) => `${f.quantity} × ${f.itemName}`,
  invoiceFailed: 'No pudimos abrir la factura ahora mismo. Toca 💳 Pagar ahora otra vez en un momento.',
  invoiceRefused:
    'Esta oferta no se puede pagar con tarjeta (Telegram rechazó la factura, a menudo porque el importe está por debajo de su mínimo). Las unidades vuelven a estar libres: reserva con 💵 Pagar al recoger.',
  awaiting: (minutesLeft: number) =>
    `⏳ La factura está más abajo en el chat. Págala en ${minutesLeft} min y te llega el código de recogida.`,
  holdEnded:
    'La reserva temporal terminó sin pago y las unidades volvieron a la venta. Elige la oferta otra vez en /offers si sigue disponible.',
  unavailable:
    'El pago en línea no está disponible para esta oferta ahora. Puedes reservar igualmente y pagar al recoger.',
  paidDone: (f: ReservationFacts, l: Locale) =>
    `✅ <b>Pagado ✓</b> Tu código de recogida: <code>${f.pickupCode}</code>\n\n` +
    `${f.quantity} × ${e(f.itemName)} — ${total(f)}, pagado\n` +
    `🏪 <b>${e(f.venue.name)}</b>, ${e(f.venue.address)}\n` +
    `🕒 ${when(f, l)}\n\n` +
    'Enseña el código en el mostrador. ¿No puedes ir? Cancela antes de que acabe el horario y te devolvemos el dinero.',
  venueNew: (f: ReservationFacts, l: Locale) =>
    `🛎 <b>Nueva reserva, pagada en línea ✓</b>\n${e(f.customerName)}: ${f.quantity} × ${e(f.itemName)} (${e(f.offerTitle)})\n` +
    `Código <code>${f.pickupCode}</code> · ${total(f)} ya pagado, nada que cobrar\n` +
    `🕒 ${when(f, l)}\n\nToca «Recogido» cuando lo recojan, o envía /pickup ${f.pickupCode}.`,
  lateRefund: (f: ReservationFacts) =>
    `😔 Tu pago de ${f.quantity} × ${e(f.itemName)} (<b>${e(f.venue.name)}</b>) llegó demasiado tarde: la reserva temporal había terminado y las unidades se habían agotado, o la oferta ya no estaba disponible. ` +
    `No se hizo ninguna reserva; te reembolsamos ${total(f)} en tu tarjeta.`,
  secondCharge: (f: ReservationFacts) =>
    `Pagaste dos veces la misma reserva (código <code>${f.pickupCode}</code>). El segundo pago, ${total(f)}, se te reembolsa en tu tarjeta.`,
  refundIssued: (f: ReservationFacts) =>
    `💳 <b>Reembolsado:</b> ${total(f)} por ${f.quantity} × ${e(f.itemName)} (<b>${e(f.venue.name)}</b>) vuelve a tu tarjeta. Los bancos suelen tardar de 5 a 10 días en mostrarlo.`,
  cancelledRefund: (f: ReservationFacts) =>
    `Reserva #${f.reservationId} cancelada. Te reembolsamos ${total(f)} en tu tarjeta.`,
  withdrawnRefund: (f: ReservationFacts) =>
    `😔 <b>${e(f.venue.name)}</b> retiró <b>${e(f.offerTitle)}</b>, así que tu reserva (código <code>${f.pickupCode}</code>) queda cancelada. ` +
    `Pagaste en línea: te reembolsamos ${total(f)} en tu tarjeta. Mira /offers para otras ofertas.`,
  alreadyPaid: '\n💳 Ya pagado en línea: nada que cobrar.',
  notMatched:
    'No pudimos asociar este pago a ninguna de tus reservas, así que no se reservó nada. Si te cobraron, se te reembolsará una vez revisado.',
};

export const checkoutRefusals: typeof en.checkoutRefusals = {
  unknown: 'No encontramos esta reserva. Abre la oferta en el bot y reserva de nuevo.',
  not_yours: 'Esta factura es de otra persona. Abre la oferta en el bot para hacer tu propia reserva.',
  amount_mismatch: 'El importe no coincide con esta reserva. Abre la oferta en el bot e inténtalo de nuevo.',
  paid: 'Esta reserva ya está pagada. Tu código de recogida está en el chat.',
  offer_gone: 'Lo sentimos, esta oferta ya no está disponible, así que no se cobró nada.',
  expired:
    'La reserva de 10 minutos terminó y las unidades volvieron a la venta. Reserva de nuevo en el bot.',
};

export const paymentStateTexts: typeof en.paymentStateTexts = {
  heading: '💳 <b>Pagado en línea</b>',
  paid: (id: number, amount: string) => `#${id} ${amount} · pagado ✓`,
  refundRequested: (id: number, amount: string) => `#${id} ${amount} · reembolso en camino`,
  refundSucceeded: (id: number, amount: string) => `#${id} ${amount} · reembolsado ✓`,
  refundFailed: (id: number, amount: string) =>
    `#${id} ${amount} · reembolso retrasado, nos ocupamos (no tienes que hacer nada)`,
};

export const venuePaymentTexts: typeof en.venuePaymentTexts = {
  cardLine: (accepts: boolean) =>
    accepts
      ? '💳 Pago en línea: <b>activado</b>, los clientes pueden pagar al reservar'
      : '💳 Pago en línea: <b>desactivado</b>, los clientes pagan en el mostrador',
  toggleButton: (accepts: boolean) => (accepts ? '💳 Desactivar pago en línea' : '💳 Aceptar pago en línea'),
  turnedOn:
    '💳 El pago en línea está <b>activado</b>: los clientes pueden pagar al reservar o seguir pagando en el mostrador. Las cancelaciones a tiempo y las ofertas retiradas se reembolsan solas; las no recogidas, no.',
  turnedOff:
    '💵 El pago en línea está <b>desactivado</b>: los clientes pagan en el mostrador. Las reservas ya pagadas siguen pagadas.',
};
