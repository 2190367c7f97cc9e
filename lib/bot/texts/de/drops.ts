import type { Drop } from '../../../../db/schema.js';
import { WEEKDAY_SETS } from '../../../marketplace/drops.js';
import { escapeHtml as e } from '../../html.js';
import { truncate } from '../../truncate.js';
import type * as en from '../en/drops.js';
import { moment as describeMoment } from '../format.js';
import type { Locale } from '../locale.js';
import { windowSlotTexts } from './offer-wizard.js';

/** Recurring drops: the wizard that starts one, the list that stops one, what customers see. HTML. */

const time = windowSlotTexts.time;
const dayNames = ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'];

function daysWords(weekdays: number): string {
  if (weekdays === WEEKDAY_SETS.daily) return 'jeden Tag';
  if (weekdays === WEEKDAY_SETS.weekdays) return 'montags bis freitags';
  if (weekdays === WEEKDAY_SETS.weekends) return 'am Wochenende';
  // Monday first, as a week reads.
  const order = [1, 2, 3, 4, 5, 6, 0];
  return `immer ${order
    .filter((d) => weekdays & (1 << d))
    .map((d) => dayNames[d])
    .join(', ')}`;
}

const schedule = (d: Pick<Drop, 'weekdays' | 'windowStart' | 'windowEnd' | 'publishAt'>) =>
  `${daysWords(d.weekdays)}, Abholung ${time(d.windowStart)}–${time(d.windowEnd)}, online ab ${time(d.publishAt)}`;

/**
 * Typed days are read by parseWeekdays (lib/marketplace/drops.ts), which knows "mo-fr" and English day
 * abbreviations only; the examples stay ones it accepts.
 */
export const dropTexts: typeof en.dropTexts = {
  askDays: (title) =>
    `📅 <b>${e(title)}</b> automatisch immer wieder veröffentlichen.\n\nAn welchen Tagen? Tippe auf eine Option oder schreib die Tage, z. B. <code>Mo-Fr</code> oder (englisch abgekürzt) <code>mon wed fri</code>.\n\n(/cancel bricht ab.)`,
  badDays:
    'Tippe auf einen der Buttons oder schreib Tage wie <code>Mo-Fr</code> oder, englisch abgekürzt, <code>mon wed fri</code>.',
  askWindow:
    'Wann kann an diesen Tagen abgeholt werden? Tippe auf eine Zeit oder schreib sie, z. B. <code>18:00-20:00</code>.',
  badWindow: 'Schick die Abholzeit als <code>18:00-20:00</code> (an einem Tag, Ende nach Beginn).',
  askPublish: (windowStart) =>
    `Wann soll es jeden Tag online gehen? Tippe auf eine Option oder schreib eine Uhrzeit vor dem Ende der Abholzeit, z. B. <code>${time(Math.max(0, windowStart - 120))}</code>.`,
  badPublish: 'Schick eine Uhrzeit vor dem Ende der Abholzeit, z. B. <code>16:00</code>.',
  summary: (title, d, first, l) =>
    `📅 <b>${e(title)}</b>: ${schedule(d)}.\nZum ersten Mal online: ${describeMoment(first, l.now, l.timezone)}, dann immer wieder, bis du es stoppst.\n\nStarten?`,
  started: (first, l) =>
    `📅 Gestartet. Nächstes Mal online: ${describeMoment(first, l.now, l.timezone)}. Deine Serien siehst und stoppst du unter /venue → 📅 Serien.`,
  cancelled: 'Keine Serie gestartet.',
  still:
    'Du richtest gerade eine Angebotsserie ein. Beantworte die Frage oben oder sende /cancel zum Abbrechen.',
  useButtons: 'Tippe oben auf „Starten“ oder „Abbrechen“.',
  list: (drops: Drop[], l: Locale) =>
    drops.length === 0
      ? '📅 <b>Angebotsserien</b>\n\nGerade läuft keine. Starte eine über die Karte eines Angebots: 📅 Regelmäßig anbieten.'
      : `📅 <b>Angebotsserien</b>\n\n${drops
          .map(
            (d) =>
              `<b>${e(d.title)}</b> — ${schedule(d)}\nNächstes Mal: ${describeMoment(d.nextRunAt, l.now, l.timezone)}`,
          )
          .join('\n\n')}`,
  stopped: (title) => `⏹ „${title}“ gestoppt. Es wird nichts mehr veröffentlicht.`,
};

export const dropButtons: typeof en.dropButtons = {
  daily: 'Jeden Tag',
  weekdays: 'Mo–Fr',
  weekends: 'Wochenende',
  sameAsOffer: (start, end) => `Wie jetzt: ${time(start)}–${time(end)}`,
  window: (start, end) => `${time(start)}–${time(end)}`,
  lead: (minutes, at) =>
    minutes === 0 ? `Um ${time(at)}` : `${(minutes / 60).toLocaleString('de-DE')} Std. vorher (${time(at)})`,
  start: '📅 Starten',
  cancel: '✖️ Abbrechen',
  stop: (title) => truncate(`⏹ Stoppen: ${title}`, 40),
  back: '◀ Betrieb',
};
