import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerItems, offers, ratings, venues } from '../db/schema.js';
import type { Db } from '../lib/infra/db.js';
import { confirmPickup } from '../lib/marketplace/confirm-pickup.js';
import { findOffersByText, searchWords, type TextSearch } from '../lib/marketplace/find-offers-by-text.js';
import { transitionOffer } from '../lib/marketplace/offer-transitions.js';
import { createOffer } from '../lib/marketplace/offers.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { createTestApp, type TestApp } from './support/app.js';
import { buttonsOf, lastScreen, shown, trackMessages } from './support/chat.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { createTestDatabase, storeLabel, type TestDatabase } from './support/stores.js';
import { callbackUpdate, messageUpdate, type Person, people, textUpdate } from './support/updates.js';

const now = new Date();
const berlin = { latitude: 52.52, longitude: 13.405 };

describe('search words', () => {
  it.each([
    ['letters and digits in any script, lower-cased', 'Brötchen 2 СУШИ', ['brötchen', '2', 'суши']],
    [
      'quotes, operators and SQL as separators only',
      `'; drop table offers; -- & | ! :*`,
      ['drop', 'table', 'offers'],
    ],
    ['nothing from emoji alone', '🍞🥐🍣', []],
    [
      'at most eight words of at most 40 characters',
      `${'a'.repeat(60)} ${'b '.repeat(20)}`,
      ['a'.repeat(40), ...Array(7).fill('b')],
    ],
  ])('keeps %s', (_, text, words) => {
    expect(searchWords(text)).toEqual(words);
  });
});

describe(`finding live offers by text (${storeLabel})`, () => {
  let database: TestDatabase;
  let db: Db;
  const find = async (text: string, options: Partial<TextSearch> = {}) =>
    findOffersByText(db, { words: searchWords(text), config: 'english', now, page: 0, ...options });
  const titles = async (text: string, options: Partial<TextSearch> = {}) =>
    (await find(text, options)).offers.map((o) => o.title);

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    const bakery = await verifiedVenue(db, { name: 'Kiez Bäckerei', ...berlin });
    const sushi = await verifiedVenue(db, { name: 'Sushi Ya', latitude: 52.5, longitude: 13.3 });
    const deli = await verifiedVenue(db, { name: 'Corner Deli', latitude: 52.53, longitude: 13.41 });
    await liveOffer(db, bakery.ownerId, {
      now,
      title: 'Brötchen vom Vortag',
      items: [{ name: 'Roggenbrot', originalPrice: 800, price: 300, quantity: 3 }],
    });
    await liveOffer(db, sushi.ownerId, {
      now,
      title: 'Evening box',
      items: [{ name: 'Maki set', originalPrice: 1500, price: 600, quantity: 2 }],
    });
    await liveOffer(db, deli.ownerId, {
      now,
      title: 'Sandwich bag',
      items: [{ name: 'Breads and rolls', originalPrice: 900, price: 400, quantity: 5 }],
    });
  });
  afterAll(() => database.close());

  it('matches a word in the title, an item or the venue’s name', async () => {
    expect(await titles('sandwich')).toEqual(['Sandwich bag']);
    expect(await titles('maki')).toEqual(['Evening box']);
    expect(await titles('sushi')).toEqual(['Evening box']);
  });

  it('stems in the searcher’s language: “bread” finds “Breads and rolls”', async () => {
    expect(await titles('bread')).toEqual(['Sandwich bag']);
  });

  it('stems German: “Brötchen” and the prefix “brot” find the bakery’s offer', async () => {
    expect(await titles('Brötchen', { config: 'german' })).toEqual(['Brötchen vom Vortag']);
    expect(await titles('brot', { config: 'german' })).toEqual(['Brötchen vom Vortag']);
  });

  it('needs every word', async () => {
    expect(await titles('sushi maki')).toEqual(['Evening box']);
    expect(await titles('sushi sandwich')).toEqual([]);
  });

  it('reads SQL, tsquery operators and a 5,000-character message as plain words, and changes nothing', async () => {
    expect(await titles(`'); delete from offers; --`)).toEqual([]);
    // "!" does not negate and "|" does not widen: both words are simply required.
    expect(await titles('bread & !sandwich | (:*')).toEqual(['Sandwich bag']);
    expect(await titles('x'.repeat(5000))).toEqual([]);
    expect(await titles('🍞')).toEqual([]);
    expect(await titles('sandwich')).toEqual(['Sandwich bag']);
  });

  describe('ranking', () => {
    /** A published offer of one item at `price` (of 1000) ending in `hours`, with an optional description. */
    async function offerAt(ownerId: number, title: string, price: number, description = '', hours = 3) {
      const offer = await createOffer(db, {
        ownerId,
        title,
        description,
        pickupStart: new Date(now.getTime() - 60_000),
        pickupEnd: new Date(now.getTime() + hours * 3_600_000),
        items: [{ name: 'Bag', originalPrice: 1000, price, quantity: 5 }],
      });
      await transitionOffer(db, {
        idempotencyKey: newKey(),
        offerId: offer.id,
        ownerId,
        action: 'publish',
        now,
      });
    }

    beforeAll(async () => {
      const near = await verifiedVenue(db, { name: 'Near Kitchen', latitude: 52.521, longitude: 13.406 });
      const far = await verifiedVenue(db, { name: 'Far Kitchen', latitude: 52.4, longitude: 13.1 });
      await offerAt(near.ownerId, 'Kimchi jar', 500);
      await offerAt(far.ownerId, 'Kimchi jar, cheaper', 300);
      await offerAt(near.ownerId, 'Pickle plate', 400, 'with a spoon of kimchi');
    });

    it('puts the better deal first when both match as well', async () => {
      expect(await titles('kimchi jar')).toEqual(['Kimchi jar, cheaper', 'Kimchi jar']);
    });

    it('puts a match in the title above one in the description only', async () => {
      const found = await titles('kimchi');
      expect(found.indexOf('Kimchi jar')).toBeLessThan(found.indexOf('Pickle plate'));
      expect((await find('kimchi')).offers.map((o) => o.relevance)[0]).toBe(1);
    });

    it('lets a much nearer offer win once the location is known', async () => {
      expect(await titles('kimchi jar', { location: berlin })).toEqual(['Kimchi jar', 'Kimchi jar, cheaper']);
    });

    it('sorts nearest first for “near me”, whatever the score', async () => {
      const found = await find('kimchi', { location: berlin, nearestFirst: true });
      const km = found.offers.map((o) => o.distanceKm!);
      expect(km).toEqual([...km].sort((a, b) => a - b));
      expect(found.offers.at(-1)?.title).toBe('Kimchi jar, cheaper');
    });

    it('finds the nearest for “near me” among more matches than it ranks (200)', async () => {
      // 201 far-away matches whose titles say "noodle" twice (more relevant), then one plain match next door.
      const far = await verifiedVenue(db, { name: 'Far Noodles', latitude: 48.137, longitude: 11.575 });
      await db.execute(sql`
        insert into offers (venue_id, title, pickup_start, pickup_end, status, units_available, published_at)
        select ${far.id}, 'Noodle noodle box ' || n, ${new Date(now.getTime() - 60_000).toISOString()}::timestamptz,
          ${new Date(now.getTime() + 3 * 3_600_000).toISOString()}::timestamptz, 'active', 1,
          ${now.toISOString()}::timestamptz
        from generate_series(1, 201) n`);
      await db.execute(sql`
        insert into offer_items (offer_id, name, original_price, price, quantity_total, quantity_available)
        select id, 'Box', 900, 300, 1, 1 from offers where venue_id = ${far.id}`);
      const near = await verifiedVenue(db, { name: 'Corner Shop', latitude: 52.5201, longitude: 13.4051 });
      await offerAt(near.ownerId, 'Noodle cup', 300);
      expect((await find('noodle', { location: berlin, nearestFirst: true })).offers[0]?.title).toBe(
        'Noodle cup',
      );
      // Without "near me" the most relevant come first, as ever.
      expect((await find('noodle', { location: berlin })).offers[0]?.title).not.toBe('Noodle cup');
    });

    it('pages five at a time', async () => {
      const bakery = await verifiedVenue(db, { name: 'Paging Bakery' });
      for (let i = 0; i < 7; i++) await offerAt(bakery.ownerId, `Muffin ${i}`, 500);
      const first = await find('muffin');
      const second = await find('muffin', { page: 1 });
      expect([first.total, first.pages, first.offers.length, second.offers.length]).toEqual([7, 2, 5, 2]);
    });
  });
});

describe(`typing to the bot is a search (${storeLabel})`, () => {
  let app: TestApp;
  let messages: ReturnType<typeof trackMessages>;
  let owner: Person;
  const greta = { id: 1401, first_name: 'Greta', language_code: 'de' } as Person;
  const { alice, bob } = people;

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' });
    messages = trackMessages(app);
    const bakery = await verifiedVenue(app.deps.db, {
      name: 'Kiez Bäckerei',
      latitude: 52.52,
      longitude: 13.405,
    });
    const deli = await verifiedVenue(app.deps.db, { name: 'Far Deli', latitude: 52.4, longitude: 13.1 });
    owner = { id: bakery.ownerId, first_name: 'Olga' };
    await liveOffer(app.deps.db, bakery.ownerId, {
      title: 'Brötchen vom Vortag',
      items: [{ name: 'Roggenbrot', originalPrice: 800, price: 400, quantity: 3 }],
    });
    await liveOffer(app.deps.db, deli.ownerId, {
      title: 'Sandwich bag',
      items: [{ name: 'Breads and rolls', originalPrice: 900, price: 300, quantity: 5 }],
    });
  });
  afterAll(() => app.close());

  const say = (person: Person, text: string) => app.deliver(textUpdate(person, text));
  const lastText = (person: Person) => shown(lastScreen(app, person.id));

  it('lists the live deals that match, with a button that opens each in place', async () => {
    await say(alice, 'breads');
    expect(lastText(alice)).toMatch(/^🔎 <b>1 deal for “breads”<\/b>/);
    expect(lastText(alice)).toContain('Sandwich bag');
    expect(buttonsOf(lastScreen(app, alice.id))[0]?.callback_data).toMatch(/^offer:view:\d+:found:0$/);
  });

  it('opens a result in place and goes back to the results on the same message', async () => {
    const listId = messages.messageWith(alice.id, 'offer:view:');
    const results = lastText(alice);
    const open = buttonsOf(lastScreen(app, alice.id))[0]!.callback_data!;
    await app.deliver(callbackUpdate(alice, open, listId));
    expect(buttonsOf(lastScreen(app, alice.id)).at(-1)?.callback_data).toBe('found:page:0');
    await app.deliver(callbackUpdate(alice, 'found:page:0', listId));
    expect(lastScreen(app, alice.id)).toMatchObject({
      method: 'editMessageText',
      params: { message_id: listId },
    });
    expect(lastText(alice)).toBe(results);
  });

  it('searches in the person’s language: German stems “Brötchen”, and “brot” finds it as a prefix', async () => {
    await say(greta, 'Brötchen');
    expect(lastText(greta)).toMatch(/^🔎 <b>1 Angebot für „Brötchen“<\/b>/);
    await say(greta, 'brot');
    expect(lastText(greta)).toContain('Brötchen vom Vortag');
  });

  it('says so when nothing matches, and points to /offers', async () => {
    await say(bob, 'unicorn steak');
    expect(lastText(bob)).toBe(
      'Nothing live matches “unicorn steak” right now 🤷\nTry another word, or see every deal with /offers.',
    );
    expect(lastScreen(app, bob.id)?.params.reply_markup).toBeUndefined();
  });

  it.each([
    ['emoji only', '🍞🥐', /look for deals by their words/],
    [
      'SQL',
      `bread'); drop table offers; --`,
      /Nothing live matches “bread&#x27;\); drop table offers; --”|Nothing live matches/,
    ],
    ['5,000 characters', 'x'.repeat(5000), /Nothing live matches “x{59}…”/],
    ['HTML', '<b>bread</b>', /Nothing live matches “&lt;b&gt;bread&lt;\/b&gt;”|deal/],
  ])('answers %s kindly and changes nothing', async (_label, text, answer) => {
    const before = (await app.deps.db.select().from(offers)).length;
    await say(bob, text);
    expect(lastText(bob)).toMatch(answer);
    expect((await app.deps.db.select().from(offers)).length).toBe(before);
  });

  it('sorts “near me” by distance, asking for the location first and showing the results again once it comes', async () => {
    const carol: Person = { id: 1402, first_name: 'Carol' };
    await say(carol, 'bread near me');
    const [results, ask] = app.telegram.sentTo(carol.id).slice(-2);
    expect(shown(results)).toContain('for “bread near me”');
    expect(shown(ask)).toMatch(/Share your location/);
    expect(JSON.stringify(ask?.params.reply_markup)).toContain('request_location');
    await app.deliver(messageUpdate(carol, { location: { latitude: 52.521, longitude: 13.406 } }));
    expect(lastText(carol)).toMatch(/· nearest first/);
    expect(lastText(carol).indexOf('Brötchen')).toBeLessThan(lastText(carol).indexOf('Sandwich'));
    await say(carol, 'bread рядом');
    expect(lastText(carol)).toMatch(/nearest first/);
  });

  it('takes a location shared after a “near me” that found nothing, or after /offers, for the deals nearby', async () => {
    const dave: Person = { id: 1403, first_name: 'Dave' };
    await say(dave, 'sushi near me');
    expect(lastText(dave)).toMatch(/Nothing live matches “sushi near me”/);
    await app.deliver(messageUpdate(dave, { location: { latitude: 52.521, longitude: 13.406 } }));
    expect(lastText(dave)).not.toMatch(/Nothing live matches/);
    expect(lastText(dave)).toContain('Brötchen');

    const erin: Person = { id: 1404, first_name: 'Erin' };
    await say(erin, 'bread near me');
    await say(erin, '/offers');
    await app.deliver(messageUpdate(erin, { location: { latitude: 52.521, longitude: 13.406 } }));
    expect(lastText(erin)).not.toMatch(/for “bread near me”/);
    expect(lastText(erin)).toContain('Brötchen');
  });

  it('leaves a wizard’s answer to the wizard', async () => {
    await say(owner, '/newoffer');
    await say(owner, 'bread');
    expect(lastText(owner)).not.toContain('🔎');
    expect(lastText(owner)).toMatch(/items/i);
    await say(owner, '/cancel');
  });

  it('leaves a rating’s comment to the rating', async () => {
    const [offer] = await app.deps.db.select().from(offers).limit(1);
    const [item] = await app.deps.db.select().from(offerItems).where(eq(offerItems.offerId, offer!.id));
    const placed = await reserve(app.deps.db, {
      idempotencyKey: newKey(),
      customer: { id: bob.id, firstName: bob.first_name },
      offerId: offer!.id,
      itemId: item!.id,
      quantity: 1,
      currency: 'EUR',
      now: new Date(),
    });
    const venueOwner = await app.deps.db.select().from(venues).where(eq(venues.id, offer!.venueId));
    await confirmPickup(app.deps.db, {
      idempotencyKey: newKey(),
      actorId: venueOwner[0]!.ownerId,
      now: new Date(),
      reservationId: placed.reservationId,
    });
    await app.deliver(callbackUpdate(bob, `rate:stars:${placed.reservationId}:5`));
    await say(bob, 'bread was great');
    expect(lastText(bob)).toMatch(/comment is saved/);
    const [rating] = await app.deps.db
      .select()
      .from(ratings)
      .where(eq(ratings.reservationId, placed.reservationId));
    expect(rating?.comment).toBe('bread was great');
  });

  it('takes plain text typed after the customer moved on from a rating (/offers, say) for a search', async () => {
    const [offer] = await app.deps.db.select().from(offers).limit(1);
    const [item] = await app.deps.db.select().from(offerItems).where(eq(offerItems.offerId, offer!.id));
    const frank: Person = { id: 1405, first_name: 'Frank' };
    const placed = await reserve(app.deps.db, {
      idempotencyKey: newKey(),
      customer: { id: frank.id, firstName: frank.first_name },
      offerId: offer!.id,
      itemId: item!.id,
      quantity: 1,
      currency: 'EUR',
      now: new Date(),
    });
    const [venue] = await app.deps.db.select().from(venues).where(eq(venues.id, offer!.venueId));
    await confirmPickup(app.deps.db, {
      idempotencyKey: newKey(),
      actorId: venue!.ownerId,
      now: new Date(),
      reservationId: placed.reservationId,
    });
    await app.deliver(callbackUpdate(frank, `rate:stars:${placed.reservationId}:4`));
    await say(frank, '/offers');
    await say(frank, 'bread');
    expect(lastText(frank)).toMatch(/for “bread”/);
    const [rating] = await app.deps.db
      .select()
      .from(ratings)
      .where(eq(ratings.reservationId, placed.reservationId));
    expect(rating?.comment ?? null).toBeNull();
  });

  it.each([
    [
      'a voice message',
      { voice: { file_id: 'v', file_unique_id: 'v', duration: 2 } },
      /can’t listen to voice messages.*bread.*🍱 Deals/,
    ],
    ['a sticker', { sticker: { file_id: 's', width: 1, height: 1 } }, /Nice sticker/],
    ['a document', { document: { file_id: 'd', file_unique_id: 'd' } }, /can’t open files/],
  ])('answers %s with one friendly line that says what to do instead', async (_label, content, answer) => {
    await app.deliver(messageUpdate(bob, content));
    expect(lastText(bob)).toMatch(answer);
    expect(lastText(bob)).not.toMatch(/only read text/);
  });
});
