import { addDays, type LocalDate, localDate, zonedTime } from './pickup-window.js';

/**
 * Wall-clock times in a venue's own zone (venues.time_zone, else TIMEZONE: lib/marketplace/time-zones.ts) as
 * minutes after local midnight (18:00 = 1080), which is how recurring drops and pickup-slot buttons keep them; DST
 * is handled where a minute becomes an instant.
 */
const MINUTES_PER_DAY = 1440;

/** Local minutes after midnight of `instant`. */
function minutesOfDay(instant: Date, zone: string): number {
  const day = localDate(instant, zone);
  return Math.round((instant.getTime() - zonedTime(day, 0, 0, zone).getTime()) / 60_000);
}

/** The instant of `minutes` after local midnight of `day` (1440 is the next midnight). */
export function atMinutes(day: LocalDate, minutes: number, zone: string): Date {
  if (minutes >= MINUTES_PER_DAY) return zonedTime(addDays(day, 1), 0, minutes - MINUTES_PER_DAY, zone);
  return zonedTime(day, Math.floor(minutes / 60), minutes % 60, zone);
}

/** The local day `offset` days after the day of `instant`, with its weekday (0 = Sunday). */
export function localDayAfter(instant: Date, offset: number, zone: string): LocalDate & { weekday: number } {
  const today = localDate(instant, zone);
  const day = addDays(today, offset);
  return { ...day, weekday: (today.weekday + offset) % 7 };
}

/** A window as local minutes on one day; a window over midnight ends past 1440. */
export interface LocalWindow {
  start: number;
  end: number;
}

export function localWindowOf(start: Date, end: Date, zone: string): LocalWindow {
  const from = minutesOfDay(start, zone);
  const days = Math.round(
    (end.getTime() - start.getTime() - (minutesOfDay(end, zone) - from) * 60_000) / 86_400_000,
  );
  return { start: from, end: minutesOfDay(end, zone) + days * MINUTES_PER_DAY };
}

/**
 * The same local pickup times on the first day (today or later) whose window has not started yet: what
 * "repeat this offer" means. At most 7 days ahead, as pickup windows are.
 */
export function nextWindowLike(start: Date, end: Date, now: Date, zone: string): { start: Date; end: Date } {
  const window = localWindowOf(start, end, zone);
  for (let offset = 0; offset <= 7; offset++) {
    const day = localDayAfter(now, offset, zone);
    const from = atMinutes(day, window.start, zone);
    if (from <= now) continue;
    const endDay = addDays(day, Math.floor(window.end / MINUTES_PER_DAY));
    return { start: from, end: atMinutes(endDay, window.end % MINUTES_PER_DAY, zone) };
  }
  // Unreachable: a start time of day recurs every day.
  return { start, end };
}

const clock = String.raw`(\d{1,2})(?:[:.h](\d{2}))?`;

function minutesOf(hour: string | undefined, minute: string | undefined): number | null {
  const h = Number(hour);
  const m = Number(minute ?? '0');
  if (!Number.isInteger(h) || h > 24 || m > 59 || (h === 24 && m > 0)) return null;
  return h * 60 + m;
}

/** "16:00", "16", "9.30" → minutes after midnight; null when it isn't a time of day. */
export function parseLocalTime(text: string): number | null {
  const match = text.trim().match(new RegExp(`^${clock}$`));
  return match ? minutesOf(match[1], match[2]) : null;
}

/** "18:00-20:00", "18-20" → a window within one day; null when it isn't one (or ends before it starts). */
export function parseLocalWindow(text: string): LocalWindow | null {
  const match = text.trim().match(new RegExp(`^${clock}\\s*(?:-|–|—|to)\\s*${clock}$`, 'i'));
  if (!match) return null;
  const start = minutesOf(match[1], match[2]);
  const end = minutesOf(match[3], match[4]);
  return start !== null && end !== null && start < end && start < MINUTES_PER_DAY ? { start, end } : null;
}
