import { Markup } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { Venue } from '../../../db/schema.js';
import type { VenueWithOwner } from '../../marketplace/find-venues.js';
import { STATS_PERIODS, type StatsPeriod } from '../../marketplace/stats.js';
import type { LiveOfferLine } from '../../marketplace/venue-dossier.js';
import { type CallbackArgs, encodeCallback } from '../callback-data.js';
import { adminTexts } from '../texts/admin.js';
import { moderationTexts } from '../texts/admin-console.js';
import { insightTexts } from '../texts/admin-insight.js';

const button = Markup.button.callback;

export const reviewKeyboard = (venueId: number) =>
  Markup.inlineKeyboard([
    [
      button(adminTexts.verifyButton, encodeCallback('venue:verify', venueId)),
      button(adminTexts.rejectButton, encodeCallback('venue:reject', venueId)),
    ],
    [button(adminTexts.changesButton, encodeCallback('venue:changes', venueId))],
  ]);

export const pagerKeyboard = (page: number, pages: number) => {
  const row = [];
  if (page > 0) row.push(button(adminTexts.prev, encodeCallback('venue:pending', page - 1)));
  if (page < pages - 1) row.push(button(adminTexts.next, encodeCallback('venue:pending', page + 1)));
  return Markup.inlineKeyboard([row]);
};

/** What an admin can do from a venue's card, by its status; live offers each get a takedown button. */
export function venueKeyboard(venue: Venue, liveOffers: LiveOfferLine[] = []) {
  const rows: InlineKeyboardButton[][] = [];
  if (venue.status === 'pending') rows.push(...reviewKeyboard(venue.id).reply_markup.inline_keyboard);
  if (venue.status === 'rejected' || venue.status === 'changes_requested')
    rows.push([button(adminTexts.verifyButton, encodeCallback('venue:verify', venue.id))]);
  if (venue.status === 'verified')
    rows.push([button(moderationTexts.suspendButton, encodeCallback('venue:suspend', venue.id))]);
  if (venue.status === 'suspended')
    rows.push([button(moderationTexts.unsuspendButton, encodeCallback('venue:unsuspend', venue.id))]);
  for (const offer of liveOffers) {
    rows.push([
      button(
        moderationTexts.takedownButton(offer.id, offer.title),
        encodeCallback('offer:takedown', offer.id),
      ),
    ]);
  }
  rows.push([button(moderationTexts.auditButton, encodeCallback('audit:venue', venue.id))]);
  return Markup.inlineKeyboard(rows);
}

type VenueFilter = CallbackArgs<'venues:page'>[0];

/** One button per venue found (opening its card), then the pager. */
export function venueListKeyboard(
  items: VenueWithOwner[],
  label: (card: VenueWithOwner) => string,
  pager: { filter: VenueFilter; page: number; pages: number },
) {
  const rows = items.map((card) => [button(label(card), encodeCallback('venue:card', card.venue.id))]);
  const paging = [];
  if (pager.page > 0)
    paging.push(button(adminTexts.prev, encodeCallback('venues:page', pager.filter, pager.page - 1)));
  if (pager.page < pager.pages - 1)
    paging.push(button(adminTexts.next, encodeCallback('venues:page', pager.filter, pager.page + 1)));
  if (paging.length > 0) rows.push(paging);
  return Markup.inlineKeyboard(rows);
}

/** The other periods of /stats, one tap away. */
export const statsKeyboard = (current: StatsPeriod) =>
  Markup.inlineKeyboard([
    STATS_PERIODS.filter((p) => p !== current).map((p) =>
      button(insightTexts.periodButton[p], encodeCallback('stats:period', p)),
    ),
  ]);

export const offerAuditKeyboard = (offerId: number) =>
  Markup.inlineKeyboard([[button(moderationTexts.auditButton, encodeCallback('audit:offer', offerId))]]);
