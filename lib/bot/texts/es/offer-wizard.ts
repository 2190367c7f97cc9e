import { escapeHtml as e } from '../../html.js';
import type * as en from '../en/offer-wizard.js';
import { money as formatMoney } from '../format.js';
import { plural } from '../plural.js';

/** Las preguntas que comparten los asistentes de ofertas: franjas de recogida, productos campo a campo, el menú de edición. HTML. */

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const windowSlotTexts: typeof en.windowSlotTexts = {
  slot: (day, start, end) => `${day === 0 ? 'Hoy' : 'Mañana'} ${hhmm(start)}–${hhmm(end)}`,
  time: hhmm,
};

/**
 * Los productos, campo a campo, en el mismo orden en todos los asistentes: nombre → precio original → precio
 * con descuento → cantidad (→ peso por unidad, opcional).
 */
export const itemEntryTexts: typeof en.itemEntryTexts = {
  askOriginal: (name) =>
    `<b>${e(name)}</b>: ¿cuánto cuesta normalmente una unidad? p. ej. <code>12,50</code>`,
  askPrice: (name, original, currency) =>
    `¿Y tu precio con descuento por una unidad de <b>${e(name)}</b>? Menos de ${formatMoney(original, currency)}, p. ej. <code>4,00</code>`,
  askQuantity: (name) =>
    `¿Cuántas unidades de <b>${e(name)}</b> pueden reservar los clientes? p. ej. <code>5</code>`,
  askWeight: (name) =>
    `Opcional: ¿cuánto pesa una unidad de <b>${e(name)}</b>? p. ej. <code>0,4 kg</code> o <code>350 g</code>. Sirve para mostrar cuánta comida salvas. Toca «Omitir» si prefieres no decirlo.`,
  badOriginal: 'Eso no es un precio. Envía el precio normal de una unidad, p. ej. <code>12,50</code>.',
  badPrice: (original, currency) =>
    `Envía un precio mayor que cero y menor que ${formatMoney(original, currency)}, p. ej. <code>4,00</code>.`,
  badQuantity: (min, max) => `Envía un número entero del ${min} al ${max}, p. ej. <code>5</code>.`,
  badWeight: 'Envía un peso como <code>0,4 kg</code> o <code>350 g</code>, o toca «Omitir».',
  finishFirst: 'Termina primero este producto:',
  oneByOneHint: '\nO envía solo el nombre del producto y te pregunto el resto paso a paso.',
};

export const editMenuTexts: typeof en.editMenuTexts = {
  ask: '¿Qué quieres cambiar?',
  useButtons: 'Toca abajo lo que quieras cambiar, o ✔ Listo.',
  title: '✏️ Título',
  description: '📝 Descripción',
  window: '⏰ Horario de recogida',
  photo: '📸 Foto',
  items: '💶 Precios y cantidades',
  add: '➕ Añadir producto',
  remove: '➖ Quitar producto',
  done: '✔ Listo',
  askTitle: 'Envía el nuevo <b>título</b> (hasta 80 caracteres).',
  askDescription:
    'Envía la nueva <b>descripción</b> (hasta 500 caracteres), o <code>-</code> para dejarla sin descripción.',
  askWindow: (holders) =>
    `⏰ ¿Cuándo pueden recoger ahora?${holders > 0 ? ` ${plural(holders, { one: 'Avisaremos al cliente que tiene una reserva.', other: 'Avisaremos a los # clientes que tienen reservas.' })}` : ''}\np. ej. <code>18:00-20:00</code>, <code>mañana 9:00-10:30</code>, o toca una franja:`,
  askPhoto: '📸 Envía la foto nueva, o toca «Omitir» para quitar la foto.',
  chooseItem: '¿Qué producto?',
  chooseRemove:
    '¿Qué producto quitamos? (Los productos que ya tienen reservas se quedan; pon su cantidad a 0.)',
  askAdd:
    'Envía el nuevo producto así: <code>nombre, precio original, precio con descuento, cantidad</code>, p. ej. <code>Caja de verduras, 12,50, 4,00, 5</code>, o solo su nombre.',
  saved: '✏️ Guardado.',
  windowSaved: (told) =>
    told > 0
      ? `⏰ Horario de recogida cambiado. ${plural(told, { one: 'Hemos avisado al cliente que tenía una reserva.', other: 'Hemos avisado a los clientes de # reservas.' })}`
      : '⏰ Horario de recogida cambiado.',
  removed: '➖ Producto quitado.',
  added: '➕ Producto añadido.',
};
