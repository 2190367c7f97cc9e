import type { StaffMember } from '../../../marketplace/memberships.js';
import { escapeHtml as e } from '../../html.js';
import { truncate } from '../../truncate.js';
import type * as en from '../en/staff.js';
import { moment as describeMoment } from '../format.js';

/** /staff: inviting people to work the counter, and removing them. HTML. */

const who = (m: Pick<StaffMember, 'firstName' | 'username'>) =>
  `${e(m.firstName || 'Jemand')}${m.username ? ` (@${e(m.username)})` : ''}`;

export const staffTexts: typeof en.staffTexts = {
  list: (venueName, staff) =>
    `👥 <b>Team von ${e(venueName)}</b>\n\n` +
    (staff.length === 0
      ? 'Noch niemand. Das Team sieht, wer kommt (/reservations), und bestätigt Abholungen; Angebote und den Betrieb kann es nicht bearbeiten.'
      : `${staff.map((m) => `• ${who(m)}`).join('\n')}\n\nSie sehen, wer kommt, und bestätigen Abholungen; Angebote und den Betrieb können sie nicht bearbeiten.`) +
    '\n\nTippe auf „Einladen“ für einen Link, den du jemandem aus deinem Team schickst.',
  invite: (link, expiresAt, l) =>
    `🔗 Schick diesen Link der Person, die in dein Team soll. Er funktioniert einmal, bis ${describeMoment(expiresAt, l.now, l.timezone)}:\n\n<a href="${e(link)}">${e(link)}</a>\n\nWer ihn zuerst öffnet, ist dabei – schick ihn also nur dieser Person.`,
  joined: (venueName) =>
    `👋 Willkommen im Team von <b>${e(venueName)}</b>! Wer kommt, siehst du unter /reservations; Abholungen bestätigst du dort oder mit /pickup &lt;Code&gt;.`,
  alreadyJoined: (venueName) => `Du bist schon im Team von <b>${e(venueName)}</b>. Siehe /reservations.`,
  ownerJoined: (m, venueName) =>
    `👥 ${who({ firstName: m.firstName, username: m.username ?? null })} ist über deinen Einladungslink ins Team von <b>${e(venueName)}</b> gekommen. Unter /staff kannst du Leute jederzeit wieder entfernen.`,
  removed: (firstName) => `${e(firstName || 'Die Person')} ist nicht mehr in deinem Team.`,
  youWereRemoved: (venueName) =>
    `Du bist nicht mehr im Team von <b>${e(venueName)}</b>. Danke für deine Hilfe!`,
  ownerOnly: 'Das Team verwaltet nur, wem der Betrieb gehört.',
  /** The text Telegram's share dialog puts beside the link (plain text). */
  shareText: (venueName) => `Komm ins Team von ${venueName}: sieh, wer kommt, und bestätige Abholungen.`,
};

export const staffButtons: typeof en.staffButtons = {
  invite: '🔗 Einladen',
  share: '📤 Link senden',
  remove: (m) => truncate(`✖ Entfernen: ${m.firstName || m.userId}`, 40),
  back: '◀ Betrieb',
};
