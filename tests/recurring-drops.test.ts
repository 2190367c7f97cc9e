import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drops, offerItems, offers } from '../db/schema.js';
import { runSweep } from '../lib/jobs/expire-offer.js';
import { runJobByName } from '../lib/jobs/registry.js';
import { nextRunAfter, parseWeekdays, WEEKDAY_SETS } from '../lib/marketplace/drops.js';
import { createTestApp, manualClock, type TestApp } from './support/app.js';
import { lastScreen, shown, tapButton, trackMessages } from './support/chat.js';
import type { PublishedMessage } from './support/fake-qstash.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, people, textUpdate } from './support/updates.js';

const ZONE = 'Europe/Berlin';

/** "Every weekday 18:00–20:00, publish at 16:00": set up by buttons, published by the job on the fake clock. */
describe(`recurring drops (${storeLabel})`, () => {
  let app: TestApp;
  let messages: ReturnType<typeof trackMessages>;
  let owner: Person;
  let sourceId: number;
  let dropId: number;
  // Monday 30 November 2026, 11:00 in Berlin.
  const clock = manualClock(new Date('2026-11-30T10:00:00Z'));
  const delivered = new Set<string>();

  beforeAll(async () => {
    app = await createTestApp({ TIMEZONE: ZONE, RATE_LIMIT_MAX_REQUESTS: '1000' }, { qstash: true, clock });
    messages = trackMessages(app);
    const venue = await verifiedVenue(app.deps.db, { name: 'Olga’s Bakery' });
    owner = { id: venue.ownerId, first_name: 'Olga' };
    sourceId = (await liveOffer(app.deps.db, owner.id, { now: clock.now(), title: 'Evening bread bag' })).id;
  });
  afterAll(() => app.close());

  const say = (person: Person, text: string) => app.deliver(textUpdate(person, text));
  const tap = (person: Person, prefix: string) => tapButton(app, messages, person, prefix);
  const lastText = (person: Person) => shown(lastScreen(app, person.id));
  const dropOffers = () =>
    app.deps.db.select().from(offers).where(eq(offers.dropId, dropId)).orderBy(offers.id);
  const dropJobs = () => app.qstash!.messages.filter((m) => m.destination.endsWith('/api/jobs/publish-drop'));
  /** QStash delivers a job at its time: the clock moves there and the job runs through the registry. */
  async function deliver(message: PublishedMessage) {
    clock.set(new Date(message.notBefore! * 1000));
    delivered.add(message.messageId);
    return runJobByName(app.deps, app.runtime.bot.telegram, 'publish-drop', JSON.parse(message.body));
  }
  const nextJob = () => dropJobs().find((m) => !delivered.has(m.messageId));

  it('sets up a drop from an offer’s card: weekdays, a pickup time and a publish time', async () => {
    await say(owner, '/myoffers');
    await tap(owner, `offer:manage:${sourceId}`);
    await tap(owner, `offer:drop:${sourceId}`);
    await tap(owner, 'drop:days:weekdays');
    await say(owner, '18:00-20:00');
    await tap(owner, 'drop:lead:120');
    expect(lastText(owner)).toContain('every weekday, pickup 18:00–20:00, published at 16:00');
    expect(lastText(owner)).toContain('The first one goes live today 16:00');
    await tap(owner, 'drop:create');
    const [drop] = await app.deps.db.select().from(drops).where(eq(drops.title, 'Evening bread bag'));
    dropId = drop!.id;
    expect(drop).toMatchObject({ status: 'active', weekdays: WEEKDAY_SETS.weekdays, publishAt: 16 * 60 });
    expect(lastText(owner)).toContain('Next drop: today 16:00');
  });

  it('schedules the first publication for 16:00 Berlin time', () => {
    const job = nextJob()!;
    expect(job.notBefore).toBe(Date.parse('2026-11-30T15:00:00Z') / 1000);
    expect(JSON.parse(job.body)).toEqual({ dropId, runAt: '2026-11-30T15:00:00.000Z' });
  });

  it('shows customers when the venue drops next', async () => {
    await app.deliver(callbackUpdate(people.alice, `offer:view:${sourceId}`));
    expect(shown(lastScreen(app, people.alice.id))).toContain('📅 Next drop: today 16:00');
  });

  it('publishes a copy with the same items at the scheduled time, picked up 18:00–20:00', async () => {
    await deliver(nextJob()!);
    const [published] = await dropOffers();
    expect(published).toMatchObject({ status: 'active', title: 'Evening bread bag' });
    expect(published!.pickupStart.toISOString()).toBe('2026-11-30T17:00:00.000Z');
    expect(published!.pickupEnd.toISOString()).toBe('2026-11-30T19:00:00.000Z');
    const items = await app.deps.db.select().from(offerItems).where(eq(offerItems.offerId, published!.id));
    expect(items.map((i) => [i.name, i.quantityAvailable])).toEqual([
      ['Bread bag', 4],
      ['Pastry box', 3],
    ]);
  });

  it('schedules the copy’s expiry and the next weekday’s publication', () => {
    const expiry = app.qstash!.messages.filter((m) => m.destination.endsWith('/expire-offer')).at(-1)!;
    expect(expiry.notBefore).toBe(Date.parse('2026-11-30T19:00:00Z') / 1000);
    expect(JSON.parse(nextJob()!.body).runAt).toBe('2026-12-01T15:00:00.000Z');
  });

  it('publishes nothing twice when the same job is delivered again', async () => {
    const first = dropJobs()[0]!;
    await runJobByName(app.deps, app.runtime.bot.telegram, 'publish-drop', JSON.parse(first.body));
    expect(await dropOffers()).toHaveLength(1);
  });

  it('skips the weekend: Friday’s publication is followed by Monday’s', async () => {
    for (let day = 0; day < 4; day++) await deliver(nextJob()!);
    expect(await dropOffers()).toHaveLength(5);
    expect(JSON.parse(nextJob()!.body).runAt).toBe('2026-12-07T15:00:00.000Z');
  });

  it('stops from /venue → Drops, and the job then publishes nothing and schedules nothing', async () => {
    await say(owner, '/venue');
    await tap(owner, 'drops:list');
    expect(lastText(owner)).toContain('Next: Mon 7 Dec 16:00');
    await tap(owner, `drop:stop:${dropId}`);
    expect((await app.deps.db.select().from(drops).where(eq(drops.id, dropId)))[0]!.status).toBe('stopped');
    const jobsBefore = dropJobs().length;
    await deliver(nextJob()!);
    expect(await dropOffers()).toHaveLength(5);
    expect(dropJobs()).toHaveLength(jobsBefore);
  });

  it('publishes a drop whose job was lost on the next sweep', async () => {
    await tap(owner, `offer:drop:${sourceId}`);
    await tap(owner, 'drop:days:daily');
    await say(owner, '9-11');
    await say(owner, '8:00');
    await tap(owner, 'drop:create');
    const [second] = await app.deps.db
      .select()
      .from(drops)
      .where(and(eq(drops.title, 'Evening bread bag'), eq(drops.status, 'active')));
    // The job never comes; the sweep runs after its time.
    clock.set(new Date(second!.nextRunAt.getTime() + 10 * 60_000));
    await runSweep(app.deps, app.runtime.bot.telegram);
    const published = await app.deps.db.select().from(offers).where(eq(offers.dropId, second!.id));
    expect(published).toHaveLength(1);
  });
});

describe('drop schedules', () => {
  it.each([
    ['weekdays', WEEKDAY_SETS.weekdays],
    ['every day', WEEKDAY_SETS.daily],
    ['weekend', WEEKDAY_SETS.weekends],
    ['mon wed fri', 0b0101010],
    ['mon-wed, sat', 0b1001110],
    ['fri-mon', 0b1100011],
  ])('reads "%s" as the right days', (text, bits) => {
    expect(parseWeekdays(text)).toBe(bits);
  });

  it.each(['someday', 'mon and fri', ''])('reads "%s" as no days', (text) => {
    expect(parseWeekdays(text)).toBeNull();
  });

  it('keeps 16:00 local across the change to summer time', () => {
    const schedule = { weekdays: WEEKDAY_SETS.daily, windowStart: 1080, windowEnd: 1200, publishAt: 960 };
    // Saturday 28 March 2026, after 16:00; Berlin moves to summer time that night.
    const next = nextRunAfter(schedule, new Date('2026-03-28T16:00:00Z'), ZONE)!;
    expect(next.toISOString()).toBe('2026-03-29T14:00:00.000Z');
  });
});
