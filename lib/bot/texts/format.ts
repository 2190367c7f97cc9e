import { addDays, type LocalDate, localDate, zoneOffsetMinutes } from '../../marketplace/pickup-window.js';
import { currentIntlLocale } from './language.js';
import type { Locale } from './locale.js';
import { zoneLabelTexts, zonePlaces } from './time-zones.js';

/**
 * Numbers, money, distances, days and times in the current language (lib/bot/texts/language.ts), all
 * through Intl so every language gets its own separators, units and day names without a catalogue entry.
 * Formatters are built once per locale and options and reused: building one costs ~50 µs and native (ICU)
 * memory the garbage collector doesn't see, and a browse page formats a dozen times.
 */
const formats = new Map<string, unknown>();
function cached<T>(kind: string, options: object, build: (locale: string) => T): T {
  const locale = currentIntlLocale();
  const key = `${kind} ${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key) as T | undefined;
  if (!format) {
    format = build(locale);
    formats.set(key, format);
  }
  return format;
}

const numberFormat = (options: Intl.NumberFormatOptions) =>
  cached('number', options, (locale) => new Intl.NumberFormat(locale, options));
const dateFormat = (options: Intl.DateTimeFormatOptions) =>
  cached('date', options, (locale) => new Intl.DateTimeFormat(locale, options));

/** 1250, "EUR" → "€12.50" / "12,50 €" / "12,50 €" / "12,50 €". */
export const money = (cents: number, currency: string): string =>
  numberFormat({ style: 'currency', currency }).format(cents / 100);

/** A plain count or decimal in the current language: 1234.5 → "1,234.5" / "1.234,5". */
export const number = (value: number, maximumFractionDigits = 1): string =>
  numberFormat({ maximumFractionDigits }).format(value);

/** "350 m", "1.2 km", "2.0 km", "12 km": metres under a kilometre in steps of 50 (and never "0 m"). */
export function distance(km: number): string {
  if (km < 1) {
    const metres = Math.max(50, Math.round((km * 1000) / 50) * 50);
    return numberFormat({ style: 'unit', unit: 'meter', unitDisplay: 'short' }).format(metres);
  }
  const digits = km < 10 ? 1 : 0;
  return numberFormat({
    style: 'unit',
    unit: 'kilometer',
    unitDisplay: 'short',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(km);
}

/** "3 Dec, 14:00" in UTC, in the current language: a time for someone whose zone isn't known. */
export const utcDateTime = (instant: Date): string =>
  dateFormat({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(
    instant,
  );

/** "18:00" in `zone`: 24-hour clock in every language we speak. */
const clockTime = (instant: Date, zone: string): string =>
  dateFormat({ timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);

/** "today", "tomorrow" or "Fri 24 Nov" (in the current language): the local day of `instant` seen at `now`. */
function dayName(instant: Date, now: Date, zone: string): string {
  const today = localDate(now, zone);
  const day = localDate(instant, zone);
  const same = (a: LocalDate, b: LocalDate) => a.year === b.year && a.month === b.month && a.day === b.day;
  const relative = (days: number) =>
    cached('relative', {}, (locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(
      days,
      'day',
    );
  if (same(day, today)) return relative(0);
  if (same(day, addDays(today, 1))) return relative(1);
  return dateFormat({ timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' }).format(instant);
}

/** "today 18:00–20:00", "tomorrow 09:00–10:30", "Fri 24 Nov 17:00–19:00". */
export const pickupWindow = (start: Date, end: Date, now: Date, zone: string): string =>
  `${dayName(start, now, zone)} ${clockTime(start, zone)}–${clockTime(end, zone)}`;

/** "tomorrow 16:00": one moment, e.g. when a recurring drop publishes next. */
export const moment = (instant: Date, now: Date, zone: string): string =>
  `${dayName(instant, now, zone)} ${clockTime(instant, zone)}`;

/**
 * Times of a venue are shown in the venue's zone (issue 17): the clock on its wall is what counts at the counter.
 * Someone whose own clock reads differently at that moment (a customer in Berlin looking at a Tokyo deal) is told
 * whose time it is: "18:00–20:00 (Tokyo time)". Compared by offset, not by name: Paris and Berlin read alike.
 */
const zoneOfVenue = (venueZone: string | null, l: Locale) => venueZone ?? l.defaultZone;

/** "UTC", "UTC+9", "UTC−3:30" for the zones named after no place (UTC, Etc/GMT-9); null for the others. */
function offsetName(zone: string): string | null {
  if (zone !== 'UTC' && zone !== 'GMT' && !zone.startsWith('Etc/')) return null;
  const offset = zoneOffsetMinutes(new Date(0), zone);
  if (offset === 0) return 'UTC';
  const minutes = Math.abs(offset) % 60;
  return `UTC${offset < 0 ? '−' : '+'}${Math.floor(Math.abs(offset) / 60)}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

/** "Tokyo", "New York": the place a zone is named after, in the current language where it differs. */
const zonePlace = (zone: string): string =>
  zonePlaces[zone] ?? (zone.split('/').at(-1) ?? zone).replaceAll('_', ' ');

/** " (Tokyo time)" when a viewer in `viewerZone` reads another time than `zone` at `instant`; else nothing. */
function zoneLabel(instant: Date, zone: string, viewerZone: string): string {
  if (zone === viewerZone || zoneOffsetMinutes(instant, zone) === zoneOffsetMinutes(instant, viewerZone))
    return '';
  const utc = offsetName(zone);
  return ` ${utc === null ? zoneLabelTexts.label(zonePlace(zone)) : zoneLabelTexts.utc(utc)}`;
}

/** A venue's pickup window as `l`'s viewer sees it: in the venue's zone, with its label when theirs differs. */
export const venueWindow = (start: Date, end: Date, l: Locale, venueZone: string | null): string => {
  const zone = zoneOfVenue(venueZone, l);
  return `${pickupWindow(start, end, l.now, zone)}${zoneLabel(start, zone, l.timezone)}`;
};

/** One moment of a venue (its next drop), as `venueWindow` shows windows. */
export const venueMoment = (instant: Date, l: Locale, venueZone: string | null): string => {
  const zone = zoneOfVenue(venueZone, l);
  return `${moment(instant, l.now, zone)}${zoneLabel(instant, zone, l.timezone)}`;
};

/** Anything with a pickup window and its venue's zone: a listed offer, an offer's details, a reservation. */
export type ZonedWindow = { pickupStart: Date; pickupEnd: Date } & (
  | { zone: string | null }
  | { venue: { zone: string | null } }
);

/** Its window as `l`'s viewer sees it (venueWindow): "today 18:00–20:00 (Tokyo time)". */
export const windowOf = (w: ZonedWindow, l: Locale): string =>
  venueWindow(w.pickupStart, w.pickupEnd, l, 'zone' in w ? w.zone : w.venue.zone);
