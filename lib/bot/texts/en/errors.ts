import type { AppErrorDetail, ErrorCode } from '../../../errors.js';
import type { OfferStatus } from '../../../marketplace/offers.js';
import { LIMITED_RESERVATIONS, STRIKE_WINDOW_DAYS, STRIKES_FOR_LIMIT } from '../../../marketplace/strikes.js';
import { moment, utcDateTime } from '../format.js';
import type { Locale } from '../locale.js';
import { plural } from '../plural.js';

/**
 * What a person is told when their request is refused: one text per error code (lib/errors.ts), with the
 * code's facts filled in. A new code without a text here doesn't compile.
 *
 * Plain text, not HTML: these lines are shown as callback answers (which have no parse mode) as often as in
 * messages. A caller that puts one into an HTML message escapes it (user input, e.g. a mistyped price, can
 * appear in it).
 *
 * `l` is the reader's locale where the caller has one: the strike limit's end is shown on the customer's clock.
 */
type Texts = {
  [C in ErrorCode]: string | ((detail: Extract<AppErrorDetail, { code: C }>, l?: Locale) => string);
};

const editNeedsVerifiedVenue = {
  suspended:
    'Your venue is suspended, so its offers can’t be edited. Contact us if you think this is a mistake.',
  pending: 'Your venue is still waiting for verification, so its offers can’t be edited yet.',
  changes_requested:
    'Your venue is waiting for the changes our team asked for, so its offers can’t be edited yet.',
  rejected: 'Your venue was not verified, so its offers can’t be edited.',
};

const alreadyInState = {
  active: 'This offer is already live.',
  paused: 'This offer is already paused.',
  sold_out: 'This offer is already marked sold out.',
};

/** An offer's state, after "This offer is": the words /myoffers shows (docs/glossary.md). */
const offerStatusWords: Record<OfferStatus, string> = {
  draft: 'a draft',
  active: 'live',
  paused: 'paused',
  sold_out: 'sold out',
  expired: 'expired',
  withdrawn: 'withdrawn',
};

/** What each owner action needs, said when the offer is in another state. */
const actionNeeds = {
  publish: 'Only drafts can be published.',
  pause: 'Only live offers can be paused.',
  resume: 'Only paused offers can be resumed.',
  sold_out: 'Only live or paused offers can be marked sold out.',
  withdraw: 'This offer can no longer be withdrawn.',
};

const settled = { picked_up: 'already picked up', no_show: 'marked as not picked up' };

const priceExample = { original: '12.50', discounted: '4.00' };

const venueStatusWords = {
  pending: 'waiting for review',
  changes_requested: 'waiting for changes from its owner',
  verified: 'verified',
  rejected: 'rejected',
  suspended: 'suspended',
};
const decisionWords = {
  changes_requested: 'sent back for changes',
  verified: 'verified',
  rejected: 'rejected',
  suspended: 'suspended',
};

/** The strike limit's end on the customer's clock, like their other times; in UTC, and said so, without a locale. */
const limitEnd = (until: Date, l?: Locale) =>
  l ? moment(until, l.now, l.timezone) : `${utcDateTime(until)} UTC`;

const errorTexts: Texts = {
  'offer.not_found': 'Offer not found.',
  'offer.unavailable': 'Sorry, this offer is no longer available.',
  'offer.item_not_found': 'That item is not part of this offer.',
  'offer.title_length': ({ max }) => `The title must be 1–${max} characters.`,
  'offer.item_count': ({ max }) => `An offer has 1–${max} items.`,
  'offer.window_ends_before_start': 'The pickup window must end after it starts.',
  'offer.post_needs_verified_venue': 'Only verified venues can post offers.',
  'offer.live_needs_verified_venue': 'Your venue is not verified right now, so its offers can’t go live.',
  'offer.edit_needs_verified_venue': ({ venueStatus }) => editNeedsVerifiedVenue[venueStatus],
  'offer.not_editable': ({ status }) => `This offer is ${offerStatusWords[status]}, so it can’t be edited.`,
  'offer.expired': 'This offer has expired: its pickup window is over. Post a new one with /newoffer.',
  'offer.withdrawn': 'This offer was withdrawn. Post a new one with /newoffer.',
  'offer.already_in_state': ({ status }) => alreadyInState[status],
  'offer.window_over':
    'The pickup window of this offer is already over. Post a new offer with a later window.',
  'offer.wrong_state': ({ action, status }) =>
    `${actionNeeds[action]} This one is ${offerStatusWords[status]}.`,
  'item.name_missing': 'The item needs a name.',
  'item.name_too_long': ({ max }) => `Item names can be at most ${max} characters.`,
  'item.price_not_positive': 'Prices must be above zero.',
  'item.price_not_discounted': 'The discounted price must be lower than the original price.',
  'item.quantity_range': ({ min, max }) => `The quantity must be a whole number from ${min} to ${max}.`,
  // These three follow "I couldn’t add “…”:" in the wizard, hence the small letter or the quote first.
  'item.parts_missing': 'it needs four parts separated by commas.',
  'item.not_a_price': ({ text, field }) => `“${text}” is not a price (e.g. ${priceExample[field]}).`,
  'item.not_a_quantity': ({ text }) => `“${text}” is not a whole quantity (e.g. 5).`,
  'reservation.not_found': 'Reservation not found.',
  'reservation.quantity_range': ({ max }) => `You can reserve 1 to ${max} at a time.`,
  'reservation.cap_reached': ({ max }) =>
    `You already have ${max} active reservations. Pick them up or cancel one in /myreservations first.`,
  'reservation.sold_out': 'Sorry, that item just sold out.',
  'reservation.not_enough': ({ left, wanted }) => `Sorry, only ${left} left — you asked for ${wanted}.`,
  'reservation.too_fast': 'That’s a lot of reservations at once. Please wait a minute and try again.',
  'reservation.window_over': 'The pickup window is over, so this reservation can no longer be cancelled.',
  'reservation.settled': ({ status }) => `This reservation was ${settled[status]}.`,
  'reservation.barred':
    'Sorry, your account can’t make reservations right now. If you think this is a mistake, please contact us.',
  'pickup.code_not_found': 'No open reservation with that code.',
  'pickup.not_open': 'This reservation is no longer open.',
  'venue.already_registered': 'You have already registered a venue. Send /start to see its status.',
  'venue.not_found': 'No venue with that id.',
  'venue.wrong_state': ({ status, to }) =>
    status === to
      ? `This venue is already ${decisionWords[to]}.`
      : `This venue is ${venueStatusWords[status]}, so it can't be ${decisionWords[to]} now.`,
  'venue.no_changes_requested':
    'Your venue isn’t waiting for changes any more. Send /start to see where it stands.',
  'offer.already_ended': ({ status }) =>
    `This offer is already ${offerStatusWords[status]}; there is nothing to take down.`,
  'user.not_found': 'No customer with that id has used the bot.',
  'user.is_admin': 'Admins can’t be blocked.',
  'venue.owner_only':
    'Only the venue’s owner can do that. As staff you can see /reservations and confirm pickups.',
  'venue.no_change_to_review': 'This venue has no name or address change waiting for review.',
  'staff.invite_invalid':
    'This invite link has expired or was already used. Ask the venue’s owner for a new one.',
  'staff.has_venue':
    'You already own or work at a venue, so this account can’t join another one. Send /start to see it.',
  'staff.not_found': 'That person is not on your staff (any more).',
  'pickup.not_picked_up': 'This reservation is not marked as picked up, so there is nothing to undo.',
  'pickup.undo_too_late': ({ minutes }) =>
    `A pickup can only be undone within ${minutes} minutes of confirming it, while the pickup window is open.`,
  'reservation.window_not_started':
    'The pickup window hasn’t started yet, so it’s too early to mark this as not picked up.',
  'offer.item_reserved':
    'Customers have reserved this item, so it can’t be removed. Set its quantity to 0 to stop selling it.',
  'offer.last_item': 'An offer needs at least one item, so the last one can’t be removed.',
  'offer.description_length': ({ max }) => `The description can be at most ${max} characters.`,
  'item.weight_range': ({ maxKg }) =>
    `The weight per unit must be between 1 g and ${maxKg} kg, e.g. 0.4 kg or 350 g.`,
  'drop.not_found': 'That recurring drop doesn’t exist (any more).',
  'drop.publish_after_window': 'The offer has to be published before its pickup window ends.',
  'reservation.strike_limit': ({ until }, l) =>
    `You missed ${plural(STRIKES_FOR_LIMIT, { one: '# pickup', other: '# pickups' })} in ${plural(STRIKE_WINDOW_DAYS, { one: '# day', other: '# days' })}, ` +
    `so until ${limitEnd(until, l)} you can hold ${plural(LIMITED_RESERVATIONS, { one: '# reservation', other: '# reservations' })} at a time. ` +
    `${plural(LIMITED_RESERVATIONS, { one: 'Pick it up or cancel it', other: 'Pick one up or cancel one' })} in /myreservations first.`,
  'follow.venue_unavailable': 'This venue isn’t on the bot any more, so it can’t be followed.',
  'settings.unknown_choice': 'That choice isn’t available. Open /settings again to pick one.',
  'search.location_needed': 'Share your location first (📍 in /offers), so I know where to look.',
  'rating.not_allowed': 'Only a reservation you picked up can be rated.',
  'rating.edit_window_over': 'A rating can only be changed within 24 hours of giving it.',
  'rating.comment_too_long': ({ max }) => `Please keep the comment under ${max} characters.`,
  'no_show.not_found': 'This reservation isn’t waiting for your answer.',
  'no_show.too_late': 'It’s too late to change this: pickups can be confirmed up to 7 days after the window.',
  'button.stale': 'This button is no longer valid. Send /offers to see what’s available.',
};

/** The words for one refusal. */
export function errorText(detail: AppErrorDetail, l?: Locale): string {
  const text = errorTexts[detail.code] as string | ((detail: AppErrorDetail, l?: Locale) => string);
  return typeof text === 'string' ? text : text(detail, l);
}
