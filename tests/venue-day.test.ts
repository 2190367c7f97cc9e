import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerItems, offers, reservations } from '../db/schema.js';
import { runJobByName } from '../lib/jobs/registry.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { createTestApp, manualClock, type TestApp } from './support/app.js';
import { buttonsOf, lastScreen, screens, shown, tapButton, trackMessages } from './support/chat.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { storeLabel } from './support/stores.js';
import { type Person, people, textUpdate } from './support/updates.js';

/**
 * A venue's day through the bot's update surface: who is coming, pickups (and taking one back), safe buttons,
 * repeating an offer, moving its window, and the summary once the window is over.
 */
describe(`a venue's day (${storeLabel})`, () => {
  let app: TestApp;
  let messages: ReturnType<typeof trackMessages>;
  let owner: Person;
  // 11:00 in Berlin.
  const clock = manualClock(new Date('2026-12-01T10:00:00Z'));
  const { alice, bob } = people;

  beforeAll(async () => {
    app = await createTestApp(
      { TIMEZONE: 'Europe/Berlin', RATE_LIMIT_MAX_REQUESTS: '1000' },
      { qstash: true, clock },
    );
    messages = trackMessages(app);
    const venue = await verifiedVenue(app.deps.db, { name: 'Olga’s Bakery' });
    owner = { id: venue.ownerId, first_name: 'Olga' };
  });
  afterAll(() => app.close());

  const say = (person: Person, text: string) => app.deliver(textUpdate(person, text));
  /** Taps the newest button with this prefix, on the message that carries it. */
  const tap = (person: Person, prefix: string) => tapButton(app, messages, person, prefix);
  const lastText = (person: Person) => shown(lastScreen(app, person.id));
  const lastToast = () => String(app.telegram.callsTo('answerCallbackQuery').at(-1)?.params.text ?? '');
  const sentTo = (person: Person) => screens(app, person.id).map(shown);
  const book = async (person: Person, offerId: number, itemId: number, quantity: number) =>
    reserve(app.deps.db, {
      idempotencyKey: newKey(),
      customer: { id: person.id, firstName: person.first_name },
      offerId,
      itemId,
      quantity,
      currency: 'EUR',
      now: clock.now(),
    });
  const statusOf = async (reservationId: number) =>
    (await app.deps.db.select().from(reservations).where(eq(reservations.id, reservationId)))[0]!.status;
  const offerRow = async (offerId: number) =>
    (await app.deps.db.select().from(offers).where(eq(offers.id, offerId)))[0]!;

  describe('who is coming', () => {
    let offerId: number;
    let aliceBooking: Awaited<ReturnType<typeof book>>;
    let bobBooking: Awaited<ReturnType<typeof book>>;

    beforeAll(async () => {
      const offer = await liveOffer(app.deps.db, owner.id, { now: clock.now(), title: 'Lunch rescue bag' });
      offerId = offer.id;
      aliceBooking = await book(alice, offer.id, offer.items[0]!.id, 2);
      bobBooking = await book(bob, offer.id, offer.items[1]!.id, 1);
    });

    it('lists today’s offers with what is left to collect and the cash expected', async () => {
      await say(owner, '/reservations');
      expect(lastText(owner)).toContain('Lunch rescue bag');
      expect(lastText(owner)).toContain('To collect: <b>2 reservations</b> (3 units, €12.00)');
    });

    it('shows each reservation with the customer’s name, item and code', async () => {
      await tap(owner, `desk:offer:${offerId}:`);
      const text = lastText(owner);
      expect(text).toContain(`Alice — 2 × Bread bag · <code>${aliceBooking.pickupCode}</code>`);
      expect(text).toContain(`Bob — 1 × Pastry box · <code>${bobBooking.pickupCode}</code>`);
    });

    it('confirms a pickup from the list and counts it as collected', async () => {
      await tap(owner, `desk:pickup:${aliceBooking.reservationId}:`);
      expect(await statusOf(aliceBooking.reservationId)).toBe('picked_up');
      expect(lastText(owner)).toContain('✅ Collected: <b>1</b> (€7.00 taken)');
      expect(sentTo(alice).at(-1)).toContain('Enjoy your Bread bag');
    });

    it('undoes a pickup within ten minutes and tells the customer the reservation is open again', async () => {
      clock.advance(5 * 60_000);
      await tap(owner, `desk:undo:${aliceBooking.reservationId}:`);
      expect(await statusOf(aliceBooking.reservationId)).toBe('reserved');
      expect(sentTo(alice).at(-1)).toContain('undid it. It is open again');
      expect(lastText(owner)).toContain('To collect: <b>2 reservations</b>');
    });

    it('refuses to undo a pickup confirmed more than ten minutes ago', async () => {
      await say(owner, `/pickup ${aliceBooking.pickupCode}`);
      clock.advance(11 * 60_000);
      await tap(owner, 'reservation:undo:');
      expect(lastToast()).toContain('within 10 minutes');
      expect(await statusOf(aliceBooking.reservationId)).toBe('picked_up');
    });

    it('marks a no-show once the window has started and puts the units back on sale', async () => {
      await tap(owner, `desk:offer:${offerId}:`);
      await tap(owner, `desk:noshow:${bobBooking.reservationId}:`);
      expect(await statusOf(bobBooking.reservationId)).toBe('no_show');
      const items = await app.deps.db.select().from(offerItems).where(eq(offerItems.offerId, offerId));
      expect(items.find((i) => i.name === 'Pastry box')!.quantityAvailable).toBe(3);
      expect(sentTo(bob).at(-1)).toContain('as not picked up');
    });
  });

  describe('safe buttons', () => {
    let offerId: number;

    beforeAll(async () => {
      const offer = await liveOffer(app.deps.db, owner.id, { now: clock.now(), title: 'Soup night' });
      offerId = offer.id;
      await book(alice, offer.id, offer.items[0]!.id, 1);
      await book(bob, offer.id, offer.items[0]!.id, 1);
      await say(owner, '/myoffers');
      await tap(owner, `offer:manage:${offerId}`);
    });

    it('asks before marking sold out, saying what comes off sale and who keeps their reservation', async () => {
      await tap(owner, `offer:soldout:${offerId}`);
      expect(lastText(owner)).toContain(
        'The 5 units still for sale come off sale. 2 customers hold reservations and keep them.',
      );
      expect((await offerRow(offerId)).status).toBe('active');
    });

    it('shows the card again unchanged when the owner keeps selling', async () => {
      await tap(owner, `offer:manage:${offerId}`);
      expect(lastText(owner)).toContain('Soup night');
      expect((await offerRow(offerId)).status).toBe('active');
    });

    it('asks before withdrawing, saying how many holders will be told', async () => {
      await tap(owner, `offer:withdraw:${offerId}`);
      expect(lastText(owner)).toContain('2 customers hold reservations and will be told');
      expect((await offerRow(offerId)).status).toBe('active');
    });

    it('withdraws on "yes" and reports how many holders were told', async () => {
      await tap(owner, `offer:confirm:withdraw:${offerId}`);
      expect((await offerRow(offerId)).status).toBe('withdrawn');
      expect(lastToast()).toBe('✖️ Withdrawn. 2 customers holding reservations were told.');
      expect(sentTo(alice).at(-1)).toContain('withdrew <b>Soup night</b>');
      expect(sentTo(bob).at(-1)).toContain('withdrew <b>Soup night</b>');
    });

    it('leaves the answered question without the buttons that no longer fit', async () => {
      const card = lastScreen(app, owner.id);
      const kinds = buttonsOf(card).map((b) => b.callback_data);
      expect(shown(card)).toContain('Withdrawn. 2 customers');
      expect(kinds.some((k) => k?.startsWith('offer:confirm'))).toBe(false);
      expect(kinds.some((k) => k?.startsWith('offer:withdraw') || k?.startsWith('offer:pause'))).toBe(false);
    });
  });

  describe('repeat, edit, publish', () => {
    let draftId: number;
    let sourceId: number;

    beforeAll(async () => {
      const source = await liveOffer(app.deps.db, owner.id, { now: clock.now(), title: 'Bread basket' });
      sourceId = source.id;
      await say(owner, '/myoffers');
      await tap(owner, `offer:manage:${sourceId}`);
    });

    it('repeats an offer as a draft with the same title and items, picked up at the same time on the next day', async () => {
      await tap(owner, `offer:repeat:${sourceId}`);
      const all = await app.deps.db.select().from(offers).where(eq(offers.title, 'Bread basket'));
      const created = all.find((o) => o.id !== sourceId)!;
      draftId = created.id;
      const source = await offerRow(sourceId);
      expect(created.status).toBe('draft');
      expect(created.pickupStart.getTime() - source.pickupStart.getTime()).toBe(24 * 3_600_000);
      const items = await app.deps.db.select().from(offerItems).where(eq(offerItems.offerId, draftId));
      expect(items.map((i) => [i.name, i.quantityTotal])).toEqual([
        ['Bread bag', 4],
        ['Pastry box', 3],
      ]);
      expect(lastText(owner)).toContain(`Draft #${draftId} is ready`);
    });

    it('edits the draft’s title from its card', async () => {
      await tap(owner, `offer:edit:${draftId}`);
      await tap(owner, 'edit:field:title');
      await say(owner, 'Bread basket (Tuesday)');
      await tap(owner, 'edit:field:done');
      expect((await offerRow(draftId)).title).toBe('Bread basket (Tuesday)');
    });

    it('publishes the edited draft', async () => {
      await tap(owner, `offer:publish:${draftId}`);
      expect((await offerRow(draftId)).status).toBe('active');
    });
  });

  describe('moving the pickup window', () => {
    let offerId: number;

    beforeAll(async () => {
      const offer = await liveOffer(app.deps.db, owner.id, { now: clock.now(), title: 'Cake slices' });
      offerId = offer.id;
      await book(alice, offer.id, offer.items[0]!.id, 1);
      await say(owner, `/edit ${offerId}`);
      await tap(owner, 'edit:field:window');
    });
    afterAll(() => tap(owner, 'edit:field:done'));

    it('says before the change how many holders will be told', () => {
      expect(lastText(owner)).toContain('The customer holding a reservation will be told');
    });

    it('tells every holder the new window', async () => {
      await say(owner, 'tomorrow 18:00-20:00');
      expect(sentTo(alice).at(-1)).toContain(
        'moved the pickup time of <b>Cake slices</b>: it is now <b>tomorrow 18:00–20:00</b>',
      );
      expect(lastText(owner)).toContain('Pickup time changed. The customer holding a reservation was told.');
    });

    it('schedules the expiry for the new end of the window', async () => {
      const offer = await offerRow(offerId);
      const expiry = app.qstash!.messages.filter((m) => m.destination.endsWith('/expire-offer')).at(-1)!;
      expect(JSON.parse(expiry.body)).toEqual({ offerId });
      expect(expiry.notBefore).toBe(Math.ceil(offer.pickupEnd.getTime() / 1000));
    });
  });

  describe('the end-of-window summary', () => {
    let offerId: number;

    beforeAll(async () => {
      const offer = await liveOffer(app.deps.db, owner.id, {
        now: clock.now(),
        hours: 1,
        title: 'Veggie boxes',
        items: [{ name: 'Veggie box', originalPrice: 1200, price: 400, quantity: 5, unitWeightGrams: 1500 }],
      });
      offerId = offer.id;
      const picked = await book(alice, offer.id, offer.items[0]!.id, 2);
      await book(bob, offer.id, offer.items[0]!.id, 1);
      await say(owner, `/pickup ${picked.pickupCode}`);
    });
    /** The callback QStash delivers at the end of the window (a redelivery runs it again). */
    const expiryCallback = () =>
      runJobByName(app.deps, app.runtime.bot.telegram, 'expire-offer', { offerId });

    it('sends nothing while the window is open', async () => {
      await expiryCallback();
      expect(sentTo(owner).some((t) => t.includes('Veggie boxes') && t.includes('window is over'))).toBe(
        false,
      );
    });

    it('sends the owner what was reserved, collected, not picked up, the cash and the food saved', async () => {
      clock.advance(2 * 3_600_000);
      await expiryCallback();
      const summary = sentTo(owner).find((t) => t.includes('Veggie boxes') && t.includes('window is over'))!;
      expect(summary).toContain('Reserved: <b>2 reservations</b> (3 units)');
      expect(summary).toContain('Collected: <b>1</b> (2 units)');
      expect(summary).toContain('Not picked up: <b>1</b>');
      expect(summary).toContain('Cash taken: <b>€8.00</b>');
      expect(summary).toContain('<b>3 kg</b> of food saved');
    });

    it('sends the summary once however often the job is delivered', async () => {
      await expiryCallback();
      expect(
        sentTo(owner).filter((t) => t.includes('Veggie boxes') && t.includes('window is over')),
      ).toHaveLength(1);
    });
  });
});
