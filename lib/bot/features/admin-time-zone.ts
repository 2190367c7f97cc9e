import { Composer } from 'telegraf';
import { setVenueZone } from '../../marketplace/set-venue-zone.js';
import { timeZoneNamed } from '../../marketplace/time-zones.js';
import { adminOnly } from '../admin-only.js';
import { idArgument } from '../command-args.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { timeZoneAdminTexts as t } from '../texts/time-zones.js';

/**
 * `/timezone <venue id> <zone>` (issue 17): an admin sets the zone a venue's pickup times are typed and shown in,
 * where the offline lookup of its location got it wrong (near a border) or the venue has no location. The zone is
 * checked against Intl first; a malformed command or an unknown zone is answered and changes nothing. Setting the
 * zone it already has changes nothing either (no audit row), so a repeat is harmless.
 */
export const adminTimeZoneFeature = new Composer<BotContext>();

adminTimeZoneFeature.command(
  ['timezone', 'tz'],
  adminOnly(async (ctx: BotContext) => {
    const args = idArgument(ctx.text ?? '');
    if (!args?.rest || /\s/.test(args.rest)) return void (await ctx.reply(t.usage, html));
    const zone = timeZoneNamed(args.rest);
    if (!zone) return void (await ctx.reply(t.unknownZone(args.rest), html));
    const change = await setVenueZone(ctx.deps.db, { venueId: args.id, adminId: ctx.from!.id, zone });
    if (!change.changed)
      return void (await ctx.reply(t.unchanged(change.venueName, change.venueId, zone), html));
    ctx.log.info('venue_time_zone_set', { venue_id: change.venueId, zone, before: change.before });
    const before = change.before ?? ctx.deps.config.timezone;
    await ctx.reply(t.set(change.venueName, change.venueId, zone, before), html);
  }),
);
