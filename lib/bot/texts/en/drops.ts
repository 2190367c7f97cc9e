import type { Drop } from '../../../../db/schema.js';
import { WEEKDAY_SETS } from '../../../marketplace/drops.js';
import { escapeHtml as e } from '../../html.js';
import { truncate } from '../../truncate.js';
import { moment as describeMoment } from '../format.js';
import type { Locale } from '../locale.js';
import { windowSlotTexts } from './offer-wizard.js';

/** Recurring drops: the wizard that starts one, the list that stops one, what customers see. HTML. */

const time = windowSlotTexts.time;
const dayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function daysWords(weekdays: number): string {
  if (weekdays === WEEKDAY_SETS.daily) return 'every day';
  if (weekdays === WEEKDAY_SETS.weekdays) return 'every weekday';
  if (weekdays === WEEKDAY_SETS.weekends) return 'every weekend';
  // Monday first, as a week reads.
  const order = [1, 2, 3, 4, 5, 6, 0];
  return `every ${order
    .filter((d) => weekdays & (1 << d))
    .map((d) => dayNames[d])
    .join(', ')}`;
}

const schedule = (d: Pick<Drop, 'weekdays' | 'windowStart' | 'windowEnd' | 'publishAt'>) =>
  `${daysWords(d.weekdays)}, pickup ${time(d.windowStart)}–${time(d.windowEnd)}, published at ${time(d.publishAt)}`;

export const dropTexts = {
  askDays: (title: string) =>
    `📅 Publish <b>${e(title)}</b> again and again, automatically.\n\nOn which days? Tap one, or type them, e.g. <code>mon wed fri</code>.\n\n(/cancel stops.)`,
  badDays: 'Tap one of the buttons, or type days like <code>mon wed fri</code> or <code>mon-fri</code>.',
  askWindow:
    'When can customers pick up on those days? Tap a time, or type it, e.g. <code>18:00-20:00</code>.',
  badWindow: 'Send the pickup time as <code>18:00-20:00</code> (one day, ending after it starts).',
  askPublish: (windowStart: number) =>
    `When should it go live each day? Tap one, or type a time before the pickup ends, e.g. <code>${time(Math.max(0, windowStart - 120))}</code>.`,
  badPublish: 'Send a time of day before the pickup time ends, e.g. <code>16:00</code>.',
  summary: (title: string, d: Parameters<typeof schedule>[0], first: Date, l: Locale) =>
    `📅 <b>${e(title)}</b>: ${schedule(d)}.\nThe first one goes live ${describeMoment(first, l.now, l.timezone)}, until you stop it.\n\nStart it?`,
  started: (first: Date, l: Locale) =>
    `📅 Started. Next drop: ${describeMoment(first, l.now, l.timezone)}. See or stop your drops in /venue → 📅 Drops.`,
  cancelled: 'No drop started.',
  still: 'You are setting up a recurring drop. Answer the question above, or send /cancel to stop.',
  useButtons: 'Tap “Start” or “Cancel” above.',
  list: (drops: Drop[], l: Locale) =>
    drops.length === 0
      ? '📅 <b>Recurring drops</b>\n\nNone running. Start one from an offer’s card: 📅 Repeat regularly.'
      : `📅 <b>Recurring drops</b>\n\n${drops
          .map(
            (d) =>
              `<b>${e(d.title)}</b> — ${schedule(d)}\nNext: ${describeMoment(d.nextRunAt, l.now, l.timezone)}`,
          )
          .join('\n\n')}`,
  stopped: (title: string) => `⏹ Stopped “${title}”. Nothing more will be published.`,
};

export const dropButtons = {
  daily: 'Every day',
  weekdays: 'Weekdays',
  weekends: 'Weekends',
  sameAsOffer: (start: number, end: number) => `Same as now: ${time(start)}–${time(end)}`,
  window: (start: number, end: number) => `${time(start)}–${time(end)}`,
  lead: (minutes: number, at: number) =>
    minutes === 0 ? `At ${time(at)}` : `${minutes / 60} h before (${time(at)})`,
  start: '📅 Start',
  cancel: '✖️ Cancel',
  stop: (title: string) => truncate(`⏹ Stop ${title}`, 40),
  back: '◀ Venue',
};
