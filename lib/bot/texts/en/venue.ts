import type { Venue } from '../../../../db/schema.js';
import { discountPercent } from '../../../marketplace/money.js';
import type { OfferStatus, OfferWithItems } from '../../../marketplace/offers.js';
import { escapeHtml } from '../../html.js';
import { truncate } from '../../truncate.js';
import { pickupWindow as describePickupWindow, money as formatMoney } from '../format.js';
import { plural } from '../plural.js';

/** What venue owners read: registration, offers, their management. HTML parse mode. */

export const registerTexts = {
  askName:
    '🏪 Let’s register your venue. What is its <b>name</b>?\n\n(/cancel stops at any time; nothing is saved until the end.)',
  badName: 'Please send the venue name as text, 2–80 characters.',
  askAddress: '📫 What is the venue’s <b>address</b>? Customers will see it to find you.',
  badAddress: 'Please send the address as text, 5–200 characters (street, number, city).',
  askLocation:
    '📍 Send the venue’s <b>location</b> so nearby customers find you first: tap “Send location” while at the venue, or attach a pin (📎 → Location). Tap “Skip” if you prefer not to.',
  badLocation: 'Please send a location (📎 → Location), or tap “Skip”.',
  askPhone:
    '📱 A <b>contact phone</b> for our team (customers don’t see it). Tap “Share my phone” or type it, e.g. +49 30 1234567.',
  badPhone:
    'That doesn’t look like a phone number. Type it with the country code, e.g. +49 30 1234567, or tap “Share my phone”.',
  notYourContact: 'Please share your own contact, or type the number.',
  askDescription: '📝 Describe the venue in a sentence or two (what kind of food you usually save).',
  badDescription: 'Please send a short description as text, up to 300 characters.',
  askPhoto:
    '📸 Finally, a <b>photo</b> of the venue or your food (optional). Send it as a photo, or tap “Skip”.',
  badPhoto: 'Please send a photo (JPEG, PNG or WebP), or tap “Skip”.',
  cancelled: 'Registration cancelled. Nothing was saved.',
  stillRegistering:
    'You are in the middle of registering your venue. Answer the question above, or send /cancel to stop.',
  done: (name: string) =>
    `✅ Thanks! <b>${escapeHtml(name)}</b> is registered and waiting for verification by our team. We’ll message you as soon as it’s reviewed.`,
  skip: 'Skip',
  sendLocation: '📍 Send location',
  sharePhone: '📱 Share my phone',
};

const statusWords: Record<Venue['status'], string> = {
  pending: 'waiting for verification',
  changes_requested: 'waiting for a few changes from you (send /register to make them)',
  verified: 'verified ✅',
  rejected: 'not approved',
  suspended: 'suspended',
};

export const alreadyRegistered = (venue: Venue) =>
  `Your venue <b>${escapeHtml(venue.name)}</b> is ${statusWords[venue.status]}.` +
  (venue.status === 'rejected' && venue.rejectionReason
    ? `\nReason: ${escapeHtml(venue.rejectionReason)}`
    : venue.status === 'verified'
      ? '\nPost a deal with /newoffer.'
      : '');

export const ownerNotices = {
  verified: (name: string) =>
    `🎉 Your venue <b>${escapeHtml(name)}</b> is verified! Post your first deal with /newoffer. Your commands are in the menu.`,
  rejected: (name: string, reason: string) =>
    `We couldn’t approve <b>${escapeHtml(name)}</b> yet.\nReason: ${escapeHtml(reason)}\n\n` +
    'To try again, send /register: it asks each question again with your answers so far. Change what the reason is about, tap “Keep” for the rest, and our team reviews it again.',
};

export const offerGate = {
  notRegistered: 'Only registered venues can post offers. Register yours with /register.',
  pending:
    'Your venue is still waiting for verification. You can post offers as soon as our team verifies it.',
  changesRequested:
    'Our team asked for a few changes before verifying your venue. Send /register to make them; you can post offers once it is verified.',
  notVerified:
    'Your venue is not verified, so it can’t post offers. Contact us if you think this is a mistake.',
};

export const newOfferTexts = {
  askTitle:
    '🍱 New offer. What is its <b>title</b>? e.g. “Evening bakery bag” (up to 80 characters).\n\n/cancel stops at any time.',
  badTitle: 'Please send the title as text, 1–80 characters.',
  askItems:
    'Now the <b>items</b>, one per line or message:\n<code>name, original price, discounted price, quantity</code>\ne.g. <code>Veggie box, 12.50, 4.00, 5</code>\nOr send just an item’s name and I’ll ask for the rest one by one. Tap “Done” when all items are in.',
  itemAdded: (count: number, max: number) =>
    `Added ✓ — ${count} item${count === 1 ? '' : 's'} so far${count < max ? '. Send another, or tap “Done”.' : ' (the maximum). Tap “Done”.'}`,
  badItem: (line: string, problem: string) =>
    `I couldn’t add “${escapeHtml(truncate(line, 60))}”: ${escapeHtml(problem)}\nFormat: <code>name, original price, discounted price, quantity</code>, e.g. <code>Veggie box, 12.50, 4.00, 5</code>`,
  tooManyItems: (max: number) => `An offer can have at most ${max} items. Tap “Done” to continue.`,
  needOneItem: 'Add at least one item first, e.g. <code>Veggie box, 12.50, 4.00, 5</code>.',
  askWindow:
    '⏰ When can customers <b>pick up</b>? Tap a slot, or type it, e.g. <code>18:00-20:00</code> (today), <code>tomorrow 9:00-10:30</code>, <code>fri 17-19</code>.',
  badWindow: {
    format:
      'I couldn’t read that time. Try <code>18:00-20:00</code>, <code>today 18-20</code> or <code>tomorrow 9:00-10:30</code>.',
    end_before_start: 'The pickup window must end after it starts, e.g. <code>18:00-20:00</code>.',
    in_the_past: 'That pickup window is already over. Choose a time later today or on another day.',
    too_far: 'Pickup can be at most 7 days ahead.',
  },
  askPhoto: '📸 A <b>photo</b> of the food (optional) — send it, or tap “Skip”.',
  badPhoto: 'Please send a photo (JPEG, PNG or WebP), or tap “Skip”.',
  summaryFooter: 'Save it as a draft, or publish it now?',
  cancelled: 'Offer discarded. Nothing was saved.',
  stillCreating: 'You are creating an offer. Answer the question above, or send /cancel to stop.',
  useButtons: 'Tap one of the buttons above: Save draft, Publish or Cancel.',
  saved: (id: number) => `💾 Saved as draft #${id}. Publish it with /publish ${id} or from /myoffers.`,
  published: (id: number) => `🚀 Offer #${id} is live! Customers can see it now. Manage it in /myoffers.`,
  done: 'Done',
  skip: 'Skip',
  saveDraft: '💾 Save draft',
  publish: '🚀 Publish',
  cancel: '✖️ Cancel',
};

const offerStatusWords: Record<OfferStatus, string> = {
  draft: '📝 draft',
  active: '🟢 live',
  paused: '⏸ paused',
  sold_out: '🔴 sold out',
  expired: '⌛ expired',
  withdrawn: '✖️ withdrawn',
};

export function offerSummary(
  offer: Pick<OfferWithItems, 'title' | 'pickupStart' | 'pickupEnd' | 'items'> & {
    id?: number;
    status?: OfferStatus;
  },
  now: Date,
  zone: string,
  currency: string,
): string {
  const head = `<b>${escapeHtml(offer.title)}</b>${offer.id ? ` #${offer.id}` : ''}${offer.status ? ` · ${offerStatusWords[offer.status]}` : ''}`;
  const items = offer.items.map((item) => {
    const left =
      'quantityAvailable' in item
        ? `${item.quantityAvailable}/${item.quantityTotal} left`
        : `${(item as { quantity: number }).quantity} units`;
    return `• ${escapeHtml(item.name)} — ${formatMoney(item.price, currency)} <s>${formatMoney(item.originalPrice, currency)}</s> (−${discountPercent(item.originalPrice, item.price)}%), ${left}`;
  });
  return `${head}\n${items.join('\n')}\n⏰ Pickup ${describePickupWindow(offer.pickupStart, offer.pickupEnd, now, zone)}`;
}

export const manageTexts = {
  usage: (command: string) =>
    `Send it with the offer number, e.g. <code>/${command} 12</code>. Your offers are in /myoffers.`,
  done: {
    publish: '🚀 Published. Customers can see it now.',
    pause: '⏸ Paused. Customers can’t see it until you resume it.',
    resume: '▶️ Live again.',
    sold_out: '🔴 Marked sold out. Restock it with /edit to sell again.',
  },
  editAsk: (name: string, reserved: number) =>
    `Send the new values for <b>${escapeHtml(name)}</b> as\n<code>original price, discounted price, quantity for sale</code>\n` +
    `Use <code>-</code> to keep one, e.g. <code>-, -, 10</code> to have 10 for sale` +
    (reserved > 0
      ? ` (${plural(reserved, { one: 'the one already reserved stays reserved', other: 'the # already reserved stay reserved' })}).`
      : '.') +
    ' A weight per unit may follow, e.g. <code>-, -, 10, 0.4 kg</code>.',
  editBad:
    'Please send three values separated by commas: original price, discounted price, quantity for sale, e.g. <code>12.50, 4.00, 8</code> or <code>-, -, 10</code>.',
  edited: '✏️ Saved.',
  editCancelled: 'Edit cancelled. Nothing changed.',
  stillEditing: 'You are editing an offer. Send the new values, or /cancel to stop.',
};

export const buttons = {
  publish: '🚀 Publish',
  pause: '⏸ Pause',
  resume: '▶️ Resume',
  soldOut: '🔴 Sold out',
  edit: '✏️ Edit',
  withdraw: '✖️ Withdraw',
};
