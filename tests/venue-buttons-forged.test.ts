import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drops, memberships, offerItems, offers, reservations, venues } from '../db/schema.js';
import { confirmPickup } from '../lib/marketplace/confirm-pickup.js';
import { createDrop, WEEKDAY_SETS } from '../lib/marketplace/drops.js';
import { createStaffInvite, joinStaff } from '../lib/marketplace/memberships.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { createTestApp, type TestApp } from './support/app.js';
import { answerTo, screens, shown } from './support/chat.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, people } from './support/updates.js';

/**
 * The venue's buttons never trust their data: whatever a button names (an offer, a reservation, a drop, a staff
 * member) is checked against the presser, and another venue's, a customer's or a made-up one changes nothing and
 * shows nothing of it.
 */
describe(`forged venue buttons (${storeLabel})`, () => {
  let app: TestApp;
  let intruder: Person;
  let offerId: number;
  let openId: number;
  let pickedId: number;
  let dropId: number;
  let staffId: number;
  const snapshot = async () => ({
    offers: (await app.deps.db.select().from(offers)).map((o) => [o.id, o.status, o.title]).sort(),
    items: (await app.deps.db.select().from(offerItems)).map((i) => [i.id, i.quantityAvailable]).sort(),
    reservations: (await app.deps.db.select().from(reservations)).map((r) => [r.id, r.status]).sort(),
    drops: (await app.deps.db.select().from(drops)).map((d) => [d.id, d.status]).sort(),
    memberships: (await app.deps.db.select().from(memberships)).map((m) => [m.userId, m.venueId]).sort(),
    venues: (await app.deps.db.select().from(venues)).map((v) => [v.id, v.name, v.approvedName]).sort(),
  });

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' });
    const victim = await verifiedVenue(app.deps.db, { name: 'Victim Bakery' });
    const offer = await liveOffer(app.deps.db, victim.ownerId);
    offerId = offer.id;
    const book = (customer: Person) =>
      reserve(app.deps.db, {
        idempotencyKey: newKey(),
        customer: { id: customer.id, firstName: customer.first_name },
        offerId,
        itemId: offer.items[0]!.id,
        quantity: 1,
        currency: 'EUR',
        now: new Date(),
      });
    openId = (await book(people.alice)).reservationId;
    pickedId = (await book(people.bob)).reservationId;
    await confirmPickup(app.deps.db, {
      idempotencyKey: newKey(),
      actorId: victim.ownerId,
      reservationId: pickedId,
      now: new Date(),
    });
    dropId = (
      await createDrop(app.deps.db, {
        idempotencyKey: newKey(),
        ownerId: victim.ownerId,
        offerId,
        schedule: { weekdays: WEEKDAY_SETS.daily, windowStart: 1080, windowEnd: 1200, publishAt: 960 },
        now: new Date(),
        zone: 'UTC',
      })
    ).id;
    const invite = await createStaffInvite(app.deps.db, { ownerId: victim.ownerId, now: new Date() });
    staffId = 7100;
    await joinStaff(app.deps.db, {
      token: invite.token,
      user: { id: staffId, firstName: 'Sam' },
      now: new Date(),
    });
    intruder = { id: (await verifiedVenue(app.deps.db)).ownerId, first_name: 'Intruder' };
  });
  afterAll(() => app.close());

  const forged: Array<[string, () => string]> = [
    ['another venue’s reservations list', () => `desk:offer:${offerId}:0`],
    ['a pickup at another venue', () => `desk:pickup:${openId}:0`],
    ['a no-show at another venue', () => `desk:noshow:${openId}:0`],
    ['undoing another venue’s pickup from the list', () => `desk:undo:${pickedId}:0`],
    ['undoing another venue’s pickup', () => `reservation:undo:${pickedId}`],
    ['another venue’s offer card', () => `offer:manage:${offerId}`],
    ['repeating another venue’s offer', () => `offer:repeat:${offerId}`],
    ['a drop from another venue’s offer', () => `offer:drop:${offerId}`],
    ['withdrawing another venue’s offer', () => `offer:confirm:withdraw:${offerId}`],
    ['stopping another venue’s drop', () => `drop:stop:${dropId}`],
    ['removing another venue’s staff', () => `staff:remove:${staffId}`],
    ['approving a venue change', () => 'change:approve:1'],
    ['an edit-menu button outside the wizard', () => 'edit:field:title'],
    ['a pickup slot outside the wizard', () => 'wiz:slot:0:1080:1200'],
    ['a made-up reservation', () => 'desk:pickup:999999:0'],
    ['a page far beyond the list', () => `desk:offer:${offerId}:9999`],
  ];

  for (const [who, person] of [
    ['another venue’s owner', () => intruder],
    ['a customer', () => people.alice],
  ] as const) {
    it.each(forged)(`answers ${who}’s %s kindly and changes nothing`, async (_label, data) => {
      const before = await snapshot();
      const shownBefore = screens(app, person().id).length;
      const update = callbackUpdate(person(), data());
      await app.deliver(update);
      const answer = answerTo(app, (update as { callback_query: { id: string } }).callback_query.id);
      expect(answer, 'the callback is answered').toBeDefined();
      expect(String(answer!.params.text ?? '')).not.toMatch(/something went wrong/i);
      expect(await snapshot()).toEqual(before);
      // Nothing of the other venue is shown: no names, no codes.
      const newScreens = screens(app, person().id).slice(shownBefore).map(shown).join('\n');
      expect(newScreens).not.toMatch(/Alice|Bob|Victim Bakery|Sam/);
    });
  }
});
