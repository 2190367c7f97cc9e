import { z } from 'zod';
import { LANGUAGES } from './texts/language.js';

/**
 * Every inline button's `callback_data`, built and parsed here only: `<scope>:<action>:<ids…>`, at most
 * 64 bytes (Telegram's limit). Parsing validates shape and numbers; it never authorises: whatever an id
 * names is checked against the caller in the domain call.
 */
const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const page = z.coerce.number().int().min(0).max(10_000);
/** Minutes after local midnight (a pickup slot's start or end). */
const minute = z.coerce.number().int().min(0).max(1440);
/** A local calendar date as YYYYMMDD (20261203), a real one (no 31 February). */
const localDay = z.coerce
  .number()
  .int()
  .min(2000_01_01)
  .max(9999_12_31)
  .refine((n) => {
    const [year, month, day] = [Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  });

const codecs = {
  // Admin review
  'venue:verify': z.tuple([id]),
  'venue:reject': z.tuple([id]),
  'venue:pending': z.tuple([page]),
  // Admin console (issue 16): request changes, suspend, find, take down, audit, numbers
  'venue:changes': z.tuple([id]),
  'venue:suspend': z.tuple([id]),
  'venue:unsuspend': z.tuple([id]),
  'venue:card': z.tuple([id]),
  'venues:page': z.tuple([z.enum(['all', 'pending', 'changes', 'verified', 'rejected', 'suspended']), page]),
  'offer:takedown': z.tuple([id]),
  'audit:venue': z.tuple([id]),
  'audit:offer': z.tuple([id]),
  'stats:period': z.tuple([z.enum(['today', '7d', '30d'])]),
  // Venue offer management
  'offer:publish': z.tuple([id]),
  'offer:pause': z.tuple([id]),
  'offer:resume': z.tuple([id]),
  'offer:soldout': z.tuple([id]),
  'offer:withdraw': z.tuple([id]),
  'offer:edit': z.tuple([id]),
  // New-offer wizard
  'wiz:done': z.tuple([]),
  'wiz:skip': z.tuple([]),
  'wiz:draft': z.tuple([]),
  'wiz:publish': z.tuple([]),
  'wiz:cancel': z.tuple([]),
  // Customer side
  'browse:page': z.tuple([page]),
  // Issue 17: from a list, the offer opens in place of it and remembers the page to go back to
  'offer:view': z.union([z.tuple([id]), z.tuple([id, z.enum(['all', 'found']), page])]),
  'buy:item': z.tuple([id, id]),
  'buy:qty': z.tuple([id, id, z.coerce.number().int().min(1).max(99)]),
  'buy:confirm': z.tuple([id, id, z.coerce.number().int().min(1).max(99)]),
  // Issue 18: pay now (online) on the confirm card; the venue's switch for online payment in /venue
  'buy:pay': z.tuple([id, id, z.coerce.number().int().min(1).max(99)]),
  'venue:payments': z.tuple([z.coerce.number().int().min(0).max(1)]),
  'buy:abort': z.tuple([]),
  'reservation:cancel': z.tuple([id]),
  'reservation:pickup': z.tuple([id]),
  'reservations:mine': z.tuple([]),
  // A venue's day (issue 15): /myoffers in one message, safe buttons, the counter, profile, staff, drops
  'offers:mine': z.tuple([z.enum(['live', 'drafts', 'past']), page]),
  'offer:manage': z.tuple([id]),
  'offer:new': z.tuple([]),
  'offer:confirm': z.tuple([z.enum(['withdraw', 'soldout']), id]),
  'offer:repeat': z.tuple([id]),
  'offer:drop': z.tuple([id]),
  'desk:day': z.tuple([]),
  'desk:offer': z.tuple([id, page]),
  'desk:pickup': z.tuple([id, page]),
  'desk:noshow': z.tuple([id, page]),
  'desk:undo': z.tuple([id, page]),
  'reservation:undo': z.tuple([id]),
  'venue:profile': z.tuple([]),
  'venue:edit': z.tuple([z.enum(['name', 'address', 'location', 'phone', 'description', 'photo'])]),
  'change:approve': z.tuple([id]),
  'change:revert': z.tuple([id]),
  'staff:list': z.tuple([]),
  'staff:invite': z.tuple([]),
  'staff:remove': z.tuple([id]),
  'drops:list': z.tuple([]),
  'drop:stop': z.tuple([id]),
  'drop:days': z.tuple([z.enum(['daily', 'weekdays', 'weekends'])]),
  'drop:lead': z.tuple([z.coerce.number().int().min(0).max(720)]),
  'drop:create': z.tuple([]),
  'edit:field': z.tuple([
    z.enum(['title', 'description', 'window', 'photo', 'items', 'add', 'remove', 'done']),
  ]),
  'edit:item': z.tuple([id]),
  'edit:remove': z.tuple([id]),
  // A pickup slot: 0 today / 1 tomorrow (what its label says), start, end, and the local date it is on. The date
  // makes a press after midnight the day the button named; buttons without one (sent before it, and the drop
  // wizard's, where no day is meant) count from the day of the press.
  'wiz:slot': z.union([
    z.tuple([z.coerce.number().int().min(0).max(1), minute, minute]),
    z.tuple([z.coerce.number().int().min(0).max(1), minute, minute, localDay]),
  ]),
  // Customers coming back (issue 14): follows, alert settings, saved searches, ratings, unconfirmed no-shows
  'follow:add': z.tuple([id]),
  'follow:remove': z.tuple([id]),
  'settings:mute': z.tuple([z.coerce.number().int().min(0).max(1)]),
  'settings:quiet': z.tuple([z.coerce.number().int().min(0).max(9)]),
  'search:new': z.tuple([]),
  'search:radius': z.tuple([z.coerce.number().int().min(100).max(50_000)]),
  'search:save': z.tuple([
    z.coerce.number().int().min(100).max(50_000),
    z.coerce.number().int().min(0).max(100_000),
  ]),
  'search:delete': z.tuple([]),
  'rate:stars': z.tuple([id, z.coerce.number().int().min(1).max(5)]),
  'noshow:collected': z.tuple([id]),
  'noshow:missed': z.tuple([id]),
  // Issue 17: /language; a language we don't speak is not one of our buttons
  'language:set': z.tuple([z.enum(LANGUAGES)]),
  // Issue 17: free-text search results paged in place; an offer's photo and map on request; the location's
  // refresh; the venue of one's own reservation on a map
  'found:page': z.tuple([page]),
  'offer:photo': z.tuple([id]),
  'offer:map': z.tuple([id]),
  'location:ask': z.tuple([]),
  'reservation:map': z.tuple([id]),
} as const;

export type CallbackKind = keyof typeof codecs;
/** The buttons under an offer's card in the venue's chat; each carries the offer's id. */
export type OfferButton = Extract<
  CallbackKind,
  'offer:publish' | 'offer:pause' | 'offer:resume' | 'offer:soldout' | 'offer:withdraw' | 'offer:edit'
>;

/**
 * Buttons already sitting in people's chats keep working after a rename: the words changed (docs/glossary.md),
 * the meaning didn't.
 */
const legacyKinds: Record<string, CallbackKind> = {
  'purchase:cancel': 'reservation:cancel',
  'purchase:pickup': 'reservation:pickup',
  'purchases:mine': 'reservations:mine',
  'offer:cancel': 'offer:withdraw',
  'biz:verify': 'venue:verify',
  'biz:reject': 'venue:reject',
  'biz:pending': 'venue:pending',
};
export type CallbackArgs<K extends CallbackKind> = z.infer<(typeof codecs)[K]>;
export type ParsedCallback = { [K in CallbackKind]: { kind: K; args: CallbackArgs<K> } }[CallbackKind];

export function encodeCallback<K extends CallbackKind>(kind: K, ...args: CallbackArgs<K>): string {
  const data = [kind, ...args].join(':');
  if (Buffer.byteLength(data) > 64) throw new Error(`callback_data over 64 bytes: ${kind}`);
  return data;
}

/** Null for anything that is not exactly one of our buttons (forged, stale format, garbage). */
export function decodeCallback(data: string | undefined): ParsedCallback | null {
  if (!data || data.length > 64) return null;
  const parts = data.split(':');
  const written = `${parts[0]}:${parts[1]}`;
  const kind = legacyKinds[written] ?? (written as CallbackKind);
  const codec = codecs[kind] as z.ZodType | undefined;
  if (!codec) return null;
  const parsed = codec.safeParse(parts.slice(2));
  return parsed.success ? ({ kind, args: parsed.data } as ParsedCallback) : null;
}

/** A Telegraf trigger matching one kind of button, for `bot.action(...)`. */
export function callbackTrigger(kind: CallbackKind): RegExp {
  const spellings = [kind, ...Object.keys(legacyKinds).filter((old) => legacyKinds[old] === kind)];
  return new RegExp(`^(?:${spellings.map((k) => k.replace(':', '\\:')).join('|')})(?::|$)`);
}

/** The decoded button of a callback-query update, or null (no callback, a game query, or not ours). */
export function callbackOf(ctx: { callbackQuery?: object }): ParsedCallback | null {
  const query = ctx.callbackQuery as { data?: unknown } | undefined;
  return decodeCallback(typeof query?.data === 'string' ? query.data : undefined);
}
