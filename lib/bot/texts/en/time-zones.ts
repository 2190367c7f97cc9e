import { escapeHtml as e } from '../../html.js';

/** Time zones (issue 17): the label after a window in another zone, and the admin's /timezone. HTML. */

export const zoneLabelTexts = {
  /** After a pickup window shown in a venue's zone to someone whose clock reads differently: "(Tokyo time)". */
  label: (place: string) => `(${place} time)`,
  /** Zones named after no place (UTC, Etc/GMT-9) are named by their offset: "(UTC)", "(UTC+9)". */
  utc: (name: string) => `(${name})`,
};

/**
 * Places zones are named after, where this language names them differently from the tz database's English
 * (Europe/Moscow → "Moscow"); any other zone is named by the last part of its id ("America/New_York" → "New York").
 */
export const zonePlaces: Record<string, string> = {};

export const venueZoneTexts = {
  /** In the owner's /venue profile and the admin's venue dossier. */
  line: (zone: string, own: boolean) =>
    own
      ? `🕒 Time zone: <b>${e(zone)}</b> — pickup times are typed and shown in it`
      : `🕒 Time zone: <b>${e(zone)}</b> (the default: share the venue's location to use its own)`,
};

export const timeZoneAdminTexts = {
  usage:
    'Usage: <code>/timezone &lt;venue id&gt; &lt;zone&gt;</code>, the zone as in the tz database, e.g. <code>/timezone 12 Asia/Tokyo</code>.',
  unknownZone: (text: string) =>
    `“${e(text)}” is not a time zone I know. Use a name from the tz database, such as <code>Europe/Berlin</code>, <code>America/New_York</code> or <code>Asia/Tokyo</code>.`,
  set: (venueName: string, venueId: number, zone: string, before: string) =>
    `🕒 <b>${e(venueName)}</b> (#${venueId}) now runs on <b>${e(zone)}</b> (was ${e(before)}). Its pickup windows stay at the same moments and now show in ${e(zone)}; new ones are typed in it. A new location looks the zone up again.`,
  unchanged: (venueName: string, venueId: number, zone: string) =>
    `<b>${e(venueName)}</b> (#${venueId}) already runs on <b>${e(zone)}</b>. Nothing changed.`,
};
