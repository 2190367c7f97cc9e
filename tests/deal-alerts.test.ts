import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealAlertSettings, dealAlerts, follows, reservations, savedSearches, users } from '../db/schema.js';
import { createOffer } from '../lib/marketplace/offers.js';
import { createTestApp, manualClock, type TestApp } from './support/app.js';
import { buttonFor, buttonsOf, lastScreen, screens, shown, trackMessages } from './support/chat.js';
import { defaultItems, liveOffer, verifiedVenue } from './support/fixtures.js';
import { jobDriver } from './support/jobs.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, messageUpdate, type Person, people, textUpdate } from './support/updates.js';

/** Following a venue and hearing of its next deal, told through the update surface and the job path. */
describe(`follows and new-deal alerts (${storeLabel})`, () => {
  // A Monday, 10:00 in Berlin: outside the default quiet hours (22:00–08:00).
  const clock = manualClock(new Date('2030-06-03T08:00:00Z'));
  let app: TestApp;
  let jobs: ReturnType<typeof jobDriver>;
  let messages: ReturnType<typeof trackMessages>;
  let owner: Person;
  let venueId: number;
  const alice = people.alice;
  const bob = people.bob;

  beforeAll(async () => {
    app = await createTestApp(
      { RATE_LIMIT_MAX_REQUESTS: '1000', TIMEZONE: 'Europe/Berlin' },
      { qstash: true, clock },
    );
    jobs = jobDriver(app, clock);
    messages = trackMessages(app);
    const venue = await verifiedVenue(app.deps.db, {
      name: 'Olga’s Bakery',
      latitude: 52.52,
      longitude: 13.4,
    });
    owner = { id: venue.ownerId, first_name: 'Olga' };
    venueId = venue.id;
  });
  afterAll(() => app.close());

  async function tap(person: Person, prefix: string) {
    const button = buttonFor(app, person.id, prefix);
    expect(button, `a ${prefix} button for ${person.first_name}`).toBeDefined();
    return app.deliver(
      callbackUpdate(person, button!.callback_data!, messages.messageWith(person.id, prefix)),
    );
  }

  /** The owner drafts an offer and publishes it with /publish, as a venue does. */
  async function publish(title: string, { by = owner, startsIn = 1, hours = 3 } = {}) {
    const hour = 3_600_000;
    const offer = await createOffer(app.deps.db, {
      ownerId: by.id,
      title,
      pickupStart: new Date(clock.now().getTime() + startsIn * hour),
      pickupEnd: new Date(clock.now().getTime() + (startsIn + hours) * hour),
      items: defaultItems,
    });
    await app.deliver(textUpdate(by, `/publish ${offer.id}`));
    return offer;
  }

  const alertsTo = (person: Person) =>
    screens(app, person.id).filter((c) => /New from Olga’s Bakery/.test(shown(c)));

  it('shows ⭐ Follow and ↗️ Share on an offer card, and following turns the button', async () => {
    const offer = await liveOffer(app.deps.db, owner.id, { now: clock.now(), title: 'Morning buns' });
    await app.deliver(textUpdate(alice, '/offers'));
    await tap(alice, `offer:view:${offer.id}`);
    const card = screens(app, alice.id).find(
      (c) => shown(c).includes('Morning buns') && buttonsOf(c).length > 2,
    );
    const share = buttonsOf(card).find((b) => b.text.includes('Share')) as { url?: string } | undefined;
    expect(share?.url).toContain(encodeURIComponent(`https://t.me/SurplusFoodBot?start=offer_${offer.id}`));
    await tap(alice, `follow:add:${venueId}`);
    const rows = await app.deps.db.select().from(follows).where(eq(follows.customerId, alice.id));
    expect(rows.map((r) => r.venueId)).toEqual([venueId]);
    const turned = app.telegram.callsTo('editMessageReplyMarkup').at(-1);
    expect(JSON.stringify(turned?.params.reply_markup)).toContain(`follow:remove:${venueId}`);
  });

  it('sends no alert from the webhook: publishing only schedules the fan-out job', async () => {
    const before = screens(app, alice.id).length;
    await publish('Evening bread bag');
    expect(screens(app, alice.id)).toHaveLength(before);
    expect(jobs.pending('fan-out-deal-alerts')).toHaveLength(1);
  });

  it('alerts the follower with the offer card when the job runs', async () => {
    await jobs.runDue();
    const [alert] = alertsTo(alice);
    expect(shown(alert)).toContain('Evening bread bag');
    expect(buttonsOf(alert).some((b) => b.callback_data?.startsWith('buy:item:'))).toBe(true);
  });

  it('reserves from the alert’s Reserve button', async () => {
    await tap(alice, 'buy:item');
    await tap(alice, 'buy:qty');
    await tap(alice, 'buy:confirm');
    const mine = await app.deps.db.select().from(reservations).where(eq(reservations.customerId, alice.id));
    expect(mine.map((r) => r.status)).toEqual(['reserved']);
    expect(shown(lastScreen(app, alice.id))).toMatch(/Reserved!/);
  });

  it('never alerts anyone twice for one offer, however often the job is delivered', async () => {
    const offer = await publish('Lunch leftovers');
    await jobs.runDue();
    const { runJobByName } = await import('../lib/jobs/registry.js');
    await runJobByName(app.deps, app.runtime.bot.telegram, 'fan-out-deal-alerts', { offerId: offer.id });
    expect(alertsTo(alice).filter((c) => shown(c).includes('Lunch leftovers'))).toHaveLength(1);
  });

  it('lists followed venues in /following, and Unfollow stops the alerts', async () => {
    await app.deliver(textUpdate(alice, '/following'));
    expect(shown(lastScreen(app, alice.id))).toMatch(/Olga’s Bakery.*3 deals live now/s);
    await tap(alice, `follow:remove:${venueId}`);
    expect(await app.deps.db.select().from(follows).where(eq(follows.customerId, alice.id))).toEqual([]);
    const before = alertsTo(alice).length;
    await publish('Cake ends');
    await jobs.runDue();
    expect(alertsTo(alice)).toHaveLength(before);
  });

  it('holds no alert for a muted follower', async () => {
    await app.deliver(callbackUpdate(bob, `follow:add:${venueId}`));
    await app.deliver(textUpdate(bob, '/settings'));
    await tap(bob, 'settings:mute:1');
    expect(shown(lastScreen(app, bob.id))).toMatch(/alerts: <b>muted<\/b>/);
    await publish('Quiet muffins');
    await jobs.runAll({ until: new Date(clock.now().getTime() + 24 * 3_600_000) });
    expect(alertsTo(bob)).toEqual([]);
    await tap(bob, 'settings:mute:0');
  });

  it('holds an alert published in quiet hours until they end, then sends it', async () => {
    clock.set(new Date('2030-06-03T21:30:00Z')); // 23:30 in Berlin
    // Pickup tomorrow 10:00–13:00: still live when the quiet hours end.
    await publish('Late-night pretzels', { startsIn: 10.5 });
    await jobs.runDue();
    expect(alertsTo(bob).filter((c) => shown(c).includes('pretzels'))).toEqual([]);
    const [held] = await app.deps.db.select().from(dealAlerts).where(eq(dealAlerts.recipientId, bob.id));
    expect(held).toBeDefined();
    // The next run is scheduled for 08:00 Berlin time (06:00 UTC), and the offer is still live then.
    await jobs.runAll({ name: 'fan-out-deal-alerts' });
    const sent = alertsTo(bob).filter((c) => shown(c).includes('pretzels'));
    expect(sent).toHaveLength(1);
    const [row] = await app.deps.db.select().from(dealAlerts).where(eq(dealAlerts.id, held!.id));
    expect(row!.sentAt?.toISOString()).toBe('2030-06-04T06:00:00.000Z');
  });

  it('lets quiet hours be turned off in /settings', async () => {
    await app.deliver(textUpdate(bob, '/settings'));
    for (let i = 0; i < 3; i++) await tap(bob, 'settings:quiet');
    expect(shown(lastScreen(app, bob.id))).toMatch(/Quiet hours: <b>off<\/b>/);
  });

  it('answers a follow of a venue that doesn’t exist kindly and writes nothing', async () => {
    const update = callbackUpdate(bob, 'follow:add:999999');
    await app.deliver(update);
    const answer = app.telegram.callsTo('answerCallbackQuery').at(-1);
    expect(String(answer?.params.text)).toMatch(/can’t be followed/);
    expect(await app.deps.db.select().from(follows).where(eq(follows.venueId, 999999))).toEqual([]);
  });

  it.each([
    ['quiet hours that aren’t offered', 'settings:quiet:9', /isn’t available/],
    ['a saved search before any location is shared', 'search:save:2000:500', /Share your location first/],
    ['a radius that isn’t offered', 'search:radius:1234', /Share your location first|isn’t available/],
  ])('answers a button for %s kindly and writes nothing', async (_label, data, answer) => {
    const erin: Person = { id: 1006, first_name: 'Erin' };
    const update = callbackUpdate(erin, data);
    await app.deliver(update);
    const answered = app.telegram
      .callsTo('answerCallbackQuery')
      .find(
        (c) =>
          c.params.callback_query_id === (update as { callback_query: { id: string } }).callback_query.id,
      );
    expect(String(answered?.params.text)).toMatch(answer);
    expect(
      await app.deps.db.select().from(dealAlertSettings).where(eq(dealAlertSettings.userId, erin.id)),
    ).toEqual([]);
    expect(
      await app.deps.db.select().from(savedSearches).where(eq(savedSearches.customerId, erin.id)),
    ).toEqual([]);
  });

  it('saves a search from /offers after a location is shared, and alerts once per venue a day', async () => {
    const carol: Person = { id: 1003, first_name: 'Carol' };
    clock.set(new Date('2030-06-05T09:00:00Z'));
    await app.deliver(messageUpdate(carol, { location: { latitude: 52.521, longitude: 13.401 } }));
    await tap(carol, 'search:new');
    await tap(carol, 'search:radius:2000');
    await tap(carol, 'search:save:2000:500');
    expect(shown(lastScreen(app, carol.id))).toMatch(/Saved.*within 2\.0 km, up to €5\.00/s);
    await publish('Bagels');
    await publish('More bagels');
    await jobs.runDue();
    const got = screens(app, carol.id).filter((c) => /matches your saved search/.test(shown(c)));
    expect(got).toHaveLength(1);
    expect(shown(got[0])).toMatch(/Bagels/);
  });

  it('sends nothing to someone who blocked the bot, and marks them', async () => {
    const dave: Person = { id: 1004, first_name: 'Dave' };
    const deli = await verifiedVenue(app.deps.db, { name: 'Paul’s Deli' });
    await app.deliver(callbackUpdate(dave, `follow:add:${deli.id}`));
    const offer = await publish('Blocked buns', { by: { id: deli.ownerId, first_name: 'Paul' } });
    app.telegram.inject('sendMessage', { code: 403, description: 'Forbidden: bot was blocked by the user' });
    await jobs.runDue();
    app.telegram.clearInjected();
    const [row] = await app.deps.db.select().from(dealAlerts).where(eq(dealAlerts.offerId, offer.id));
    expect(row).toMatchObject({ recipientId: dave.id, status: 'blocked' });
    const [user] = await app.deps.db.select().from(users).where(eq(users.id, dave.id));
    expect(user!.blockedAt).not.toBeNull();
    expect(jobs.pending('fan-out-deal-alerts')).toEqual([]);
  });
});
