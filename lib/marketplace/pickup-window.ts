/**
 * Pickup windows as venues type them, in the venue's own zone (venues.time_zone, else TIMEZONE):
 *   "18:00-20:00" (today), "today 18-20", "tomorrow 9:00-10:30", "mon 17-19", "24.12 17:00-19:00",
 * with the day in any language the bot speaks: "heute 18-20", "mañana 9-10", "пт 17:00–19:00", "Mo 17 bis 19".
 * Rules: end after start, end in the future, end at most 7 days ahead.
 */
const MAX_DAYS_AHEAD = 7;

export type PickupWindowResult =
  | { ok: true; start: Date; end: Date }
  | { ok: false; reason: 'format' | 'end_before_start' | 'in_the_past' | 'too_far' };

const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/**
 * Formatters are built once per locale and options (the zone among them), then reused: building one costs
 * ~50 µs and native (ICU) memory the garbage collector doesn't see, and a browse page formats a dozen times.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

/** The calendar date and weekday at `instant` in `zone`. */
export function localDate(instant: Date, zone: string): LocalDate & { weekday: number } {
  const parts = dateFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    weekday: weekdays.indexOf(get('weekday').toLowerCase().slice(0, 3)),
  };
}

/** Offset of `zone` from UTC at `instant`, in minutes (Tokyo: 540). */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  const parts = dateFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** The instant of a wall-clock time in `zone` (DST-safe: the offset is re-evaluated at the result). */
export function zonedTime(date: LocalDate, hour: number, minute: number, zone: string): Date {
  const guess = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const first = guess - zoneOffsetMinutes(new Date(guess), zone) * 60_000;
  return new Date(guess - zoneOffsetMinutes(new Date(first), zone) * 60_000);
}

export const addDays = (date: LocalDate, days: number): LocalDate => {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

/** A real calendar day: month 1–12 and a day that month has (Date.UTC would roll 31.02 over to March). */
const exists = ({ year, month, day }: LocalDate) =>
  month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();

const time = String.raw`(\d{1,2})(?:[:.h](\d{2}))?`;
/** "to" and its words in German, Spanish and Russian ("18 bis 20", "18 a 20", "18 до 20"), or a dash. */
const windowPattern = new RegExp(
  String.raw`^(?:(\S+)\s+)?${time}\s*(?:-|–|—|\sto\s|\sbis\s|\sa\s|\sдо\s)\s*${time}$`,
  'i',
);

/** Days relative to today, in English, German, Spanish and Russian. */
const relativeDays: Record<string, number> = {
  today: 0,
  heute: 0,
  hoy: 0,
  сегодня: 0,
  tomorrow: 1,
  tmrw: 1,
  morgen: 1,
  mañana: 1,
  manana: 1,
  завтра: 1,
};

/**
 * Weekday names, Sunday first, per language: the usual abbreviation, then the full name. A typed word names a
 * weekday when it is the abbreviation, or begins the full name and is at least as long as the abbreviation
 * ("fri", "frid", "friday"; "mi", "mittw"; Russian's "пт" isn't a beginning, so there at least three letters:
 * "пят"). No word names two different days (German "do" is Thursday, Spanish "dom" Sunday): tested.
 */
const weekdayNames: Array<Array<[short: string, full: string]>> = [
  // English
  [
    ['sun', 'sunday'],
    ['mon', 'monday'],
    ['tue', 'tuesday'],
    ['wed', 'wednesday'],
    ['thu', 'thursday'],
    ['fri', 'friday'],
    ['sat', 'saturday'],
  ],
  // German
  [
    ['so', 'sonntag'],
    ['mo', 'montag'],
    ['di', 'dienstag'],
    ['mi', 'mittwoch'],
    ['do', 'donnerstag'],
    ['fr', 'freitag'],
    ['sa', 'samstag'],
  ],
  // Spanish, with and without accents
  [
    ['dom', 'domingo'],
    ['lun', 'lunes'],
    ['mar', 'martes'],
    ['mié', 'miércoles'],
    ['jue', 'jueves'],
    ['vie', 'viernes'],
    ['sáb', 'sábado'],
  ],
  [
    ['dom', 'domingo'],
    ['lun', 'lunes'],
    ['mar', 'martes'],
    ['mie', 'miercoles'],
    ['jue', 'jueves'],
    ['vie', 'viernes'],
    ['sab', 'sabado'],
  ],
  // Russian
  [
    ['вс', 'воскресенье'],
    ['пн', 'понедельник'],
    ['вт', 'вторник'],
    ['ср', 'среда'],
    ['чт', 'четверг'],
    ['пт', 'пятница'],
    ['сб', 'суббота'],
  ],
];

/** The weekday (0 = Sunday) a typed word names in any of our languages, or -1. A trailing dot is allowed ("Mo."). */
export function weekdayOf(typed: string): number {
  const word = typed.toLowerCase().replace(/\.$/, '');
  for (const names of weekdayNames) {
    const day = names.findIndex(
      ([short, full]) =>
        word === short ||
        (full.startsWith(word) && word.length >= (full.startsWith(short) ? short.length : 3)),
    );
    if (day >= 0) return day;
  }
  return -1;
}

function resolveDay(word: string | undefined, today: LocalDate & { weekday: number }): LocalDate | null {
  if (!word) return today;
  const relative = relativeDays[word];
  if (relative !== undefined) return addDays(today, relative);
  const weekday = weekdayOf(word);
  if (weekday >= 0) return addDays(today, (weekday - today.weekday + 7) % 7);
  const dm = word.match(/^(\d{1,2})[./](\d{1,2})\.?$/);
  if (dm) {
    const day = Number(dm[1]);
    const month = Number(dm[2]);
    const inPast = month < today.month || (month === today.month && day < today.day);
    const date = { year: inPast ? today.year + 1 : today.year, month, day };
    // Checked in the year the date falls in: 29.02 exists only in a leap year; 31.02 is not 3 March.
    return exists(date) ? date : null;
  }
  return null;
}

export function parsePickupWindow(text: string, now: Date, zone: string): PickupWindowResult {
  const match = text.trim().toLowerCase().replace(/\s+/g, ' ').match(windowPattern);
  if (!match) return { ok: false, reason: 'format' };
  const [, dayWord, h1, m1, h2, m2] = match;
  const day = resolveDay(dayWord, localDate(now, zone));
  const [startHour, startMinute, endHour, endMinute] = [h1, m1 ?? '0', h2, m2 ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
  ];
  if (!day || startHour > 23 || endHour > 24 || startMinute > 59 || endMinute > 59)
    return { ok: false, reason: 'format' };
  if (endHour === 24 && endMinute > 0) return { ok: false, reason: 'format' };
  const start = zonedTime(day, startHour, startMinute, zone);
  const end =
    endHour === 24 ? zonedTime(addDays(day, 1), 0, 0, zone) : zonedTime(day, endHour, endMinute, zone);
  if (end <= start) return { ok: false, reason: 'end_before_start' };
  if (end <= now) return { ok: false, reason: 'in_the_past' };
  if (end.getTime() - now.getTime() > MAX_DAYS_AHEAD * 86_400_000) return { ok: false, reason: 'too_far' };
  return { ok: true, start, end };
}
