import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, offerItems, offers, venues } from '../db/schema.js';
import { presetLocations } from '../dev/sandbox/personas.js';
import { commandsFor } from '../lib/bot/texts/common.js';
import { venueMoment, venueWindow } from '../lib/bot/texts/format.js';
import { inLanguage } from '../lib/bot/texts/language.js';
import { saveSearch } from '../lib/marketplace/saved-searches.js';
import { backfillVenueZones, timeZoneNamed, zoneAt } from '../lib/marketplace/time-zones.js';
import { editVenueProfile } from '../lib/marketplace/venue-profile.js';
import { createTestApp, manualClock, type TestApp } from './support/app.js';
import { buttonsOf, lastScreen, screens, shown, tapButton, trackMessages } from './support/chat.js';
import { verifiedVenue } from './support/fixtures.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, messageUpdate, type Person, people, textUpdate } from './support/updates.js';

const places = {
  berlin: { latitude: 52.52, longitude: 13.405 },
  tokyo: { latitude: 35.6812, longitude: 139.7671 },
  madrid: { latitude: 40.4168, longitude: -3.7038 },
};

/**
 * Issue 17: a venue in Tokyo and one in Berlin on one deployment (TIMEZONE=UTC). Each types its pickup windows in
 * its own zone and sees them so; customers see every window in its venue's zone, with the zone named when their
 * own clock reads otherwise. All through the update surface on a fake clock.
 */
describe(`every venue in its own time zone (${storeLabel})`, () => {
  let app: TestApp;
  let messages: ReturnType<typeof trackMessages>;
  // Wednesday 2 December 2026, 05:00 UTC: 14:00 in Tokyo, 06:00 in Berlin.
  const clock = manualClock(new Date('2026-12-02T05:00:00Z'));
  const owners = {} as Record<'tokyo' | 'berlin' | 'nowhere', Person>;
  const venueIds = {} as Record<'tokyo' | 'berlin' | 'nowhere', number>;

  beforeAll(async () => {
    app = await createTestApp({ TIMEZONE: 'UTC', RATE_LIMIT_MAX_REQUESTS: '1000' }, { clock });
    messages = trackMessages(app);
    const made = {
      tokyo: await verifiedVenue(app.deps.db, { name: 'Tokyo Bento', ...places.tokyo }),
      berlin: await verifiedVenue(app.deps.db, { name: 'Berlin Backstube', ...places.berlin }),
      nowhere: await verifiedVenue(app.deps.db, { name: 'Pinless Deli' }),
    };
    for (const key of ['tokyo', 'berlin', 'nowhere'] as const) {
      owners[key] = { id: made[key].ownerId, first_name: key };
      venueIds[key] = made[key].id;
    }
  });
  afterAll(() => app.close());

  const say = (person: Person, text: string) => app.deliver(textUpdate(person, text));
  const tap = (person: Person, prefix: string) => tapButton(app, messages, person, prefix);
  const lastText = (person: Person) => shown(lastScreen(app, person.id));
  /** The newest /offers list in a customer's chat (a nudge to share a location may follow it). */
  const listText = (person: Person) =>
    screens(app, person.id)
      .map(shown)
      .filter((text) => text.includes('supper') || text.includes('lunch'))
      .at(-1) ?? '';
  const offerTitled = async (title: string) =>
    (await app.deps.db.select().from(offers).where(eq(offers.title, title)))[0]!;

  /** The owner posts an offer through /newoffer, typing the window, and publishes it. */
  async function post(owner: Person, title: string, window: string) {
    await say(owner, '/newoffer');
    await say(owner, title);
    await say(owner, 'Bento box, 12.00, 5.00, 3');
    await tap(owner, 'wiz:done');
    await say(owner, window);
    await tap(owner, 'wiz:skip');
    await tap(owner, 'wiz:publish');
    return offerTitled(title);
  }

  it('looks each venue’s zone up from its location; a venue without one has none', async () => {
    const rows = await app.deps.db.select().from(venues);
    const zoneOf = (id: number) => rows.find((v) => v.id === id)?.timeZone;
    expect(zoneOf(venueIds.tokyo)).toBe('Asia/Tokyo');
    expect(zoneOf(venueIds.berlin)).toBe('Europe/Berlin');
    expect(zoneOf(venueIds.nowhere)).toBeNull();
  });

  it('takes a new venue’s zone from the location it registers with', async () => {
    const kenji = { id: 7001, first_name: 'Kenji' };
    await say(kenji, '/register');
    await say(kenji, 'Kenji Ramen');
    await say(kenji, '1-2-3 Shibuya, Tokyo');
    await app.deliver(messageUpdate(kenji, { location: places.tokyo }));
    await app.deliver(
      messageUpdate(kenji, {
        contact: { phone_number: '+81312345678', first_name: 'Kenji', user_id: kenji.id },
      }),
    );
    await say(kenji, 'Ramen and gyoza');
    await say(kenji, 'Skip');
    const [venue] = await app.deps.db.select().from(venues).where(eq(venues.ownerId, kenji.id));
    expect(venue).toMatchObject({ name: 'Kenji Ramen', timeZone: 'Asia/Tokyo' });
  });

  it('stores "18:00-20:00" typed in Tokyo as 09:00 UTC and in Berlin as 17:00 UTC (winter)', async () => {
    const tokyo = await post(owners.tokyo, 'Tokyo supper', '18:00-20:00');
    const berlin = await post(owners.berlin, 'Berlin supper', '18:00-20:00');
    expect([tokyo.pickupStart.toISOString(), tokyo.pickupEnd.toISOString()]).toEqual([
      '2026-12-02T09:00:00.000Z',
      '2026-12-02T11:00:00.000Z',
    ]);
    expect(berlin.pickupStart.toISOString()).toBe('2026-12-02T17:00:00.000Z');
    expect(tokyo.status).toBe('active');
  });

  it('uses TIMEZONE for a venue without a location', async () => {
    const offer = await post(owners.nowhere, 'Pinless supper', '18:00-20:00');
    expect(offer.pickupStart.toISOString()).toBe('2026-12-02T18:00:00.000Z');
  });

  it('shows each owner their window as typed, with no zone named', async () => {
    for (const key of ['tokyo', 'berlin'] as const) {
      await say(owners[key], '/myoffers');
      expect(lastText(owners[key])).toContain('today 18:00–20:00');
      expect(lastText(owners[key])).not.toMatch(/time\)/);
    }
  });

  it('shows a customer in Berlin the Berlin window plain and the Tokyo one in Tokyo time', async () => {
    await app.deliver(messageUpdate(people.alice, { location: places.berlin }));
    await say(people.alice, '/offers');
    const list = listText(people.alice);
    expect(list).toMatch(/Berlin supper[\s\S]*?today 18:00–20:00(?! \()/);
    expect(list).toMatch(/Tokyo supper[\s\S]*?today 18:00–20:00 \(Tokyo time\)/);
    expect(list).toMatch(/Pinless supper[\s\S]*?today 18:00–20:00 \(UTC\)/);
  });

  it('shows a customer in Tokyo the Berlin window in Berlin time', async () => {
    await app.deliver(messageUpdate(people.bob, { location: places.tokyo }));
    await say(people.bob, '/offers');
    const list = listText(people.bob);
    expect(list).toMatch(/Tokyo supper[\s\S]*?today 18:00–20:00(?! \()/);
    expect(list).toMatch(/Berlin supper[\s\S]*?today 18:00–20:00 \(Berlin time\)/);
  });

  it('labels by TIMEZONE for a customer who shared no location', async () => {
    const carol = { id: 1003, first_name: 'Carol' };
    await say(carol, '/offers');
    const list = listText(carol);
    expect(list).toMatch(/Berlin supper[\s\S]*?today 18:00–20:00 \(Berlin time\)/);
    expect(list).toMatch(/Tokyo supper[\s\S]*?today 18:00–20:00 \(Tokyo time\)/);
    expect(list).toMatch(/Pinless supper[\s\S]*?today 18:00–20:00(?! \()/);
  });

  it('names the zone in the offer’s details in the customer’s language', async () => {
    const tokyo = await offerTitled('Tokyo supper');
    await app.deliver(callbackUpdate(people.alice, `offer:view:${tokyo.id}`));
    expect(lastText(people.alice)).toContain('18:00–20:00 (Tokyo time)');
  });

  it('confirms a reservation in the venue’s zone, and tells the venue without a label', async () => {
    const tokyo = await offerTitled('Tokyo supper');
    const [item] = await app.deps.db.select().from(offerItems).where(eq(offerItems.offerId, tokyo.id));
    await app.deliver(callbackUpdate(people.alice, `buy:confirm:${tokyo.id}:${item!.id}:1`));
    expect(lastText(people.alice)).toContain('today 18:00–20:00 (Tokyo time)');
    const told = shown(lastScreen(app, owners.tokyo.id));
    expect(told).toContain('today 18:00–20:00');
    expect(told).not.toContain('time)');
  });

  it('keeps a customer’s quiet hours in the zone of their saved search, and says so in /settings', async () => {
    const dave = { id: 1004, first_name: 'Dave' };
    await say(dave, '/settings');
    expect(lastText(dave)).toContain('(UTC)');
    await saveSearch(app.deps.db, {
      customerId: dave.id,
      firstName: 'Dave',
      search: { ...places.tokyo, radiusM: 2000, maxPrice: null },
      now: clock.now(),
    });
    await say(dave, '/settings');
    expect(lastText(dave)).toContain('(Asia/Tokyo)');
  });

  describe('at a date boundary: 23:30 in Berlin is already tomorrow in Tokyo', () => {
    beforeAll(() => clock.set(new Date('2026-12-02T22:30:00Z')));

    it('offers Tokyo’s today (Thursday) in the slot buttons and stores the window on that day', async () => {
      await say(owners.tokyo, '/newoffer');
      await say(owners.tokyo, 'Tokyo breakfast');
      await say(owners.tokyo, 'Onigiri, 6.00, 2.00, 5');
      await tap(owners.tokyo, 'wiz:done');
      const slots = buttonsOf(lastScreen(app, owners.tokyo.id)).map((b) => b.text);
      // 07:30 in Tokyo: today's noon slot is still ahead.
      expect(slots).toContain('Today 12:00–14:00');
      await tap(owners.tokyo, 'wiz:slot:0:720:840');
      await tap(owners.tokyo, 'wiz:skip');
      await tap(owners.tokyo, 'wiz:publish');
      const offer = await offerTitled('Tokyo breakfast');
      expect(offer.pickupStart.toISOString()).toBe('2026-12-03T03:00:00.000Z');
    });

    it('reads "today" typed in Tokyo as Tokyo’s Thursday, not Berlin’s Wednesday', async () => {
      const offer = await post(owners.tokyo, 'Tokyo lunch', 'today 18-20');
      expect(offer.pickupStart.toISOString()).toBe('2026-12-03T09:00:00.000Z');
    });

    it('calls it "today" (the venue’s day) to a customer in Berlin, for whom it is tomorrow', async () => {
      await say(people.alice, '/offers');
      expect(listText(people.alice)).toMatch(/Tokyo lunch[\s\S]*?today 18:00–20:00 \(Tokyo time\)/);
    });
  });

  describe('on the day Berlin leaves summer time', () => {
    // Saturday 24 October 2026, 12:00 in Berlin (CEST, +2); clocks go back to CET (+1) on Sunday at 03:00.
    beforeAll(() => clock.set(new Date('2026-10-24T10:00:00Z')));

    it('takes "morgen 18-20" as Sunday 18:00 CET and "heute 18-20" as Saturday 18:00 CEST', async () => {
      const sunday = await post(owners.berlin, 'Sunday soup', 'morgen 18-20');
      expect(sunday.pickupStart.toISOString()).toBe('2026-10-25T17:00:00.000Z');
      const saturday = await post(owners.berlin, 'Saturday soup', 'heute 18-20');
      expect(saturday.pickupStart.toISOString()).toBe('2026-10-24T16:00:00.000Z');
    });

    it('shows both as 18:00–20:00 to the owner', async () => {
      await say(owners.berlin, '/myoffers');
      expect(lastText(owners.berlin)).toContain('tomorrow 18:00–20:00');
      expect(lastText(owners.berlin)).toContain('today 18:00–20:00');
    });
  });

  describe('an admin’s override', () => {
    beforeAll(() => clock.set(new Date('2026-12-02T05:00:00Z')));
    const auditRows = () =>
      app.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'venue.time_zone'), eq(auditLog.entityId, venueIds.nowhere)));
    const zoneOfPinless = async () =>
      (await app.deps.db.select().from(venues).where(eq(venues.id, venueIds.nowhere)))[0]!.timeZone;

    it('sets a venue’s zone with an audit row, and the owner types in it from then on', async () => {
      await say(people.admin, `/timezone ${venueIds.nowhere} europe/madrid`);
      expect(lastText(people.admin)).toContain('now runs on <b>Europe/Madrid</b> (was UTC)');
      expect(await zoneOfPinless()).toBe('Europe/Madrid');
      expect(await auditRows()).toHaveLength(1);
      const offer = await post(owners.nowhere, 'Madrid supper', '21:00-22:00');
      expect(offer.pickupStart.toISOString()).toBe('2026-12-02T20:00:00.000Z');
    });

    it('changes nothing when the venue already has that zone', async () => {
      await say(people.admin, `/timezone ${venueIds.nowhere} Europe/Madrid`);
      expect(lastText(people.admin)).toContain('already runs on <b>Europe/Madrid</b>');
      expect(await auditRows()).toHaveLength(1);
    });

    it.each([
      ['an unknown zone', `/timezone {id} Mars/Olympus_Mons`, 'is not a time zone I know'],
      ['no zone', `/timezone {id}`, 'Usage: <code>/timezone'],
      ['two words', `/timezone {id} Europe Berlin`, 'Usage: <code>/timezone'],
      ['no venue id', `/timezone Europe/Berlin`, 'Usage: <code>/timezone'],
    ])('refuses %s with a friendly line and changes nothing', async (_label, command, line) => {
      await say(people.admin, command.replace('{id}', String(venueIds.nowhere)));
      expect(lastText(people.admin)).toContain(line);
      expect(await zoneOfPinless()).toBe('Europe/Madrid');
      expect(await auditRows()).toHaveLength(1);
    });

    it('says so for a venue that does not exist', async () => {
      await say(people.admin, '/timezone 999999 Asia/Tokyo');
      expect(lastText(people.admin)).toMatch(/venue/i);
      expect(await auditRows()).toHaveLength(1);
    });

    it('refuses an owner, changing nothing', async () => {
      await say(owners.berlin, `/timezone ${venueIds.nowhere} Asia/Tokyo`);
      expect(lastText(owners.berlin)).not.toContain('now runs on');
      expect(await zoneOfPinless()).toBe('Europe/Madrid');
    });

    it('tells the audit trail and lists /timezone in the admin’s help and command menu', async () => {
      await say(people.admin, `/audit venue ${venueIds.nowhere}`);
      expect(lastText(people.admin)).toContain('set its time zone to Europe/Madrid');
      await say(people.admin, '/help');
      expect(lastText(people.admin)).toContain('/timezone &lt;id&gt; &lt;zone&gt;');
      expect(commandsFor('admin').map((c) => c.command)).toContain('timezone');
    });

    it('names the zone on the admin’s /venue card and on the owner’s profile', async () => {
      await say(people.admin, `/venue ${venueIds.tokyo}`);
      expect(lastText(people.admin)).toContain('Time zone: <b>Asia/Tokyo</b>');
      await say(owners.nowhere, '/venue');
      expect(lastText(owners.nowhere)).toContain('Time zone: <b>Europe/Madrid</b>');
    });
  });

  describe('a venue that moves', () => {
    it('takes the zone of its new place, and keeps an override while its pin stays put', async () => {
      const ownerId = owners.berlin.id;
      const moved = await editVenueProfile(app.deps.db, {
        ownerId,
        edit: { field: 'location', value: places.madrid },
      });
      expect(moved.venue.timeZone).toBe('Europe/Madrid');
      await say(people.admin, `/timezone ${venueIds.berlin} Atlantic/Canary`);
      const unmoved = await editVenueProfile(app.deps.db, {
        ownerId,
        edit: { field: 'location', value: places.madrid },
      });
      expect(unmoved.venue.timeZone).toBe('Atlantic/Canary');
      const removed = await editVenueProfile(app.deps.db, {
        ownerId,
        edit: { field: 'location', value: null },
      });
      expect(removed.venue.timeZone).toBeNull();
    });
  });

  describe('venues registered before the zones', () => {
    it('are filled from their location by the backfill, once', async () => {
      await app.deps.db.execute(sql`update venues set time_zone = null where id = ${venueIds.tokyo}`);
      expect(await backfillVenueZones(app.deps.db)).toBe(1);
      expect(await backfillVenueZones(app.deps.db)).toBe(0);
      const [tokyo] = await app.deps.db.select().from(venues).where(eq(venues.id, venueIds.tokyo));
      expect(tokyo!.timeZone).toBe('Asia/Tokyo');
    });
  });
});

describe('time zone names and lookups', () => {
  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['europe/berlin', 'Europe/Berlin'],
    ['  Asia/Tokyo ', 'Asia/Tokyo'],
    ['UTC', 'UTC'],
    ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
  ])('reads %s as %s', (typed, zone) => {
    expect(timeZoneNamed(typed)).toBe(zone);
  });

  it.each(['Mars/Olympus', 'Berlin', '', 'Europe/Berlin; drop table venues', '../etc/passwd'])(
    'refuses "%s"',
    (typed) => {
      expect(timeZoneNamed(typed)).toBeNull();
    },
  );

  it.each([
    [places.berlin, 'Europe/Berlin'],
    [places.tokyo, 'Asia/Tokyo'],
    [places.madrid, 'Europe/Madrid'],
    [{ latitude: 55.7558, longitude: 37.6173 }, 'Europe/Moscow'],
    [{ latitude: 40.7128, longitude: -74.006 }, 'America/New_York'],
  ])('finds the zone at %o', (place, zone) => {
    expect(zoneAt(place.latitude, place.longitude)).toBe(zone);
  });

  it('finds none outside the globe', () => {
    expect(zoneAt(91, 0)).toBeNull();
    expect(zoneAt(0, 181)).toBeNull();
    expect(zoneAt(Number.NaN, 0)).toBeNull();
  });
});

describe('the zone label after a window', () => {
  // 05:00 UTC on 2 December 2026; a Tokyo window of 18:00–20:00 its time.
  const now = new Date('2026-12-02T05:00:00Z');
  const start = new Date('2026-12-02T09:00:00Z');
  const end = new Date('2026-12-02T11:00:00Z');
  const locale = (timezone: string) => ({ now, timezone, defaultZone: 'UTC', currency: 'EUR' });

  it.each([
    ['en', 'today 18:00–20:00 (Tokyo time)'],
    ['de', 'heute 18:00–20:00 (Ortszeit Tokio)'],
    ['es', 'hoy 18:00–20:00 (hora de Tokio)'],
    ['ru', 'сегодня 18:00–20:00 (время: Токио)'],
  ] as const)('reads in %s: %s', (language, shownText) => {
    expect(inLanguage(language, () => venueWindow(start, end, locale('Europe/Berlin'), 'Asia/Tokyo'))).toBe(
      shownText,
    );
  });

  it('names a place by its IANA id where no translation is known', () => {
    const window = venueWindow(start, end, locale('Europe/Berlin'), 'America/Argentina/Buenos_Aires');
    expect(window).toMatch(/\(Buenos Aires time\)$/);
  });

  it('names zones of no place by their offset', () => {
    expect(venueWindow(start, end, locale('Europe/Berlin'), 'Etc/GMT-9')).toBe('today 18:00–20:00 (UTC+9)');
    expect(venueWindow(start, end, locale('Asia/Tokyo'), null)).toBe('today 09:00–11:00 (UTC)');
  });

  it('adds nothing when the viewer’s clock reads the same (Paris and Berlin), or the zone is theirs', () => {
    expect(venueWindow(start, end, locale('Europe/Paris'), 'Europe/Berlin')).toBe('today 10:00–12:00');
    expect(venueWindow(start, end, locale('Asia/Tokyo'), 'Asia/Tokyo')).toBe('today 18:00–20:00');
  });

  it('compares the clocks at the window, across a change to summer time', () => {
    // London and Lisbon read alike all year; London and Berlin never do.
    const summer = new Date('2026-07-01T16:00:00Z');
    const later = new Date('2026-07-01T18:00:00Z');
    const l = { ...locale('Europe/Lisbon'), now: summer };
    expect(venueWindow(summer, later, l, 'Europe/London')).toBe('today 17:00–19:00');
    expect(venueWindow(summer, later, l, 'Europe/Berlin')).toBe('today 18:00–20:00 (Berlin time)');
  });

  it('shows the venue’s next drop the same way', () => {
    expect(venueMoment(start, locale('Europe/Berlin'), 'Asia/Tokyo')).toBe('today 18:00 (Tokyo time)');
  });
});

describe('the sandbox’s preset places', () => {
  it('span several cities and time zones', () => {
    const zones = new Set(presetLocations.map((p) => zoneAt(p.latitude, p.longitude)));
    expect([...zones].sort()).toEqual([
      'America/New_York',
      'Asia/Tokyo',
      'Europe/Berlin',
      'Europe/Madrid',
      'Europe/Moscow',
    ]);
  });
});
