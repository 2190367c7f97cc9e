import { describe, expect, it } from 'vitest';
import { offerStatus } from '../db/schema.js';
import { refusalText } from '../lib/bot/error-reply.js';
import { texts } from '../lib/bot/texts/common.js';
import { inLanguage, LANGUAGES } from '../lib/bot/texts/language.js';
import type { Locale } from '../lib/bot/texts/locale.js';
import { AppError, type AppErrorDetail, categoryOf, OutageError } from '../lib/errors.js';
import type { OwnerAction } from '../lib/marketplace/offer-transitions.js';

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
      { code: 'offer.wrong_state', action: 'pause', status: 'draft' },
      'Only live offers can be paused. This one is a draft.',
    ],
    [
      { code: 'offer.wrong_state', action: 'resume', status: 'active' },
      'Only paused offers can be resumed. This one is live.',
    ],
    [{ code: 'offer.not_editable', status: 'withdrawn' }, 'This offer is withdrawn, so it can’t be edited.'],
    [
      { code: 'offer.already_ended', status: 'expired' },
      'This offer is already expired; there is nothing to take down.',
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

  it('names every offer state in words, never as its value in the database', () => {
    const actions: OwnerAction[] = ['publish', 'pause', 'resume', 'sold_out', 'withdraw'];
    for (const status of offerStatus.enumValues) {
      for (const action of actions) {
        expect(refusalText(new AppError({ code: 'offer.wrong_state', action, status }))).not.toMatch(
          /_|active/,
        );
      }
    }
    for (const status of ['expired', 'withdrawn'] as const) {
      expect(refusalText(new AppError({ code: 'offer.not_editable', status }))).not.toContain('_');
      expect(refusalText(new AppError({ code: 'offer.already_ended', status }))).not.toContain('_');
    }
  });

  describe('the strike limit', () => {
    // Three strikes, the last on 3 June 2030: limited until 17 June 00:00 UTC, 09:00 in Tokyo.
    const limited = new AppError({
      code: 'reservation.strike_limit',
      until: new Date('2030-06-17T00:00:00Z'),
    });
    const inTokyo: Locale = {
      now: new Date('2030-06-04T03:00:00Z'),
      timezone: 'Asia/Tokyo',
      defaultZone: 'UTC',
      currency: 'EUR',
    };

    it('says the rule and when it ends, on the customer’s clock', () => {
      expect(refusalText(limited, inTokyo)).toBe(
        'You missed 3 pickups in 30 days, so until Mon 17 Jun 09:00 you can hold 1 reservation at a time. ' +
          'Pick it up or cancel it in /myreservations first.',
      );
    });

    it('says the end in UTC, and says so, where no customer’s clock is at hand', () => {
      expect(refusalText(limited)).toContain('until 17 Jun, 00:00 UTC you can hold 1 reservation');
    });

    it.each(LANGUAGES)('says the numbers and the end on the customer’s clock in %s', (language) => {
      const text = inLanguage(language, () => refusalText(limited, inTokyo));
      for (const part of ['3', '30', '1', '09:00']) expect(text).toContain(part);
      expect(text).not.toContain('UTC');
      expect(inLanguage(language, () => refusalText(limited))).toMatch(/00:00.*UTC/);
    });
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
