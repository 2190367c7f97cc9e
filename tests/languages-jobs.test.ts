import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertText } from '../lib/bot/texts/alerts.js';
import { inLanguage } from '../lib/bot/texts/language.js';
import { followVenue } from '../lib/marketplace/follows.js';
import { createOffer, type OfferWithItems } from '../lib/marketplace/offers.js';
import { chooseLanguage, recordVisit } from '../lib/marketplace/users.js';
import { raiseAlert } from '../lib/ops/alerts.js';
import { createTestApp, manualClock, type TestApp } from './support/app.js';
import { buttonFor, screens, shown, trackMessages } from './support/chat.js';
import { verifiedVenue } from './support/fixtures.js';
import { jobDriver } from './support/jobs.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, people, textUpdate } from './support/updates.js';

const CHANNEL = -1001000000001;

/**
 * Issue 17: what jobs send is written in each recipient's language, not the language of whoever caused it
 * (the venue publishing) nor the job's: deal alerts to followers, a pickup reminder, the public channel's post
 * (DEFAULT_LANGUAGE, here Spanish) and an ops alert to an admin. Jobs run as QStash would deliver them.
 */
describe(`jobs in their recipients' languages (${storeLabel})`, () => {
  const clock = manualClock(new Date('2031-05-06T10:00:00Z'));
  let app: TestApp;
  let driver: ReturnType<typeof jobDriver>;
  let messages: ReturnType<typeof trackMessages>;
  let offer: OfferWithItems;
  const ivan: Person = { id: 7401, first_name: 'Иван', language_code: 'ru' };
  const marta: Person = { id: 7402, first_name: 'Marta', language_code: 'es' };
  let owner: Person;

  beforeAll(async () => {
    app = await createTestApp(
      { RATE_LIMIT_MAX_REQUESTS: '1000', CHANNEL_ID: String(CHANNEL), DEFAULT_LANGUAGE: 'es' },
      { qstash: true, clock },
    );
    driver = jobDriver(app, clock);
    messages = trackMessages(app);
    const { db } = app.deps;
    const admins = app.deps.config.adminIds;
    const venue = await verifiedVenue(db, { name: 'Corner Bakery' });
    owner = { id: venue.ownerId, first_name: 'Paul', language_code: 'en-US' };
    await recordVisit(db, { id: ivan.id, firstName: ivan.first_name, languageCode: 'ru' }, admins);
    // Marta's app is Spanish, but she chose German.
    await recordVisit(db, { id: marta.id, firstName: marta.first_name, languageCode: 'es' }, admins);
    await chooseLanguage(db, { userId: marta.id, firstName: marta.first_name, language: 'de' });
    await recordVisit(db, { id: people.admin.id, firstName: 'Ada', languageCode: 'de' }, admins);
    for (const follower of [ivan, marta]) {
      await followVenue(db, {
        customerId: follower.id,
        firstName: follower.first_name,
        venueId: venue.id,
        now: clock.now(),
      });
    }
    offer = await createOffer(db, {
      ownerId: venue.ownerId,
      title: 'Evening bread bag',
      pickupStart: new Date('2031-05-06T12:00:00Z'),
      pickupEnd: new Date('2031-05-06T14:00:00Z'),
      items: [{ name: 'Bread bag', originalPrice: 1000, price: 400, quantity: 5 }],
    });
    // The owner publishes in English; everything after is the jobs'.
    await app.deliver(textUpdate(owner, `/publish ${offer.id}`));
    await driver.runDue();
  });
  afterAll(() => app.close());

  const shownTo = (chatId: number) => screens(app, chatId).map(shown);

  it('alerts each follower in their own language: Russian from the app, German by choice', () => {
    const toIvan = shownTo(ivan.id).find((t) => t.includes('Evening bread bag'));
    expect(toIvan).toContain('Новинка: Corner Bakery');
    expect(toIvan).toMatch(/4,00\s€/u);
    const toMarta = shownTo(marta.id).find((t) => t.includes('Evening bread bag'));
    expect(toMarta).toContain('Neu von Corner Bakery');
    expect(toMarta).not.toContain('Novedad');
  });

  it('posts to the public channel in DEFAULT_LANGUAGE', () => {
    const post = shownTo(CHANNEL).find((t) => t.includes('Evening bread bag'));
    expect(post).toContain('pagas al recoger');
    expect(post).not.toMatch(/pay at pickup/i);
  });

  it('reminds a Russian customer in Russian, 30 minutes before the window opens', async () => {
    const card = messages.messageWith(ivan.id, `buy:item:${offer.id}`);
    const item = offer.items[0]!;
    await app.deliver(callbackUpdate(ivan, `buy:item:${offer.id}:${item.id}`, card));
    await app.deliver(callbackUpdate(ivan, buttonFor(app, ivan.id, 'buy:qty')!.callback_data!, card));
    await app.deliver(callbackUpdate(ivan, buttonFor(app, ivan.id, 'buy:confirm')!.callback_data!, card));
    await driver.runAll({ name: 'pickup-reminder', until: new Date('2031-05-06T11:45:00Z') });
    expect(shownTo(ivan.id).at(-1)).toContain('Выдача начнётся через 30 минут');
  });

  it('alerts an admin in the admin’s language', async () => {
    const alert = { kind: 'lost_callbacks', offers: 2 } as const;
    expect(await raiseAlert(app.deps, app.runtime.bot.telegram, alert)).toBe(true);
    const german = inLanguage('de', () => alertText(alert));
    expect(german).not.toBe(inLanguage('en', () => alertText(alert)));
    expect(shownTo(people.admin.id).at(-1)).toBe(german);
  });
});
