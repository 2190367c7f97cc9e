import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, notices, offers, reservations, users, venues } from '../db/schema.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { registerVenue } from '../lib/marketplace/venues.js';
import { createTestApp, type TestApp } from './support/app.js';
import { shown } from './support/chat.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, people, textUpdate } from './support/updates.js';

/**
 * Every admin command and button, sent by a customer and by a venue owner: refused, nothing in the database
 * changes, nobody else is messaged, and nothing about the venue, its owner or the numbers reaches them.
 */
describe(`admin console authorization (${storeLabel})`, () => {
  let app: TestApp;
  let owner: Person;
  const secrets = { name: 'Secret Supper Club', phone: '+49 30 5550123', address: 'Hidden Lane 7' };
  const ids = { venue: 0, pending: 0, offer: 0, reservation: 0 };

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' });
    const victim = await verifiedVenue(app.deps.db, { name: secrets.name });
    ids.venue = victim.id;
    const offer = await liveOffer(app.deps.db, victim.ownerId);
    ids.offer = offer.id;
    ids.reservation = (
      await reserve(app.deps.db, {
        idempotencyKey: newKey(),
        customer: { id: people.bob.id, firstName: 'Bob' },
        offerId: offer.id,
        itemId: offer.items[0]!.id,
        quantity: 1,
        currency: 'EUR',
        now: new Date(),
      })
    ).reservationId;
    ids.pending = (
      await registerVenue(app.deps.db, {
        ownerId: 4200,
        ownerFirstName: 'Pending',
        name: 'Waiting Room Café',
        address: secrets.address,
        phone: secrets.phone,
        description: '',
      })
    ).id;
    // Another venue's owner: a venue owner, but not an admin.
    const own = await verifiedVenue(app.deps.db, { name: 'Intruder Deli' });
    owner = { id: own.ownerId, first_name: 'Ivan' };
  });
  afterAll(() => app.close());

  /** Everything an admin action could change. */
  const snapshot = async () => ({
    venues: (await app.deps.db.select().from(venues))
      .map((v) => [v.id, v.status, v.changeRequest, v.timeZone])
      .sort(),
    offers: (await app.deps.db.select().from(offers)).map((o) => [o.id, o.status]).sort(),
    reservations: (await app.deps.db.select().from(reservations)).map((r) => [r.id, r.status]).sort(),
    barred: (await app.deps.db.select().from(users)).filter((u) => u.barredAt !== null).length,
    audit: (await app.deps.db.select().from(auditLog)).length,
    notices: (await app.deps.db.select().from(notices)).length,
  });

  const commands: Array<[string, () => string]> = [
    ['/pending', () => '/pending'],
    ['/verify', () => `/verify ${ids.pending}`],
    ['/reject', () => `/reject ${ids.pending} Not a real place`],
    ['/venues', () => '/venues'],
    ['/businesses', () => '/businesses suspended supper'],
    ['/venue', () => `/venue ${ids.venue}`],
    ['/suspend', () => `/suspend ${ids.venue} Complaints from customers`],
    ['/unsuspend', () => `/unsuspend ${ids.venue}`],
    ['/takedown', () => `/takedown ${ids.offer} Not food`],
    ['/block', () => `/block ${people.bob.id} Abusive messages`],
    ['/unblock', () => `/unblock ${people.bob.id}`],
    ['/stats', () => '/stats 30d'],
    ['/audit', () => `/audit venue ${ids.venue}`],
    // Issue 17: an admin sets a venue's time zone.
    ['/timezone', () => `/timezone ${ids.venue} Asia/Tokyo`],
  ];

  const buttons: Array<[string, () => string]> = [
    ['venue:verify', () => `venue:verify:${ids.pending}`],
    ['venue:reject', () => `venue:reject:${ids.pending}`],
    ['venue:changes', () => `venue:changes:${ids.pending}`],
    ['venue:pending', () => 'venue:pending:0'],
    ['venue:card', () => `venue:card:${ids.venue}`],
    ['venues:page', () => 'venues:page:all:0'],
    ['venue:suspend', () => `venue:suspend:${ids.venue}`],
    ['venue:unsuspend', () => `venue:unsuspend:${ids.venue}`],
    ['offer:takedown', () => `offer:takedown:${ids.offer}`],
    ['audit:venue', () => `audit:venue:${ids.venue}`],
    ['audit:offer', () => `audit:offer:${ids.offer}`],
    ['stats:period', () => 'stats:period:7d'],
    // Issue 15's review of a name or address change, also an admin's button.
    ['change:approve', () => `change:approve:${ids.venue}`],
    ['change:revert', () => `change:revert:${ids.venue}`],
  ];

  const senders: Array<[string, () => Person]> = [
    ['a customer', () => people.alice],
    ['a venue owner', () => owner],
  ];

  /** What reached anyone during `act`, and what the sender read. */
  async function observe(sender: Person, act: () => Promise<unknown>) {
    const before = app.telegram.calls.length;
    await act();
    const calls = app.telegram.calls.slice(before);
    const toOthers = calls.filter(
      (c) => c.params.chat_id !== undefined && Number(c.params.chat_id) !== sender.id,
    );
    const read = calls.map((c) => `${shown(c)} ${String(c.params.text ?? '')}`).join('\n');
    return { toOthers, read };
  }

  /** Nothing that only an admin may know: the venue's details, its owner's reach, the numbers, history. */
  const expectNothingLeaked = (read: string) => {
    for (const secret of [secrets.name, secrets.phone, secrets.address, 'Waiting Room Café'])
      expect(read).not.toContain(secret);
    expect(read).not.toMatch(/Marketplace|Audit trail|Reservations|Offers published|Waiting for review/);
  };

  describe.each(senders)('from %s', (_who, sender) => {
    it.each(commands)('refuses %s: nothing changes and nothing leaks', async (label, command) => {
      const before = await snapshot();
      const { toOthers, read } = await observe(sender(), () => app.deliver(textUpdate(sender(), command())));
      expect(await snapshot()).toEqual(before);
      expect(toOthers).toEqual([]);
      expectNothingLeaked(read);
      // /venue is also the owners' own profile command: theirs answers it, never with another venue.
      if (label !== '/venue') expect(read).toContain('Only admins can do that');
    });

    it.each(buttons)('refuses a %s button: nothing changes and nothing leaks', async (_label, data) => {
      const before = await snapshot();
      const { toOthers, read } = await observe(sender(), () => app.deliver(callbackUpdate(sender(), data())));
      expect(await snapshot()).toEqual(before);
      expect(toOthers.filter((c) => c.method !== 'answerCallbackQuery')).toEqual([]);
      expectNothingLeaked(read);
      expect(app.telegram.callsTo('answerCallbackQuery').at(-1)?.params.text).toBe(
        '⛔ Only admins can do that.',
      );
    });
  });

  it('keeps a refused sender out of the reason wizard: their next message changes nothing', async () => {
    const before = await snapshot();
    await app.deliver(callbackUpdate(people.alice, `venue:suspend:${ids.venue}`));
    await app.deliver(textUpdate(people.alice, 'Because I say so'));
    expect(await snapshot()).toEqual(before);
  });
});
