import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payments, reservations } from '../db/schema.js';
import { inLanguage } from '../lib/bot/texts/language.js';
import { reminderTexts } from '../lib/bot/texts/reminders.js';
import type { Database } from '../lib/infra/db.js';
import { confirmPickup } from '../lib/marketplace/confirm-pickup.js';
import { preCheckout, recordPayment, reservationFacts } from '../lib/marketplace/payments.js';
import { HOLD_MS, PRE_CHECKOUT_GRACE_MS } from '../lib/marketplace/pending-payments.js';
import { newPickupCode } from '../lib/marketplace/reservations.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { undoPickup } from '../lib/marketplace/undo-pickup.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { createTestDatabase, storeLabel } from './support/stores.js';

/**
 * Holds awaiting payment beside the rest of a customer's day (issue 18), on one database: Telegram's pre-checkout
 * stretches a hold so a card being charged doesn't lose its units, but only up to the hold's first end plus the
 * grace; an undone pickup finds a slot beside a hold; reminders know a paid reservation from a cash one.
 */
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

/** One unit of the offer's first item for `customerId`: a cash reservation, or a hold until `holdUntil`. */
const place = (
  offer: Awaited<ReturnType<typeof liveOffer>>,
  customerId: number,
  now: Date,
  options: { holdUntil?: Date; key?: string } = {},
) =>
  reserve(database.db, {
    idempotencyKey: options.key ?? newKey(),
    customer: { id: customerId, firstName: 'Dee' },
    offerId: offer.id,
    itemId: offer.items[0]!.id,
    quantity: 1,
    currency: 'EUR',
    now,
    ...(options.holdUntil ? { holdUntil: options.holdUntil } : {}),
  });

/** The invoice of a hold. */
const invoiceOf = async (reservationId: number) =>
  (await database.db.select().from(payments).where(eq(payments.reservationId, reservationId)))[0]!;

describe(`pre-checkout and the hold (${storeLabel})`, () => {
  it('stretches the hold by the grace, never past its first end plus the grace', async () => {
    const start = new Date('2030-06-03T15:00:00Z');
    const at = (ms: number) => new Date(start.getTime() + ms);
    const venue = await verifiedVenue(database.db);
    const offer = await liveOffer(database.db, venue.ownerId, { now: start });
    const key = newKey();
    const customerId = 5_100_001;
    const held = await place(offer, customerId, start, { holdUntil: at(HOLD_MS), key });
    const invoice = await invoiceOf(held.reservationId);
    const checkout = (ms: number) =>
      preCheckout(database.db, {
        payload: key,
        customerId,
        currency: invoice.currency,
        totalAmount: invoice.amount,
        now: at(ms),
      });
    const holdUntil = async () =>
      (
        await database.db.select().from(payments).where(eq(payments.reservationId, held.reservationId))
      )[0]!.holdUntil.getTime() - start.getTime();
    const cap = HOLD_MS + PRE_CHECKOUT_GRACE_MS;

    expect((await checkout(HOLD_MS - 60_000)).verdict).toBe('ok');
    expect(await holdUntil()).toBe(HOLD_MS - 60_000 + PRE_CHECKOUT_GRACE_MS);
    // Another checkout later (a declined card, tried again): stretched up to the cap, not beyond.
    expect((await checkout(HOLD_MS + 30_000)).verdict).toBe('ok');
    expect(await holdUntil()).toBe(cap);
    expect((await checkout(cap - 1_000)).verdict).toBe('ok');
    expect(await holdUntil()).toBe(cap);
    expect((await checkout(cap + 1_000)).verdict).toBe('expired');
  });
});

describe(`undoing a pickup beside a hold (${storeLabel})`, () => {
  it('gives the reservation back a free slot when the customer holds another deal awaiting payment', async () => {
    const now = new Date();
    const venue = await verifiedVenue(database.db);
    const [first, second] = [
      await liveOffer(database.db, venue.ownerId, { now }),
      await liveOffer(database.db, venue.ownerId, { now }),
    ];
    const customer = { id: 5_100_002 };
    const bought = await place(first, customer.id, now);
    await confirmPickup(database.db, {
      idempotencyKey: newKey(),
      actorId: venue.ownerId,
      reservationId: bought.reservationId,
      now,
    });
    // The slot the pickup freed is the hold's now.
    const held = await place(second, customer.id, now, { holdUntil: new Date(now.getTime() + HOLD_MS) });
    expect(held.status).toBe('pending_payment');

    await undoPickup(database.db, {
      idempotencyKey: newKey(),
      actorId: venue.ownerId,
      reservationId: bought.reservationId,
      now,
    });
    const rows = await database.db
      .select()
      .from(reservations)
      .where(eq(reservations.customerId, customer.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(bought.reservationId)!.status).toBe('reserved');
    expect(byId.get(held.reservationId)!.status).toBe('pending_payment');
    expect(byId.get(bought.reservationId)!.slot).not.toBe(byId.get(held.reservationId)!.slot);
  });
});

describe(`pickup reminders of paid reservations (${storeLabel})`, () => {
  it('say “paid online” to a customer who paid in chat, and “pay at pickup” to one who pays cash', async () => {
    const now = new Date();
    const venue = await verifiedVenue(database.db);
    const offer = await liveOffer(database.db, venue.ownerId, { now });
    const cash = await place(offer, 5_100_003, now);
    const held = await place(offer, 5_100_004, now, { holdUntil: new Date(now.getTime() + HOLD_MS) });
    const invoice = await invoiceOf(held.reservationId);
    const paid = await recordPayment(
      database.db,
      {
        payload: invoice.invoicePayload,
        customerId: 5_100_004,
        privateChat: true,
        currency: invoice.currency,
        totalAmount: invoice.amount,
        telegramChargeId: `tg_reminder_${held.reservationId}`,
        providerChargeId: `ch_reminder_${held.reservationId}`,
        now,
      },
      newPickupCode,
    );
    expect(paid.verdict).toBe('confirmed');
    const l = { now, timezone: 'Europe/Berlin', defaultZone: 'Europe/Berlin', currency: 'EUR' };
    const closing = async (reservationId: number, language: 'en' | 'de') => {
      const facts = (await reservationFacts(database.db, reservationId))!;
      return inLanguage(language, () => reminderTexts.closing(facts, l));
    };
    expect(await closing(held.reservationId, 'en')).toContain('paid online ✓');
    expect(await closing(cash.reservationId, 'en')).toContain('pay at pickup');
    expect(await closing(held.reservationId, 'de')).toContain('online bezahlt ✓');
    expect(await closing(cash.reservationId, 'de')).toContain('Bezahlung bei Abholung');
  });
});
