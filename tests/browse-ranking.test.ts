import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankScore } from '../lib/marketplace/browse.js';
import { createTestApp, type TestApp } from './support/app.js';
import { buttonFor, screens, shown, trackMessages } from './support/chat.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, messageUpdate, people, textUpdate } from './support/updates.js';

describe('rank score', () => {
  const base = { hoursLeft: 3, discount: 0.5, unitsLeft: 5, distanceKm: null };
  it('ranks an offer ending sooner higher', () => {
    expect(rankScore({ ...base, hoursLeft: 1 })).toBeGreaterThan(rankScore({ ...base, hoursLeft: 8 }));
  });
  it('ranks a bigger discount higher', () => {
    expect(rankScore({ ...base, discount: 0.7 })).toBeGreaterThan(rankScore({ ...base, discount: 0.3 }));
  });
  it('ranks a nearer venue higher when a location is known', () => {
    expect(rankScore({ ...base, distanceKm: 0.5 })).toBeGreaterThan(rankScore({ ...base, distanceKm: 6 }));
  });
  it('lets a much nearer venue beat a slightly better deal', () => {
    expect(rankScore({ ...base, distanceKm: 0.3, discount: 0.5 })).toBeGreaterThan(
      rankScore({ ...base, distanceKm: 12, discount: 0.6 }),
    );
  });
});

describe(`browsing through the bot (${storeLabel})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' });
    const near = await verifiedVenue(app.deps.db, {
      name: 'Near Deli',
      latitude: 52.5201,
      longitude: 13.4051,
    });
    const far = await verifiedVenue(app.deps.db, { name: 'Far Diner', latitude: 52.39, longitude: 13.06 });
    await liveOffer(app.deps.db, far.ownerId, { title: 'Far soup' });
    await liveOffer(app.deps.db, near.ownerId, { title: 'Near salad' });
    for (let i = 0; i < 5; i++) await liveOffer(app.deps.db, far.ownerId, { title: `Extra ${i}`, hours: 20 });
  });
  afterAll(() => app.close());

  it('orders by distance once the customer shares a location, and offers the location button', async () => {
    const listText = () =>
      shown(screens(app, people.alice.id).findLast((c) => shown(c).includes('Near salad')));
    await app.deliver(textUpdate(people.alice, '/offers'));
    const keyboards = app.telegram
      .sentTo(people.alice.id)
      .map((c) => JSON.stringify(c.params.reply_markup ?? ''));
    expect(keyboards.some((k) => k.includes('request_location'))).toBe(true);

    await app.deliver(messageUpdate(people.alice, { location: { latitude: 52.39, longitude: 13.06 } }));
    expect(listText().indexOf('Far soup')).toBeLessThan(listText().indexOf('Near salad'));
    await app.deliver(messageUpdate(people.alice, { location: { latitude: 52.52, longitude: 13.405 } }));
    expect(listText().indexOf('Near salad')).toBeLessThan(listText().indexOf('Far soup'));
    expect(listText()).toMatch(/\d+(\.\d)? ?k?m/);
  });

  it('pages by editing the same message', async () => {
    const messages = trackMessages(app);
    await app.deliver(textUpdate(people.bob, '/offers'));
    const next = buttonFor(app, people.bob.id, 'browse:page:1');
    expect(next).toBeDefined();
    const messageId = messages.messageWith(people.bob.id, 'browse:page:1');
    const sentBefore = app.telegram.callsTo('sendMessage').length;
    await app.deliver(callbackUpdate(people.bob, next!.callback_data!, messageId));
    const edit = app.telegram.callsTo('editMessageText').at(-1)!;
    expect(edit.params.message_id).toBe(messageId);
    expect(app.telegram.callsTo('sendMessage')).toHaveLength(sentBefore);
  });
});
