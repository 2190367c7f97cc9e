import { describe, expect, it } from 'vitest';
import { refusalText } from '../lib/bot/error-reply.js';
import { texts } from '../lib/bot/texts/common.js';
import { AppError, type AppErrorDetail, categoryOf, OutageError } from '../lib/errors.js';

describe('error texts', () => {
  it.each([
    [{ code: 'offer.not_found' }, 'Offer not found.'],
    [{ code: 'offer.unavailable' }, 'Sorry, this offer is no longer available.'],
    [{ code: 'offer.already_in_state', status: 'active' }, 'This offer is already live.'],
    [
      { code: 'offer.wrong_state', action: 'resume', status: 'sold_out' },
      'Only paused offers can be resumed. This one is sold out.',
    ],
    [
      { code: 'offer.window_over' },
      'The pickup window of this offer is already over. Post a new offer with a later window.',
    ],
    [
      { code: 'offer.expired' },
      'This offer has expired: its pickup window is over. Post a new one with /newoffer.',
    ],
    [
      { code: 'offer.edit_needs_verified_venue', venueStatus: 'suspended' },
      'Your venue is suspended, so its offers can’t be edited. Contact us if you think this is a mistake.',
    ],
    [
      { code: 'pickup.undo_too_late', minutes: 10 },
      'A pickup can only be undone within 10 minutes of confirming it, while the pickup window is open.',
    ],
    [{ code: 'item.price_not_discounted' }, 'The discounted price must be lower than the original price.'],
    [{ code: 'item.quantity_range', min: 0, max: 999 }, 'The quantity must be a whole number from 0 to 999.'],
    [{ code: 'item.not_a_price', text: '4,x', field: 'discounted' }, '“4,x” is not a price (e.g. 4.00).'],
    [{ code: 'reservation.not_enough', left: 1, wanted: 2 }, 'Sorry, only 1 left — you asked for 2.'],
    [{ code: 'reservation.sold_out' }, 'Sorry, that item just sold out.'],
    [
      { code: 'reservation.cap_reached', max: 3 },
      'You already have 3 active reservations. Pick them up or cancel one in /myreservations first.',
    ],
    [{ code: 'reservation.quantity_range', max: 5 }, 'You can reserve 1 to 5 at a time.'],
    [{ code: 'reservation.settled', status: 'picked_up' }, 'This reservation was already picked up.'],
    [
      { code: 'venue.wrong_state', status: 'verified', to: 'rejected' },
      "This venue is verified, so it can't be rejected now.",
    ],
    [
      { code: 'venue.already_registered' },
      'You have already registered a venue. Send /start to see its status.',
    ],
  ] satisfies Array<[AppErrorDetail, string]>)('words %j as the person reads it', (detail, text) => {
    expect(refusalText(new AppError(detail))).toBe(text);
  });

  it('gives anything that is not a refusal the generic line', () => {
    expect(refusalText(new Error('relation "offers" does not exist'))).toBe(texts.genericError);
    expect(refusalText(new OutageError('database', new Error('x')))).toBe(texts.genericError);
  });

  it('keeps the code, never words, as the message, and derives the category from the code', () => {
    const error = new AppError({ code: 'reservation.not_enough', left: 2, wanted: 3 });
    expect(error.message).toBe('reservation.not_enough');
    expect(error.code).toBe('reservation.not_enough');
    expect(error.category).toBe('conflict');
    expect(categoryOf('reservation.cap_reached')).toBe('limit_reached');
    expect(categoryOf('button.stale')).toBe('not_found');
  });
});
