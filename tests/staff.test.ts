import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberships, offerItems, offers, reservations } from '../db/schema.js';
import type { OfferWithItems } from '../lib/marketplace/offers.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { createTestApp, type TestApp } from './support/app.js';
import { lastScreen, screens, shown, tapButton, trackMessages } from './support/chat.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, people, textUpdate } from './support/updates.js';

/** The owner invites someone to the counter; staff see who is coming and confirm pickups, and edit nothing. */
describe(`staff (${storeLabel})`, () => {
  let app: TestApp;
  let messages: ReturnType<typeof trackMessages>;
  let owner: Person;
  let offer: OfferWithItems;
  let code: string;
  let reservationId: number;
  let inviteLink = '';
  const sam: Person = { id: 7001, first_name: 'Sam', username: 'sam_counter' };
  const { alice, bob } = people;

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' });
    messages = trackMessages(app);
    const venue = await verifiedVenue(app.deps.db, { name: 'Olga’s Bakery' });
    owner = { id: venue.ownerId, first_name: 'Olga' };
    offer = await liveOffer(app.deps.db, owner.id, { title: 'Evening bread bag' });
    const booked = await reserve(app.deps.db, {
      idempotencyKey: newKey(),
      customer: { id: alice.id, firstName: alice.first_name },
      offerId: offer.id,
      itemId: offer.items[0]!.id,
      quantity: 1,
      currency: 'EUR',
      now: new Date(),
    });
    code = booked.pickupCode;
    reservationId = booked.reservationId;
  });
  afterAll(() => app.close());

  const say = (person: Person, text: string) => app.deliver(textUpdate(person, text));
  const tap = (person: Person, prefix: string) => tapButton(app, messages, person, prefix);
  const lastText = (person: Person) => shown(lastScreen(app, person.id));
  const lastToast = () => String(app.telegram.callsTo('answerCallbackQuery').at(-1)?.params.text ?? '');
  const offerRow = async () => (await app.deps.db.select().from(offers).where(eq(offers.id, offer.id)))[0]!;

  it('gives the owner a one-time invite link from /staff', async () => {
    await say(owner, '/staff');
    expect(lastText(owner)).toContain('Nobody yet');
    await tap(owner, 'staff:invite');
    inviteLink = lastText(owner).match(/https:\/\/t\.me\/\S+\?start=(staff_[\w-]+)/)?.[1] ?? '';
    expect(inviteLink).toMatch(/^staff_[\w-]{22}$/);
  });

  it('makes whoever opens the link staff, gives them the staff menu and tells the owner', async () => {
    await say(sam, `/start ${inviteLink}`);
    expect(lastText(sam)).toContain('Welcome to the staff of <b>Olga’s Bakery</b>');
    expect(app.telegram.commandsFor(sam.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ command: 'reservations' })]),
    );
    expect(lastText(owner)).toContain('Sam (@sam_counter) joined the staff');
  });

  it('refuses the same link to a second person', async () => {
    await say(bob, `/start ${inviteLink}`);
    expect(lastText(bob)).toContain('invite link has expired or was already used');
    expect(await app.deps.db.select().from(memberships).where(eq(memberships.userId, bob.id))).toEqual([]);
  });

  it('refuses a made-up link without saying which venue it might be', async () => {
    await say(bob, '/start staff_AAAAAAAAAAAAAAAAAAAAAA');
    expect(lastText(bob)).toContain('invite link has expired or was already used');
  });

  it('shows staff who is coming, with names and codes', async () => {
    await say(sam, '/reservations');
    expect(lastText(sam)).toContain('Evening bread bag');
    await tap(sam, `desk:offer:${offer.id}:`);
    expect(lastText(sam)).toContain(`Alice — 1 × Bread bag · <code>${code}</code>`);
  });

  it('lets staff confirm a pickup', async () => {
    await tap(sam, `desk:pickup:${reservationId}:`);
    const [row] = await app.deps.db.select().from(reservations).where(eq(reservations.id, reservationId));
    expect(row!.status).toBe('picked_up');
  });

  it.each([
    ['/edit', () => `/edit ${offer.id}`],
    ['/pause', () => `/pause ${offer.id}`],
    ['/withdraw', () => `/withdraw ${offer.id}`],
  ])('tells staff that %s is the owner’s to do, and changes nothing', async (_label, command) => {
    await say(sam, command());
    expect(lastText(sam)).toContain('Only the venue’s owner can do that');
    expect((await offerRow()).status).toBe('active');
  });

  it.each([
    ['offer:pause', () => `offer:pause:${offer.id}`],
    ['offer:confirm', () => `offer:confirm:withdraw:${offer.id}`],
    ['offer:edit', () => `offer:edit:${offer.id}`],
    ['offer:repeat', () => `offer:repeat:${offer.id}`],
    ['offer:drop', () => `offer:drop:${offer.id}`],
  ])('refuses a %s button from staff and changes nothing', async (_label, data) => {
    const before = await app.deps.db.select().from(offers);
    await app.deliver(callbackUpdate(sam, data()));
    expect(lastToast()).toContain('Only the venue’s owner can do that');
    expect(await app.deps.db.select().from(offers)).toEqual(before);
  });

  it('keeps staff out of editing the items', async () => {
    const before = await app.deps.db.select().from(offerItems).where(eq(offerItems.offerId, offer.id));
    await say(sam, `/edit ${offer.id}`);
    await say(sam, '-, -, 99');
    expect(await app.deps.db.select().from(offerItems).where(eq(offerItems.offerId, offer.id))).toEqual(
      before,
    );
  });

  it.each(['/newoffer', '/myoffers', '/staff'])('tells staff that %s is for the owner', async (command) => {
    await say(sam, command);
    expect(lastText(sam)).toMatch(/owner/);
  });

  it('shows staff where they work on /venue, and refuses them the edit and invite buttons', async () => {
    await say(sam, '/venue');
    expect(lastText(sam)).toContain('You work at <b>Olga’s Bakery</b> as staff');
    await app.deliver(callbackUpdate(sam, 'venue:edit:name'));
    expect(lastToast()).toContain('Only the venue’s owner can do that');
    await app.deliver(callbackUpdate(sam, 'staff:invite'));
    expect(lastToast()).toBe('Only the venue’s owner manages its staff.');
  });

  it('lets the owner remove staff, who lose the counter at once and are told', async () => {
    await say(owner, '/staff');
    await tap(owner, `staff:remove:${sam.id}`);
    expect(screens(app, sam.id).map(shown).at(-1)).toContain(
      'no longer on the staff of <b>Olga’s Bakery</b>',
    );
    await say(sam, '/reservations');
    expect(lastText(sam)).toContain('Only a venue’s owner and staff see reservations');
  });
});
