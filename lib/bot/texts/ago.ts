import { currentIntlLocale } from './language.js';

/**
 * "25 min ago", "vor 2 Std.", "hace 1 h", "вчера": how long ago, in Intl's words for the current language.
 * Under a minute it is the language's own `justNow`; minutes up to an hour, hours up to two days, then days.
 */
export function ago(ms: number, justNow: string): string {
  const minutes = Math.floor(ms / 60_000);
  const format = new Intl.RelativeTimeFormat(currentIntlLocale(), { style: 'short', numeric: 'auto' });
  if (minutes < 1) return justNow;
  if (minutes < 60) return format.format(-minutes, 'minute');
  if (minutes < 48 * 60) return format.format(-Math.floor(minutes / 60), 'hour');
  return format.format(-Math.floor(minutes / 1440), 'day');
}
