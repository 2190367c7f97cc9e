import { addDays, type LocalDate, localDate, zonedTime, zoneOffsetMinutes } from './pickup-window.js';

/**
 * Wall-clock times in a venue's own zone (venues.time_zone, else TIMEZONE: lib/marketplace/time-zones.ts) as
 * minutes after local midnight (18:00 = 1080), which is how recurring drops and pickup-slot buttons keep them. They
 * are what the clock reads, so a day the clocks change on (23 or 25 hours) has 18:00 at 1080 like any other; DST
 * is handled where an instant becomes a minute and back.
 */
const MINUTES_PER_DAY = 1440;

/**
 * What the clock on the wall reads at `instant`, as minutes after midnight (18:00 = 1080): not the time elapsed
 * since midnight, which on the day the clocks change is an hour more or less (18:00 would read as 17:00 or 19:00).
 * The zone's offset comes from Intl in the 23-hour cycle (midnight is 00, never 24).
 */
function minutesOfDay(instant: Date, zone: string): number {
  const wall = new Date(instant.getTime() + zoneOffsetMinutes(instant, zone) * 60_000);
  return wall.getUTCHours() * 60 + wall.getUTCMinutes();
}

/** Calendar days from `from` to `to` (both local dates): 1 for the next day, whatever the day's length. */
const daysBetween = (from: LocalDate, to: LocalDate) =>
  Math.round(
    (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000,
  );

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

/** A window's local times as its venue's clock shows them (18:00–20:00 is 1080–1200, on any day). */
export function localWindowOf(start: Date, end: Date, zone: string): LocalWindow {
  const days = daysBetween(localDate(start, zone), localDate(end, zone));
  return { start: minutesOfDay(start, zone), end: minutesOfDay(end, zone) + days * MINUTES_PER_DAY };
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
