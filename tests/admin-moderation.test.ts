import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, offerItems, offers, reservations, users, venues } from '../db/schema.js';
import { errorText } from '../lib/bot/texts/errors.js';
import { transitionOffer } from '../lib/marketplace/offer-transitions.js';
import type { OfferWithItems } from '../lib/marketplace/offers.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { registerVenue } from '../lib/marketplace/venues.js';
import { createTestApp, type TestApp } from './support/app.js';
import { screens, shown, trackMessages } from './support/chat.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, people, textUpdate } from './support/updates.js';

/** Takedowns, blocks, and every malformed or impossible admin command answered kindly with nothing changed. */
describe(`admin moderation (${storeLabel})`, () => {
  let app: TestApp;
  let messages: ReturnType<typeof trackMessages>;
  let owner: Person;
  let venueId: number;
  const admin = people.admin;
  const say = (person: Person, text: string) => app.deliver(textUpdate(person, text));
  const lastTo = (person: Person) => shown(screens(app, person.id).at(-1));
  const toast = () => String(app.telegram.callsTo('answerCallbackQuery').at(-1)?.params.text ?? '');
  const holdOn = (offer: OfferWithItems, person: Person) =>
    reserve(app.deps.db, {
      idempotencyKey: newKey(),
      customer: { id: person.id, firstName: person.first_name },
      offerId: offer.id,
      itemId: offer.items[0]!.id,
      quantity: 1,
      currency: 'EUR',
      now: new Date(),
    });
  /** Everything the commands below could change. */
  const snapshot = async () => ({
    venues: (await app.deps.db.select().from(venues)).map((v) => [v.id, v.status]).sort(),
    offers: (await app.deps.db.select().from(offers)).map((o) => [o.id, o.status]).sort(),
    barred: (await app.deps.db.select().from(users)).filter((u) => u.barredAt).map((u) => u.id),
    audit: (await app.deps.db.select().from(auditLog)).length,
  });

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' });
    messages = trackMessages(app);
    const venue = await verifiedVenue(app.deps.db, { name: 'Olga’s Bakery' });
    venueId = venue.id;
    owner = { id: venue.ownerId, first_name: 'Olga' };
  });
  afterAll(() => app.close());

  describe('/takedown', () => {
    let offer: OfferWithItems;

    beforeAll(async () => {
      offer = await liveOffer(app.deps.db, owner.id, { title: 'Mystery meat' });
      await holdOn(offer, people.bob);
    });

    it('withdraws the offer and says how many holders were told', async () => {
      await say(admin, `/takedown ${offer.id} Not food we can vouch for`);
      const [row] = await app.deps.db.select().from(offers).where(eq(offers.id, offer.id));
      expect(row!.status).toBe('withdrawn');
      expect(lastTo(admin)).toContain('1 customer holding reservations was told');
    });

    it('tells the holder once that the offer was withdrawn', () => {
      expect(screens(app, people.bob.id).filter((c) => shown(c).includes('withdrew'))).toHaveLength(1);
    });

    it('tells the venue the reason', () => {
      expect(lastTo(owner)).toContain('Reason: Not food we can vouch for');
    });

    it('records the admin and the reason in the audit log', async () => {
      const [entry] = await app.deps.db.select().from(auditLog).where(eq(auditLog.action, 'offer.takedown'));
      expect(entry).toMatchObject({ actorId: admin.id, entityId: offer.id });
      expect(entry!.data).toMatchObject({
        from: 'active',
        to: 'withdrawn',
        reason: 'Not food we can vouch for',
      });
    });

    it('refuses to take the same offer down twice, and tells nobody again', async () => {
      const before = app.telegram.sentTo(people.bob.id).length;
      await say(admin, `/takedown ${offer.id} Once more`);
      expect(lastTo(admin)).toBe('This offer is already withdrawn; there is nothing to take down.');
      expect(app.telegram.sentTo(people.bob.id)).toHaveLength(before);
    });

    it('takes an offer down from the button on the venue’s card, asking for the reason first', async () => {
      const other = await liveOffer(app.deps.db, owner.id, { title: 'Day-old sushi' });
      await say(admin, `/venue ${venueId}`);
      const data = `offer:takedown:${other.id}`;
      await app.deliver(callbackUpdate(admin, data, messages.messageWith(admin.id, data)));
      expect(lastTo(admin)).toContain('Why are you taking down <b>Day-old sushi</b>?');
      await say(admin, 'Raw fish after a day');
      const [row] = await app.deps.db.select().from(offers).where(eq(offers.id, other.id));
      expect(row!.status).toBe('withdrawn');
    });
  });

  describe('/block and /unblock', () => {
    let offer: OfferWithItems;
    const alice = people.alice;
    const alerts = () => screens(app, alice.id).filter((c) => shown(c).includes('paused reservations'));
    const stock = async () =>
      (await app.deps.db.select().from(offerItems).where(eq(offerItems.offerId, offer.id)))[0]!
        .quantityAvailable;

    beforeAll(async () => {
      offer = await liveOffer(app.deps.db, owner.id, { title: 'Evening bread bag' });
      await holdOn(offer, alice); // held before the block: stays hers
    });

    it('stops the customer from reserving and tells them once, politely', async () => {
      await say(admin, `/block ${alice.id} Reserves and never comes`);
      const [row] = await app.deps.db.select().from(users).where(eq(users.id, alice.id));
      expect(row).toMatchObject({ barReason: 'Reserves and never comes' });
      expect(row!.barredAt).not.toBeNull();
      expect(alerts()).toHaveLength(1);
      expect(lastTo(admin)).toContain('can no longer reserve');
    });

    it('keeps the reservation they already hold', async () => {
      const held = await app.deps.db.select().from(reservations).where(eq(reservations.customerId, alice.id));
      expect(held.map((r) => r.status)).toEqual(['reserved']);
    });

    it('refuses their next reservation with the polite line and takes no stock', async () => {
      const before = await stock();
      await app.deliver(callbackUpdate(alice, `buy:confirm:${offer.id}:${offer.items[0]!.id}:1`, 8101));
      expect(toast()).toContain('your account can’t make reservations right now');
      expect(await stock()).toBe(before);
    });

    it('tells nobody twice when blocked again', async () => {
      await say(admin, `/block ${alice.id} Still the same`);
      expect(lastTo(admin)).toContain('was already blocked');
      expect(alerts()).toHaveLength(1);
    });

    it('lets them reserve again after /unblock, and tells them', async () => {
      await say(admin, `/unblock ${alice.id}`);
      expect(lastTo(alice)).toContain('You can reserve again');
      await app.deliver(callbackUpdate(alice, `buy:confirm:${offer.id}:${offer.items[0]!.id}:1`, 8102));
      const held = await app.deps.db.select().from(reservations).where(eq(reservations.customerId, alice.id));
      expect(held.filter((r) => r.status === 'reserved')).toHaveLength(2);
    });
  });

  describe('what cannot be done is said, and nothing changes', () => {
    let pendingId: number;
    let suspendedId: number;

    beforeAll(async () => {
      pendingId = (
        await registerVenue(app.deps.db, {
          ownerId: 4400,
          ownerFirstName: 'Pat',
          name: 'Pending Pies',
          address: 'Crust Road 3',
          phone: '+4930999999',
          description: '',
        })
      ).id;
      const suspended = await verifiedVenue(app.deps.db);
      suspendedId = suspended.id;
      await say(admin, `/suspend ${suspendedId} For the test`);
    });

    it.each([
      ['/suspend', () => '/suspend', 'Usage: <code>/suspend'],
      ['/suspend without a reason', () => `/suspend ${venueId}`, 'Usage: <code>/suspend'],
      ['/suspend with a word for an id', () => '/suspend olga Late again', 'Usage: <code>/suspend'],
      ['a two-letter reason', () => `/suspend ${venueId} no`, 'The reason must be 3–300 characters.'],
      ['a reason over 300 characters', () => `/suspend ${venueId} ${'x'.repeat(301)}`, '3–300 characters'],
      ['a venue that doesn’t exist', () => '/suspend 999999 Gone', 'No venue with that id.'],
      [
        'a venue still waiting for review',
        () => `/suspend ${pendingId} Too early`,
        "This venue is waiting for review, so it can't be suspended now.",
      ],
      ['a venue already suspended', () => `/suspend ${suspendedId} Again`, 'is already suspended'],
      ['/unsuspend of a verified venue', () => `/unsuspend ${venueId}`, 'is not suspended'],
      ['/unsuspend with extra words', () => `/unsuspend ${suspendedId} please`, 'Usage: <code>/unsuspend'],
      ['/takedown without a reason', () => '/takedown 5', 'Usage: <code>/takedown'],
      ['/takedown of an offer that doesn’t exist', () => '/takedown 999999 Spam', 'Offer not found.'],
      ['/block without a reason', () => `/block ${people.bob.id}`, 'Usage: <code>/block'],
      ['/block of an admin', () => `/block ${admin.id} Testing`, 'Admins can’t be blocked.'],
      ['/block of someone who never wrote', () => '/block 777777 Spam', 'No customer with that id'],
      ['/unblock of a word', () => '/unblock bob', 'Usage: <code>/unblock'],
      ['/unblock of someone not blocked', () => `/unblock ${people.bob.id}`, 'was not blocked'],
      ['/venue without an id', () => '/venue', 'Usage: <code>/venue'],
      ['/venue of a venue that doesn’t exist', () => '/venue 999999', 'No venue with that id.'],
    ])('answers %s', async (_label, command, answer) => {
      const before = await snapshot();
      await say(admin, command());
      expect(lastTo(admin)).toContain(answer);
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      ['Suspend on a suspended venue', () => `venue:suspend:${suspendedId}`, 'already suspended'],
      ['Unsuspend on a verified venue', () => `venue:unsuspend:${venueId}`, 'not suspended'],
      ['Take down on a missing offer', () => 'offer:takedown:999999', 'Offer not found.'],
    ])('answers the %s button', async (_label, data, answer) => {
      const before = await snapshot();
      await app.deliver(callbackUpdate(admin, data()));
      expect(`${toast()} ${lastTo(admin)}`).toContain(answer);
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      'venues:page:bogus:0',
      'stats:period:1y',
      'venue:suspend:abc',
      'audit:offer:0',
      'offer:takedown:-4',
    ])('answers the forged admin button %s with the stale-button line', async (data) => {
      const before = await snapshot();
      await app.deliver(callbackUpdate(admin, data));
      expect(toast()).toBe(errorText({ code: 'button.stale' }));
      expect(await snapshot()).toEqual(before);
    });

    it('leaves the owner nothing to do with an offer an admin took down', async () => {
      const offer = await liveOffer(app.deps.db, owner.id);
      await say(admin, `/takedown ${offer.id} Policy`);
      await expect(
        transitionOffer(app.deps.db, {
          idempotencyKey: newKey(),
          offerId: offer.id,
          ownerId: owner.id,
          action: 'pause',
          now: new Date(),
        }),
      ).rejects.toMatchObject({ code: 'offer.withdrawn' });
    });
  });
});
