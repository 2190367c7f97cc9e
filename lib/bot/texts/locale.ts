import type { Deps } from '../../deps.js';

/** Where and in which money the texts are rendered; the clock's "now" makes "today"/"tomorrow" right. */
export interface Locale {
  now: Date;
  timezone: string;
  currency: string;
}

export const localeOf = (deps: Pick<Deps, 'clock' | 'config'>): Locale => ({
  now: deps.clock.now(),
  timezone: deps.config.timezone,
  currency: deps.config.currency,
});
