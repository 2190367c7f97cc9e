import type { OfferFilter, OfferPage, OfferWithItems } from '../../../marketplace/offers.js';
import { escapeHtml as e } from '../../html.js';
import { truncate } from '../../truncate.js';
import { pickupWindow as describePickupWindow } from '../format.js';
import type { Locale } from '../locale.js';

/** /myoffers in one message, the buttons on an offer's card, and what they ask before they act. HTML. */

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const filterWords: Record<OfferFilter, string> = { live: '🟢 Live', drafts: '📝 Drafts', past: '⌛ Past' };

const statusWords: Record<OfferWithItems['status'], string> = {
  draft: '📝 draft',
  active: '🟢 live',
  paused: '⏸ paused',
  sold_out: '🔴 sold out',
  expired: '⌛ expired',
  withdrawn: '✖️ withdrawn',
};

const emptyFilter: Record<OfferFilter, string> = {
  live: 'Nothing is live right now.',
  drafts: 'No drafts.',
  past: 'No past offers yet.',
};

export const myOffersTexts = {
  page(listing: OfferPage, filter: OfferFilter, l: Locale): string {
    const paging = listing.pages > 1 ? ` · page ${listing.page + 1}/${listing.pages}` : '';
    const head = `<b>Your offers</b> · ${filterWords[filter]} (${listing.total})${paging}`;
    if (listing.offers.length === 0) return `${head}\n\n${emptyFilter[filter]} Post one with ➕ New offer.`;
    const lines = listing.offers.map((o, i) => {
      const left = o.items.reduce((sum, item) => sum + item.quantityAvailable, 0);
      const total = o.items.reduce((sum, item) => sum + item.quantityTotal, 0);
      const n = listing.page * listing.pageSize + i + 1;
      return `${n}. <b>${e(o.title)}</b> #${o.id} · ${statusWords[o.status]}\n   ${describePickupWindow(o.pickupStart, o.pickupEnd, l.now, l.timezone)} · ${left}/${total} left`;
    });
    return `${head}\n\n${lines.join('\n')}\n\nTap an offer to manage it.`;
  },
  tab: (filter: OfferFilter, count: number, current: boolean) =>
    `${current ? '• ' : ''}${filterWords[filter]} (${count})`,
  offerButton: (n: number, o: OfferWithItems) => truncate(`${n}. ${o.title}`, 40),
  confirmWithdraw: (title: string, holders: number) =>
    `Withdraw <b>${e(title)}</b> for good?\n\n` +
    (holders > 0
      ? `⚠️ ${plural(holders, 'customer holds', 'customers hold')} reservations and will be told; their reservations are cancelled.`
      : 'Nobody holds a reservation for it.') +
    '\nCustomers won’t see it any more. This can’t be undone.',
  confirmSoldOut: (title: string, unitsLeft: number, holders: number) =>
    `Mark <b>${e(title)}</b> sold out?\n\n` +
    `${unitsLeft > 0 ? `The ${plural(unitsLeft, 'unit')} still for sale ${unitsLeft === 1 ? 'comes' : 'come'} off sale.` : 'Nothing is left for sale anyway.'} ` +
    (holders > 0
      ? `${plural(holders, 'customer holds', 'customers hold')} reservations and keep them.`
      : 'Nobody holds a reservation.') +
    '\nYou can restock it later with ✏️ Edit.',
  withdrawn: (told: number) =>
    told > 0
      ? `✖️ Withdrawn. ${plural(told, 'customer')} holding reservations ${told === 1 ? 'was' : 'were'} told.`
      : '✖️ Withdrawn. Nobody held a reservation.',
  repeated: (id: number, l: Locale, o: OfferWithItems) =>
    `🔁 Draft #${id} is ready: the same items, pickup ${describePickupWindow(o.pickupStart, o.pickupEnd, l.now, l.timezone)}. Change anything with ✏️ Edit, then 🚀 Publish.`,
  notOwner:
    'Only a venue’s owner manages offers. Staff see who is coming with /reservations. To sell your own food, /register a venue.',
};

export const manageButtons = {
  yesWithdraw: '✖️ Yes, withdraw',
  keepIt: '◀ No, keep it',
  yesSoldOut: '🔴 Yes, sold out',
  keepSelling: '◀ No, keep selling',
  reservations: '🧾 Reservations',
  repeat: '🔁 Repeat',
  drop: '📅 Repeat regularly',
  back: '◀ My offers',
  newOffer: '➕ New offer',
  venue: '🏪 Venue',
  prev: '◀',
  next: '▶',
};
