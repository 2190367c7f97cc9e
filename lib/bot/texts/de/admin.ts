import type { Venue } from '../../../../db/schema.js';
import type { VenueWithOwner } from '../../../marketplace/find-venues.js';
import { escapeHtml } from '../../html.js';
import type * as en from '../en/admin.js';
import { plural } from '../plural.js';

/** What admins read. Phone numbers appear only here, in the admin's private chat, never in logs. */

const e = escapeHtml;

export const adminTexts: typeof en.adminTexts = {
  notAllowed: '⛔ Das dürfen nur Admins.',
  noPending: 'Keine Betriebe warten auf Verifizierung. 🎉',
  pendingHeader: (total, page, pages) =>
    `<b>${plural(total, { one: '# wartet', other: '# warten' })} auf Verifizierung</b>${pages > 1 ? ` (Seite ${page + 1}/${pages})` : ''}:`,
  verifyUsage:
    'Verwendung: <code>/verify &lt;Betriebs-ID&gt;</code>, z. B. <code>/verify 12</code>. Siehe /pending.',
  rejectUsage:
    'Verwendung: <code>/reject &lt;Betriebs-ID&gt; &lt;Grund&gt;</code>, z. B. <code>/reject 12 Adresse unvollständig</code>.',
  askRejectReason: (name) =>
    `Warum lehnst du <b>${e(name)}</b> ab? Schick den Grund (der Betrieb bekommt ihn zu lesen) oder /cancel.`,
  badReason: 'Bitte schick den Grund als Text, 3–300 Zeichen, oder /cancel.',
  rejectCancelled: 'Nicht abgelehnt. Nichts geändert.',
  verified: (b, changed) =>
    changed
      ? `✅ <b>${e(b.name)}</b> (#${b.id}) ist verifiziert. Der Betrieb wurde informiert.`
      : `<b>${e(b.name)}</b> (#${b.id}) war bereits verifiziert.`,
  rejected: (b, changed) =>
    changed
      ? `🚫 <b>${e(b.name)}</b> (#${b.id}) wurde abgelehnt. Der Betrieb hat den Grund erfahren.`
      : `<b>${e(b.name)}</b> (#${b.id}) war bereits abgelehnt.`,
  changesRequested: (b, changed) =>
    changed
      ? `✏️ <b>${e(b.name)}</b> (#${b.id}) ist mit den gewünschten Änderungen an den Betrieb zurückgegangen. Nach dem erneuten Einreichen steht er wieder unter /pending.`
      : `<b>${e(b.name)}</b> (#${b.id}) wartet bereits auf Änderungen vom Betrieb.`,
  verifyButton: '✅ Verifizieren',
  rejectButton: '🚫 Ablehnen',
  changesButton: '✏️ Änderungen anfordern',
  prev: '‹ Zurück',
  next: 'Weiter ›',
};

/** The question the reason wizard asks, per action, and what it says when the admin backs out. */
export const reasonTexts: typeof en.reasonTexts = {
  ask: {
    changes: (name) =>
      `Was soll <b>${e(name)}</b> ändern? Der Betrieb bekommt genau diesen Text zu lesen und beantwortet dann die Registrierung noch einmal. Schick ihn oder /cancel.`,
    suspend: (name) =>
      `Warum sperrst du <b>${e(name)}</b>? Die aktiven Angebote werden zurückgezogen, und der Betrieb bekommt diesen Grund zu lesen. Schick ihn oder /cancel.`,
    takedown: (name) =>
      `Warum entfernst du <b>${e(name)}</b>? Der Betrieb bekommt diesen Grund zu lesen; wer reserviert hat, erfährt, dass das Angebot zurückgezogen wurde. Schick ihn oder /cancel.`,
  },
  cancelled: 'Nichts geändert.',
  badReason: adminTexts.badReason,
};

const statusWords: Record<Venue['status'], string> = {
  pending: '⏳ wartet auf Prüfung',
  changes_requested: '✏️ wartet auf Änderungen vom Betrieb',
  verified: '✅ verifiziert',
  rejected: '🚫 abgelehnt',
  suspended: '⛔ gesperrt',
};

export const venueStatusWord: typeof en.venueStatusWord = (status) => statusWords[status];

/** Why the venue is where it is, in the words the owner was given. */
function reasonLine(b: Venue): string {
  if (b.status === 'changes_requested' && b.changeRequest) return `\n✏️ Zu ändern: ${e(b.changeRequest)}`;
  if (b.status === 'rejected' && b.rejectionReason) return `\n🚫 Grund: ${e(b.rejectionReason)}`;
  if (b.status === 'suspended' && b.suspensionReason) return `\n⛔ Grund: ${e(b.suspensionReason)}`;
  return '';
}

function ownerLine({ venue, owner }: VenueWithOwner): string {
  const name = e(owner?.firstName || 'Inhaber');
  const handle = owner?.username ? ` @${e(owner.username)}` : '';
  return `👤 <a href="tg://user?id=${venue.ownerId}">${name}</a>${handle} · ID <code>${venue.ownerId}</code>`;
}

/**
 * The venue as an admin reviews it (a photo's caption when it has one, so it stays under 1,024 characters:
 * names, addresses and descriptions are capped at registration). The map pin follows as its own message.
 */
export const venueCard: typeof en.venueCard = (card, heading = '🆕 Neuer Betrieb zur Prüfung') => {
  const b = card.venue;
  return (
    `<b>${heading}</b> #${b.id} · ${statusWords[b.status]}\n` +
    `🏪 <b>${e(b.name)}</b>\n` +
    `📫 ${e(b.address)}${b.latitude === null || b.longitude === null ? '\n📍 kein Kartenstandort' : ''}\n` +
    `${ownerLine(card)}\n` +
    `📱 ${e(b.phone)}\n` +
    `📝 ${e(b.description || '—')}` +
    reasonLine(b)
  );
};

export const cardHeadings: typeof en.cardHeadings = {
  registered: '🆕 Neuer Betrieb zur Prüfung',
  resubmitted: '✏️ Geänderter Betrieb zur Prüfung',
  waiting: 'Wartet',
  venue: 'Betrieb',
};
