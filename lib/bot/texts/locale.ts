import type { Deps } from '../../deps.js';

/** Where and in which money the texts are rendered; the clock's "now" makes "today"/"tomorrow" right. */
export interface Locale {
  now: Date;
  /**
   * The viewer's own zone (issue 17): a venue's for its owner and staff, a customer's from their shared location,
   * else TIMEZONE. A venue's pickup windows are shown in the venue's zone, labelled when this one reads otherwise.
   */
  timezone: string;
  /** The zone of venues that have none of their own (no location): TIMEZONE. */
  defaultZone: string;
  currency: string;
}

/** The texts' locale for a viewer in `zone` (a venue's or a customer's: see lib/bot/viewer-zone.ts). */
export const localeOf = (deps: Pick<Deps, 'clock' | 'config'>, zone = deps.config.timezone): Locale => ({
  now: deps.clock.now(),
  timezone: zone,
  defaultZone: deps.config.timezone,
  currency: deps.config.currency,
});
