import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../lib/infra/db.js';
import { findOffersByText, searchWords, type TextSearch } from '../lib/marketplace/find-offers-by-text.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { createTestDatabase, storeLabel, type TestDatabase } from './support/stores.js';

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
});
