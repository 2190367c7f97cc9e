import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offers } from '../db/schema.js';
import { transitionOffer } from '../lib/marketplace/offer-transitions.js';
import { createOffer } from '../lib/marketplace/offers.js';
import { quietUntil } from '../lib/marketplace/quiet-hours.js';
import { createTestApp, manualClock, type TestApp } from './support/app.js';
import { answerTo, buttonsOf, lastScreen, shown, tapButton, trackMessages } from './support/chat.js';
import { defaultItems, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, textUpdate } from './support/updates.js';

const places = {
  berlin: { latitude: 52.52, longitude: 13.405 },
  newYork: { latitude: 40.7128, longitude: -74.006 },
};

/**
 * A venue's local times when its clock jumps or its day turns: 🔁 Repeat and a drop's "same as now" keep the
 * times the clock showed on a 23- or 25-hour day, and a pickup-slot button pressed after midnight means the day
 * its label said. Through the update surface on a fake clock (TIMEZONE=UTC; each venue's zone is its pin's).
 */
describe(`local times across a change of clocks and across midnight (${storeLabel})`, () => {
  let app: TestApp;
  let messages: ReturnType<typeof trackMessages>;
  const clock = manualClock(new Date('2026-03-01T12:00:00Z'));

  beforeAll(async () => {
    app = await createTestApp({ TIMEZONE: 'UTC', RATE_LIMIT_MAX_REQUESTS: '1000' }, { clock });
    messages = trackMessages(app);
  });
  afterAll(() => app.close());

  const say = (person: Person, text: string) => app.deliver(textUpdate(person, text));
  const tap = (person: Person, prefix: string) => tapButton(app, messages, person, prefix);
  const lastText = (person: Person) => shown(lastScreen(app, person.id));
  const iso = (offer: { pickupStart: Date; pickupEnd: Date }) => [
    offer.pickupStart.toISOString(),
    offer.pickupEnd.toISOString(),
  ];

  /** A venue at `place` with a live offer picked up `start`–`end`, published a day before. */
  async function venueWithOffer(place: { latitude: number; longitude: number }, start: string, end: string) {
    const venue = await verifiedVenue(app.deps.db, place);
    const owner = { id: venue.ownerId, first_name: 'Owner' };
    const offer = await createOffer(app.deps.db, {
      ownerId: owner.id,
      title: 'Supper box',
      pickupStart: new Date(start),
      pickupEnd: new Date(end),
      items: defaultItems,
    });
    const dayBefore = new Date(Date.parse(start) - 86_400_000);
    await transitionOffer(app.deps.db, {
      idempotencyKey: newKey(),
      offerId: offer.id,
      ownerId: owner.id,
      action: 'publish',
      now: dayBefore,
    });
    return { owner, offerId: offer.id };
  }

  describe('🔁 Repeat on the day the clocks change', () => {
    it.each([
      [
        'Berlin, Sunday 25 October 2026 (back to CET at 03:00: a 25-hour day)',
        places.berlin,
        '2026-10-25T17:00:00Z',
        '2026-10-25T19:00:00Z',
        ['2026-10-26T17:00:00.000Z', '2026-10-26T19:00:00.000Z'],
      ],
      [
        'Berlin, Sunday 29 March 2026 (on to CEST at 02:00: a 23-hour day)',
        places.berlin,
        '2026-03-29T16:00:00Z',
        '2026-03-29T18:00:00Z',
        ['2026-03-30T16:00:00.000Z', '2026-03-30T18:00:00.000Z'],
      ],
      [
        'New York, Sunday 8 March 2026 (on to EDT at 02:00: a 23-hour day)',
        places.newYork,
        '2026-03-08T22:00:00Z',
        '2026-03-09T00:00:00Z',
        ['2026-03-09T22:00:00.000Z', '2026-03-10T00:00:00.000Z'],
      ],
    ])(
      'proposes 18:00–20:00 tomorrow for an offer picked up 18:00–20:00 in %s',
      async (_day, place, start, end, expected) => {
        const { owner, offerId } = await venueWithOffer(place, start, end);
        // 18:30 local: the window has started, so the next one is tomorrow's.
        clock.set(new Date(Date.parse(start) + 30 * 60_000));
        await say(owner, '/myoffers');
        await tap(owner, `offer:manage:${offerId}`);
        await tap(owner, `offer:repeat:${offerId}`);
        const [draft] = (await app.deps.db.select().from(offers).where(eq(offers.status, 'draft'))).filter(
          (o) => o.id > offerId,
        );
        expect(iso(draft!)).toEqual(expected);
        expect(lastText(owner)).toContain('pickup tomorrow 18:00–20:00');
      },
    );
  });

  describe('📅 Repeat regularly from an offer picked up on the day the clocks change', () => {
    it('proposes the offer’s own 18:00–20:00 as the pickup time', async () => {
      const { owner, offerId } = await venueWithOffer(
        places.berlin,
        '2026-10-25T17:00:00Z',
        '2026-10-25T19:00:00Z',
      );
      clock.set(new Date('2026-10-25T17:30:00Z'));
      await say(owner, '/myoffers');
      await tap(owner, `offer:manage:${offerId}`);
      await tap(owner, `offer:drop:${offerId}`);
      await tap(owner, 'drop:days:daily');
      const [same] = buttonsOf(lastScreen(app, owner.id));
      expect(same).toMatchObject({ text: 'Same as now: 18:00–20:00', callback_data: 'wiz:slot:0:1080:1200' });
    });
  });

  describe('a pickup slot pressed after midnight', () => {
    let owner: Person;
    const offerTitled = async (title: string) =>
      (await app.deps.db.select().from(offers).where(eq(offers.title, title)))[0]!;

    beforeAll(async () => {
      const venue = await verifiedVenue(app.deps.db, places.berlin);
      owner = { id: venue.ownerId, first_name: 'Olga' };
    });

    /** /newoffer up to the pickup question, asked at `at`. */
    async function askedAt(at: string, title: string) {
      clock.set(new Date(at));
      await say(owner, '/newoffer');
      await say(owner, title);
      await say(owner, 'Bread bag, 10.00, 3.50, 4');
      await tap(owner, 'wiz:done');
    }

    it('is the day its label said when it was shown, not the day after', async () => {
      // Tuesday 1 December 2026, 23:55 in Berlin: only tomorrow's (Wednesday's) slots are left.
      await askedAt('2026-12-01T22:55:00Z', 'Breakfast rolls');
      const slot = buttonsOf(lastScreen(app, owner.id)).find((b) => b.text === 'Tomorrow 08:00–10:00');
      expect(slot).toBeDefined();
      // Ten minutes later it is Wednesday when the owner taps it.
      clock.advance(10 * 60_000);
      await tap(owner, slot!.callback_data!);
      await tap(owner, 'wiz:skip');
      expect(lastText(owner)).toContain('today 08:00–10:00');
      await tap(owner, 'wiz:publish');
      const offer = await offerTitled('Breakfast rolls');
      expect(iso(offer)).toEqual(['2026-12-02T07:00:00.000Z', '2026-12-02T09:00:00.000Z']);
      expect(offer.status).toBe('active');
    });

    it('asks again with fresh slots when the day it names is over', async () => {
      await askedAt('2026-12-02T12:00:00Z', 'Lunch rolls');
      await app.deliver(callbackUpdate(owner, 'wiz:slot:1:480:600:20261201'));
      expect(lastText(owner)).toContain('already over');
      expect(buttonsOf(lastScreen(app, owner.id)).map((b) => b.callback_data)).toContain(
        'wiz:slot:1:480:600:20261203',
      );
    });

    it('answers a slot for a day no button names with the stale-button line, and waits for a real one', async () => {
      const shownBefore = app.telegram.callsTo('sendMessage').length;
      const update = callbackUpdate(owner, 'wiz:slot:1:480:600:20261210');
      await app.deliver(update);
      const answer = answerTo(app, (update as { callback_query: { id: string } }).callback_query.id);
      expect(answer?.params.text).toBe('This button is no longer valid.');
      expect(app.telegram.callsTo('sendMessage').length).toBe(shownBefore);
      await tap(owner, 'wiz:slot:1:480:600:20261203');
      await tap(owner, 'wiz:skip');
      await tap(owner, 'wiz:publish');
      expect(iso(await offerTitled('Lunch rolls'))).toEqual([
        '2026-12-03T07:00:00.000Z',
        '2026-12-03T09:00:00.000Z',
      ]);
    });
  });
});

describe('quiet hours on the nights the clocks change', () => {
  // Berlin, quiet 22:00–08:00: alerts wait until 08:00 on the wall clock, whatever the night's length.
  it.each([
    ['autumn (25-hour night)', '2026-10-24T20:30:00Z', '2026-10-25T07:00:00.000Z'],
    ['spring (23-hour night)', '2026-03-28T21:30:00Z', '2026-03-29T06:00:00.000Z'],
    ['an ordinary night', '2026-06-10T20:30:00Z', '2026-06-11T06:00:00.000Z'],
    ['the morning part', '2026-10-25T05:30:00Z', '2026-10-25T07:00:00.000Z'],
  ])('releases deal alerts at 08:00 local time in %s', (_night, at, until) => {
    expect(quietUntil(new Date(at), 'Europe/Berlin', 22 * 60, 8 * 60)?.toISOString()).toBe(until);
  });
});
