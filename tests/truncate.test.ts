import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truncate } from '../lib/bot/truncate.js';
import { createOffer } from '../lib/marketplace/offers.js';
import { createTestApp, type TestApp } from './support/app.js';
import { defaultItems, verifiedVenue } from './support/fixtures.js';
import { storeLabel } from './support/stores.js';
import { people, textUpdate } from './support/updates.js';

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const graphemesOf = (text: string) =>
  [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);

/** Emoji of every shape, each placed so a cut by code units would land inside it. */
const emoji: Array<[string, string]> = [
  ['a plain emoji', '🍞'],
  ['a skin tone', '👍🏽'],
  ['a flag', '🇩🇪'],
  ['a ZWJ family', '👨‍👩‍👧‍👦'],
  ['a keycap', '1️⃣'],
];

describe('truncate', () => {
  it('leaves a text within the limit as it is', () => {
    expect(truncate('Bread 🍞', 40)).toBe('Bread 🍞');
  });

  it.each(emoji)('never splits %s and ends with an ellipsis', (_label, symbol) => {
    for (let before = 30; before < 40; before++) {
      const text = `${'x'.repeat(before)}${symbol}${symbol} and a tail past the limit`;
      const cut = truncate(text, 40);
      expect(cut.length).toBeLessThanOrEqual(40);
      expect(cut).not.toMatch(loneSurrogate);
      expect(cut.endsWith('…')).toBe(true);
      // Every grapheme kept is one of the original's, whole.
      expect(graphemesOf(cut.slice(0, -1))).toEqual(graphemesOf(text).slice(0, graphemesOf(cut).length - 1));
    }
  });
});

describe(`/offers button labels (${storeLabel})`, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' });
    for (const [_label, symbol] of emoji) {
      const venue = await verifiedVenue(app.deps.db);
      // "1. " + 35 letters = 38 code units: the 40-unit label is cut inside the emoji that follows.
      const offer = await createOffer(app.deps.db, {
        ownerId: venue.ownerId,
        title: `${'B'.repeat(35)}${symbol.repeat(3)}`,
        pickupStart: new Date(Date.now() - 60_000),
        pickupEnd: new Date(Date.now() + 3 * 3_600_000),
        items: defaultItems,
      });
      // Published by hand: this file is about labels, not about the publish rules.
      await app.deps.db.execute(
        sql`update offers set status = 'active', published_at = now() where id = ${offer.id}`,
      );
    }
    await app.deliver(textUpdate(people.alice, '/offers'));
  });
  afterAll(() => app.close());

  const labels = () => {
    const list = app.telegram
      .sentTo(people.alice.id)
      .find((call) => String(call.params.text ?? '').length > 0 && call.params.reply_markup);
    const markup = list?.params.reply_markup as
      | { inline_keyboard?: Array<Array<{ text: string }>> }
      | undefined;
    return (markup?.inline_keyboard ?? []).flat().filter((button) => button.text.includes('BBB'));
  };

  it('lists every offer with a long emoji title', () => {
    expect(labels()).toHaveLength(emoji.length);
  });

  it('sends no label with a lone surrogate', () => {
    for (const { text } of labels()) expect(text).not.toMatch(loneSurrogate);
  });

  it('ends each shortened label with an ellipsis', () => {
    for (const { text } of labels()) expect(text.endsWith('…')).toBe(true);
  });
});
