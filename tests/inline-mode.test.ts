import { eq } from 'drizzle-orm';
import type { Update } from 'telegraf/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { venues } from '../db/schema.js';
import { transitionOffer } from '../lib/marketplace/offer-transitions.js';
import { createOffer } from '../lib/marketplace/offers.js';
import { createTestApp, manualClock, type TestApp } from './support/app.js';
import { defaultItems, liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { storeLabel } from './support/stores.js';
import { people } from './support/updates.js';

let nextUpdate = 90_000;
const inlineQuery = (query: string, extra: Record<string, unknown> = {}): Update =>
  ({
    update_id: nextUpdate++,
    inline_query: {
      id: `iq${nextUpdate}`,
      from: { ...people.alice, is_bot: false },
      query,
      offset: '',
      chat_type: 'sender',
      ...extra,
    },
  }) as Update;

/** `@bot pizza` in any chat: live offers only, matching every word, nearest first with a location. */
describe(`inline mode (${storeLabel})`, () => {
  const clock = manualClock(new Date('2030-06-03T10:00:00Z'));
  let app: TestApp;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' }, { clock });
    const db = app.deps.db;
    const now = clock.now();
    const near = await verifiedVenue(db, { name: 'Pizzeria Vicina', latitude: 52.52, longitude: 13.4 });
    const far = await verifiedVenue(db, { name: 'Pizzeria Lontana', latitude: 48.14, longitude: 11.58 });
    const closed = await verifiedVenue(db, { name: 'Closed Pizzeria' });
    ids.far = (await liveOffer(db, far.ownerId, { now, title: 'Pizza slices', hours: 2 })).id;
    ids.near = (await liveOffer(db, near.ownerId, { now, title: 'Pizza margherita', hours: 5 })).id;
    ids.bread = (await liveOffer(db, near.ownerId, { now, title: 'Evening bag', hours: 3 })).id;
    ids.draft = (
      await createOffer(db, {
        ownerId: near.ownerId,
        title: 'Pizza draft',
        pickupStart: now,
        pickupEnd: new Date(now.getTime() + 3_600_000),
        items: defaultItems,
      })
    ).id;
    const paused = await liveOffer(db, near.ownerId, { now, title: 'Pizza paused' });
    await transitionOffer(db, {
      idempotencyKey: newKey(),
      offerId: paused.id,
      ownerId: near.ownerId,
      action: 'pause',
      now,
    });
    const soldOut = await liveOffer(db, near.ownerId, { now, title: 'Pizza sold out' });
    await transitionOffer(db, {
      idempotencyKey: newKey(),
      offerId: soldOut.id,
      ownerId: near.ownerId,
      action: 'sold_out',
      now,
    });
    await liveOffer(db, near.ownerId, {
      now: new Date(now.getTime() - 5 * 3_600_000),
      title: 'Pizza yesterday',
      hours: 1,
    });
    await liveOffer(db, closed.ownerId, { now, title: 'Pizza of a suspended venue' });
    await db.update(venues).set({ status: 'suspended' }).where(eq(venues.id, closed.id));
  });
  afterAll(() => app.close());

  async function ask(query: string, extra?: Record<string, unknown>) {
    await app.deliver(inlineQuery(query, extra));
    const answer = app.telegram.callsTo('answerInlineQuery').at(-1)!;
    return answer.params as {
      results: Array<{ id: string; reply_markup: unknown; input_message_content: { message_text: string } }>;
      is_personal?: boolean;
    };
  }

  it('answers with live offers only', async () => {
    const { results } = await ask('pizza');
    expect(results.map((r) => r.id).sort()).toEqual([`offer_${ids.far}`, `offer_${ids.near}`].sort());
  });

  it('lists the soonest-ending first without a location', async () => {
    const { results } = await ask('pizza');
    expect(results.map((r) => r.id)).toEqual([`offer_${ids.far}`, `offer_${ids.near}`]);
  });

  it('lists the nearest first when the person shares a location, and marks the answer personal', async () => {
    const answer = await ask('pizza', { location: { latitude: 52.5, longitude: 13.41 } });
    expect(answer.results.map((r) => r.id)).toEqual([`offer_${ids.near}`, `offer_${ids.far}`]);
    expect(answer.is_personal).toBe(true);
  });

  it('matches every word against the title, items and venue', async () => {
    expect((await ask('vicina bread')).results.map((r) => r.id).sort()).toEqual(
      [`offer_${ids.near}`, `offer_${ids.bread}`].sort(),
    );
    expect((await ask('pizza lontana')).results.map((r) => r.id)).toEqual([`offer_${ids.far}`]);
  });

  it('posts the offer card with an “Open in the bot” deep link', async () => {
    const [first] = (await ask('margherita')).results;
    expect(first!.input_message_content.message_text).toContain('Pizza margherita');
    expect(JSON.stringify(first!.reply_markup)).toContain(
      `https://t.me/SurplusFoodBot?start=offer_${ids.near}`,
    );
  });

  it('treats LIKE wildcards in the query as plain characters', async () => {
    expect((await ask('%')).results).toEqual([]);
    expect((await ask('_')).results).toEqual([]);
  });

  it('logs which result was chosen', async () => {
    await app.deliver({
      update_id: nextUpdate++,
      chosen_inline_result: {
        result_id: `offer_${ids.near}`,
        from: { ...people.alice, is_bot: false },
        query: 'pizza',
      },
    } as Update);
    expect(app.logs.some((l) => l.event === 'inline_chosen' && l.offer_id === ids.near)).toBe(true);
  });
});
