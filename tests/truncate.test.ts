import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../db/schema.js';
import { deskTexts } from '../lib/bot/texts/desk.js';
import { dropButtons } from '../lib/bot/texts/drops.js';
import { inLanguage, LANGUAGES } from '../lib/bot/texts/language.js';
import { myOffersTexts } from '../lib/bot/texts/my-offers.js';
import { staffButtons } from '../lib/bot/texts/staff.js';
import { truncate } from '../lib/bot/truncate.js';
import type { DeskOffer, DeskReservation } from '../lib/marketplace/list-reservations.js';
import type { StaffMember } from '../lib/marketplace/memberships.js';
import { createOffer, type OfferWithItems } from '../lib/marketplace/offers.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { createTestApp, type TestApp } from './support/app.js';
import { buttonFor, buttonsOf, lastScreen, trackMessages } from './support/chat.js';
import { defaultItems, liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, people, textUpdate } from './support/updates.js';

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

/**
 * What a venue types (an offer's title, an item's name) and what customers and staff are called reach the
 * venue's buttons cut to 40 code units: cut between graphemes, so an emoji at the cut never leaves half of itself
 * behind (Telegram refuses the whole message with a 400).
 */
describe(`a venue's button labels (${storeLabel})`, () => {
  let app: TestApp;
  let messages: ReturnType<typeof trackMessages>;
  let owner: Person;
  let offerId: number;
  // "1. " and "📋 " are three code units each: the first 🍞 takes units 40 and 41, across the cut.
  const title = `${'B'.repeat(36)}🍞🍞🍞`;
  // Shown as typed: the 🥐 takes units 40 and 41.
  const itemName = `${'C'.repeat(39)}🥐🥐`;

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' });
    messages = trackMessages(app);
    const venue = await verifiedVenue(app.deps.db, { name: 'Emoji Bakery' });
    owner = { id: venue.ownerId, first_name: 'Olga' };
    const offer = await liveOffer(app.deps.db, owner.id, {
      title,
      items: [{ name: itemName, originalPrice: 1000, price: 350, quantity: 4 }, ...defaultItems],
    });
    offerId = offer.id;
    const customerId = 7101;
    const booked = await reserve(app.deps.db, {
      idempotencyKey: newKey(),
      customer: { id: customerId, firstName: 'Customer' },
      offerId,
      itemId: offer.items[0]!.id,
      quantity: 1,
      currency: 'EUR',
      now: new Date(),
    });
    // The desk's "✅ #<id> <name>": the name is made to put its 🥐 across the cut, whatever the id's digits.
    const prefix = `✅ #${booked.reservationId} `;
    await app.deps.db
      .update(users)
      .set({ firstName: `${'A'.repeat(39 - prefix.length)}🥐🥐🥐` })
      .where(eq(users.id, customerId));
  });
  afterAll(() => app.close());

  const say = (text: string) => app.deliver(textUpdate(owner, text));
  async function tap(prefix: string) {
    const button = buttonFor(app, owner.id, prefix);
    expect(button, `a ${prefix} button`).toBeDefined();
    await app.deliver(callbackUpdate(owner, button!.callback_data!, messages.messageWith(owner.id, prefix)));
  }
  /** The labels of the newest screen's buttons whose data starts with `prefix`. */
  const labelsOf = (prefix: string) =>
    buttonsOf(lastScreen(app, owner.id))
      .filter((b) => b.callback_data?.startsWith(prefix))
      .map((b) => b.text);
  const expectCut = (labels: string[]) => {
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) {
      expect(label).not.toMatch(loneSurrogate);
      expect(label.length).toBeLessThanOrEqual(40);
      expect(label.endsWith('…')).toBe(true);
    }
  };

  it('cuts an offer’s title whole in /myoffers', async () => {
    await say('/myoffers');
    expectCut(labelsOf('offer:manage:').filter((label) => label.includes('BBB')));
  });

  it('cuts the offer’s title and the customer’s name whole at the desk', async () => {
    await say('/reservations');
    expectCut(labelsOf('desk:offer:'));
    await tap(`desk:offer:${offerId}:`);
    expectCut(labelsOf('desk:pickup:'));
  });

  it('cuts an item’s name whole in the edit menu', async () => {
    await say(`/edit ${offerId}`);
    await tap('edit:field:items');
    expectCut(labelsOf('edit:item:').filter((label) => label.includes('CCC')));
  });
});

describe('button labels in every language', () => {
  // One more letter in front shifts every emoji by one unit: whatever a language's prefix, one of the two puts
  // an emoji across the 40th unit.
  const longTexts = ['', 'x'].map((lead) => `${lead}${'🍞'.repeat(30)}`);
  const labels: Array<[string, (text: string) => string]> = [
    ['an offer in /myoffers', (text) => myOffersTexts.offerButton(1, { title: text } as OfferWithItems)],
    ['an offer at the desk', (text) => deskTexts.openButton({ title: text } as DeskOffer)],
    [
      'a pickup at the desk',
      (text) => deskTexts.pickedUpButton({ id: 12, customerName: text } as DeskReservation),
    ],
    ['removing staff', (text) => staffButtons.remove({ userId: 7, firstName: text } as StaffMember)],
    ['stopping a drop', (text) => dropButtons.stop(text)],
  ];

  it.each(labels)('cuts %s between graphemes', (_what, label) => {
    for (const language of LANGUAGES) {
      for (const text of longTexts) {
        const shown = inLanguage(language, () => label(text));
        expect(shown, `${language}: ${shown}`).not.toMatch(loneSurrogate);
        expect(shown.length).toBeLessThanOrEqual(40);
        expect(shown.endsWith('…')).toBe(true);
      }
    }
  });
});
