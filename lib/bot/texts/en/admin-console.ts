import type { VenueWithOwner } from '../../../marketplace/find-venues.js';
import type { OfferStatus } from '../../../marketplace/offers.js';
import type { VenueDossier } from '../../../marketplace/venue-dossier.js';
import { escapeHtml } from '../../html.js';
import { truncate } from '../../truncate.js';
import { pickupWindow as describePickupWindow, money as formatMoney } from '../format.js';
import { venueStatusWord } from './admin.js';

/** What admins read when they find venues, look into one, and act on venues, offers and customers. HTML. */

const e = escapeHtml;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const usage = {
  suspend:
    'Usage: <code>/suspend &lt;venue id&gt; &lt;reason&gt;</code>, e.g. <code>/suspend 12 Repeated no-show complaints</code>.',
  unsuspend: 'Usage: <code>/unsuspend &lt;venue id&gt;</code>, e.g. <code>/unsuspend 12</code>.',
  takedown:
    'Usage: <code>/takedown &lt;offer id&gt; &lt;reason&gt;</code>, e.g. <code>/takedown 42 Not food</code>.',
  block:
    'Usage: <code>/block &lt;user id&gt; &lt;reason&gt;</code>, e.g. <code>/block 1001 Abusive messages</code>. The id is in the venue’s reservation messages and in /audit.',
  unblock: 'Usage: <code>/unblock &lt;user id&gt;</code>, e.g. <code>/unblock 1001</code>.',
  venue: 'Usage: <code>/venue &lt;venue id&gt;</code>, e.g. <code>/venue 12</code>. Find ids with /venues.',
  venues:
    'Usage: <code>/venues [pending|changes|verified|rejected|suspended] [name or address]</code>, e.g. <code>/venues verified bakery</code>.',
  reasonLength: 'The reason must be 3–300 characters.',
};

export const moderationTexts = {
  suspended: (name: string, id: number, offers: number, holders: number) =>
    `⛔ <b>${e(name)}</b> (#${id}) is suspended. ${offers === 0 ? 'It had no live offers.' : `${plural(offers, 'live offer')} withdrawn; ${plural(holders, 'customer')} holding reservations ${holders === 1 ? 'was' : 'were'} told.`} The owner was told why and lost the venue menu.`,
  alreadySuspended: (name: string, id: number) => `<b>${e(name)}</b> (#${id}) is already suspended.`,
  reinstated: (name: string, id: number) =>
    `✅ <b>${e(name)}</b> (#${id}) is verified again. The owner was told and has the venue menu back. Withdrawn offers stay withdrawn.`,
  alreadyReinstated: (name: string, id: number) => `<b>${e(name)}</b> (#${id}) is not suspended.`,
  takenDown: (title: string, id: number, venue: string, holders: number) =>
    `✖️ Offer <b>${e(title)}</b> (#${id}) of <b>${e(venue)}</b> is taken down. The venue was told why; ${plural(holders, 'customer')} holding reservations ${holders === 1 ? 'was' : 'were'} told it was withdrawn.`,
  barred: (name: string, id: number, changed: boolean) =>
    changed
      ? `🚷 ${e(name || 'The customer')} (<code>${id}</code>) can no longer reserve. They were told once; reservations they already hold stay theirs to collect. /unblock ${id} undoes it.`
      : `${e(name || 'The customer')} (<code>${id}</code>) was already blocked from reserving.`,
  unbarred: (name: string, id: number, changed: boolean) =>
    changed
      ? `✅ ${e(name || 'The customer')} (<code>${id}</code>) can reserve again, and was told so.`
      : `${e(name || 'The customer')} (<code>${id}</code>) was not blocked.`,
  suspendButton: '⛔ Suspend',
  unsuspendButton: '✅ Unsuspend',
  auditButton: '📜 Audit trail',
  takedownButton: (id: number, title: string) => `✖️ Take down #${id} ${truncate(title, 24)}`,
};

const filterWords: Record<string, string> = {
  all: 'All venues',
  pending: 'Waiting for review',
  changes: 'Waiting for changes',
  verified: 'Verified venues',
  rejected: 'Rejected venues',
  suspended: 'Suspended venues',
};

export const venueListTexts = {
  header: (filter: string, text: string | undefined, total: number, page: number, pages: number) =>
    `<b>${filterWords[filter]}</b>${text ? ` matching “${e(text)}”` : ''}: ${total}` +
    `${pages > 1 ? ` (page ${page + 1}/${pages})` : ''}\nTap one to open its card.`,
  none: (filter: string, text: string | undefined) =>
    `No venues found${filter === 'all' ? '' : ` among “${filterWords[filter]?.toLowerCase()}”`}${text ? ` matching “${e(text)}”` : ''}. Try /venues alone for all of them.`,
  button: ({ venue }: VenueWithOwner) =>
    `#${venue.id} ${truncate(venue.name, 40)} · ${venueStatusWord(venue.status).split(' ')[0]}`,
};

const offerWords: Record<OfferStatus, string> = {
  draft: 'draft',
  active: 'live',
  paused: 'paused',
  sold_out: 'sold out',
  expired: 'expired',
  withdrawn: 'withdrawn',
};

/** Below the venue's card in /venue: offers, reservations, money. */
export function dossierText(
  d: VenueDossier,
  locale: { now: Date; timezone: string; currency: string },
): string {
  const counts = (Object.entries(d.offersByStatus) as Array<[OfferStatus, number]>)
    .map(([status, n]) => `${n} ${offerWords[status]}`)
    .join(' · ');
  const live = d.liveOffers.map(
    (o) =>
      `• #${o.id} <b>${e(o.title)}</b> — ${offerWords[o.status]}, ${o.unitsAvailable} left, ` +
      describePickupWindow(o.pickupStart, o.pickupEnd, locale.now, locale.timezone),
  );
  const r = d.reservations;
  return (
    `<b>Offers</b>: ${counts || 'none yet'}${live.length > 0 ? `\n${live.join('\n')}` : ''}\n\n` +
    `<b>Reservations</b>: ${r.reserved} open · ${r.pickedUp} picked up · ${r.cancelled} cancelled · ${r.noShow} not picked up\n` +
    `${r.unitsPickedUp} units collected, ${formatMoney(r.cash, locale.currency)} paid at pickup${r.paidOnline > 0 ? `, ${formatMoney(r.paidOnline, locale.currency)} paid online` : ''}`
  );
}
