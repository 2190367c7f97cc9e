import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, notices, offers, reservations, venues } from '../db/schema.js';
import { commandsFor } from '../lib/bot/texts/common.js';
import type { OfferWithItems } from '../lib/marketplace/offers.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { createTestApp, type TestApp } from './support/app.js';
import { buttonFor, screens, shown, trackMessages } from './support/chat.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, people, textUpdate } from './support/updates.js';

/** An admin suspends a venue with live reservations, its holders are told once, and the venue comes back. */
describe(`suspension story (${storeLabel})`, () => {
  let app: TestApp;
  let messages: ReturnType<typeof trackMessages>;
  let owner: Person;
  let venueId: number;
  let live: OfferWithItems[];
  const admin = people.admin;
  const holders = [people.alice, people.bob];
  const say = (person: Person, text: string) => app.deliver(textUpdate(person, text));
  const texts = (person: Person) => screens(app, person.id).map(shown);
  const reasonMessage = textUpdate(admin, 'Food safety complaint under review');

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' });
    messages = trackMessages(app);
    const venue = await verifiedVenue(app.deps.db, { name: 'Olga’s Bakery' });
    venueId = venue.id;
    owner = { id: venue.ownerId, first_name: 'Olga' };
    live = [
      await liveOffer(app.deps.db, owner.id, { title: 'Evening bread bag' }),
      await liveOffer(app.deps.db, owner.id, { title: 'Cake corner' }),
    ];
    for (const [i, holder] of holders.entries()) {
      await reserve(app.deps.db, {
        idempotencyKey: newKey(),
        customer: { id: holder.id, firstName: holder.first_name },
        offerId: live[i]!.id,
        itemId: live[i]!.items[0]!.id,
        quantity: 1,
        currency: 'EUR',
        now: new Date(),
      });
    }
  });
  afterAll(() => app.close());

  it('shows the admin the venue’s card with a Suspend button and its live offers', async () => {
    await say(admin, `/venue ${venueId}`);
    expect(texts(admin).some((t) => t.includes('Olga’s Bakery') && t.includes('verified'))).toBe(true);
    expect(texts(admin).at(-1)).toContain('Evening bread bag');
    expect(buttonFor(app, admin.id, `venue:suspend:${venueId}`)).toBeDefined();
  });

  it('asks for the reason the owner will read when Suspend is tapped', async () => {
    const prefix = `venue:suspend:${venueId}`;
    await app.deliver(callbackUpdate(admin, prefix, messages.messageWith(admin.id, prefix)));
    expect(texts(admin).at(-1)).toContain('Why are you suspending');
  });

  it('suspends the venue and withdraws its live offers once the reason is sent', async () => {
    await app.deliver(reasonMessage);
    const [venue] = await app.deps.db.select().from(venues).where(eq(venues.id, venueId));
    expect(venue).toMatchObject({
      status: 'suspended',
      suspensionReason: 'Food safety complaint under review',
    });
    const withdrawn = await app.deps.db
      .select()
      .from(offers)
      .where(
        inArray(
          offers.id,
          live.map((o) => o.id),
        ),
      );
    expect(withdrawn.map((o) => o.status)).toEqual(['withdrawn', 'withdrawn']);
    expect(texts(admin).at(-1)).toContain(
      '2 live offers withdrawn; 2 customers holding reservations were told',
    );
  });

  it('tells each holder once that their reservation ended with the offer', async () => {
    for (const holder of holders) {
      expect(texts(holder).filter((t) => t.includes('withdrew'))).toHaveLength(1);
    }
    const held = await app.deps.db.select().from(reservations);
    expect(held.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('tells the owner why, and gives them the customers’ menu instead of the venue’s', async () => {
    expect(texts(owner).at(-1)).toContain('Reason: Food safety complaint under review');
    expect(app.telegram.commandsFor(owner.id)).toEqual(commandsFor('customer'));
  });

  it('tells nobody twice when Telegram delivers the admin’s reason again', async () => {
    const before = app.telegram.calls.length;
    await app.deliver(reasonMessage);
    const again = app.telegram.calls.slice(before).filter((c) => c.method === 'sendMessage');
    expect(again.map((c) => Number(c.params.chat_id))).toEqual([]);
    const sent = await app.deps.db.select().from(notices).where(eq(notices.kind, 'reservation.withdrawn'));
    expect(sent.map((n) => n.status)).toEqual(['sent', 'sent']);
  });

  it('keeps the suspended venue from posting', async () => {
    await say(owner, '/newoffer');
    expect(texts(owner).at(-1)).toContain('not verified');
  });

  it('reinstates the venue with /unsuspend, tells the owner and gives the venue menu back', async () => {
    await say(admin, `/unsuspend ${venueId}`);
    const [venue] = await app.deps.db.select().from(venues).where(eq(venues.id, venueId));
    expect(venue).toMatchObject({ status: 'verified', suspensionReason: null });
    expect(texts(admin).at(-1)).toContain('is verified again');
    expect(texts(owner).at(-1)).toContain('is active again');
    expect(app.telegram.commandsFor(owner.id)).toEqual(commandsFor('venue'));
  });

  it('lets the reinstated venue post again, while the withdrawn offers stay withdrawn', async () => {
    await say(owner, '/newoffer');
    expect(texts(owner).at(-1)).toContain('New offer');
    await say(owner, '/cancel');
    const stillWithdrawn = await app.deps.db.select().from(offers).where(eq(offers.venueId, venueId));
    expect(stillWithdrawn.every((o) => o.status === 'withdrawn')).toBe(true);
  });

  it('records the suspension, each offer taken down and the reinstatement in the audit log', async () => {
    const actions = (await app.deps.db.select().from(auditLog)).map((a) => [a.action, a.actorId]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['venue.suspend', admin.id],
        ['offer.takedown', admin.id],
        ['venue.reinstate', admin.id],
      ]),
    );
    expect(actions.filter(([action]) => action === 'offer.takedown')).toHaveLength(2);
  });
});
