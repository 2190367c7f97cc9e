import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
// Telegram ids exceed 2^31; bigint in "number" mode is exact up to 2^53, which Telegram guarantees.
const telegramId = (name: string) => bigint(name, { mode: 'number' });
const id = () => bigserial('id', { mode: 'number' }).primaryKey();

export const venueStatus = pgEnum('venue_status', [
  'pending',
  // Issue 16: an admin sent the registration back with what to fix; the owner's /register resubmits it.
  'changes_requested',
  'verified',
  'rejected',
  'suspended',
]);
export const offerStatus = pgEnum('offer_status', [
  'draft',
  'active',
  'paused',
  'sold_out',
  'expired',
  'withdrawn',
]);
export const reservationStatus = pgEnum('reservation_status', [
  'reserved',
  'picked_up',
  'cancelled',
  'no_show',
  // Issue 18: units held for 10 minutes while the customer's invoice is open (docs/payments.md).
  'pending_payment',
]);

/** Issue 17: the languages the bot speaks (lib/bot/texts/language.ts `LANGUAGES`; a test keeps them equal). */
export const language = pgEnum('language', ['en', 'de', 'es', 'ru']);

export const users = pgTable('users', {
  id: telegramId('id').primaryKey(),
  username: text('username'),
  firstName: text('first_name').notNull().default(''),
  languageCode: text('language_code'),
  // Issue 17: chosen with /language; null: not chosen, Telegram's language_code decides.
  language: language('language'),
  createdAt: createdAt(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  blockedAt: timestamp('blocked_at', { withTimezone: true }),
  // Issue 16: barred by an admin (/block), so they can't reserve; not `blocked_at` (they blocked the bot).
  barredAt: timestamp('barred_at', { withTimezone: true }),
  barReason: text('bar_reason'),
});
export type User = typeof users.$inferSelect;

export const venues = pgTable(
  'venues',
  {
    id: id(),
    ownerId: telegramId('owner_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    address: text('address').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    phone: text('phone').notNull(),
    description: text('description').notNull().default(''),
    photoFileId: text('photo_file_id'),
    status: venueStatus('status').notNull().default('pending'),
    rejectionReason: text('rejection_reason'),
    reviewedBy: telegramId('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    // Issue 16: what an admin asked the owner to fix, and why the venue is suspended (the owner reads both).
    changeRequest: text('change_request'),
    suspensionReason: text('suspension_reason'),
    // Issue 15: a name or address edit awaits an admin's review; what was approved is kept (null when none awaits).
    approvedName: text('approved_name'),
    approvedAddress: text('approved_address'),
    // Issue 17: the IANA zone of the location (or an admin's /timezone); null without a location: TIMEZONE applies.
    timeZone: text('time_zone'),
    // Issue 18: the venue takes online payment (🔘 in /venue); read only when PAYMENT_PROVIDER_TOKEN is set.
    acceptsOnlinePayment: boolean('accepts_online_payment').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One venue per Telegram account keeps ownership checks simple and unambiguous.
    uniqueIndex('venues_owner_uq').on(t.ownerId),
    index('venues_status_idx').on(t.status, t.createdAt),
    check('venues_lat_range', sql`${t.latitude} IS NULL OR ${t.latitude} BETWEEN -90 AND 90`),
    check('venues_lon_range', sql`${t.longitude} IS NULL OR ${t.longitude} BETWEEN -180 AND 180`),
  ],
);
export type Venue = typeof venues.$inferSelect;

export const offers = pgTable(
  'offers',
  {
    id: id(),
    venueId: bigint('venue_id', { mode: 'number' })
      .notNull()
      .references(() => venues.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    photoFileId: text('photo_file_id'),
    pickupStart: timestamp('pickup_start', { withTimezone: true }).notNull(),
    pickupEnd: timestamp('pickup_end', { withTimezone: true }).notNull(),
    status: offerStatus('status').notNull().default('draft'),
    /**
     * Sum of the items' quantity_available, kept in the same statements that change them. Reservations
     * decrement it on this row, so concurrent reservations on different items serialise on the offer row
     * and the one that takes the last unit reliably flips the offer to sold_out (a CTE reading the other
     * items would see a stale snapshot under READ COMMITTED).
     */
    unitsAvailable: integer('units_available').notNull().default(0),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    // Issue 15: the recurring drop that published it, if any.
    dropId: bigint('drop_id', { mode: 'number' }).references((): AnyPgColumn => drops.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('offers_venue_idx').on(t.venueId, t.createdAt),
    // Browsing reads "active and not over yet", ordered by end of pickup.
    index('offers_live_idx').on(t.status, t.pickupEnd),
    // Issue 16: /stats counts offers published and venues active in a period.
    index('offers_published_idx').on(t.publishedAt, t.venueId),
    // Issue 15: one offer per drop and pickup start, however often a run is delivered.
    uniqueIndex('offers_drop_run_uq').on(t.dropId, t.pickupStart).where(sql`${t.dropId} IS NOT NULL`),
    check('offers_window_order', sql`${t.pickupEnd} > ${t.pickupStart}`),
    check('offers_units_non_negative', sql`${t.unitsAvailable} >= 0`),
  ],
);
export type Offer = typeof offers.$inferSelect;

export const offerItems = pgTable(
  'offer_items',
  {
    id: id(),
    offerId: bigint('offer_id', { mode: 'number' })
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    originalPrice: integer('original_price').notNull(),
    price: integer('price').notNull(),
    quantityTotal: integer('quantity_total').notNull(),
    quantityAvailable: integer('quantity_available').notNull(),
    position: integer('position').notNull().default(0),
    // Issue 16: food saved in kilograms (/stats), where the venue states a weight per unit.
    unitWeightGrams: integer('unit_weight_grams'),
  },
  (t) => [
    index('offer_items_offer_idx').on(t.offerId, t.position),
    check(
      'offer_items_quantity_bounds',
      sql`${t.quantityAvailable} >= 0 AND ${t.quantityAvailable} <= ${t.quantityTotal}`,
    ),
    check('offer_items_price_positive', sql`${t.price} > 0 AND ${t.originalPrice} > 0`),
    check('offer_items_price_discounted', sql`${t.price} < ${t.originalPrice}`),
    check('offer_items_unit_weight_positive', sql`${t.unitWeightGrams} IS NULL OR ${t.unitWeightGrams} > 0`),
  ],
);
export type OfferItem = typeof offerItems.$inferSelect;

export const reservations = pgTable(
  'reservations',
  {
    id: id(),
    customerId: telegramId('customer_id')
      .notNull()
      .references(() => users.id),
    offerId: bigint('offer_id', { mode: 'number' })
      .notNull()
      .references(() => offers.id),
    itemId: bigint('item_id', { mode: 'number' })
      .notNull()
      .references(() => offerItems.id),
    quantity: integer('quantity').notNull(),
    unitPrice: integer('unit_price').notNull(),
    currency: text('currency').notNull(),
    pickupCode: text('pickup_code').notNull(),
    /**
     * Which of the customer's reservation slots (1…cap) this one holds while it is `reserved`. The partial
     * unique index below makes the cap hold under concurrency: two reservations racing for the same free
     * slot can't both commit, and the loser re-reads a fresh snapshot on its retry.
     */
    slot: smallint('slot').notNull().default(1),
    status: reservationStatus('status').notNull().default('reserved'),
    // Issue 15: when the venue confirmed the pickup; it can be undone for a few minutes after.
    pickedUpAt: timestamp('picked_up_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('reservations_customer_idx').on(t.customerId, t.status),
    index('reservations_offer_idx').on(t.offerId, t.status),
    // Issue 16: /stats reads a period of reservations from this index alone (an index-only scan).
    index('reservations_created_idx').on(
      t.createdAt,
      t.itemId,
      t.customerId,
      t.status,
      t.quantity,
      t.unitPrice,
    ),
    // A code identifies one live reservation: the venue types it at the counter.
    // Live = reserved or pending_payment (issue 18), named by exclusion: migration 0009 adds the value in the
    // same transaction that rebuilds these indexes, where Postgres can't use it yet.
    uniqueIndex('reservations_live_code_uq')
      .on(t.pickupCode)
      .where(sql`${t.status} not in ('picked_up', 'cancelled', 'no_show')`),
    uniqueIndex('reservations_live_slot_uq')
      .on(t.customerId, t.slot)
      .where(sql`${t.status} not in ('picked_up', 'cancelled', 'no_show')`),
    check('reservations_quantity_positive', sql`${t.quantity} > 0`),
    check('reservations_slot_range', sql`${t.slot} BETWEEN 1 AND 10`),
  ],
);
export type Reservation = typeof reservations.$inferSelect;

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    actorId: telegramId('actor_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: bigint('entity_id', { mode: 'number' }),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId, t.createdAt)],
);
export type AuditEntry = typeof auditLog.$inferSelect;

/**
 * Idempotency records (Stripe's model): every write a person triggers carries a key derived from what was
 * pressed or sent, stored with its outcome in the same statement as the write. A retry of the same press or
 * message finds the record and gets the first outcome back instead of a second effect.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    key: text('key').primaryKey(),
    userId: telegramId('user_id').notNull(),
    outcome: jsonb('outcome').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('idempotency_keys_created_idx').on(t.createdAt)],
);

export const noticeStatus = pgEnum('notice_status', ['pending', 'sent', 'blocked', 'failed']);

/**
 * The outbox: messages that must reach someone because of a committed change (a pickup code, a new
 * reservation for the venue, a withdrawal…), written in the same statement as the change. They are sent
 * right after the reply, and whatever is still pending is retried by a job and by the sweep. One row per
 * (reservation, kind): the unique index is the dedupe key, so no change is announced twice.
 */
export const notices = pgTable(
  'notices',
  {
    id: id(),
    recipientId: telegramId('recipient_id').notNull(),
    kind: text('kind').notNull(),
    // Issue 15: a notice is about one reservation or (the end-of-window summary) about a whole offer.
    reservationId: bigint('reservation_id', { mode: 'number' }).references(() => reservations.id),
    offerId: bigint('offer_id', { mode: 'number' }).references(() => offers.id),
    status: noticeStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Whoever wrote the notice owns its first delivery until then; retries only take it afterwards. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }).notNull(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('notices_reservation_kind_uq').on(t.reservationId, t.kind),
    uniqueIndex('notices_offer_kind_uq').on(t.offerId, t.kind).where(sql`${t.offerId} IS NOT NULL`),
    check('notices_one_subject', sql`(${t.reservationId} IS NULL) <> (${t.offerId} IS NULL)`),
    index('notices_pending_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
  ],
);
export type Notice = typeof notices.$inferSelect;

// ─── Issue 15: venues run their day in chat (staff, invites, recurring drops) ───────────────────────────────────

/**
 * What someone may do for a venue. The owner is `venues.owner_id` (one place, as before); everyone else who works
 * there is a membership. lib/marketplace/venue-access.ts is the one place that turns roles into permissions.
 */
export const venueRole = pgEnum('venue_role', ['owner', 'staff']);

export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    venueId: bigint('venue_id', { mode: 'number' })
      .notNull()
      .references(() => venues.id),
    userId: telegramId('user_id')
      .notNull()
      .references(() => users.id),
    role: venueRole('role').notNull().default('staff'),
    addedBy: telegramId('added_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // One venue per account, as for owners: a staff member's /reservations has one answer.
    uniqueIndex('memberships_user_uq').on(t.userId),
    index('memberships_venue_idx').on(t.venueId),
    check('memberships_staff_only', sql`${t.role} = 'staff'`),
  ],
);
export type Membership = typeof memberships.$inferSelect;

/** A one-time invite link to join a venue's staff; only the token's hash is stored. */
export const staffInvites = pgTable(
  'staff_invites',
  {
    tokenHash: text('token_hash').primaryKey(),
    venueId: bigint('venue_id', { mode: 'number' })
      .notNull()
      .references(() => venues.id),
    createdBy: telegramId('created_by').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedBy: telegramId('used_by'),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('staff_invites_venue_idx').on(t.venueId, t.createdAt)],
);

export const dropStatus = pgEnum('drop_status', ['active', 'stopped']);

/** One item of a drop's snapshot, as `drops.items` keeps it. */
export interface DropItem {
  name: string;
  originalPrice: number;
  price: number;
  quantity: number;
  unitWeightGrams: number | null;
}

/**
 * A recurring drop: a snapshot of an offer (title, items, photo) that the `publish-drop` job publishes on the
 * chosen weekdays (bit 0 = Sunday … bit 6 = Saturday) at `publish_at`, for the window `window_start`–`window_end`
 * (minutes after local midnight in TIMEZONE), until stopped. `next_run_at` is the next publication; a run only
 * happens while it still equals the time the job was scheduled for, so a redelivered job publishes nothing twice.
 */
export const drops = pgTable(
  'drops',
  {
    id: id(),
    venueId: bigint('venue_id', { mode: 'number' })
      .notNull()
      .references(() => venues.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    photoFileId: text('photo_file_id'),
    items: jsonb('items').$type<DropItem[]>().notNull(),
    weekdays: smallint('weekdays').notNull(),
    windowStart: smallint('window_start').notNull(),
    windowEnd: smallint('window_end').notNull(),
    publishAt: smallint('publish_at').notNull(),
    status: dropStatus('status').notNull().default('active'),
    nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
    createdBy: telegramId('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('drops_due_idx').on(t.nextRunAt).where(sql`${t.status} = 'active'`),
    index('drops_venue_idx').on(t.venueId, t.status),
    check('drops_weekdays_range', sql`${t.weekdays} BETWEEN 1 AND 127`),
    check(
      'drops_window_order',
      sql`0 <= ${t.windowStart} AND ${t.windowStart} < ${t.windowEnd} AND ${t.windowEnd} <= 1440`,
    ),
    check('drops_publish_before_end', sql`0 <= ${t.publishAt} AND ${t.publishAt} < ${t.windowEnd}`),
    check('drops_items_count', sql`jsonb_array_length(${t.items}) BETWEEN 1 AND 10`),
  ],
);
export type Drop = typeof drops.$inferSelect;

// ─── Issue 14: customers come back (follows, deal alerts, saved searches, ratings, strikes, channel posts) ─────────

/** A customer follows a venue: its newly published offers reach them as deal alerts. */
export const follows = pgTable(
  'follows',
  {
    customerId: telegramId('customer_id')
      .notNull()
      .references(() => users.id),
    venueId: bigint('venue_id', { mode: 'number' })
      .notNull()
      .references(() => venues.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.venueId] }), index('follows_venue_idx').on(t.venueId)],
);
export type Follow = typeof follows.$inferSelect;

/**
 * What a customer wants of deal alerts: muted or not, and quiet hours (minutes after local midnight; equal start and
 * end means none). No row means the defaults: deal alerts on, quiet 22:00–08:00.
 */
export const dealAlertSettings = pgTable(
  'deal_alert_settings',
  {
    userId: telegramId('user_id')
      .primaryKey()
      .references(() => users.id),
    muted: boolean('muted').notNull().default(false),
    quietStart: smallint('quiet_start').notNull().default(1320),
    quietEnd: smallint('quiet_end').notNull().default(480),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      'deal_alert_settings_quiet_range',
      sql`${t.quietStart} BETWEEN 0 AND 1439 AND ${t.quietEnd} BETWEEN 0 AND 1439`,
    ),
  ],
);

/** "Tell me when there's something within 2 km, under €5": one per customer, at a point they shared. */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: id(),
    customerId: telegramId('customer_id')
      .notNull()
      .references(() => users.id),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    radiusM: integer('radius_m').notNull(),
    /** The most an item may cost (minor units); null for any price. */
    maxPrice: integer('max_price'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('saved_searches_customer_uq').on(t.customerId),
    check('saved_searches_lat_range', sql`${t.latitude} BETWEEN -90 AND 90`),
    check('saved_searches_lon_range', sql`${t.longitude} BETWEEN -180 AND 180`),
    check('saved_searches_radius_range', sql`${t.radiusM} BETWEEN 100 AND 50000`),
    check('saved_searches_max_price_positive', sql`${t.maxPrice} IS NULL OR ${t.maxPrice} > 0`),
  ],
);
export type SavedSearch = typeof savedSearches.$inferSelect;

/** One row per published offer whose deal alerts were written: the fan-out happens once, whoever runs it. */
export const dealAlertFanouts = pgTable('deal_alert_fanouts', {
  offerId: bigint('offer_id', { mode: 'number' })
    .primaryKey()
    .references(() => offers.id),
  recipients: integer('recipients').notNull(),
  createdAt: createdAt(),
});

export const dealAlertStatus = pgEnum('deal_alert_status', [
  'pending',
  'sent',
  'blocked',
  'failed',
  'skipped',
]);

/**
 * The deal alerts outbox: one row per (offer, recipient), written by the fan-out and claimed in batches by the
 * `fan-out-deal-alerts` job, so nobody hears of one offer twice. A saved search deal alerts a customer of a venue at most
 * once per local day (the partial unique index). `skipped`: muted meanwhile, or the offer ended first.
 */
export const dealAlerts = pgTable(
  'deal_alerts',
  {
    id: id(),
    offerId: bigint('offer_id', { mode: 'number' })
      .notNull()
      .references(() => offers.id),
    venueId: bigint('venue_id', { mode: 'number' })
      .notNull()
      .references(() => venues.id),
    recipientId: telegramId('recipient_id').notNull(),
    reason: text('reason').notNull(),
    /** The day (in TIMEZONE) the offer was published; a saved search deal alerts once per venue and day. */
    localDay: date('local_day', { mode: 'string' }).notNull(),
    /** How far the venue is from the saved search's point, for the deal alert's words; null for follows. */
    distanceM: integer('distance_m'),
    status: dealAlertStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }).notNull(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('deal_alerts_offer_recipient_uq').on(t.offerId, t.recipientId),
    uniqueIndex('deal_alerts_search_daily_uq')
      .on(t.recipientId, t.venueId, t.localDay)
      .where(sql`${t.reason} = 'search'`),
    index('deal_alerts_due_idx').on(t.offerId, t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    check('deal_alerts_reason', sql`${t.reason} IN ('follow', 'search')`),
  ],
);
export type DealAlert = typeof dealAlerts.$inferSelect;

/** A customer's rating of one collected reservation: once per reservation, editable for 24 hours. */
export const ratings = pgTable(
  'ratings',
  {
    id: id(),
    reservationId: bigint('reservation_id', { mode: 'number' })
      .notNull()
      .references(() => reservations.id),
    customerId: telegramId('customer_id').notNull(),
    venueId: bigint('venue_id', { mode: 'number' })
      .notNull()
      .references(() => venues.id),
    stars: smallint('stars').notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('ratings_reservation_uq').on(t.reservationId),
    index('ratings_venue_idx').on(t.venueId, t.createdAt),
    check('ratings_stars_range', sql`${t.stars} BETWEEN 1 AND 5`),
    check('ratings_comment_length', sql`${t.comment} IS NULL OR char_length(${t.comment}) <= 500`),
  ],
);
export type Rating = typeof ratings.$inferSelect;

/**
 * A no-show, as it counts against the customer. Written when an expired offer's reservations are settled:
 * counted at once when the venue confirmed a pickup of that day's offers, otherwise held (`decided_at` null)
 * until the venue says whether the customer came. Three counted within 30 days cap the customer at one live
 * reservation for 14 days after the last (`missed_at`, the end of the pickup window).
 */
export const strikes = pgTable(
  'strikes',
  {
    reservationId: bigint('reservation_id', { mode: 'number' })
      .primaryKey()
      .references(() => reservations.id),
    customerId: telegramId('customer_id').notNull(),
    venueId: bigint('venue_id', { mode: 'number' })
      .notNull()
      .references(() => venues.id),
    missedAt: timestamp('missed_at', { withTimezone: true }).notNull(),
    counted: boolean('counted').notNull().default(false),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('strikes_customer_idx').on(t.customerId, t.missedAt)],
);
export type Strike = typeof strikes.$inferSelect;

/**
 * An offer's post in the public channel (CHANNEL_ID), and what it shows ('live', 'sold_out', 'paused',
 * 'ended'), so the `channel-post` job edits it only when the offer changed. `claimed_until` keeps two runs from
 * posting the same offer twice.
 */
export const channelPosts = pgTable('channel_posts', {
  offerId: bigint('offer_id', { mode: 'number' })
    .primaryKey()
    .references(() => offers.id),
  chatId: text('chat_id').notNull(),
  messageId: integer('message_id'),
  shown: text('shown').notNull(),
  hasPhoto: boolean('has_photo').notNull().default(false),
  claimedUntil: timestamp('claimed_until', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

// ─── Issue 18: pay in chat (optional): Telegram Payments with Stripe, refunds ──────────────────────────────────────

export const paymentState = pgEnum('payment_state', ['awaiting', 'paid', 'expired']);

/**
 * One invoice per reservation paid online (docs/payments.md). Written with the `pending_payment` hold; its payload
 * is the reservation's idempotency key. `awaiting` until Telegram's successful_payment (`paid`, with both charge
 * ids) or until the hold lapses unpaid (`expired`, the units back on sale). A late payment is still recorded as
 * `paid` (Telegram took the money) and refunded when the units are gone.
 */
export const payments = pgTable(
  'payments',
  {
    reservationId: bigint('reservation_id', { mode: 'number' })
      .primaryKey()
      .references(() => reservations.id),
    customerId: telegramId('customer_id').notNull(),
    invoicePayload: text('invoice_payload').notNull(),
    /** Minor units, the invoice's total; pre-checkout and successful_payment must match it. */
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    holdUntil: timestamp('hold_until', { withTimezone: true }).notNull(),
    state: paymentState('state').notNull().default('awaiting'),
    invoiceMessageId: integer('invoice_message_id'),
    telegramPaymentChargeId: text('telegram_payment_charge_id'),
    providerPaymentChargeId: text('provider_payment_charge_id'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('payments_payload_uq').on(t.invoicePayload),
    // A duplicate successful_payment (same charge) changes nothing.
    uniqueIndex('payments_telegram_charge_uq').on(t.telegramPaymentChargeId),
    index('payments_awaiting_idx').on(t.holdUntil).where(sql`${t.state} = 'awaiting'`),
    check('payments_amount_positive', sql`${t.amount} > 0`),
    check(
      'payments_paid_has_charge',
      sql`(${t.state} = 'paid') = (${t.telegramPaymentChargeId} IS NOT NULL)`,
    ),
  ],
);
export type Payment = typeof payments.$inferSelect;

export const refundState = pgEnum('refund_state', ['requested', 'succeeded', 'failed']);

/**
 * The refunds outbox: one row per charge to give back, written in the same statement as the cancellation,
 * withdrawal or late payment that owes it, and delivered to Stripe by the `refund` job and the sweep with the
 * Idempotency-Key `refund:<telegram charge id>`. Retried with backoff until Stripe answers; a definite refusal
 * is `failed` (the runbook says what to do).
 */
export const refunds = pgTable(
  'refunds',
  {
    id: id(),
    reservationId: bigint('reservation_id', { mode: 'number' })
      .notNull()
      .references(() => reservations.id),
    customerId: telegramId('customer_id').notNull(),
    telegramPaymentChargeId: text('telegram_payment_charge_id').notNull(),
    providerPaymentChargeId: text('provider_payment_charge_id').notNull(),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    /** cancelled (by the customer, in time), withdrawn (by the venue or an admin), late_payment, duplicate_charge. */
    reason: text('reason').notNull(),
    state: refundState('state').notNull().default('requested'),
    attempts: integer('attempts').notNull().default(0),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }).notNull(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    stripeRefundId: text('stripe_refund_id'),
    lastError: text('last_error'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('refunds_charge_uq').on(t.telegramPaymentChargeId),
    index('refunds_reservation_idx').on(t.reservationId),
    index('refunds_due_idx').on(t.nextAttemptAt).where(sql`${t.state} = 'requested'`),
    check('refunds_amount_positive', sql`${t.amount} > 0`),
    check(
      'refunds_reason',
      sql`${t.reason} IN ('cancelled', 'withdrawn', 'late_payment', 'duplicate_charge')`,
    ),
  ],
);
export type Refund = typeof refunds.$inferSelect;
