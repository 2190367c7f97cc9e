import type { Offer, Venue } from '../db/schema.js';
import type { OwnerAction } from './marketplace/offer-transitions.js';

/**
 * Refusals: what someone asked for can't be done, said as a code with the facts that explain it. The words
 * are not here: lib/bot/texts/errors.ts gives every code its text (the compiler checks that none is
 * missing), and lib/bot/error-reply.ts is the one path from an error to a reply. The domain (lib/marketplace,
 * lib/jobs) writes no sentence; tests/no-sentences-in-domain.test.ts keeps it so.
 *
 * Outages (a store unreachable) are a different thing: `isOutage` classifies them by error class and code,
 * and the webhook turns them into a 503 so Telegram retries later.
 */
type OfferStatus = Offer['status'];
/** Where an admin's decision takes a venue. */
type VenueDecision = Exclude<Venue['status'], 'pending'>;

export type AppErrorDetail =
  // Offers, as their venue manages them and as customers see them.
  | { code: 'offer.not_found' }
  | { code: 'offer.unavailable' }
  | { code: 'offer.item_not_found' }
  | { code: 'offer.title_length'; max: number }
  | { code: 'offer.item_count'; max: number }
  | { code: 'offer.window_ends_before_start' }
  | { code: 'offer.post_needs_verified_venue' }
  | { code: 'offer.live_needs_verified_venue' }
  | { code: 'offer.edit_needs_verified_venue'; venueStatus: Exclude<Venue['status'], 'verified'> }
  | { code: 'offer.not_editable'; status: Extract<OfferStatus, 'expired' | 'withdrawn'> }
  | { code: 'offer.expired' }
  | { code: 'offer.withdrawn' }
  | { code: 'offer.already_in_state'; status: Extract<OfferStatus, 'active' | 'paused' | 'sold_out'> }
  | { code: 'offer.window_over' }
  | { code: 'offer.wrong_state'; action: OwnerAction; status: OfferStatus }
  // One item of an offer, as typed in the wizard or edited later.
  | { code: 'item.name_missing' }
  | { code: 'item.name_too_long'; max: number }
  | { code: 'item.price_not_positive' }
  | { code: 'item.price_not_discounted' }
  | { code: 'item.quantity_range'; min: number; max: number }
  | { code: 'item.parts_missing' }
  | { code: 'item.not_a_price'; text: string; field: 'original' | 'discounted' }
  | { code: 'item.not_a_quantity'; text: string }
  // Reservations, from the customer's side.
  | { code: 'reservation.not_found' }
  | { code: 'reservation.quantity_range'; max: number }
  | { code: 'reservation.cap_reached'; max: number }
  | { code: 'reservation.sold_out' }
  | { code: 'reservation.not_enough'; left: number; wanted: number }
  | { code: 'reservation.too_fast' }
  | { code: 'reservation.window_over' }
  | { code: 'reservation.settled'; status: 'picked_up' | 'no_show' }
  | { code: 'reservation.barred' }
  // Pickups, from the venue's side.
  | { code: 'pickup.code_not_found' }
  | { code: 'pickup.not_open' }
  // Venues, as their owners register them and admins review them.
  | { code: 'venue.already_registered' }
  | { code: 'venue.not_found' }
  | { code: 'venue.wrong_state'; status: Venue['status']; to: VenueDecision }
  | { code: 'venue.no_changes_requested' }
  // What admins do to offers and people (issue 16).
  | { code: 'offer.already_ended'; status: Extract<OfferStatus, 'expired' | 'withdrawn'> }
  | { code: 'user.not_found' }
  | { code: 'user.is_admin' }
  // A venue's day: staff, the counter, editing, recurring drops (issue 15).
  | { code: 'venue.owner_only' }
  | { code: 'venue.no_change_to_review' }
  | { code: 'staff.invite_invalid' }
  | { code: 'staff.has_venue' }
  | { code: 'staff.not_found' }
  | { code: 'pickup.not_picked_up' }
  | { code: 'pickup.undo_too_late'; minutes: number }
  | { code: 'reservation.window_not_started' }
  | { code: 'offer.item_reserved' }
  | { code: 'offer.last_item' }
  | { code: 'offer.description_length'; max: number }
  | { code: 'item.weight_range'; maxKg: number }
  | { code: 'drop.not_found' }
  | { code: 'drop.publish_after_window' }
  // Customers coming back: follows, alerts, ratings, no-show strikes (issue 14).
  | { code: 'reservation.strike_limit'; until: Date }
  | { code: 'follow.venue_unavailable' }
  | { code: 'settings.unknown_choice' }
  | { code: 'search.location_needed' }
  | { code: 'rating.not_allowed' }
  | { code: 'rating.edit_window_over' }
  | { code: 'rating.comment_too_long'; max: number }
  | { code: 'no_show.not_found' }
  | { code: 'no_show.too_late' }
  // A button that isn't (any more) one of ours.
  | { code: 'button.stale' };

export type ErrorCode = AppErrorDetail['code'];

/** The coarse kind of a refusal, for code that branches on what happened rather than on the exact words. */
export type ErrorCategory =
  | 'not_found'
  | 'not_allowed'
  | 'invalid_input'
  | 'invalid_transition'
  | 'conflict'
  | 'limit_reached'
  | 'rate_limited';

const categories = {
  'offer.not_found': 'not_found',
  'offer.unavailable': 'not_found',
  'offer.item_not_found': 'not_found',
  'offer.title_length': 'invalid_input',
  'offer.item_count': 'invalid_input',
  'offer.window_ends_before_start': 'invalid_input',
  'offer.post_needs_verified_venue': 'not_allowed',
  'offer.live_needs_verified_venue': 'not_allowed',
  'offer.edit_needs_verified_venue': 'not_allowed',
  'offer.not_editable': 'invalid_transition',
  'offer.expired': 'invalid_transition',
  'offer.withdrawn': 'invalid_transition',
  'offer.already_in_state': 'invalid_transition',
  'offer.window_over': 'invalid_transition',
  'offer.wrong_state': 'invalid_transition',
  'item.name_missing': 'invalid_input',
  'item.name_too_long': 'invalid_input',
  'item.price_not_positive': 'invalid_input',
  'item.price_not_discounted': 'invalid_input',
  'item.quantity_range': 'invalid_input',
  'item.parts_missing': 'invalid_input',
  'item.not_a_price': 'invalid_input',
  'item.not_a_quantity': 'invalid_input',
  'reservation.not_found': 'not_found',
  'reservation.quantity_range': 'invalid_input',
  'reservation.cap_reached': 'limit_reached',
  'reservation.sold_out': 'conflict',
  'reservation.not_enough': 'conflict',
  'reservation.too_fast': 'rate_limited',
  'reservation.window_over': 'invalid_transition',
  'reservation.settled': 'invalid_transition',
  'reservation.barred': 'not_allowed',
  'pickup.code_not_found': 'not_found',
  'pickup.not_open': 'not_found',
  'venue.already_registered': 'conflict',
  'venue.not_found': 'not_found',
  'venue.wrong_state': 'invalid_transition',
  'venue.no_changes_requested': 'invalid_transition',
  'offer.already_ended': 'invalid_transition',
  'user.not_found': 'not_found',
  'user.is_admin': 'not_allowed',
  'venue.owner_only': 'not_allowed',
  'venue.no_change_to_review': 'invalid_transition',
  'staff.invite_invalid': 'not_found',
  'staff.has_venue': 'conflict',
  'staff.not_found': 'not_found',
  'pickup.not_picked_up': 'invalid_transition',
  'pickup.undo_too_late': 'invalid_transition',
  'reservation.window_not_started': 'invalid_transition',
  'offer.item_reserved': 'conflict',
  'offer.last_item': 'invalid_input',
  'offer.description_length': 'invalid_input',
  'item.weight_range': 'invalid_input',
  'drop.not_found': 'not_found',
  'drop.publish_after_window': 'invalid_input',
  'reservation.strike_limit': 'limit_reached',
  'follow.venue_unavailable': 'not_found',
  'settings.unknown_choice': 'invalid_input',
  'search.location_needed': 'invalid_input',
  'rating.not_allowed': 'not_allowed',
  'rating.edit_window_over': 'invalid_transition',
  'rating.comment_too_long': 'invalid_input',
  'no_show.not_found': 'not_found',
  'no_show.too_late': 'invalid_transition',
  'button.stale': 'not_found',
} as const satisfies Record<ErrorCode, ErrorCategory>;

export const categoryOf = (code: ErrorCode): ErrorCategory => categories[code];

/** A refusal: `new AppError({ code: 'reservation.not_enough', left: 2, wanted: 3 })`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly category: ErrorCategory;

  constructor(readonly detail: AppErrorDetail) {
    // The code, never words: the message ends up in logs, and the words are the bot's business.
    super(detail.code);
    this.name = 'AppError';
    this.code = detail.code;
    this.category = categoryOf(detail.code);
  }
}

export class OutageError extends Error {
  constructor(
    readonly service: 'database' | 'redis',
    cause: unknown,
  ) {
    super(`${service} unavailable`, { cause });
    this.name = 'OutageError';
  }
}

/**
 * The conversation state could not be read from Redis. The person is asked to try again and the update is
 * done (200): retrying it would only add load to a Redis that is down.
 */
export class SessionUnavailableError extends OutageError {
  constructor(cause: unknown) {
    super('redis', cause);
    this.name = 'SessionUnavailableError';
  }
}

/**
 * Telegram could not be reached, or did not answer in time. Not an outage of ours: after a commit it must
 * never turn into a 503 (the change happened; the outbox delivers what must arrive).
 */
export class TelegramUnreachableError extends Error {
  constructor(
    readonly method: string,
    cause: unknown,
  ) {
    super(`Telegram ${method} unreachable`, { cause });
    this.name = 'TelegramUnreachableError';
  }
}

/**
 * The handler ran out of time: the write may or may not have committed. The webhook answers 503 so Telegram
 * redelivers, and the idempotency record turns the retry into the first outcome (or the first attempt).
 */
export class OutcomeUnknownError extends Error {
  constructor(cause: unknown) {
    super('outcome unknown', { cause });
    this.name = 'OutcomeUnknownError';
  }
}

/** A connection that could not be made or was lost, as Node's sockets and undici (fetch) report it. */
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/** Postgres SQLSTATEs (pg, Neon) that mean "the server can't take us now", not "the statement is wrong". */
const unavailableSqlStates = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08006', // connection_failure
]);

/** Error classes that only ever mean an unreachable store. */
const outageNames = new Set([
  'MaxRetriesPerRequestError', // ioredis: the connection stayed down through the retries
]);

/**
 * True when an error means "a store is unreachable" rather than "our code is wrong". Decided by class and
 * code only, never by message text, along everything an error wraps: `cause` (Drizzle, undici's
 * "fetch failed"), `sourceError` (Neon's NeonDbError) and `errors` (AggregateError from a connect that tried
 * several addresses). The adapters in lib/infra wrap what their drivers report without a code into
 * OutageError. Telegram being unreachable is never one of our outages.
 */
export function isOutage(error: unknown): boolean {
  const queue: unknown[] = [error];
  const seen = new Set<unknown>();
  while (queue.length > 0 && seen.size < 12) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    if (e instanceof OutageError) return true;
    if (e instanceof TelegramUnreachableError) continue;
    const { code, name, cause, sourceError, errors } = e as {
      code?: unknown;
      name?: unknown;
      cause?: unknown;
      sourceError?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string' && (networkCodes.has(code) || unavailableSqlStates.has(code))) return true;
    if (typeof name === 'string' && outageNames.has(name)) return true;
    queue.push(cause, sourceError, ...(Array.isArray(errors) ? errors : []));
  }
  return false;
}
