import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../dev/sandbox/bot-api-emulator.js';
import { commandsFor } from '../lib/bot/texts/common.js';
import { inEveryLanguage, inLanguage } from '../lib/bot/texts/language.js';
import { languageChoiceTexts } from '../lib/bot/texts/language-choice.js';
import { menuLabels } from '../lib/bot/texts/menu.js';
import { createStaffInvite, joinStaff } from '../lib/marketplace/memberships.js';
import { createTestApp, type TestApp } from './support/app.js';
import { lastScreen, screens, shown } from './support/chat.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, people, textUpdate } from './support/updates.js';

/** Issue 17: the menu keyboard under the message field, per role and language, out of the way in wizards. */

type ReplyMarkup = {
  keyboard?: Array<Array<string | { text: string; request_location?: boolean }>>;
  remove_keyboard?: boolean;
  is_persistent?: boolean;
  resize_keyboard?: boolean;
  input_field_placeholder?: string;
};
const markupOf = (call: RecordedCall | undefined) => call?.params.reply_markup as ReplyMarkup | undefined;
const labelsOf = (markup: ReplyMarkup | undefined) =>
  (markup?.keyboard ?? []).flat().map((b) => (typeof b === 'string' ? b : b.text));

describe(`menu keyboard (${storeLabel})`, () => {
  let app: TestApp;
  let owner: Person;
  const staff: Person = { id: 7101, first_name: 'Sam' };
  const german = { id: 1301, first_name: 'Greta', language_code: 'de' } as Person;
  const russian = { id: 1302, first_name: 'Ivan', language_code: 'ru' } as Person;

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' });
    const venue = await verifiedVenue(app.deps.db, { name: 'Olga’s Bakery' });
    owner = { id: venue.ownerId, first_name: 'Olga' };
    await liveOffer(app.deps.db, owner.id, { title: 'Evening bread bag' });
    const invite = await createStaffInvite(app.deps.db, { ownerId: owner.id, now: new Date() });
    await joinStaff(app.deps.db, {
      token: invite.token,
      user: { id: staff.id, firstName: 'Sam' },
      now: new Date(),
    });
  });
  afterAll(() => app.close());

  const say = (person: Person, text: string) => app.deliver(textUpdate(person, text));
  /** The newest message to `person` that set or removed a reply keyboard: the keyboard in force. */
  const keyboardInForce = (person: Person) =>
    markupOf(
      app.telegram
        .sentTo(person.id)
        .filter((c) => {
          const m = markupOf(c);
          return m?.keyboard !== undefined || m?.remove_keyboard === true;
        })
        .at(-1),
    );
  const lastText = (person: Person) => shown(lastScreen(app, person.id));
  /** What the last update's replies said (a list may be followed by the location button's line). */
  const lastReplies = (person: Person, count = 2) =>
    screens(app, person.id)
      .slice(-count)
      .map((c) => shown(c))
      .join('\n');

  it.each([
    [
      'customer',
      people.alice,
      ['🍱 Deals', '🧾 My reservations', '⭐ Following', '⚙️ Settings', '📍 Near me', '⌨️ Hide menu'],
    ],
    [
      'venue owner',
      undefined,
      ['📦 My offers', '➕ New offer', '🧾 Reservations', '🍱 Deals', '⌨️ Hide menu'],
    ],
    ['staff member', staff, ['🧾 Reservations', '🍱 Deals', '⌨️ Hide menu']],
    [
      'admin',
      people.admin,
      [
        '🛡 Review',
        '🍱 Deals',
        '🧾 My reservations',
        '⭐ Following',
        '⚙️ Settings',
        '📍 Near me',
        '⌨️ Hide menu',
      ],
    ],
  ])('shows a %s their menu with /start, persistent and resized', async (_role, person, labels) => {
    const who = person ?? owner;
    await say(who, '/start');
    const markup = markupOf(lastScreen(app, who.id));
    expect(labelsOf(markup)).toEqual(labels);
    expect(markup).toMatchObject({ is_persistent: true, resize_keyboard: true });
    expect(markup?.input_field_placeholder).toBe('Type a food, e.g. bread');
  });

  it('asks the phone for the location from 📍 Near me', async () => {
    await say(people.bob, '/help');
    const nearMe = markupOf(lastScreen(app, people.bob.id))
      ?.keyboard?.flat()
      .find((b) => typeof b !== 'string');
    expect(nearMe).toEqual({ text: '📍 Near me', request_location: true });
    expect(lastText(people.bob)).toContain('/menu');
  });

  it.each([
    [
      german,
      [
        '🍱 Angebote',
        '🧾 Meine Reservierungen',
        '⭐ Gefolgt',
        '⚙️ Einstellungen',
        '📍 In der Nähe',
        '⌨️ Menü ausblenden',
      ],
    ],
    [
      russian,
      ['🍱 Предложения', '🧾 Мои брони', '⭐ Подписки', '⚙️ Настройки', '📍 Рядом со мной', '⌨️ Скрыть меню'],
    ],
  ])('labels the menu in the person’s language (%o)', async (person, labels) => {
    await say(person, '/start');
    expect(labelsOf(markupOf(lastScreen(app, person.id)))).toEqual(labels);
  });

  it('runs the command a label stands for, whichever language the label is in', async () => {
    await say(german, '🍱 Angebote');
    expect(lastReplies(german)).toContain('Evening bread bag');
    await say(german, '🧾 Meine Reservierungen');
    expect(lastText(german)).toMatch(/keine Reservierungen/);
    // A label of another language still works (a keyboard sent before a /language switch).
    await say(russian, '🍱 Deals');
    expect(lastReplies(russian)).toContain('Evening bread bag');
    await say(owner, '📦 My offers');
    expect(lastText(owner)).toContain('Evening bread bag');
    await say(people.admin, '🛡 Review');
    expect(lastText(people.admin)).toMatch(/waiting|No venues/i);
  });

  it('gives every label of every language exactly one meaning', () => {
    const meanings = new Map<string, string>();
    for (const labels of inEveryLanguage(() => ({ ...menuLabels }))) {
      for (const [item, label] of Object.entries(labels)) {
        expect(meanings.get(label) ?? item, label).toBe(item);
        meanings.set(label, item);
      }
    }
    expect(inLanguage('de', () => menuLabels.deals)).toBe('🍱 Angebote');
  });

  it('hides with ⌨️ Hide menu, stays hidden on /start, and comes back with /menu', async () => {
    await say(people.alice, '⌨️ Hide menu');
    expect(keyboardInForce(people.alice)).toEqual({ remove_keyboard: true });
    expect(lastText(people.alice)).toContain('/menu');
    await say(people.alice, '/start');
    expect(markupOf(lastScreen(app, people.alice.id))).toBeUndefined();
    await say(people.alice, '/menu');
    expect(labelsOf(keyboardInForce(people.alice))).toContain('🍱 Deals');
    await say(people.alice, '/start');
    expect(labelsOf(markupOf(lastScreen(app, people.alice.id)))).toContain('🍱 Deals');
  });

  it('puts /menu in every role’s command menu, and /help names it once', async () => {
    for (const role of ['customer', 'venue', 'staff', 'admin'] as const) {
      expect(commandsFor(role).map((c) => c.command)).toContain('menu');
    }
    for (const person of [people.bob, owner, staff, people.admin]) {
      await say(person, '/help');
      expect(lastText(person).match(/\/menu\b/g), `${person.first_name}’s /help`).toHaveLength(1);
    }
  });

  it('steps aside in a wizard, keeps menu taps out of its answers, and comes back when it is cancelled', async () => {
    await say(owner, '/start');
    await say(owner, '➕ New offer');
    expect(lastText(owner)).toMatch(/title/i);
    expect(keyboardInForce(owner)).toEqual({ remove_keyboard: true });
    // A tap on a label the phone still showed is a command to the wizard: "finish or /cancel", not a title.
    await say(owner, '🍱 Deals');
    expect(lastText(owner)).not.toMatch(/items/i);
    expect(lastText(owner)).toMatch(/cancel/i);
    await say(owner, '/cancel');
    expect(labelsOf(keyboardInForce(owner))).toContain('➕ New offer');
  });

  it('keeps a label typed as a wizard’s answer from turning into a search, and plain answers reach the wizard', async () => {
    await say(owner, '/newoffer');
    await say(owner, 'Sourdough rescue');
    expect(lastText(owner)).toMatch(/items/i);
    expect(lastText(owner)).not.toContain('🔎');
    await say(owner, '/cancel');
    expect(labelsOf(keyboardInForce(owner))).toContain('📦 My offers');
  });

  it('brings the menu back on a line of its own when a wizard ends on a card with buttons', async () => {
    const offer = await liveOffer(app.deps.db, owner.id, { title: 'Lunch box' });
    await say(owner, `/edit ${offer.id}`);
    await app.deliver(callbackUpdate(owner, 'edit:field:title'));
    expect(keyboardInForce(owner)).toEqual({ remove_keyboard: true });
    await say(owner, 'Lunch box XL');
    await app.deliver(callbackUpdate(owner, 'edit:field:done'));
    const [card, back] = app.telegram
      .sentTo(owner.id)
      .filter((c) => c.method === 'sendMessage')
      .slice(-2);
    expect(shown(card)).toContain('Lunch box XL');
    expect(shown(back)).toBe('⌨️ Your menu is back.');
    expect(labelsOf(markupOf(back))).toContain('➕ New offer');
  });

  it('gives a venue’s owner the venue’s menu with the news that it is verified', async () => {
    const newcomer: Person = { id: 2601, first_name: 'Nina' };
    await say(newcomer, '/start');
    expect(labelsOf(keyboardInForce(newcomer))).toContain('⭐ Following');
    const { registerVenue } = await import('../lib/marketplace/venues.js');
    const venue = await registerVenue(app.deps.db, {
      ownerId: newcomer.id,
      ownerFirstName: 'Nina',
      name: 'Nina’s Noodles',
      address: '2 Side Street',
      latitude: null,
      longitude: null,
      phone: '+49 30 7654321',
      description: 'Noodles',
    });
    await app.deliver(callbackUpdate(people.admin, `venue:verify:${venue.id}`));
    expect(lastText(newcomer)).toMatch(/verified/i);
    expect(labelsOf(keyboardInForce(newcomer))).toEqual([
      '📦 My offers',
      '➕ New offer',
      '🧾 Reservations',
      '🍱 Deals',
      '⌨️ Hide menu',
    ]);
  });

  it('sends the menu again in the language just chosen, unless it is hidden or the language is the same', async () => {
    const hana: Person = { id: 1303, first_name: 'Hana' };
    const keyboardsSent = () => app.telegram.sentTo(hana.id).filter((c) => markupOf(c)?.keyboard).length;
    await say(hana, '/start');
    await say(hana, '/language');
    await app.deliver(callbackUpdate(hana, 'language:set:de'));
    expect(lastText(hana)).toBe(inLanguage('de', () => languageChoiceTexts.chosen));
    expect(labelsOf(keyboardInForce(hana))).toContain('🍱 Angebote');
    // The same language again changes nothing under the field.
    const before = keyboardsSent();
    await app.deliver(callbackUpdate(hana, 'language:set:de'));
    expect(keyboardsSent()).toBe(before);
    // A hidden menu stays hidden: /menu brings it back, in the new language.
    await say(hana, '⌨️ Menü ausblenden');
    await app.deliver(callbackUpdate(hana, 'language:set:ru'));
    expect(lastText(hana)).toBe(inLanguage('ru', () => languageChoiceTexts.chosen));
    expect(keyboardInForce(hana)).toEqual({ remove_keyboard: true });
    await say(hana, '/menu');
    expect(labelsOf(keyboardInForce(hana))).toContain('🍱 Предложения');
  });
});
