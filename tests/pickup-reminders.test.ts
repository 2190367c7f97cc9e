import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobByName } from '../lib/jobs/registry.js';
import { transitionOffer } from '../lib/marketplace/offer-transitions.js';
import { createOffer, type OfferWithItems } from '../lib/marketplace/offers.js';
import { createTestApp, manualClock, type TestApp } from './support/app.js';
import { buttonsOf, screens, shown, tapButton, trackMessages } from './support/chat.js';
import { defaultItems, verifiedVenue } from './support/fixtures.js';
import { jobDriver } from './support/jobs.js';
import { newKey } from './support/keys.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, people } from './support/updates.js';

/** Reminders before a pickup window opens and before it closes, scheduled when a reservation commits. */
describe(`pickup reminders (${storeLabel})`, () => {
  const clock = manualClock(new Date('2030-06-03T08:00:00Z'));
  const hour = 3_600_000;
  let app: TestApp;
  let jobs: ReturnType<typeof jobDriver>;
  let messages: ReturnType<typeof trackMessages>;
  let offer: OfferWithItems;
  let owner: Person;
  const [alice, bob, carol] = [people.alice, people.bob, { id: 1003, first_name: 'Carol' }];

  beforeAll(async () => {
    app = await createTestApp(
      { RATE_LIMIT_MAX_REQUESTS: '1000', TIMEZONE: 'Europe/Berlin' },
      { qstash: true, clock },
    );
    jobs = jobDriver(app, clock);
    messages = trackMessages(app);
    const venue = await verifiedVenue(app.deps.db, { name: 'Corner Café', latitude: 52.5, longitude: 13.4 });
    owner = { id: venue.ownerId, first_name: 'Owner' };
    // The window opens in 2 hours and closes 3 hours later.
    offer = await createOffer(app.deps.db, {
      ownerId: owner.id,
      title: 'Sandwich rescue',
      pickupStart: new Date(clock.now().getTime() + 2 * hour),
      pickupEnd: new Date(clock.now().getTime() + 5 * hour),
      items: defaultItems.map((i) => ({ ...i, quantity: 10 })),
    });
    await transitionOffer(app.deps.db, {
      idempotencyKey: newKey(),
      offerId: offer.id,
      ownerId: owner.id,
      action: 'publish',
      now: clock.now(),
    });
    for (const person of [alice, bob, carol]) await reserveOne(person);
  });
  afterAll(() => app.close());

  const tap = (person: Person, prefix: string) => tapButton(app, messages, person, prefix);

  async function reserveOne(person: Person) {
    const item = offer.items[0]!.id;
    await app.deliver(callbackUpdate(person, `buy:item:${offer.id}:${item}`));
    await tap(person, `buy:qty:${offer.id}:${item}:1`);
    await tap(person, 'buy:confirm');
  }

  const reminders = (person: Person, what: RegExp) =>
    screens(app, person.id).filter((c) => what.test(shown(c)));

  it('schedules both reminders when a reservation commits, each with its own deduplication id', () => {
    const ids = jobs.pending('pickup-reminder').map((m) => m.deduplicationId);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  });

  it('drops the reminders of a cancelled reservation', async () => {
    await tap(bob, 'reservation:cancel');
    await jobs.runAll({
      name: 'pickup-reminder',
      until: new Date(offer.pickupStart.getTime() - 30 * 60_000),
    });
    expect(reminders(bob, /Pickup opens in 30 minutes/)).toEqual([]);
  });

  it('reminds 30 minutes before the window opens, with the code, a Cancel button and a map pin', async () => {
    const [opening] = reminders(alice, /Pickup opens in 30 minutes/);
    expect(opening).toBeDefined();
    expect(shown(opening)).toMatch(/<code>[A-HJ-NP-Z2-9]{6}<\/code>/);
    expect(buttonsOf(opening).some((b) => b.callback_data?.startsWith('reservation:cancel:'))).toBe(true);
    const pin = app.telegram.callsTo('sendVenue').find((c) => Number(c.params.chat_id) === alice.id);
    expect(pin?.params).toMatchObject({ latitude: 52.5, longitude: 13.4, title: 'Corner Café' });
  });

  it('reminds nobody twice when QStash delivers a reminder again', async () => {
    const before = reminders(alice, /Pickup opens/).length;
    const [job] = app.qstash!.messages.filter((m) => m.deduplicationId?.endsWith('-opening'));
    await runJobByName(app.deps, app.runtime.bot.telegram, 'pickup-reminder', JSON.parse(job!.body));
    expect(reminders(alice, /Pickup opens/)).toHaveLength(before);
  });

  it('drops the closing reminder of a collected reservation', async () => {
    clock.set(new Date(offer.pickupStart.getTime() + 10 * 60_000));
    await tap(owner, 'reservation:pickup'); // the newest order: Carol's
    await jobs.runAll({ name: 'pickup-reminder' });
    expect(reminders(carol, /Pickup closes in 15 minutes/)).toEqual([]);
  });

  it('reminds 15 minutes before the window closes while the reservation is uncollected', () => {
    const [closing] = reminders(alice, /Pickup closes in 15 minutes/);
    expect(closing).toBeDefined();
    expect(clock.now().getTime()).toBe(offer.pickupEnd.getTime() - 15 * 60_000);
  });

  it('schedules no reminder whose moment has passed', async () => {
    // The window is open now: only the closing reminder lies ahead.
    expect(jobs.pending('pickup-reminder')).toEqual([]);
    clock.set(new Date(offer.pickupStart.getTime() + 20 * 60_000));
    const { placeReservation } = await import('../lib/marketplace/place-reservation.js');
    const { scheduleReminders } = await import('../lib/jobs/pickup-reminder.js');
    const placed = await placeReservation(app.deps.redis, app.deps.db, {
      idempotencyKey: newKey(),
      customer: { id: 1005, firstName: 'Eve' },
      offerId: offer.id,
      itemId: offer.items[1]!.id,
      quantity: 1,
      currency: 'EUR',
      now: clock.now(),
    });
    await scheduleReminders(app.deps, placed);
    expect(jobs.pending('pickup-reminder').map((m) => JSON.parse(m.body).kind)).toEqual(['closing']);
  });
});
