import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratings } from '../db/schema.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { createTestApp, manualClock, type TestApp } from './support/app.js';
import { answerTo, buttonFor, buttonsOf, lastScreen, screens, shown, trackMessages } from './support/chat.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, people, textUpdate } from './support/updates.js';

/** After a pickup the customer rates it; the venue's card shows the average once there are three. */
describe(`ratings (${storeLabel})`, () => {
  const clock = manualClock(new Date('2030-06-03T10:00:00Z'));
  let app: TestApp;
  let messages: ReturnType<typeof trackMessages>;
  let owner: Person;
  let offerId: number;
  let itemId: number;
  const reservationOf = new Map<number, number>();
  const customers: Person[] = [people.alice, people.bob, { id: 1003, first_name: 'Carol' }];

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' }, { clock });
    messages = trackMessages(app);
    const venue = await verifiedVenue(app.deps.db, { name: 'Rated Bakery' });
    owner = { id: venue.ownerId, first_name: 'Owner' };
    const offer = await liveOffer(app.deps.db, owner.id, { now: clock.now(), title: 'Rye loaves', hours: 6 });
    offerId = offer.id;
    itemId = offer.items[0]!.id;
    // Each customer reserves, and the venue confirms the pickup by the code, as at the counter.
    for (const person of [...customers, { id: 1004, first_name: 'Dave' }]) {
      const placed = await reserve(app.deps.db, {
        idempotencyKey: newKey(),
        customer: { id: person.id, firstName: person.first_name },
        offerId,
        itemId,
        quantity: 1,
        currency: 'EUR',
        now: clock.now(),
      });
      reservationOf.set(person.id, placed.reservationId);
      if (person.id !== 1004) await app.deliver(textUpdate(owner, `/pickup ${placed.pickupCode}`));
    }
  });
  afterAll(() => app.close());

  async function tap(person: Person, prefix: string) {
    const button = buttonFor(app, person.id, prefix);
    expect(button, `a ${prefix} button for ${person.first_name}`).toBeDefined();
    const update = callbackUpdate(person, button!.callback_data!, messages.messageWith(person.id, prefix));
    await app.deliver(update);
    return answerTo(app, (update as { callback_query: { id: string } }).callback_query.id);
  }
  const ratingRows = async (person: Person) =>
    app.deps.db
      .select()
      .from(ratings)
      .where(eq(ratings.reservationId, reservationOf.get(person.id)!));
  const card = async () => {
    await app.deliver(callbackUpdate(people.admin, `offer:view:${offerId}`));
    return shown(lastScreen(app, people.admin.id));
  };

  it('asks for 1–5 stars with the thank-you after a pickup', () => {
    const thanks = screens(app, people.alice.id).find((c) => /How was it\?/.test(shown(c)));
    expect(buttonsOf(thanks).map((b) => b.callback_data)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `rate:stars:${reservationOf.get(people.alice.id)}:${n}`),
    );
  });

  it('accepts a rating and thanks the customer', async () => {
    await tap(people.alice, 'rate:stars');
    const [row] = await ratingRows(people.alice);
    expect(row).toMatchObject({ stars: 1, customerId: people.alice.id });
    expect(shown(lastScreen(app, people.alice.id))).toMatch(/Thanks for rating/);
  });

  it('keeps one rating per reservation: tapping again within 24 hours changes it', async () => {
    clock.advance(23 * 3_600_000);
    await app.deliver(callbackUpdate(people.alice, `rate:stars:${reservationOf.get(people.alice.id)}:4`));
    const rows = await ratingRows(people.alice);
    expect(rows.map((r) => r.stars)).toEqual([4]);
  });

  it('takes the next plain message as the rating’s comment', async () => {
    await app.deliver(textUpdate(people.alice, 'Still warm, lovely!'));
    const [row] = await ratingRows(people.alice);
    expect(row!.comment).toBe('Still warm, lovely!');
    expect(shown(lastScreen(app, people.alice.id))).toMatch(/comment is saved/);
  });

  it('refuses a change after 24 hours, kindly, and keeps the rating', async () => {
    clock.advance(2 * 3_600_000);
    const update = callbackUpdate(people.alice, `rate:stars:${reservationOf.get(people.alice.id)}:2`);
    await app.deliver(update);
    const answer = answerTo(app, (update as { callback_query: { id: string } }).callback_query.id);
    expect(String(answer?.params.text)).toMatch(/within 24 hours/);
    expect((await ratingRows(people.alice)).map((r) => r.stars)).toEqual([4]);
  });

  it.each([
    ['another customer’s reservation', () => `rate:stars:${reservationOf.get(people.alice.id)}:1`],
    ['a reservation not picked up', () => `rate:stars:${reservationOf.get(1004)}:1`],
    ['a reservation that doesn’t exist', () => 'rate:stars:999999:5'],
  ])('refuses to rate %s and writes nothing', async (_label, data) => {
    const before = (await app.deps.db.select().from(ratings)).map((r) => [r.id, r.stars]);
    const update = callbackUpdate(people.bob, data());
    await app.deliver(update);
    const answer = answerTo(app, (update as { callback_query: { id: string } }).callback_query.id);
    expect(String(answer?.params.text)).toMatch(/Only a reservation you picked up can be rated/);
    expect((await app.deps.db.select().from(ratings)).map((r) => [r.id, r.stars])).toEqual(before);
  });

  it('shows no average on the card below three ratings', async () => {
    await app.deliver(callbackUpdate(people.bob, `rate:stars:${reservationOf.get(people.bob.id)}:5`));
    clock.set(new Date('2030-06-03T10:30:00Z')); // back inside the offer's window
    expect(await card()).not.toMatch(/⭐ \d/);
  });

  it('shows the average and the count on the card from three ratings', async () => {
    await app.deliver(callbackUpdate(customers[2]!, `rate:stars:${reservationOf.get(1003)}:3`));
    expect(await card()).toMatch(/Rated Bakery<\/b>, 1 Main Street · ⭐ 4\.0 \(3\)/);
  });

  it('lists the venue’s ratings with comments in /myratings', async () => {
    await app.deliver(textUpdate(owner, '/myratings'));
    const text = shown(lastScreen(app, owner.id));
    expect(text).toMatch(/Average <b>4\.0<\/b> from 3 ratings/);
    expect(text).toContain('“Still warm, lovely!”');
  });

  it('tells a customer without a venue that only venues are rated', async () => {
    await app.deliver(textUpdate(people.bob, '/myratings'));
    expect(shown(lastScreen(app, people.bob.id))).toMatch(/Only venues are rated/);
  });
});
