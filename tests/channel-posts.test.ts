import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../lib/config.js';
import { runJobByName } from '../lib/jobs/registry.js';
import { createOffer, type OfferWithItems } from '../lib/marketplace/offers.js';
import { createTestApp, manualClock, type TestApp } from './support/app.js';
import { buttonFor, buttonsOf, trackMessages } from './support/chat.js';
import { verifiedVenue } from './support/fixtures.js';
import { jobDriver } from './support/jobs.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, people, textUpdate } from './support/updates.js';

const CHANNEL = '-1001234567890';

/** With CHANNEL_ID set, every published offer is posted to the channel and edited as it sells out or ends. */
describe(`channel posts (${storeLabel})`, () => {
  const clock = manualClock(new Date('2030-06-03T10:00:00Z'));
  let app: TestApp;
  let jobs: ReturnType<typeof jobDriver>;
  let messages: ReturnType<typeof trackMessages>;
  let owner: Person;
  let offer: OfferWithItems;
  let postId: number;

  beforeAll(async () => {
    app = await createTestApp(
      { RATE_LIMIT_MAX_REQUESTS: '1000', CHANNEL_ID: CHANNEL },
      { qstash: true, clock },
    );
    jobs = jobDriver(app, clock);
    messages = trackMessages(app);
    const venue = await verifiedVenue(app.deps.db, { name: 'Channel Bakery' });
    owner = { id: venue.ownerId, first_name: 'Owner' };
    offer = await createOffer(app.deps.db, {
      ownerId: owner.id,
      title: 'The last cheesecake',
      pickupStart: clock.now(),
      pickupEnd: new Date(clock.now().getTime() + 2 * 3_600_000),
      items: [{ name: 'Cheesecake', originalPrice: 2400, price: 900, quantity: 1 }],
    });
  });
  afterAll(() => app.close());

  const channelCalls = (method: string) =>
    app.telegram.callsTo(method).filter((c) => String(c.params.chat_id) === CHANNEL);
  async function tap(person: Person, prefix: string) {
    const button = buttonFor(app, person.id, prefix)!;
    await app.deliver(callbackUpdate(person, button.callback_data!, messages.messageWith(person.id, prefix)));
  }

  it('posts a published offer with a deep link into the bot', async () => {
    await app.deliver(textUpdate(owner, `/publish ${offer.id}`));
    await jobs.runDue();
    const [post] = channelCalls('sendMessage');
    expect(post?.params.text).toContain('The last cheesecake');
    const link = buttonsOf(post)[0] as { url?: string };
    expect(link.url).toBe(`https://t.me/SurplusFoodBot?start=offer_${offer.id}`);
    postId = app.telegram.history(Number(CHANNEL)).at(-1)!.message_id;
  });

  it('edits the post when the last unit is reserved', async () => {
    const itemId = offer.items[0]!.id;
    await app.deliver(callbackUpdate(people.alice, `buy:qty:${offer.id}:${itemId}:1`));
    await tap(people.alice, 'buy:confirm');
    await jobs.runDue();
    const edit = channelCalls('editMessageText').at(-1);
    expect(edit?.params).toMatchObject({ message_id: postId });
    expect(String(edit?.params.text)).toMatch(/Sold out/);
    expect(app.telegram.message(Number(CHANNEL), postId)?.text).toMatch(/Sold out/);
  });

  it('puts it back on sale when the reservation is cancelled', async () => {
    await tap(people.alice, 'reservation:cancel');
    await jobs.runDue();
    expect(app.telegram.message(Number(CHANNEL), postId)?.text).toContain('The last cheesecake');
    expect(app.telegram.message(Number(CHANNEL), postId)?.text).not.toMatch(/Sold out/);
  });

  it('edits the post to say the deal ended when the window is over', async () => {
    clock.advance(2 * 3_600_000);
    await runJobByName(app.deps, app.runtime.bot.telegram, 'expire-offer', { offerId: offer.id });
    await jobs.runDue();
    expect(app.telegram.message(Number(CHANNEL), postId)?.text).toMatch(/This deal has ended/);
  });

  it('posts each offer once, however often the job runs', async () => {
    await runJobByName(app.deps, app.runtime.bot.telegram, 'channel-post', { offerId: offer.id });
    expect(channelCalls('sendMessage')).toHaveLength(1);
  });

  it('gives up quietly, without a retry storm, when the bot may not post in the channel', async () => {
    const another = await createOffer(app.deps.db, {
      ownerId: owner.id,
      title: 'Refused post',
      pickupStart: clock.now(),
      pickupEnd: new Date(clock.now().getTime() + 2 * 3_600_000),
      items: [{ name: 'Tart', originalPrice: 2400, price: 900, quantity: 2 }],
    });
    await app.deliver(textUpdate(owner, `/publish ${another.id}`));
    app.telegram.inject('sendMessage', {
      code: 403,
      description: 'Forbidden: bot is not a member of the channel chat',
    });
    await jobs.runDue();
    app.telegram.clearInjected();
    expect(app.logs.some((l) => l.event === 'channel_post_failed' && l.offer_id === another.id)).toBe(true);
    expect(jobs.pending('channel-post')).toEqual([]);
  });
});

describe(`channel posts without CHANNEL_ID (${storeLabel})`, () => {
  it('schedules nothing and posts nothing', async () => {
    const app = await createTestApp({}, { qstash: true });
    try {
      const venue = await verifiedVenue(app.deps.db);
      const offer = await createOffer(app.deps.db, {
        ownerId: venue.ownerId,
        title: 'No channel',
        pickupStart: new Date(),
        pickupEnd: new Date(Date.now() + 3_600_000),
        items: [{ name: 'Tart', originalPrice: 2400, price: 900, quantity: 2 }],
      });
      await app.deliver(textUpdate({ id: venue.ownerId, first_name: 'O' }, `/publish ${offer.id}`));
      expect(app.qstash!.messages.filter((m) => m.destination.endsWith('/channel-post'))).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('CHANNEL_ID', () => {
  it.each(['@my_deals_channel', '-1001234567890'])('accepts %s', (value) => {
    expect(loadConfig({ CHANNEL_ID: value }).channelId).toBe(value);
  });

  it.each(['deals', '@no', '12345', 'https://t.me/deals'])('refuses %s, naming the variable', (value) => {
    expect(() => loadConfig({ CHANNEL_ID: value })).toThrow(/CHANNEL_ID: must be @channelname or -100/);
  });
});
