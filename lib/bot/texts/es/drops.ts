import type { Drop } from '../../../../db/schema.js';
import { WEEKDAY_SETS } from '../../../marketplace/drops.js';
import { escapeHtml as e } from '../../html.js';
import { truncate } from '../../truncate.js';
import type * as en from '../en/drops.js';
import { moment as describeMoment, number } from '../format.js';
import { windowSlotTexts } from './offer-wizard.js';

/** Ofertas recurrentes: el asistente que crea una, la lista que la detiene, lo que ven los clientes. HTML. */

const time = windowSlotTexts.time;
const dayNames = ['domingos', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábados'];

function daysWords(weekdays: number): string {
  if (weekdays === WEEKDAY_SETS.daily) return 'todos los días';
  if (weekdays === WEEKDAY_SETS.weekdays) return 'de lunes a viernes';
  if (weekdays === WEEKDAY_SETS.weekends) return 'los fines de semana';
  // El lunes primero, como se lee una semana.
  const order = [1, 2, 3, 4, 5, 6, 0];
  const days = order.filter((d) => weekdays & (1 << d)).map((d) => dayNames[d]);
  const last = days.pop();
  return `los ${days.length > 0 ? `${days.join(', ')} y ${last}` : last}`;
}

/**
 * Días tal como se escriben: el lector de días (lib/marketplace/drops.ts parseWeekdays) solo entiende por
 * ahora las abreviaturas inglesas, así que los ejemplos las usan y dicen qué significan.
 */
const typedDays = '<code>mon wed fri</code> (lunes, miércoles y viernes)';

const schedule = (d: Pick<Drop, 'weekdays' | 'windowStart' | 'windowEnd' | 'publishAt'>) =>
  `${daysWords(d.weekdays)}, recogida ${time(d.windowStart)}–${time(d.windowEnd)}, se publica a las ${time(d.publishAt)}`;

export const dropTexts: typeof en.dropTexts = {
  askDays: (title) =>
    `📅 Publica <b>${e(title)}</b> una y otra vez, automáticamente.\n\n¿Qué días? Toca una opción o escríbelos, p. ej. ${typedDays}.\n\n(/cancel para salir.)`,
  badDays:
    'Toca uno de los botones o escribe los días abreviados en inglés, como <code>mon wed fri</code> o <code>mon-fri</code> (mon = lunes … sun = domingo).',
  askWindow:
    '¿A qué hora pueden recoger esos días? Toca una franja o escríbela, p. ej. <code>18:00-20:00</code>.',
  badWindow:
    'Envía el horario de recogida así: <code>18:00-20:00</code> (en el mismo día, y que termine después de empezar).',
  askPublish: (windowStart) =>
    `¿A qué hora se publica cada día? Toca una opción o escribe una hora antes de que acabe la recogida, p. ej. <code>${time(Math.max(0, windowStart - 120))}</code>.`,
  badPublish: 'Envía una hora antes de que acabe la recogida, p. ej. <code>16:00</code>.',
  summary: (title, d, first, l) =>
    `📅 <b>${e(title)}</b>: ${schedule(d)}.\nLa primera se publica ${describeMoment(first, l.now, l.timezone)}, y así hasta que la detengas.\n\n¿La activo?`,
  started: (first, l) =>
    `📅 Activada. Próxima publicación: ${describeMoment(first, l.now, l.timezone)}. Consulta o detén tus ofertas recurrentes en /venue → 📅 Recurrentes.`,
  cancelled: 'No se ha activado ninguna oferta recurrente.',
  still:
    'Estás configurando una oferta recurrente. Responde a la pregunta de arriba o envía /cancel para salir.',
  useButtons: 'Toca «Activar» o «Cancelar» arriba.',
  list: (drops, l) =>
    drops.length === 0
      ? '📅 <b>Ofertas recurrentes</b>\n\nNo hay ninguna activa. Crea una desde la ficha de una oferta con 📅 Programar.'
      : `📅 <b>Ofertas recurrentes</b>\n\n${drops
          .map(
            (d) =>
              `<b>${e(d.title)}</b> — ${schedule(d)}\nPróxima: ${describeMoment(d.nextRunAt, l.now, l.timezone)}`,
          )
          .join('\n\n')}`,
  stopped: (title) => `⏹ «${title}» detenida. No se publicará nada más.`,
};

export const dropButtons: typeof en.dropButtons = {
  daily: 'Todos los días',
  weekdays: 'De lunes a viernes',
  weekends: 'Fines de semana',
  sameAsOffer: (start, end) => `Como ahora: ${time(start)}–${time(end)}`,
  window: (start, end) => `${time(start)}–${time(end)}`,
  lead: (minutes, at) =>
    minutes === 0 ? `A las ${time(at)}` : `${number(minutes / 60)} h antes (${time(at)})`,
  start: '📅 Activar',
  cancel: '✖️ Cancelar',
  stop: (title) => truncate(`⏹ Detener ${title}`, 40),
  back: '◀ Local',
};
