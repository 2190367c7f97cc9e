import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reservations, strikes } from '../db/schema.js';
import { runJobByName } from '../lib/jobs/registry.js';
import { cancelReservation } from '../lib/marketplace/cancel-reservation.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { createTestApp, manualClock, type TestApp } from './support/app.js';
import { answerTo, buttonFor, lastScreen, screens, shown, trackMessages } from './support/chat.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, people, textUpdate } from './support/updates.js';

const DAY = 86_400_000;

/** No-shows count as strikes; three within 30 days limit a customer to one reservation for 14 days. */
describe(`no-show strikes (${storeLabel})`, () => {
  const clock = manualClock(new Date('2030-06-03T09:00:00Z'));
  let app: TestApp;
  let messages: ReturnType<typeof trackMessages>;
  let venue: Awaited<ReturnType<typeof verifiedVenue>>;
  let owner: Person;
  const alice = people.alice;
  const bob = people.bob;
  const regular = { id: 1009, firstName: 'Regular' };

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' }, { clock });
    messages = trackMessages(app);
    venue = await verifiedVenue(app.deps.db, { name: 'Strict Bakery' });
    owner = { id: venue.ownerId, first_name: 'Owner' };
  });
  afterAll(() => app.close());

  const reserveAt = async (offerId: number, itemId: number, customer: { id: number; firstName: string }) =>
    reserve(app.deps.db, {
      idempotencyKey: newKey(),
      customer,
      offerId,
      itemId,
      quantity: 1,
      currency: 'EUR',
      now: clock.now(),
    });

  /** A day at the venue: `who` reserves and never comes; a regular's pickup is confirmed; the window ends. */
  async function missedDay(who: { id: number; firstName: string }, ownerId = owner.id, regularComes = true) {
    const offer = await liveOffer(app.deps.db, ownerId, { now: clock.now(), hours: 2 });
    const itemId = offer.items[0]!.id;
    await reserveAt(offer.id, itemId, who);
    if (regularComes) {
      const picked = await reserveAt(offer.id, itemId, regular);
      await app.deliver(textUpdate({ id: ownerId, first_name: 'Owner' }, `/pickup ${picked.pickupCode}`));
    }
    clock.advance(2 * 3_600_000);
    await runJobByName(app.deps, app.runtime.bot.telegram, 'expire-offer', { offerId: offer.id });
    return offer;
  }

  const told = (person: Person, what: RegExp) => screens(app, person.id).filter((c) => what.test(shown(c)));

  it('counts a no-show as a strike when the venue confirmed a pickup that day, and says the rule', async () => {
    await missedDay({ id: alice.id, firstName: 'Alice' });
    const rows = await app.deps.db.select().from(strikes).where(eq(strikes.customerId, alice.id));
    expect(rows.map((r) => r.counted)).toEqual([true]);
    expect(told(alice, /not collected/)).toHaveLength(1);
    expect(shown(told(alice, /not collected/)[0])).toMatch(/Missing 3 pickups within 30 days/);
  });

  it('counts neither a pickup nor a cancellation', async () => {
    const offer = await liveOffer(app.deps.db, owner.id, { now: clock.now(), hours: 2 });
    const itemId = offer.items[0]!.id;
    const kept = await reserveAt(offer.id, itemId, { id: bob.id, firstName: 'Bob' });
    await app.deliver(textUpdate(owner, `/pickup ${kept.pickupCode}`));
    const dropped = await reserveAt(offer.id, itemId, { id: bob.id, firstName: 'Bob' });
    await cancelReservation(app.deps.db, {
      idempotencyKey: newKey(),
      reservationId: dropped.reservationId,
      customerId: bob.id,
      now: clock.now(),
    });
    clock.advance(2 * 3_600_000);
    await runJobByName(app.deps, app.runtime.bot.telegram, 'expire-offer', { offerId: offer.id });
    expect(await app.deps.db.select().from(strikes).where(eq(strikes.customerId, bob.id))).toEqual([]);
  });

  it('limits the customer to one reservation at the third strike within 30 days, and says until when', async () => {
    clock.advance(DAY);
    await missedDay({ id: alice.id, firstName: 'Alice' });
    clock.advance(DAY);
    const third = await missedDay({ id: alice.id, firstName: 'Alice' });
    const [limited] = told(alice, /You can hold 1 reservation at a time until/);
    expect(limited).toBeDefined();
    const until = new Date(third.pickupEnd.getTime() + 14 * DAY);
    expect(shown(limited)).toContain(
      until.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }),
    );
  });

  it('refuses a second live reservation while limited, with the reason and the end', async () => {
    const offer = await liveOffer(app.deps.db, owner.id, { now: clock.now(), hours: 5 });
    const itemId = offer.items[0]!.id;
    await reserveAt(offer.id, itemId, { id: alice.id, firstName: 'Alice' });
    await app.deliver(callbackUpdate(alice, `buy:qty:${offer.id}:${itemId}:1`));
    const confirm = buttonFor(app, alice.id, 'buy:confirm')!;
    const update = callbackUpdate(
      alice,
      confirm.callback_data!,
      messages.messageWith(alice.id, 'buy:confirm'),
    );
    await app.deliver(update);
    const answer = answerTo(app, (update as { callback_query: { id: string } }).callback_query.id);
    expect(String(answer?.params.text)).toMatch(
      /missed 3 pickups in 30 days, so until .* you can hold 1 reservation/,
    );
    const live = await app.deps.db.select().from(reservations).where(eq(reservations.customerId, alice.id));
    expect(live.filter((r) => r.status === 'reserved')).toHaveLength(1);
  });

  it('releases the limit 14 days after the last missed pickup', async () => {
    clock.advance(15 * DAY);
    const offer = await liveOffer(app.deps.db, owner.id, { now: clock.now(), hours: 5 });
    const itemId = offer.items[0]!.id;
    await reserveAt(offer.id, itemId, { id: alice.id, firstName: 'Alice' });
    await reserveAt(offer.id, offer.items[1]!.id, { id: alice.id, firstName: 'Alice' });
    const live = await app.deps.db.select().from(reservations).where(eq(reservations.customerId, alice.id));
    expect(live.filter((r) => r.status === 'reserved').length).toBeGreaterThanOrEqual(2);
  });

  describe('when the venue confirmed no pickup that day', () => {
    const carol = { id: 1003, first_name: 'Carol' };
    const dan = { id: 1004, first_name: 'Dan' };

    it('tells the customer nothing and asks the venue whether they came', async () => {
      clock.advance(DAY);
      await missedDay({ id: carol.id, firstName: 'Carol' }, owner.id, false);
      expect(told(carol, /not collected/)).toEqual([]);
      expect(shown(lastScreen(app, owner.id))).toMatch(/Did Carol pick this up\?/);
      const [strike] = await app.deps.db.select().from(strikes).where(eq(strikes.customerId, carol.id));
      expect(strike).toMatchObject({ counted: false, decidedAt: null });
    });

    it('refuses another venue’s answer and changes nothing', async () => {
      const other = await verifiedVenue(app.deps.db);
      const button = buttonFor(app, owner.id, 'noshow:missed')!;
      const update = callbackUpdate({ id: other.ownerId, first_name: 'Other' }, button.callback_data!);
      await app.deliver(update);
      const answer = answerTo(app, (update as { callback_query: { id: string } }).callback_query.id);
      expect(String(answer?.params.text)).toMatch(/isn’t waiting for your answer/);
      const [strike] = await app.deps.db.select().from(strikes).where(eq(strikes.customerId, carol.id));
      expect(strike!.decidedAt).toBeNull();
    });

    it('counts the strike and tells the customer when the venue says they didn’t come', async () => {
      const button = buttonFor(app, owner.id, 'noshow:missed')!;
      await app.deliver(
        callbackUpdate(owner, button.callback_data!, messages.messageWith(owner.id, 'noshow:missed')),
      );
      const [strike] = await app.deps.db.select().from(strikes).where(eq(strikes.customerId, carol.id));
      expect(strike!.counted).toBe(true);
      expect(told(carol, /not collected/)).toHaveLength(1);
    });

    it('keeps the first answer when the venue taps again', async () => {
      const button = buttonFor(app, owner.id, 'noshow:collected');
      await app.deliver(callbackUpdate(owner, button!.callback_data!));
      const [strike] = await app.deps.db.select().from(strikes).where(eq(strikes.customerId, carol.id));
      expect(strike!.counted).toBe(true);
    });

    it('turns the no-show into a pickup, with no strike, when the venue says they came', async () => {
      clock.advance(DAY);
      await missedDay({ id: dan.id, firstName: 'Dan' }, owner.id, false);
      const button = buttonFor(app, owner.id, 'noshow:collected')!;
      await app.deliver(
        callbackUpdate(owner, button.callback_data!, messages.messageWith(owner.id, 'noshow:collected')),
      );
      const [row] = await app.deps.db.select().from(reservations).where(eq(reservations.customerId, dan.id));
      expect(row!.status).toBe('picked_up');
      const [strike] = await app.deps.db.select().from(strikes).where(eq(strikes.customerId, dan.id));
      expect(strike!.counted).toBe(false);
      expect(shown(lastScreen(app, dan.id))).toMatch(/How was it\?/);
    });
  });
});
