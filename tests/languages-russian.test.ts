import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeliverNotices } from '../lib/jobs/deliver-notices.js';
import { transitionOffer } from '../lib/marketplace/offer-transitions.js';
import { createOffer, type OfferWithItems } from '../lib/marketplace/offers.js';
import { createTestApp, manualClock, type TestApp } from './support/app.js';
import { lastScreen, screens, shown, tapButton, trackMessages } from './support/chat.js';
import { verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { storeLabel } from './support/stores.js';
import { type Person, textUpdate } from './support/updates.js';

/**
 * Issue 17, in Russian: a customer whose Telegram app is in Russian browses and reserves through the update
 * surface (Russian plural forms, "завтра", a decimal comma), while the venue's owner, whose app is in German,
 * hears of each reservation and cancellation in German, also when the outbox job delivers it later. The
 * strings are the real translations: with English stand-ins every assertion here fails.
 */
describe(`the bot in Russian (${storeLabel})`, () => {
  const clock = manualClock(new Date('2031-03-04T09:00:00Z'));
  let app: TestApp;
  let messages: ReturnType<typeof trackMessages>;
  let offer: OfferWithItems;
  const ivan: Person = { id: 7301, first_name: 'Иван', language_code: 'ru' };
  let owner: Person;

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' }, { clock });
    messages = trackMessages(app);
    const venue = await verifiedVenue(app.deps.db, { name: 'Bäckerei Sonne' });
    owner = { id: venue.ownerId, first_name: 'Olga', language_code: 'de' };
    // The owner has talked to the bot, so her Telegram language is known to the notices.
    await app.deliver(textUpdate(owner, '/start'));
    offer = await createOffer(app.deps.db, {
      ownerId: venue.ownerId,
      title: 'Brotbeutel',
      pickupStart: new Date('2031-03-05T17:00:00Z'),
      pickupEnd: new Date('2031-03-05T19:30:00Z'),
      items: [
        { name: 'Brot', originalPrice: 1000, price: 350, quantity: 3 },
        { name: 'Kuchen', originalPrice: 1200, price: 500, quantity: 1 },
      ],
    });
    await transitionOffer(app.deps.db, {
      idempotencyKey: newKey(),
      offerId: offer.id,
      ownerId: venue.ownerId,
      action: 'publish',
      now: clock.now(),
    });
  });
  afterAll(() => app.close());

  const say = (person: Person, text: string) => app.deliver(textUpdate(person, text));
  const screenWith = (person: Person, words: string) =>
    shown(
      screens(app, person.id)
        .reverse()
        .find((c) => shown(c).includes(words)),
    );
  const tap = (person: Person, prefix: string) => tapButton(app, messages, person, prefix);
  const bread = () => offer.items[0]!;

  it('lists the offer in Russian: tomorrow is “завтра”, prices have a decimal comma, units a Russian plural', async () => {
    await say(ivan, '/offers');
    const list = screenWith(ivan, 'Brotbeutel');
    expect(list).toContain('Предложения прямо сейчас');
    expect(list).toContain('завтра 17:00–19:30');
    expect(list).toMatch(/от <b>3,50\s€<\/b> <s>10,00\s€<\/s>/u);
    expect(list).toContain('осталось 4 шт.');
  });

  it('shows each item with its own plural form: осталось 3 шт., осталась 1 шт.', async () => {
    await tap(ivan, `offer:view:${offer.id}`);
    const details = screenWith(ivan, 'Kuchen');
    expect(details).toContain('осталось 3 шт.');
    expect(details).toContain('осталась 1 шт.');
    expect(details).toContain('оплата при получении');
  });

  it('reserves in Russian and tells the German owner in German', async () => {
    await tap(ivan, `buy:item:${offer.id}:${bread().id}`);
    await tap(ivan, `buy:qty:${offer.id}:${bread().id}:2`);
    await tap(ivan, 'buy:confirm');
    const code = shown(lastScreen(app, ivan.id));
    expect(code).toContain('Забронировано!');
    expect(code).toMatch(/2 × Brot — 7,00\s€/u);
    const order = shown(lastScreen(app, owner.id));
    expect(order).toContain('Neue Reservierung');
    expect(order).toContain('Иван: 2 × Brot (Brotbeutel)');
    expect(order).toMatch(/7,00\s€ zu zahlen/u);
    expect(order).not.toMatch(/New reservation|Новая/);
  });

  it('counts what is left again in Russian: осталась 1 шт.', async () => {
    await tap(ivan, `offer:view:${offer.id}`);
    expect(screenWith(ivan, 'Kuchen')).toMatch(/Brot — <b>3,50\s€<\/b>.*осталась 1 шт\./u);
  });

  it('tells the owner of the Russian customer’s cancellation in German', async () => {
    await tap(ivan, 'reservation:cancel');
    expect(shown(lastScreen(app, owner.id))).toMatch(/Иван hat 2 × Brot storniert/);
  });

  it('delivers a notice the outbox job sends later in the recipient’s language, not the job’s', async () => {
    await tap(ivan, `offer:view:${offer.id}`);
    await tap(ivan, `buy:item:${offer.id}:${bread().id}`);
    await tap(ivan, `buy:qty:${offer.id}:${bread().id}:1`);
    // Telegram fails the owner's notice right after the reservation (the customer's code is edited in place):
    // it waits in the outbox.
    app.telegram.inject('sendMessage', { code: 500, description: 'Internal Server Error' });
    await tap(ivan, 'buy:confirm');
    expect(shown(lastScreen(app, ivan.id))).toContain('Забронировано!');
    const before = screens(app, owner.id).length;
    clock.advance(5 * 60_000);
    const { sent } = await runDeliverNotices(app.deps, app.runtime.bot.telegram);
    expect(sent).toBe(1);
    const late = screens(app, owner.id).slice(before);
    expect(late.map(shown)).toEqual([expect.stringContaining('Neue Reservierung')]);
    expect(shown(late[0])).toContain('Иван: 1 × Brot');
  });
});
