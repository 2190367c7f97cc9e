import type { OfferStatus } from '../../../marketplace/offers.js';
import { escapeHtml } from '../../html.js';
import { truncate } from '../../truncate.js';
import type * as en from '../en/admin-console.js';
import { pickupWindow as describePickupWindow, money as formatMoney } from '../format.js';
import { type PluralForms, plural } from '../plural.js';
import { venueStatusWord } from './admin.js';

/** What admins read when they find venues, look into one, and act on venues, offers and customers. HTML. */

const e = escapeHtml;

export const usage: typeof en.usage = {
  suspend:
    'Verwendung: <code>/suspend &lt;Betriebs-ID&gt; &lt;Grund&gt;</code>, z. B. <code>/suspend 12 Wiederholte Beschwerden</code>.',
  unsuspend: 'Verwendung: <code>/unsuspend &lt;Betriebs-ID&gt;</code>, z. B. <code>/unsuspend 12</code>.',
  takedown:
    'Verwendung: <code>/takedown &lt;Angebots-ID&gt; &lt;Grund&gt;</code>, z. B. <code>/takedown 42 Keine Lebensmittel</code>.',
  block:
    'Verwendung: <code>/block &lt;Nutzer-ID&gt; &lt;Grund&gt;</code>, z. B. <code>/block 1001 Beleidigende Nachrichten</code>. Die ID steht in den Reservierungsnachrichten an den Betrieb und in /audit.',
  unblock: 'Verwendung: <code>/unblock &lt;Nutzer-ID&gt;</code>, z. B. <code>/unblock 1001</code>.',
  venue:
    'Verwendung: <code>/venue &lt;Betriebs-ID&gt;</code>, z. B. <code>/venue 12</code>. IDs findest du mit /venues.',
  venues:
    'Verwendung: <code>/venues [pending|changes|verified|rejected|suspended] [Name oder Adresse]</code>, z. B. <code>/venues verified Bäckerei</code>.',
  reasonLength: 'Der Grund muss 3–300 Zeichen lang sein.',
};

const told = (holders: number) =>
  plural(holders, {
    one: '# Person mit Reservierung wurde',
    other: '# Personen mit Reservierungen wurden',
  });

export const moderationTexts: typeof en.moderationTexts = {
  suspended: (name, id, offers, holders) =>
    `⛔ <b>${e(name)}</b> (#${id}) ist gesperrt. ${offers === 0 ? 'Es gab keine aktiven Angebote.' : `${plural(offers, { one: '# aktives Angebot', other: '# aktive Angebote' })} zurückgezogen; ${told(holders)} informiert.`} Der Betrieb hat den Grund erfahren und sein Betriebsmenü verloren.`,
  alreadySuspended: (name, id) => `<b>${e(name)}</b> (#${id}) ist bereits gesperrt.`,
  reinstated: (name, id) =>
    `✅ <b>${e(name)}</b> (#${id}) ist wieder verifiziert. Der Betrieb wurde informiert und hat sein Betriebsmenü zurück. Zurückgezogene Angebote bleiben zurückgezogen.`,
  alreadyReinstated: (name, id) => `<b>${e(name)}</b> (#${id}) ist nicht gesperrt.`,
  takenDown: (title, id, venue, holders) =>
    `✖️ Angebot <b>${e(title)}</b> (#${id}) von <b>${e(venue)}</b> ist entfernt. Der Betrieb hat den Grund erfahren; ${told(holders)} informiert, dass es zurückgezogen wurde.`,
  barred: (name, id, changed) =>
    changed
      ? `🚷 ${e(name || 'Die Person')} (<code>${id}</code>) kann nicht mehr reservieren. Die Person wurde einmal informiert; Reservierungen, die sie schon hat, kann sie weiterhin abholen. /unblock ${id} macht das rückgängig.`
      : `${e(name || 'Die Person')} (<code>${id}</code>) war bereits vom Reservieren ausgeschlossen.`,
  unbarred: (name, id, changed) =>
    changed
      ? `✅ ${e(name || 'Die Person')} (<code>${id}</code>) kann wieder reservieren und wurde informiert.`
      : `${e(name || 'Die Person')} (<code>${id}</code>) war nicht ausgeschlossen.`,
  suspendButton: '⛔ Sperren',
  unsuspendButton: '✅ Entsperren',
  auditButton: '📜 Verlauf',
  takedownButton: (id, title) => `✖️ Entfernen: #${id} ${truncate(title, 24)}`,
};

const filterWords: Record<string, string> = {
  all: 'Alle Betriebe',
  pending: 'Warten auf Prüfung',
  changes: 'Warten auf Änderungen',
  verified: 'Verifizierte Betriebe',
  rejected: 'Abgelehnte Betriebe',
  suspended: 'Gesperrte Betriebe',
};

export const venueListTexts: typeof en.venueListTexts = {
  header: (filter, text, total, page, pages) =>
    `<b>${filterWords[filter]}</b>${text ? ` mit „${e(text)}“` : ''}: ${total}` +
    `${pages > 1 ? ` (Seite ${page + 1}/${pages})` : ''}\nTippe auf einen, um seine Karte zu öffnen.`,
  none: (filter, text) =>
    `Keine Betriebe gefunden${filter === 'all' ? '' : ` unter „${filterWords[filter]}“`}${text ? ` mit „${e(text)}“` : ''}. Probier /venues ohne Zusatz für alle.`,
  button: ({ venue }) =>
    `#${venue.id} ${truncate(venue.name, 40)} · ${venueStatusWord(venue.status).split(' ')[0]}`,
};

const offerWords: Record<OfferStatus, string> = {
  draft: 'Entwurf',
  active: 'online',
  paused: 'pausiert',
  sold_out: 'ausverkauft',
  expired: 'abgelaufen',
  withdrawn: 'zurückgezogen',
};

/** Counted: "2 Entwürfe · 3 online". */
const offerCounts: Record<OfferStatus, PluralForms> = {
  draft: { one: '# Entwurf', other: '# Entwürfe' },
  active: { other: '# online' },
  paused: { other: '# pausiert' },
  sold_out: { other: '# ausverkauft' },
  expired: { other: '# abgelaufen' },
  withdrawn: { other: '# zurückgezogen' },
};

/** Below the venue's card in /venue: offers, reservations, money. */
export const dossierText: typeof en.dossierText = (d, locale) => {
  const counts = (Object.entries(d.offersByStatus) as Array<[OfferStatus, number]>)
    .map(([status, n]) => plural(n, offerCounts[status]))
    .join(' · ');
  const live = d.liveOffers.map(
    (o) =>
      `• #${o.id} <b>${e(o.title)}</b> — ${offerWords[o.status]}, noch ${o.unitsAvailable} übrig, ` +
      describePickupWindow(o.pickupStart, o.pickupEnd, locale.now, locale.timezone),
  );
  const r = d.reservations;
  return (
    `<b>Angebote</b>: ${counts || 'noch keine'}${live.length > 0 ? `\n${live.join('\n')}` : ''}\n\n` +
    `<b>Reservierungen</b>: ${r.reserved} offen · ${r.pickedUp} abgeholt · ${r.cancelled} storniert · ${r.noShow} nicht abgeholt\n` +
    `${r.unitsPickedUp} Stück abgeholt, ${formatMoney(r.cash, locale.currency)} bei Abholung bezahlt${r.paidOnline > 0 ? `, ${formatMoney(r.paidOnline, locale.currency)} online bezahlt` : ''}`
  );
};
