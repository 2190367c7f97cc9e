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
const dayNames = ['вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'];

function daysWords(weekdays: number): string {
  if (weekdays === WEEKDAY_SETS.daily) return 'каждый день';
  if (weekdays === WEEKDAY_SETS.weekdays) return 'по будням';
  if (weekdays === WEEKDAY_SETS.weekends) return 'по выходным';
  // Monday first, as a week reads.
  const order = [1, 2, 3, 4, 5, 6, 0];
  return `по дням: ${order
    .filter((d) => weekdays & (1 << d))
    .map((d) => dayNames[d])
    .join(', ')}`;
}

const schedule = (d: Pick<Drop, 'weekdays' | 'windowStart' | 'windowEnd' | 'publishAt'>) =>
  `${daysWords(d.weekdays)}; выдача ${time(d.windowStart)}–${time(d.windowEnd)}, публикация в ${time(d.publishAt)}`;

/** The days are typed in English (mon wed fri): that is what parseWeekdays reads. */
export const dropTexts: typeof en.dropTexts = {
  askDays: (title: string) =>
    `📅 Публикуйте <b>${e(title)}</b> снова и снова — автоматически.\n\nПо каким дням? Нажмите кнопку или напишите дни латиницей, например <code>mon wed fri</code> (пн, ср, пт).\n\n(/cancel — прервать.)`,
  badDays:
    'Нажмите одну из кнопок или напишите дни латиницей, например <code>mon wed fri</code> или <code>mon-fri</code>.',
  askWindow:
    'Когда в эти дни можно забирать? Выберите время или напишите его, например <code>18:00-20:00</code>.',
  badWindow:
    'Отправьте время выдачи в виде <code>18:00-20:00</code> (в пределах одного дня, конец позже начала).',
  askPublish: (windowStart: number) =>
    `Во сколько публиковать каждый день? Выберите вариант или напишите время до конца выдачи, например <code>${time(Math.max(0, windowStart - 120))}</code>.`,
  badPublish: 'Отправьте время до конца выдачи, например <code>16:00</code>.',
  summary: (title: string, d: Parameters<typeof schedule>[0], first: Date, l: Locale) =>
    `📅 <b>${e(title)}</b>: ${schedule(d)}.\nПервая публикация — ${describeMoment(first, l.now, l.timezone)}, дальше так же, пока вы не остановите.\n\nЗапускаем?`,
  started: (first: Date, l: Locale) =>
    `📅 Запущено. Следующая публикация: ${describeMoment(first, l.now, l.timezone)}. Посмотреть или остановить — в /venue → 📅 Автопубликации.`,
  cancelled: 'Автопубликация не запущена.',
  still: 'Вы настраиваете автопубликацию. Ответьте на вопрос выше или отправьте /cancel, чтобы прервать.',
  useButtons: 'Нажмите «Запустить» или «Отмена» выше.',
  list: (drops: Drop[], l: Locale) =>
    drops.length === 0
      ? '📅 <b>Автопубликации</b>\n\nПока ни одной. Запустить можно из карточки предложения: 📅 Повторять регулярно.'
      : `📅 <b>Автопубликации</b>\n\n${drops
          .map(
            (d) =>
              `<b>${e(d.title)}</b> — ${schedule(d)}\nСледующая: ${describeMoment(d.nextRunAt, l.now, l.timezone)}`,
          )
          .join('\n\n')}`,
  stopped: (title: string) => `⏹ Автопубликация «${title}» остановлена. Больше ничего не опубликуется.`,
};

export const dropButtons: typeof en.dropButtons = {
  daily: 'Каждый день',
  weekdays: 'По будням',
  weekends: 'По выходным',
  sameAsOffer: (start: number, end: number) => `Как сейчас: ${time(start)}–${time(end)}`,
  window: (start: number, end: number) => `${time(start)}–${time(end)}`,
  lead: (minutes: number, at: number) =>
    minutes === 0 ? `В ${time(at)}` : `За ${String(minutes / 60).replace('.', ',')} ч (${time(at)})`,
  start: '📅 Запустить',
  cancel: '✖️ Отмена',
  stop: (title: string) => truncate(`⏹ Остановить ${title}`, 40),
  back: '◀ Заведение',
};
