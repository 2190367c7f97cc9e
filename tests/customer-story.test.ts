import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerItems, reservations } from '../db/schema.js';
import { createTestApp, type TestApp } from './support/app.js';
import { buttonFor, lastScreen, screens, shown, tapButton, trackMessages } from './support/chat.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { storeLabel } from './support/stores.js';
import { type Person, people, textUpdate } from './support/updates.js';

/** A customer's evening through the bot's update surface, against the fake Bot API. */
describe(`customer story (${storeLabel})`, () => {
  let app: TestApp;
  let owner: Person;
  let messages: ReturnType<typeof trackMessages>;
  const alice = people.alice;

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' });
    messages = trackMessages(app);
    const venue = await verifiedVenue(app.deps.db, {
      name: 'Olga’s Bakery',
      latitude: 52.52,
      longitude: 13.4,
    });
    owner = { id: venue.ownerId, first_name: 'Olga' };
  });
  afterAll(() => app.close());

  /** Taps the newest button with this prefix, on the message that carries it. */
  const tap = (person: Person, prefix: string) => tapButton(app, messages, person, prefix);
  const stock = async (offerId: number) =>
    (await app.deps.db.select().from(offerItems).where(eq(offerItems.offerId, offerId))).map(
      (i) => i.quantityAvailable,
    );

  // One evening, told in order: each step is one behaviour and builds on the one before.
  let offer: Awaited<ReturnType<typeof liveOffer>>;
  let code: string | undefined;

  it('lists a venue’s published offer in /offers', async () => {
    // The venue publishes (through the domain; the venue story test covers the wizard).
    offer = await liveOffer(app.deps.db, owner.id, { title: 'Evening bread bag' });
    await app.deliver(textUpdate(alice, '/offers'));
    expect(screens(app, alice.id).some((c) => shown(c).includes('Evening bread bag'))).toBe(true);
  });

  it('shows every item of the offer and, on request, the venue on a map', async () => {
    await tap(alice, `offer:view:${offer.id}`);
    const details = screens(app, alice.id).find(
      (c) => shown(c).includes('Bread bag') && shown(c).includes('Pastry box'),
    );
    expect(details).toBeDefined();
    // Issue 17: the card replaces the list it was opened from; the map is a button on it.
    await tap(alice, `offer:map:${offer.id}`);
    expect(app.telegram.callsTo('sendVenue').at(-1)?.params).toMatchObject({
      chat_id: alice.id,
      latitude: 52.52,
    });
  });

  it('reserves two units through item, quantity and confirm, and gives a pickup code', async () => {
    await tap(alice, `buy:item:${offer.id}:${offer.items[0]!.id}`);
    await tap(alice, `buy:qty:${offer.id}:${offer.items[0]!.id}:2`);
    await tap(alice, 'buy:confirm');
    code = shown(lastScreen(app, alice.id)).match(/\b([A-HJ-NP-Z2-9]{6})\b/)?.[1];
    expect(code).toBeDefined();
    expect(await stock(offer.id)).toEqual([2, 3]);
  });

  it('tells the venue who reserved what, with the code and a Picked up button', async () => {
    const order = lastScreen(app, owner.id)!;
    expect(shown(order)).toContain('Alice');
    expect(shown(order)).toContain(code!);
    expect(buttonFor(app, owner.id, 'reservation:pickup')).toBeDefined();
  });

  it('puts the units back on sale when the customer cancels, and tells the venue', async () => {
    await tap(alice, 'reservation:cancel');
    expect(await stock(offer.id)).toEqual([4, 3]);
    expect(shown(lastScreen(app, owner.id))).toMatch(/cancel/i);
  });

  it('reserves again from a shared offer link', async () => {
    await app.deliver(textUpdate(alice, `/start offer_${offer.id}`));
    await tap(alice, `buy:item:${offer.id}:${offer.items[1]!.id}`);
    await tap(alice, `buy:qty:${offer.id}:${offer.items[1]!.id}:1`);
    await tap(alice, 'buy:confirm');
    expect(await stock(offer.id)).toEqual([4, 2]);
  });

  it('thanks the customer when the venue confirms the pickup', async () => {
    await tap(owner, 'reservation:pickup');
    const rows = await app.deps.db.select().from(reservations).where(eq(reservations.customerId, alice.id));
    expect(rows.map((r) => r.status).sort()).toEqual(['cancelled', 'picked_up']);
    expect(shown(lastScreen(app, alice.id))).toMatch(/thank/i);
  });

  it('logs the venue counters an operator charts', async () => {
    const events = app.logs.map((l) => l.event);
    expect(events.filter((e) => e === 'reservations_made')).toHaveLength(2);
    expect(events).toContain('reservations_cancelled');
    expect(events).toContain('reservations_picked_up');
  });

  it('lists the customer’s reservations with their outcome in /myreservations', async () => {
    await app.deliver(textUpdate(alice, '/myreservations'));
    expect(shown(lastScreen(app, alice.id))).toMatch(/Pastry box.*picked up/);
  });

  it('says so kindly when nothing is on offer', async () => {
    const fresh = await createTestApp();
    try {
      await fresh.deliver(textUpdate(people.bob, '/offers'));
      expect(shown(lastScreen(fresh, people.bob.id))).toMatch(/no deals|nothing|come back/i);
    } finally {
      await fresh.close();
    }
  });
});
