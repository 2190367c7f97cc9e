import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerItems, reservations } from '../db/schema.js';
import { errorText } from '../lib/bot/texts/errors.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { createTestApp, type TestApp } from './support/app.js';
import { answerTo, buttonFor, shown, trackMessages } from './support/chat.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, people, textUpdate } from './support/updates.js';

describe(`forged buttons and duplicate deliveries (${storeLabel})`, () => {
  let app: TestApp;
  let offerId: number;
  let itemId: number;
  let otherItemId: number;
  let bobsReservation: number;
  let ownerId: number;
  const snapshot = async () => ({
    stock: (await app.deps.db.select().from(offerItems)).map((i) => [i.id, i.quantityAvailable]).sort(),
    reservations: (await app.deps.db.select().from(reservations)).map((p) => [p.id, p.status]).sort(),
  });

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' });
    ({ ownerId } = await verifiedVenue(app.deps.db));
    const offer = await liveOffer(app.deps.db, ownerId);
    const other = await liveOffer(app.deps.db, ownerId, { title: 'Other' });
    offerId = offer.id;
    itemId = offer.items[0]!.id;
    otherItemId = other.items[0]!.id;
    bobsReservation = (
      await reserve(app.deps.db, {
        idempotencyKey: newKey(),
        customer: { id: people.bob.id, firstName: 'Bob' },
        offerId,
        itemId,
        quantity: 1,
        currency: 'EUR',
        now: new Date(),
      })
    ).reservationId;
  });
  afterAll(() => app.close());

  it.each([
    ['another customer’s reservation', () => `reservation:cancel:${bobsReservation}`],
    ['a pickup of a reservation by a customer', () => `reservation:pickup:${bobsReservation}`],
    ['a missing offer', () => 'offer:view:999999'],
    ['a reservation on a missing offer', () => `buy:confirm:999999:${itemId}:1`],
    ['an item of a different offer', () => `buy:confirm:${offerId}:${otherItemId}:1`],
    ['a quantity above the cap', () => `buy:confirm:${offerId}:${itemId}:9`],
    ['a quantity above the cap at the quantity step', () => `buy:qty:${offerId}:${itemId}:50`],
    ['garbage', () => 'buy:confirm:x:y:z'],
    ['an unknown button', () => 'totally:unknown'],
    ['oversized data', () => `buy:item:${'9'.repeat(60)}`],
  ])('answers %s kindly and changes nothing', async (_label, data) => {
    const before = await snapshot();
    const update = callbackUpdate(people.alice, data());
    const response = await app.deliver(update);
    expect(response.status).toBe(200);
    const answer = answerTo(app, (update as { callback_query: { id: string } }).callback_query.id);
    expect(answer, 'the callback is answered').toBeDefined();
    expect(String(answer!.params.text ?? '')).not.toMatch(/something went wrong/i);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['a customer’s', people.alice, 'buy:confirm:x:y:z'],
    ['a customer’s', people.alice, 'browse:page:-1'],
    ['an owner’s', people.owner, 'offer:publish:abc'],
    ['an owner’s', people.owner, 'offer:edit:0'],
    ['an admin’s', people.admin, 'venue:verify:abc'],
    ['an admin’s', people.admin, 'venue:pending:x'],
  ])(
    'answers %s button whose data doesn’t decode (%s) with the stale-button line',
    async (_label, person, data) => {
      const update = callbackUpdate(person, data);
      await app.deliver(update);
      const answer = answerTo(app, (update as { callback_query: { id: string } }).callback_query.id);
      expect(answer?.params.text).toBe(errorText({ code: 'button.stale' }));
    },
  );

  it('makes one reservation and one notification when every update of the flow arrives twice', async () => {
    const customer = { id: 5555, first_name: 'Dora' };
    const messages = trackMessages(app);
    const twice = async (update: ReturnType<typeof textUpdate>) => {
      await app.deliver(update);
      await app.deliver(update);
    };
    await twice(textUpdate(customer, `/start offer_${offerId}`));
    const step = async (prefix: string) => {
      const button = buttonFor(app, customer.id, prefix)!;
      await twice(callbackUpdate(customer, button.callback_data!, messages.messageWith(customer.id, prefix)));
    };
    const ownerMessagesBefore = app.telegram.sentTo(ownerId).length;
    await step(`buy:item:${offerId}:${itemId}`);
    await step(`buy:qty:${offerId}:${itemId}:1`);
    await step('buy:confirm');
    const mine = await app.deps.db
      .select()
      .from(reservations)
      .where(eq(reservations.customerId, customer.id));
    expect(mine).toHaveLength(1);
    expect(app.telegram.sentTo(ownerId).length - ownerMessagesBefore).toBe(1);
    expect(shown(app.telegram.sentTo(ownerId).at(-1))).toContain('Dora');
  });

  it('makes one reservation when the same confirm button is tapped twice (two updates)', async () => {
    const customer = { id: 5556, first_name: 'Eve' };
    const data = `buy:confirm:${offerId}:${itemId}:1`;
    await app.deliver(callbackUpdate(customer, data, 777));
    await app.deliver(callbackUpdate(customer, data, 777));
    const mine = await app.deps.db
      .select()
      .from(reservations)
      .where(eq(reservations.customerId, customer.id));
    expect(mine).toHaveLength(1);
  });
});
