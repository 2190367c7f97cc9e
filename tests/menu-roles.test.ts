import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../dev/sandbox/bot-api-emulator.js';
import { sanctionNotices } from '../lib/bot/texts/admin-notices.js';
import { commandsFor } from '../lib/bot/texts/common.js';
import { inLanguage, type Language } from '../lib/bot/texts/language.js';
import { menuLabels } from '../lib/bot/texts/menu.js';
import { staffTexts } from '../lib/bot/texts/staff.js';
import { ownerNotices, registerTexts } from '../lib/bot/texts/venue.js';
import type { Role } from '../lib/marketplace/users.js';
import { createTestApp, type TestApp } from './support/app.js';
import { buttonFor, lastScreen, screens, shown } from './support/chat.js';
import { verifiedVenue } from './support/fixtures.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, people, textUpdate } from './support/updates.js';

/**
 * Issue 17: whenever someone's role or venue changes (verified, suspended, reinstated, joining or leaving a
 * venue's staff) or they pick a language, their menus (the "/" menu and the keyboard under the field) are what
 * /start would give them: an admin keeps the admin's whatever else they are, an owner whose venue can't sell
 * yet keeps a customer's.
 */
describe(`menus follow the person's role (${storeLabel})`, () => {
  let app: TestApp;
  const ada = people.admin;
  const bea: Person = { id: 9002, first_name: 'Bea' };
  const nina: Person = { id: 2601, first_name: 'Nina' };
  let adaVenueId: number;

  beforeAll(async () => {
    app = await createTestApp({
      RATE_LIMIT_MAX_REQUESTS: '1000',
      ADMIN_TELEGRAM_IDS: `${ada.id},${bea.id}`,
    });
  });
  afterAll(() => app.close());

  const say = (person: Person, text: string) => app.deliver(textUpdate(person, text));
  const tap = (person: Person, data: string) => app.deliver(callbackUpdate(person, data));
  type Markup = { keyboard?: Array<Array<string | { text: string }>>; remove_keyboard?: boolean };
  const markupOf = (call: RecordedCall | undefined) => call?.params.reply_markup as Markup | undefined;
  /** The labels of the newest reply keyboard sent to `person`: the one under their message field. */
  const keyboardOf = (person: Person) =>
    (
      markupOf(
        app.telegram
          .sentTo(person.id)
          .filter((c) => markupOf(c)?.keyboard !== undefined)
          .at(-1),
      )?.keyboard ?? []
    )
      .flat()
      .map((b) => (typeof b === 'string' ? b : b.text));
  /** Their own "/" menu (the chat scope, else what every private chat shows), as command names. */
  const commandMenu = (person: Person, language: Language = 'en') =>
    (app.telegram.commandsFor(person.id, language) as Array<{ command: string; description: string }>).map(
      (c) => c.description,
    );
  const described = (role: Role, language: Language = 'en') =>
    inLanguage(language, () => commandsFor(role).map((c) => c.description));

  /** Whether `person` was shown exactly `text` (an admin is also sent the new venue's card, after her own line). */
  const told = (person: Person, text: string) => screens(app, person.id).some((c) => shown(c) === text);
  type Item = keyof typeof menuLabels;
  const labels = (items: Item[], language: Language = 'en') =>
    inLanguage(language, () => items.map((item) => menuLabels[item]));
  const customerItems: Item[] = ['deals', 'myReservations', 'following', 'settings', 'nearMe', 'hide'];
  const review = '🛡 Review';
  const ownerRows = labels(['myOffers', 'newOffer', 'desk', 'deals', 'hide']);
  const customerRows = labels(customerItems);

  async function register(person: Person, name: string) {
    await say(person, '/register');
    for (const answer of [name, '1 Market Street', 'Skip', '+49 30 1234567', 'Deli and bakery', 'Skip']) {
      await say(person, answer);
    }
    expect(told(person, registerTexts.done(name))).toBe(true);
  }

  it('keeps an admin’s menus when the venue she registered is verified', async () => {
    await say(ada, '/start');
    expect(keyboardOf(ada)).toEqual([review, ...customerRows]);
    await register(ada, 'Ada’s Deli');
    const verify = buttonFor(app, bea.id, 'venue:verify:');
    expect(verify, 'the other admin is asked to verify').toBeDefined();
    adaVenueId = Number(verify!.callback_data!.split(':')[2]);

    await tap(bea, verify!.callback_data!);
    expect(told(ada, ownerNotices.verified('Ada’s Deli'))).toBe(true);
    // Her venue's buttons, and Review still first; her "/" menu is still the admin's.
    expect(keyboardOf(ada)).toEqual([review, ...ownerRows]);
    expect(commandMenu(ada)).toEqual(described('admin'));
    // What /start gives her says the same.
    await say(ada, '/start');
    expect(keyboardOf(ada)).toEqual([review, ...ownerRows]);
  });

  it('keeps an admin’s menus when her venue is suspended and reinstated', async () => {
    await say(bea, `/suspend ${adaVenueId} Checking a complaint`);
    expect(told(ada, sanctionNotices.suspended('Ada’s Deli', 'Checking a complaint'))).toBe(true);
    expect(keyboardOf(ada)).toEqual([review, ...customerRows]);
    expect(commandMenu(ada)).toEqual(described('admin'));

    await say(bea, `/unsuspend ${adaVenueId}`);
    expect(told(ada, sanctionNotices.reinstated('Ada’s Deli'))).toBe(true);
    expect(keyboardOf(ada)).toEqual([review, ...ownerRows]);
    expect(commandMenu(ada)).toEqual(described('admin'));
  });

  it('keeps an admin’s menus when she joins a venue’s staff and when she is removed from it', async () => {
    const venue = await verifiedVenue(app.deps.db, { name: 'Bakery Sun' });
    const owner: Person = { id: venue.ownerId, first_name: 'Olga' };
    await say(owner, '/staff');
    await tap(owner, 'staff:invite');
    const link = shown(lastScreen(app, owner.id)).match(/start=(staff_[\w-]+)/)?.[1];
    expect(link, 'an invite link').toBeDefined();

    await say(bea, `/start ${link}`);
    expect(told(bea, staffTexts.joined('Bakery Sun'))).toBe(true);
    expect(keyboardOf(bea)[0]).toBe(review);
    expect(commandMenu(bea)).toEqual(described('admin'));

    await tap(owner, `staff:remove:${bea.id}`);
    expect(told(bea, staffTexts.youWereRemoved('Bakery Sun'))).toBe(true);
    expect(keyboardOf(bea)).toEqual([review, ...customerRows]);
    expect(commandMenu(bea)).toEqual(described('admin'));
  });

  it('gives an owner whose venue waits for verification a customer’s menus in the language she picks', async () => {
    await register(nina, 'Nina’s Noodles');
    await say(nina, '/start');
    expect(keyboardOf(nina)).toEqual(customerRows);
    await say(nina, '/language');
    await tap(nina, 'language:set:de');
    expect(commandMenu(nina, 'en')).toEqual(described('customer', 'de'));
    expect(keyboardOf(nina)).toEqual(labels(customerItems, 'de'));
  });
});
