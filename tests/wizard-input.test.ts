import { sql } from 'drizzle-orm';
import type { Update } from 'telegraf/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/app.js';
import { verifiedVenue } from './support/fixtures.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, messageUpdate, type Person, textUpdate } from './support/updates.js';

/**
 * Bad input at every wizard step: the step asks again with a hint, the wizard stays where it was,
 * and nothing reaches the database.
 */
type Input = (person: Person) => Update;
const tenDaysAhead = () => {
  const d = new Date(Date.now() + 10 * 86_400_000);
  return `${d.getUTCDate()}.${d.getUTCMonth() + 1}`;
};
const text =
  (value: string): Input =>
  (p) =>
    textUpdate(p, value);
const sticker: Input = (p) =>
  messageUpdate(p, {
    sticker: {
      file_id: 's',
      file_unique_id: 'u',
      width: 1,
      height: 1,
      is_animated: false,
      is_video: false,
      type: 'regular',
    },
  });
const pdf: Input = (p) =>
  messageUpdate(p, {
    document: { file_id: 'doc1', file_unique_id: 'd', mime_type: 'application/pdf', file_name: 'menu.pdf' },
  });
const voice: Input = (p) => messageUpdate(p, { voice: { file_id: 'v', file_unique_id: 'v', duration: 2 } });

const registerSteps: Array<{
  step: string;
  reach: string[];
  bad: Array<[string, Input, RegExp]>;
  good: string;
}> = [
  {
    step: 'venue name',
    reach: [],
    bad: [
      ['a one-letter name', text('A'), /2–80 characters/],
      ['a sticker', sticker, /venue name as text/],
      ['a 200-character name', text('x'.repeat(200)), /2–80 characters/],
    ],
    good: 'Corner Café',
  },
  {
    step: 'address',
    reach: ['Corner Café'],
    bad: [
      ['a too short address', text('Rd'), /5–200 characters/],
      ['a voice message', voice, /address as text/],
    ],
    good: 'Main Street 5, Berlin',
  },
  {
    step: 'location',
    reach: ['Corner Café', 'Main Street 5, Berlin'],
    bad: [['some text', text('near the park'), /send a location/]],
    good: 'Skip',
  },
  {
    step: 'phone',
    reach: ['Corner Café', 'Main Street 5, Berlin', 'Skip'],
    bad: [
      ['letters', text('call me maybe'), /doesn’t look like a phone number/],
      ['too few digits', text('+49 12'), /doesn’t look like a phone number/],
    ],
    good: '+49 30 1234567',
  },
  {
    step: 'description',
    reach: ['Corner Café', 'Main Street 5, Berlin', 'Skip', '+49 30 1234567'],
    bad: [
      ['a 400-character description', text('y'.repeat(400)), /up to 300 characters/],
      ['a sticker', sticker, /short description as text/],
    ],
    good: 'Coffee and cakes',
  },
  {
    step: 'photo',
    reach: ['Corner Café', 'Main Street 5, Berlin', 'Skip', '+49 30 1234567', 'Coffee and cakes'],
    bad: [
      ['a PDF document', pdf, /photo/],
      ['some text', text('here it comes'), /photo/],
    ],
    good: 'Skip',
  },
];

describe(`wizard input (${storeLabel})`, () => {
  let app: TestApp;
  let nextId = 60_000;
  const count = async (table: 'venues' | 'offers') =>
    Number(
      (
        (await app.deps.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as {
          rows: Array<{ n: number }>;
        }
      ).rows[0]!.n,
    );
  const lastReply = (person: Person) => String(app.telegram.sentTo(person.id).at(-1)?.params.text ?? '');

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '10000' });
  });
  afterAll(() => app.close());

  for (const { step, reach, bad, good } of registerSteps) {
    it.each(bad)(
      `/register re-asks for the ${step} after %s and saves nothing`,
      async (_label, input, hint) => {
        const person = { id: nextId++, first_name: 'Test' };
        await app.deliver(textUpdate(person, '/register'));
        for (const answer of reach) await app.deliver(textUpdate(person, answer));
        const before = await count('venues');
        await app.deliver(input(person));
        expect(lastReply(person)).toMatch(hint);
        expect(await count('venues')).toBe(before);
        // Still on the same step: a good answer now moves on.
        await app.deliver(textUpdate(person, good));
        expect(lastReply(person)).not.toMatch(hint);
      },
    );
  }

  it('/cancel leaves the registration at any step and discards the draft', async () => {
    const person = { id: nextId++, first_name: 'Quitter' };
    const before = await count('venues');
    await app.deliver(textUpdate(person, '/register'));
    await app.deliver(textUpdate(person, 'Half Done'));
    await app.deliver(textUpdate(person, '/cancel'));
    expect(lastReply(person)).toContain('Nothing was saved');
    await app.deliver(textUpdate(person, 'Some Street 1'));
    expect(lastReply(person)).not.toContain('location');
    expect(await count('venues')).toBe(before);
  });

  it('rejects a shared contact of someone else', async () => {
    const person = { id: nextId++, first_name: 'Sly' };
    await app.deliver(textUpdate(person, '/register'));
    for (const answer of ['Sly Shop', 'Sly Street 9', 'Skip']) await app.deliver(textUpdate(person, answer));
    await app.deliver(
      messageUpdate(person, { contact: { phone_number: '+4930999', first_name: 'X', user_id: 1 } }),
    );
    expect(lastReply(person)).toContain('your own contact');
  });

  describe('/newoffer', () => {
    let owner: Person;
    beforeAll(async () => {
      const venue = await verifiedVenue(app.deps.db);
      owner = { id: venue.ownerId, first_name: 'Owner' };
    });
    const start = async (answers: string[]) => {
      await app.deliver(textUpdate(owner, '/cancel'));
      await app.deliver(textUpdate(owner, '/newoffer'));
      for (const answer of answers) await app.deliver(textUpdate(owner, answer));
    };

    it.each([
      ['an empty-looking title (a sticker)', [], sticker, /title as text/],
      ['a 100-character title', [], text('t'.repeat(100)), /1–80 characters/],
      ['an item without a quantity', ['Bag'], text('Veggie box, 12.50, 4.00'), /four parts/],
      [
        'a discounted price above the original',
        ['Bag'],
        text('Box, 4.00, 12.50, 5'),
        /lower than the original/,
      ],
      ['three decimals', ['Bag'], text('Box, 12.505, 4.00, 5'), /not a price/],
      ['a negative price', ['Bag'], text('Box, -12, 4.00, 5'), /not a price/],
      [
        'a quantity of 1000',
        ['Bag'],
        text('Box, 12.50, 4.00, 1000'),
        /quantity must be a whole number from 1 to 999/,
      ],
      ['a quantity of zero', ['Bag'], text('Box, 12.50, 4.00, 0'), /quantity/],
      [
        'an unreadable window',
        ['Bag', 'Box, 12.50, 4.00, 5', 'done'],
        text('after work'),
        /couldn’t read that time/,
      ],
      [
        'a window ending before it starts',
        ['Bag', 'Box, 12.50, 4.00, 5', 'done'],
        text('tomorrow 20:00-18:00'),
        /end after it starts/,
      ],
      [
        'a window over 7 days ahead',
        ['Bag', 'Box, 12.50, 4.00, 5', 'done'],
        text(`${tenDaysAhead()} 10-12`),
        /7 days/,
      ],
      [
        'a day February doesn’t have (31.02)',
        ['Bag', 'Box, 12.50, 4.00, 5', 'done'],
        text('31.02 10:00-12:00'),
        /couldn’t read that time/,
      ],
      [
        'a day April doesn’t have (31.04)',
        ['Bag', 'Box, 12.50, 4.00, 5', 'done'],
        text('31.04 10-12'),
        /couldn’t read that time/,
      ],
      ['a PDF instead of a photo', ['Bag', 'Box, 12.50, 4.00, 5', 'done', 'tomorrow 18-20'], pdf, /photo/],
    ] as Array<[string, string[], Input, RegExp]>)(
      're-asks after %s and saves nothing',
      async (_label, answers, input, hint) => {
        await start(answers);
        await app.deliver(input(owner));
        expect(lastReply(owner)).toMatch(hint);
        expect(await count('offers')).toBe(0);
      },
    );

    it('needs at least one item before Done', async () => {
      await start(['Bag']);
      await app.deliver(callbackUpdate(owner, 'wiz:done'));
      expect(lastReply(owner)).toContain('at least one item');
    });

    it('refuses an eleventh item', async () => {
      await start(['Bag']);
      await app.deliver(
        textUpdate(owner, Array.from({ length: 11 }, (_, i) => `Item ${i}, 10, 5, 1`).join('\n')),
      );
      expect(lastReply(owner)).toContain('at most 10 items');
    });
  });
});
