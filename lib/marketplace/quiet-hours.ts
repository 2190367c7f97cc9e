import { atMinutes, localDayAfter } from './local-time.js';

/**
 * Quiet hours: a span of local time (minutes after midnight, wrapping past midnight when start > end) in which
 * deal alerts wait. Equal start and end means none. Pure functions of an instant and a time zone.
 */

/** One formatter per zone, reused: each costs native memory (see money.ts), and a fan-out asks often. */
const formats = new Map<string, Intl.DateTimeFormat>();
function formatFor(timezone: string): Intl.DateTimeFormat {
  let format = formats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timezone, format);
  }
  return format;
}

/** Minutes after local midnight of `at` in `timezone` (0…1439). */
function localMinutes(at: Date, timezone: string): number {
  const parts = formatFor(timezone).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
}

/** True when `minutes` (after local midnight) falls in the quiet span [start, end). */
function isQuiet(minutes: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/** When the quiet hours `at` falls in end (the next local `end`), or null when `at` is not in quiet hours. */
export function quietUntil(at: Date, timezone: string, start: number, end: number): Date | null {
  const minutes = localMinutes(at, timezone);
  if (!isQuiet(minutes, start, end)) return null;
  // The wall clock's next `end`, today or tomorrow: not `end - minutes` minutes on, which is an hour off on the
  // night the clocks change.
  return atMinutes(localDayAfter(at, minutes < end ? 0 : 1, timezone), end, timezone);
}
