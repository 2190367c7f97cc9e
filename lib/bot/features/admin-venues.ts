import { Composer } from 'telegraf';
import { AppError } from '../../errors.js';
import { auditTrail } from '../../marketplace/audit-trail.js';
import { findVenues, getVenueWithOwner } from '../../marketplace/find-venues.js';
import { venueZone } from '../../marketplace/time-zones.js';
import type { VenueStatus } from '../../marketplace/users.js';
import { getVenueDossier } from '../../marketplace/venue-dossier.js';
import { adminOnly, isAdmin } from '../admin-only.js';
import { buttonAction } from '../button-action.js';
import type { CallbackArgs } from '../callback-data.js';
import { idArgument, wordsAfterCommand } from '../command-args.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { venueKeyboard, venueListKeyboard } from '../keyboards/admin.js';
import { cardHeadings } from '../texts/admin.js';
import { dossierText, usage, venueListTexts } from '../texts/admin-console.js';
import { auditText } from '../texts/admin-insight.js';
import { localeOf } from '../texts/locale.js';
import { venueZoneTexts } from '../texts/time-zones.js';
import { sendVenueCard } from '../venue-card.js';

/** Admins find any venue (`/venues [status] [text]`, also `/businesses`) and open its card (`/venue <id>`). */
export const adminVenuesFeature = new Composer<BotContext>();
const PAGE_SIZE = 8;

type Filter = CallbackArgs<'venues:page'>[0];
const statusOf: Record<Filter, VenueStatus | undefined> = {
  all: undefined,
  pending: 'pending',
  changes: 'changes_requested',
  verified: 'verified',
  rejected: 'rejected',
  suspended: 'suspended',
};
/** What an admin may type for each filter. */
const filterWords: Record<string, Filter> = {
  all: 'all',
  pending: 'pending',
  changes: 'changes',
  changes_requested: 'changes',
  verified: 'verified',
  rejected: 'rejected',
  suspended: 'suspended',
};

async function showVenues(ctx: BotContext, filter: Filter, text: string | undefined, page: number) {
  const { items, total } = await findVenues(ctx.deps.db, {
    status: statusOf[filter],
    text,
    page,
    pageSize: PAGE_SIZE,
  });
  if (total === 0) return void (await ctx.reply(venueListTexts.none(filter, text), html));
  const pages = Math.ceil(total / PAGE_SIZE);
  await ctx.reply(venueListTexts.header(filter, text, total, page, pages), {
    ...html,
    ...venueListKeyboard(items, venueListTexts.button, { filter, page, pages }),
  });
}

const venuesCommand = adminOnly(async (ctx: BotContext) => {
  const words = wordsAfterCommand(ctx.text ?? '');
  const filter = filterWords[words[0]?.toLowerCase() ?? ''];
  const text = (filter ? words.slice(1) : words).join(' ').trim() || undefined;
  if (text && text.length > 60) return void (await ctx.reply(usage.venues, html));
  ctx.session.venueSearch = text;
  await showVenues(ctx, filter ?? 'all', text, 0);
});
// "Businesses" is the old word (docs/glossary.md); the command stays for admins who learned it.
adminVenuesFeature.command(['venues', 'businesses'], venuesCommand);

buttonAction(
  adminVenuesFeature,
  'venues:page',
  adminOnly(async (ctx, [filter, page]) => {
    await ctx.answerCbQuery();
    await showVenues(ctx, filter, ctx.session.venueSearch, page);
  }),
);

/** The card with its buttons and pin, then offers, reservations and the last five audit entries. */
async function showVenue(ctx: BotContext, venueId: number) {
  const { deps } = ctx;
  const card = await getVenueWithOwner(deps.db, venueId);
  if (!card) throw new AppError({ code: 'venue.not_found' });
  const [dossier, audit] = await Promise.all([
    getVenueDossier(deps.db, venueId),
    auditTrail(deps.db, { subject: 'venue', id: venueId, limit: 5 }),
  ]);
  await sendVenueCard(deps, ctx.telegram, ctx.chat!.id, card, {
    heading: cardHeadings.venue,
    keyboard: venueKeyboard(card.venue, dossier.liveOffers),
  });
  const history =
    audit.length > 0
      ? `\n\n${auditText('venue', venueId, audit, { timezone: deps.config.timezone, adminIds: deps.config.adminIds })}`
      : '';
  // Issue 17: its offers' windows in its own zone, which is named first (an admin can change it: /timezone).
  const zone = venueZone(card.venue, deps.config);
  const zoneLine = venueZoneTexts.line(zone, card.venue.timeZone !== null);
  // Bounded (five offers, five entries, reasons of 300 characters at most), so it fits one message.
  await ctx.reply(`${zoneLine}\n\n${dossierText(dossier, localeOf(deps, zone))}${history}`, html);
}

// Owners have a /venue of their own (their profile): anything but an admin asking for an id passes on to it.
adminVenuesFeature.command('venue', async (ctx, next) => {
  if (!isAdmin(ctx)) return next();
  const args = idArgument(ctx.text ?? '');
  if (!args || args.rest) return void (await ctx.reply(usage.venue, html));
  await showVenue(ctx, args.id);
});

buttonAction(
  adminVenuesFeature,
  'venue:card',
  adminOnly(async (ctx, [venueId]) => {
    await ctx.answerCbQuery();
    await showVenue(ctx, venueId);
  }),
);
