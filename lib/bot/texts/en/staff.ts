import type { StaffMember } from '../../../marketplace/memberships.js';
import { escapeHtml as e } from '../../html.js';
import { truncate } from '../../truncate.js';
import { moment as describeMoment } from '../format.js';
import type { Locale } from '../locale.js';

/** /staff: inviting people to work the counter, and removing them. HTML. */

const who = (m: Pick<StaffMember, 'firstName' | 'username'>) =>
  `${e(m.firstName || 'Someone')}${m.username ? ` (@${e(m.username)})` : ''}`;

export const staffTexts = {
  list: (venueName: string, staff: StaffMember[]) =>
    `👥 <b>Staff of ${e(venueName)}</b>\n\n` +
    (staff.length === 0
      ? 'Nobody yet. Staff see who is coming (/reservations) and confirm pickups; they can’t edit offers or the venue.'
      : `${staff.map((m) => `• ${who(m)}`).join('\n')}\n\nThey see who is coming and confirm pickups; they can’t edit offers or the venue.`) +
    '\n\nTap “Invite” for a link to send someone who works with you.',
  invite: (link: string, expiresAt: Date, l: Locale) =>
    `🔗 Send this link to the person you want on your staff. It works once, until ${describeMoment(expiresAt, l.now, l.timezone)}:\n\n<a href="${e(link)}">${e(link)}</a>\n\nWhoever opens it first joins, so send it only to them.`,
  joined: (venueName: string) =>
    `👋 Welcome to the staff of <b>${e(venueName)}</b>! See who is coming with /reservations, and confirm pickups there or with /pickup &lt;code&gt;.`,
  alreadyJoined: (venueName: string) =>
    `You are already on the staff of <b>${e(venueName)}</b>. See /reservations.`,
  ownerJoined: (m: { firstName: string; username?: string }, venueName: string) =>
    `👥 ${who({ firstName: m.firstName, username: m.username ?? null })} joined the staff of <b>${e(venueName)}</b> with your invite link. Remove them any time in /staff.`,
  removed: (firstName: string) => `${e(firstName || 'They')} is no longer on your staff.`,
  youWereRemoved: (venueName: string) =>
    `You are no longer on the staff of <b>${e(venueName)}</b>. Thanks for your help!`,
  ownerOnly: 'Only the venue’s owner manages its staff.',
  /** The text Telegram's share dialog puts beside the link (plain text). */
  shareText: (venueName: string) => `Join the staff of ${venueName}: see who is coming and confirm pickups.`,
};

export const staffButtons = {
  invite: '🔗 Invite',
  share: '📤 Send the link',
  remove: (m: StaffMember) => truncate(`✖ Remove ${m.firstName || m.userId}`, 40),
  back: '◀ Venue',
};
