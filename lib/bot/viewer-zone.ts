import type { Venue } from '../../db/schema.js';
import type { Deps } from '../deps.js';
import { venueZone, zoneAt } from '../marketplace/time-zones.js';
import { seatOf } from '../marketplace/venue-access.js';
import type { BotContext } from './context.js';
import { type Locale, localeOf } from './texts/locale.js';

/**
 * Whose clock the texts read (issue 17). A venue's pickup windows are always shown in the venue's zone; the
 * viewer's own zone only decides whether a label says whose time that is. Owners and staff read their venue's
 * zone (no label); a customer reads the zone of the location they shared this session (looked up offline, never
 * stored), else TIMEZONE. Quiet hours are the customer's zone too.
 */
function customerZone(ctx: Pick<BotContext, 'session' | 'deps'>): string {
  const shared = ctx.session?.location;
  return (shared && zoneAt(shared.latitude, shared.longitude)) ?? ctx.deps.config.timezone;
}

/** The texts' locale for the customer behind this update. */
export const customerLocale = (ctx: Pick<BotContext, 'session' | 'deps'>): Locale =>
  localeOf(ctx.deps, customerZone(ctx));

/** The texts' locale for a venue's owner or staff: the venue's own zone. */
export const venueLocale = (deps: Pick<Deps, 'clock' | 'config'>, venue: Pick<Venue, 'timeZone'>): Locale =>
  localeOf(deps, venueZone(venue, deps.config));

/**
 * The zone of the venue the person behind this update owns or works at (TIMEZONE when none): what the wizards
 * read typed windows and slot buttons in, and what a venue's own views are shown in. One indexed read.
 */
export async function ownVenueZone(ctx: Pick<BotContext, 'from' | 'deps'>): Promise<string> {
  const seat = ctx.from ? await seatOf(ctx.deps.db, ctx.from.id) : undefined;
  return seat ? venueZone(seat.venue, ctx.deps.config) : ctx.deps.config.timezone;
}

/** The texts' locale for the owner or staff behind this update: their venue's zone. */
export const ownVenueLocale = async (ctx: Pick<BotContext, 'from' | 'deps'>): Promise<Locale> =>
  localeOf(ctx.deps, await ownVenueZone(ctx));
