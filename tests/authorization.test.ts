import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerItems, offers, venues } from '../db/schema.js';
import { createOffer } from '../lib/marketplace/offers.js';
import { registerVenue } from '../lib/marketplace/venues.js';
import { createTestApp, type TestApp } from './support/app.js';
import { defaultItems, liveOffer, verifiedVenue } from './support/fixtures.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, people, textUpdate } from './support/updates.js';

describe(`authorization (${storeLabel})`, () => {
  let app: TestApp;
  let pendingId: number;
  let victimOffer: number;
  let intruder: Person;
  const lastText = (person: Person) => String(app.telegram.sentTo(person.id).at(-1)?.params.text ?? '');
  const lastToast = () => String(app.telegram.callsTo('answerCallbackQuery').at(-1)?.params.text ?? '');
  const statusOfOffer = async () =>
    (await app.deps.db.select().from(offers).where(eq(offers.id, victimOffer)))[0]!.status;

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' });
    const pending = await registerVenue(app.deps.db, {
      ownerId: 4100,
      ownerFirstName: 'Pending',
      name: 'Pending Place',
      address: 'Nowhere 1',
      phone: '+4930000000',
      description: '',
    });
    pendingId = pending.id;
    const victim = await verifiedVenue(app.deps.db);
    victimOffer = (await liveOffer(app.deps.db, victim.ownerId)).id;
    const other = await verifiedVenue(app.deps.db);
    intruder = { id: other.ownerId, first_name: 'Intruder' };
  });
  afterAll(() => app.close());

  it.each([
    ['/verify', () => `/verify ${pendingId}`],
    ['/reject', () => `/reject ${pendingId} no reason`],
    ['/pending', () => '/pending'],
  ])('refuses %s from a non-admin and changes nothing', async (_label, command) => {
    await app.deliver(textUpdate(people.alice, command()));
    expect(lastText(people.alice)).toContain('Only admins');
    const [row] = await app.deps.db.select().from(venues).where(eq(venues.id, pendingId));
    expect(row!.status).toBe('pending');
  });

  it('refuses a forged verify button from a non-admin', async () => {
    await app.deliver(callbackUpdate(people.alice, `venue:verify:${pendingId}`));
    expect(lastToast()).toContain('Only admins');
    const [row] = await app.deps.db.select().from(venues).where(eq(venues.id, pendingId));
    expect(row!.status).toBe('pending');
  });

  it.each(['/pause', '/soldout', '/withdraw', '/edit'])(
    'answers "not found" to %s on another venue’s offer',
    async (command) => {
      await app.deliver(textUpdate(intruder, `${command} ${victimOffer}`));
      expect(lastText(intruder)).toContain('not found');
      expect(await statusOfOffer()).toBe('active');
    },
  );

  it.each(['offer:pause', 'offer:soldout', 'offer:withdraw', 'offer:edit'])(
    'answers "not found" to a forged %s button for another venue’s offer',
    async (kind) => {
      await app.deliver(callbackUpdate(intruder, `${kind}:${victimOffer}`));
      expect(lastToast()).toContain('not found');
      expect(await statusOfOffer()).toBe('active');
    },
  );

  it('answers garbage button data without changing anything', async () => {
    const before = app.telegram.callsTo('answerCallbackQuery').length;
    await app.deliver(callbackUpdate(intruder, 'offer:pause:-1; drop table offers'));
    expect(app.telegram.callsTo('answerCallbackQuery')).toHaveLength(before + 1);
    expect(await statusOfOffer()).toBe('active');
  });

  describe('a suspended venue', () => {
    /** A verified venue with a one-item draft, so /edit goes straight to the line with the new values. */
    const venueWithOffer = async () => {
      const venue = await verifiedVenue(app.deps.db);
      const offer = await createOffer(app.deps.db, {
        ownerId: venue.ownerId,
        title: 'Soup of the day',
        pickupStart: new Date(Date.now() + 3_600_000),
        pickupEnd: new Date(Date.now() + 3 * 3_600_000),
        items: [defaultItems[0]!],
      });
      return { owner: { id: venue.ownerId, first_name: 'Sam' } as Person, offerId: offer.id };
    };
    const suspend = (owner: Person) =>
      app.deps.db.execute(sql`update venues set status = 'suspended' where owner_id = ${owner.id}`);
    const itemOf = async (offerId: number) => {
      const [item] = await app.deps.db.select().from(offerItems).where(eq(offerItems.offerId, offerId));
      return { price: item!.price, originalPrice: item!.originalPrice, quantity: item!.quantityTotal };
    };
    const unchanged = { price: 350, originalPrice: 1000, quantity: 4 };

    it('refuses /edit with a reason and does not start the edit', async () => {
      const { owner, offerId } = await venueWithOffer();
      await suspend(owner);
      await app.deliver(textUpdate(owner, `/edit ${offerId}`));
      expect(lastText(owner)).toContain('Your venue is suspended');
      await app.deliver(callbackUpdate(owner, 'edit:field:items'));
      await app.deliver(textUpdate(owner, '12.00, 3.00, 9'));
      expect(await itemOf(offerId)).toEqual(unchanged);
    });

    it('refuses the Edit button with a reason', async () => {
      const { owner, offerId } = await venueWithOffer();
      await suspend(owner);
      await app.deliver(callbackUpdate(owner, `offer:edit:${offerId}`));
      expect(lastToast()).toContain('Your venue is suspended');
      expect(await itemOf(offerId)).toEqual(unchanged);
    });

    it('refuses the last edit step when the suspension came after the edit started', async () => {
      const { owner, offerId } = await venueWithOffer();
      await app.deliver(textUpdate(owner, `/edit ${offerId}`));
      await app.deliver(callbackUpdate(owner, 'edit:field:items'));
      await suspend(owner);
      await app.deliver(textUpdate(owner, '12.00, 3.00, 9'));
      expect(lastText(owner)).toContain('Your venue is suspended');
      expect(await itemOf(offerId)).toEqual(unchanged);
    });

    it('lets a verified venue edit the same way', async () => {
      const { owner, offerId } = await venueWithOffer();
      await app.deliver(textUpdate(owner, `/edit ${offerId}`));
      await app.deliver(callbackUpdate(owner, 'edit:field:items'));
      await app.deliver(textUpdate(owner, '12.00, 3.00, 9'));
      expect(await itemOf(offerId)).toEqual({ price: 300, originalPrice: 1200, quantity: 9 });
    });
  });

  it('keeps an unverified venue out of /newoffer', async () => {
    const owner = { id: 4100, first_name: 'Pending' };
    await app.deliver(textUpdate(owner, '/newoffer'));
    expect(lastText(owner)).toContain('waiting for verification');
    await app.deliver(textUpdate(people.bob, '/newoffer'));
    expect(lastText(people.bob)).toContain('/register');
  });
});
