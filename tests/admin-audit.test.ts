import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reservations } from '../db/schema.js';
import { runExpireOffer } from '../lib/jobs/expire-offer.js';
import { transitionOffer } from '../lib/marketplace/offer-transitions.js';
import { createOffer } from '../lib/marketplace/offers.js';
import { createTestApp, manualClock, type TestApp } from './support/app.js';
import { screens, shown } from './support/chat.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, people, textUpdate } from './support/updates.js';

/** `/audit offer <id>` after an offer has lived its whole life through the bot: every step, in words. */
describe(`audit trail (${storeLabel})`, () => {
  let app: TestApp;
  let owner: Person;
  let offerId: number;
  let trail: string;
  const clock = manualClock();
  const carol: Person = { id: 1003, first_name: 'Carol' };
  let nextCard = 700;
  const say = (person: Person, text: string) => app.deliver(textUpdate(person, text));
  const reserveVia = (person: Person, itemId: number, quantity: number) =>
    app.deliver(callbackUpdate(person, `buy:confirm:${offerId}:${itemId}:${quantity}`, nextCard++));
  const reservationOf = async (person: Person) =>
    (await app.deps.db.select().from(reservations).where(eq(reservations.customerId, person.id))).at(-1)!;
  const lastTo = (person: Person) => shown(screens(app, person.id).at(-1));

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' }, { clock });
    const venue = await verifiedVenue(app.deps.db, { name: 'Olga’s Bakery' });
    owner = { id: venue.ownerId, first_name: 'Olga' };
    const now = clock.now();
    const offer = await createOffer(app.deps.db, {
      ownerId: owner.id,
      title: 'Evening bread bag',
      pickupStart: new Date(now.getTime() - 60_000),
      pickupEnd: new Date(now.getTime() + 2 * 3_600_000),
      items: [{ name: 'Bread bag', originalPrice: 1000, price: 350, quantity: 3 }],
    });
    offerId = offer.id;
    const itemId = offer.items[0]!.id;

    // The offer's life, as the owner, three customers and the scheduled expiry live it.
    await say(owner, `/publish ${offerId}`);
    await say(owner, `/pause ${offerId}`);
    await say(owner, `/resume ${offerId}`);
    await reserveVia(people.alice, itemId, 1);
    await app.deliver(
      callbackUpdate(people.alice, `reservation:cancel:${(await reservationOf(people.alice)).id}`),
    );
    await reserveVia(carol, itemId, 1);
    await reserveVia(people.bob, itemId, 2); // the last units: sold out
    await say(owner, `/pickup ${(await reservationOf(people.bob)).pickupCode}`);
    clock.advance(3 * 3_600_000);
    await runExpireOffer(app.deps, app.runtime.bot.telegram, { offerId }); // Carol never came

    await say(people.admin, `/audit offer ${offerId}`);
    trail = lastTo(people.admin);
  });
  afterAll(() => app.close());

  it('lists every step of the offer’s life, oldest first, in words', async () => {
    const alice = (await reservationOf(people.alice)).id;
    const c = (await reservationOf(carol)).id;
    const bob = (await reservationOf(people.bob)).id;
    const steps = [
      'created it as a draft',
      'published it',
      'paused it',
      'resumed it',
      `reserved 1 (reservation #${alice})`,
      `cancelled reservation #${alice}`,
      `reserved 1 (reservation #${c})`,
      `reserved 2 (reservation #${bob})`,
      'the last unit was reserved: sold out',
      `confirmed the pickup of reservation #${bob}`,
      'the pickup window ended: expired',
      `reservation #${c} ended: not picked up`,
    ];
    const positions = steps.map((step) => trail.indexOf(step));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('names who did each step: the owner, each customer, the system', () => {
    expect(trail).toContain(`Audit trail of offer #${offerId}`);
    // Her first update recorded her visit, with her @username (issue 17: the visit carries her language).
    expect(trail).toMatch(/<b>@alice<\/b> cancelled reservation/);
    // …and the owner's the name her Telegram account sends, not the one of the fixture.
    expect(trail).toMatch(/<b>Olga<\/b> confirmed the pickup/);
    expect(trail).toMatch(/⚙️ system<\/b> the pickup window ended: expired/);
  });

  it('shows only the last 20 entries of a long trail', async () => {
    const busy = await liveOffer(app.deps.db, owner.id, { now: clock.now() });
    for (let i = 0; i < 12; i++) {
      for (const action of ['pause', 'resume'] as const) {
        await transitionOffer(app.deps.db, {
          idempotencyKey: newKey(),
          offerId: busy.id,
          ownerId: owner.id,
          action,
          now: clock.now(),
        });
      }
    }
    await say(people.admin, `/audit offer ${busy.id}`);
    const text = lastTo(people.admin);
    expect(text).toContain('(last 20, oldest first)');
    expect(text).not.toContain('created it as a draft');
  });

  it.each([
    ['/audit', 'Usage: <code>/audit'],
    ['/audit offer', 'Usage: <code>/audit'],
    ['/audit planet 3', 'Usage: <code>/audit'],
    ['/audit offer three', 'Usage: <code>/audit'],
    ['/audit offer 999999', 'Nothing recorded for offer #999999.'],
  ])('answers %s without a trail', async (command, answer) => {
    await say(people.admin, command);
    expect(lastTo(people.admin)).toContain(answer);
  });
});
