import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transitionOffer } from '../lib/marketplace/offer-transitions.js';
import { createOffer } from '../lib/marketplace/offers.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { createTestApp, manualClock, type TestApp } from './support/app.js';
import { answerTo, buttonsOf, lastScreen, shown, trackMessages } from './support/chat.js';
import { defaultItems, liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, messageUpdate, type Person, people, textUpdate } from './support/updates.js';

/**
 * Issue 17's tidy chats: a deal opens in place of the list it was tapped in and goes back to it, on one
 * message; the card says how far away it is; the list says how old the location it is sorted by is;
 * /myreservations shows the venue on a map, for the customer's own reservation only.
 */
describe(`tidy chats (${storeLabel})`, () => {
  let app: TestApp;
  const clock = manualClock(new Date('2026-11-30T15:00:00Z'));
  const { alice, bob } = people;
  let photoOfferId: number;
  let reservationId: number;
  let messages: ReturnType<typeof trackMessages>;

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000', TIMEZONE: 'Europe/Berlin' }, { clock });
    messages = trackMessages(app);
    const now = clock.now();
    const bakery = await verifiedVenue(app.deps.db, {
      name: 'Kiez Bakery',
      latitude: 52.52,
      longitude: 13.405,
    });
    const offer = await createOffer(app.deps.db, {
      ownerId: bakery.ownerId,
      title: 'Bakery bag with a photo',
      photoFileId: 'file_bakery_bag',
      pickupStart: new Date(now.getTime() - 60_000),
      pickupEnd: new Date(now.getTime() + 2 * 3_600_000),
      items: defaultItems,
    });
    await transitionOffer(app.deps.db, {
      idempotencyKey: newKey(),
      offerId: offer.id,
      ownerId: bakery.ownerId,
      action: 'publish',
      now,
    });
    photoOfferId = offer.id;
    // Six more, so the list has a second page.
    for (let i = 1; i <= 6; i++) {
      await liveOffer(app.deps.db, bakery.ownerId, { now, title: `Bag number ${i}`, hours: 3 + i });
    }
    const booked = await reserve(app.deps.db, {
      idempotencyKey: newKey(),
      customer: { id: alice.id, firstName: alice.first_name },
      offerId: photoOfferId,
      itemId: offer.items[0]!.id,
      quantity: 1,
      currency: 'EUR',
      now,
    });
    reservationId = booked.reservationId;
  });
  afterAll(() => app.close());

  const say = (person: Person, text: string) => app.deliver(textUpdate(person, text));
  /** The id of the message that carries the newest button with this prefix (edits keep the id). */
  const messageIdWith = (person: Person, prefix: string) => messages.messageWith(person.id, prefix);
  const dataOf = (person: Person, prefix: string) =>
    buttonsOf(lastScreen(app, person.id)).find((b) => b.callback_data?.startsWith(prefix))?.callback_data;
  const sentMessages = (person: Person) =>
    app.telegram.sentTo(person.id).filter((c) => c.method.startsWith('send')).length;
  async function tapOn(person: Person, messageId: number, data: string) {
    const update = callbackUpdate(person, data, messageId);
    await app.deliver(update);
    return answerTo(app, (update as { callback_query: { id: string } }).callback_query.id);
  }

  it('opens a deal in place of the list and goes back to the same page, editing one message', async () => {
    await say(bob, '/offers');
    const listId = messageIdWith(bob, 'offer:view:');
    await tapOn(bob, listId, 'browse:page:1');
    const page2 = shown(lastScreen(app, bob.id));
    expect(page2).toMatch(/page 2\/2/);
    const sent = sentMessages(bob);

    const open = dataOf(bob, 'offer:view:')!;
    expect(open).toMatch(/^offer:view:\d+:all:1$/);
    await tapOn(bob, listId, open);
    const card = lastScreen(app, bob.id)!;
    expect(card).toMatchObject({ method: 'editMessageText', params: { message_id: listId } });
    expect(shown(card)).toContain('Bread bag');
    expect(buttonsOf(card).at(-1)).toMatchObject({ text: '⬅️ Back to list', callback_data: 'browse:page:1' });

    await tapOn(bob, listId, 'browse:page:1');
    const back = lastScreen(app, bob.id)!;
    expect(back).toMatchObject({ method: 'editMessageText', params: { message_id: listId } });
    expect(shown(back)).toBe(page2);
    expect(sentMessages(bob)).toBe(sent);
    expect(app.telegram.message(bob.id, listId)?.text).toBe(page2);
  });

  it('shows the photo and the venue’s map on request, each as a message of its own', async () => {
    await say(bob, '/offers');
    const listId = messageIdWith(bob, 'offer:view:');
    await tapOn(bob, listId, `offer:view:${photoOfferId}:all:0`);
    const labels = buttonsOf(lastScreen(app, bob.id)).map((b) => b.text);
    expect(labels).toEqual(expect.arrayContaining(['📸 Photo', '🗺 Map', '⬅️ Back to list']));
    await tapOn(bob, listId, `offer:photo:${photoOfferId}`);
    expect(app.telegram.callsTo('sendPhoto').at(-1)?.params).toMatchObject({
      chat_id: bob.id,
      photo: 'file_bakery_bag',
    });
    await tapOn(bob, listId, `offer:map:${photoOfferId}`);
    expect(app.telegram.callsTo('sendVenue').at(-1)?.params).toMatchObject({
      chat_id: bob.id,
      latitude: 52.52,
    });
  });

  it('keeps a shared link opening the deal as a photo card with its map pin', async () => {
    await say(bob, `/start offer_${photoOfferId}`);
    const [photo, pin] = app.telegram.sentTo(bob.id).slice(-2);
    expect(photo).toMatchObject({ method: 'sendPhoto', params: { photo: 'file_bakery_bag' } });
    expect(shown(photo)).toContain('Bakery bag with a photo');
    expect(pin?.method).toBe('sendVenue');
  });

  it('says how far away the deal is once the customer’s location is known', async () => {
    // About 1.2 km north of the bakery.
    await app.deliver(messageUpdate(bob, { location: { latitude: 52.5307, longitude: 13.405 } }));
    const listId = messageIdWith(bob, 'offer:view:');
    await tapOn(bob, listId, `offer:view:${photoOfferId}:all:0`);
    expect(shown(lastScreen(app, bob.id))).toMatch(/📍 1\.2 km away$/);
  });

  it('says how old the location is that the list is sorted by, and asks for a new one on request', async () => {
    clock.advance(2 * 3_600_000 + 60_000);
    await say(bob, '/offers');
    const list = app.telegram.sentTo(bob.id).findLast((c) => shown(c).includes('Deals near you'))!;
    expect(shown(list).split('\n')[0]).toBe('📍 Using the location you shared 2 hr ago');
    const update = buttonsOf(list).find((b) => b.callback_data === 'location:ask');
    expect(update?.text).toBe('📍 Update location');
    await tapOn(bob, messageIdWith(bob, 'location:ask'), 'location:ask');
    const ask = lastScreen(app, bob.id)!;
    expect(JSON.stringify(ask.params.reply_markup)).toContain('request_location');
  });

  it('stops sorting by a location older than six hours and says so', async () => {
    clock.advance(5 * 3_600_000);
    await say(bob, '/offers');
    const list = app.telegram.sentTo(bob.id).findLast((c) => shown(c).includes('Deals right now'))!;
    expect(shown(list).split('\n')[0]).toMatch(/^📍 The location you shared 7 hr ago is too old to go by/);
    expect(buttonsOf(list).find((b) => b.callback_data === 'location:ask')?.text).toBe(
      '📍 Share location again',
    );
  });

  it('shows the venue of the customer’s own reservation on a map, and refuses anyone else’s', async () => {
    await say(alice, '/myreservations');
    const map = buttonsOf(lastScreen(app, alice.id)).find(
      (b) => b.callback_data === `reservation:map:${reservationId}`,
    );
    expect(map?.text).toBe(`🗺 Map #${reservationId}`);
    await tapOn(alice, messageIdWith(alice, 'reservation:map:'), map!.callback_data!);
    expect(app.telegram.callsTo('sendVenue').at(-1)?.params).toMatchObject({
      chat_id: alice.id,
      latitude: 52.52,
      title: 'Kiez Bakery',
    });

    // With a location shared, each reservation says how far its venue is.
    await app.deliver(messageUpdate(alice, { location: { latitude: 52.5307, longitude: 13.405 } }));
    await say(alice, '/myreservations');
    expect(shown(lastScreen(app, alice.id))).toContain('🏪 Kiez Bakery, 1 Main Street · 1.2 km away');

    const venues = app.telegram.callsTo('sendVenue').length;
    const answer = await tapOn(bob, 1, `reservation:map:${reservationId}`);
    expect(app.telegram.callsTo('sendVenue')).toHaveLength(venues);
    expect(String(answer?.params.text)).toMatch(/not found/i);
  });
});
