import { browseOffers, distanceKm, type Point } from '../marketplace/browse.js';
import { findOffersByText, type TextSearchConfig } from '../marketplace/find-offers-by-text.js';
import { type CustomerOffer, getOfferForCustomer } from '../marketplace/offer-details.js';
import type { BotContext, SessionData } from './context.js';
import { html } from './html.js';
import {
  type ListPlace,
  locationRow,
  offerInPlaceKeyboard,
  offerListKeyboard,
} from './keyboards/offer-list.js';
import { searchOfferKeyboard } from './keyboards/returning.js';
import { browsingTexts } from './texts/browsing.js';
import { browseTexts, offerDetails } from './texts/customer.js';
import { currentLanguage, type Language } from './texts/language.js';
import type { Locale } from './texts/locale.js';
import { foundTexts } from './texts/search.js';
import { customerLocale } from './viewer-zone.js';

/**
 * The messages a customer browses (issue 17's tidy chats): the /offers list, a free-text search's results and
 * a deal's card shown in place of either, each with the line saying how old the location they're sorted by is.
 * The features (browse.ts, search.ts) decide when to send or edit them; this says what they show.
 */

/** People move: a location from this morning would rank tonight's deals by the wrong distance. */
const LOCATION_FRESH_MS = 6 * 3_600_000;

/** The location the person shared this session (Redis only), how long ago, and whether it still counts. */
function sharedLocation(ctx: BotContext): { point: Point; ageMs: number; fresh: boolean } | undefined {
  const shared = ctx.session?.location;
  if (!shared) return undefined;
  const ageMs = Math.max(0, ctx.deps.clock.now().getTime() - Date.parse(shared.sharedAt));
  const point = { latitude: shared.latitude, longitude: shared.longitude };
  return { point, ageMs, fresh: ageMs <= LOCATION_FRESH_MS };
}

export const freshLocation = (ctx: BotContext): Point | undefined => {
  const shared = sharedLocation(ctx);
  return shared?.fresh ? shared.point : undefined;
};

/** A person's last free-text search (kept in the session, so its pages and "Back to list" can show it again). */
export type SavedTextSearch = NonNullable<SessionData['search']>;

/** The text-search configuration of each language the bot speaks (Postgres and PGlite ship all four). */
const TEXT_SEARCH: Record<Language, TextSearchConfig> = {
  en: 'english',
  de: 'german',
  es: 'spanish',
  ru: 'russian',
};

/** The line above a list: sorted by a location shared so long ago, or no longer sorted by a stale one. */
function withLocationLine(ctx: BotContext, text: string): string {
  const shared = sharedLocation(ctx);
  if (!shared) return text;
  const line = shared.fresh
    ? browsingTexts.locationAge(shared.ageMs)
    : browsingTexts.locationExpired(shared.ageMs);
  return `${line}\n\n${text}`;
}

export interface ListView {
  total: number;
  text: string;
  extra: Parameters<BotContext['reply']>[1];
}

/** A page of /offers: ranked live deals (nearest counting once a location is shared). */
export async function allDealsView(ctx: BotContext, page: number): Promise<ListView> {
  const l = customerLocale(ctx);
  const shared = sharedLocation(ctx);
  const location = shared?.fresh ? shared.point : undefined;
  const listing = await browseOffers(ctx.deps.db, { now: l.now, location, page });
  // Issue 14: with a location, "🔔 Alert me about new deals near here" saves the search.
  const alertRow = location ? searchOfferKeyboard().reply_markup.inline_keyboard : [];
  if (listing.total === 0) {
    return { total: 0, text: browseTexts.empty, extra: { reply_markup: { inline_keyboard: alertRow } } };
  }
  const rows = offerListKeyboard(listing, 'all');
  if (shared) rows.push(locationRow(!shared.fresh));
  return {
    total: listing.total,
    text: withLocationLine(ctx, browseTexts.list(listing, location !== undefined, l)),
    extra: { ...html, reply_markup: { inline_keyboard: [...rows, ...alertRow] } },
  };
}

/** A page of a free-text search's results; `total` 0 when nothing matches. */
export async function foundView(ctx: BotContext, search: SavedTextSearch, page: number): Promise<ListView> {
  const l = customerLocale(ctx);
  const shared = sharedLocation(ctx);
  const location = shared?.fresh ? shared.point : undefined;
  const listing = await findOffersByText(ctx.deps.db, {
    words: search.words,
    config: TEXT_SEARCH[currentLanguage()],
    now: l.now,
    location,
    nearestFirst: search.nearestFirst && location !== undefined,
    page,
  });
  if (listing.total === 0) return { total: 0, text: foundTexts.noMatch(search.query), extra: {} };
  const heading = foundTexts.heading(search.query, listing, search.nearestFirst && location !== undefined);
  const rows = offerListKeyboard(listing, 'found');
  if (shared) rows.push(locationRow(!shared.fresh));
  return {
    total: listing.total,
    text: withLocationLine(ctx, browseTexts.list(listing, location !== undefined, l, heading)),
    extra: { ...html, reply_markup: { inline_keyboard: rows } },
  };
}

/** The list a "Back to list" button names, as it stands now. */
export async function listView(ctx: BotContext, place: ListPlace): Promise<ListView> {
  if (place.list === 'all' || !ctx.session?.search) return allDealsView(ctx, place.page);
  return foundView(ctx, ctx.session.search, place.page);
}

/** An offer's details, and how far away it is when the person's location is known. */
export function offerCardText(ctx: BotContext, offer: CustomerOffer, l: Locale): string {
  const here = freshLocation(ctx);
  const { latitude, longitude } = offer.venue;
  if (!here || latitude === null || longitude === null) return offerDetails(offer, l);
  return `${offerDetails(offer, l)}\n${browsingTexts.away(distanceKm(here, { latitude, longitude }))}`;
}

/** A deal's card as it replaces the list it was tapped in, with the way back to that page. */
export async function offerInPlaceView(ctx: BotContext, offerId: number, back: ListPlace) {
  const l = customerLocale(ctx);
  const offer = await getOfferForCustomer(ctx.deps.db, { offerId, now: l.now, customerId: ctx.from?.id });
  return {
    text: offerCardText(ctx, offer, l),
    extra: { ...html, ...offerInPlaceKeyboard(offer, l, ctx.deps.config, back) },
  };
}
