import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../db/schema.js';
import { cardHeadings } from '../lib/bot/texts/admin.js';
import { commandsFor } from '../lib/bot/texts/common.js';
import { errorText } from '../lib/bot/texts/errors.js';
import { inLanguage, type Language } from '../lib/bot/texts/language.js';
import { languageChoiceTexts } from '../lib/bot/texts/language-choice.js';
import { menuLabels, menuTexts } from '../lib/bot/texts/menu.js';
import { newOfferTexts, ownerNotices, registerTexts } from '../lib/bot/texts/venue.js';
import { transitionOffer } from '../lib/marketplace/offer-transitions.js';
import { createOffer } from '../lib/marketplace/offers.js';
import { createTestApp, type TestApp } from './support/app.js';
import { answerTo, buttonFor, buttonsOf, lastScreen, screens, shown, trackMessages } from './support/chat.js';
import { verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, people, textUpdate } from './support/updates.js';

/** What `read` says in `language`; the test also checks it isn't English, so a missing translation fails. */
function inGerman<T>(read: () => T, language: Language = 'de'): T {
  const translated = inLanguage(language, read);
  expect(translated, 'translated, not English').not.toEqual(inLanguage('en', read));
  return translated;
}

/**
 * Issue 17, in German: a venue owner registers through the update surface with her Telegram app in German
 * (a bad answer re-asked in German), the English-speaking admin reviews her in English, and a German customer
 * reads prices and days the German way, then switches the bot to Spanish with /language.
 */
describe(`the bot in German (${storeLabel})`, () => {
  let app: TestApp;
  let messages: ReturnType<typeof trackMessages>;
  const olga: Person = { id: 7101, first_name: 'Olga', language_code: 'de' };
  const anna: Person = { id: 7201, first_name: 'Anna', language_code: 'de-AT' };
  const ada = people.admin; // her Telegram app sends no language: the default, English

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' });
    messages = trackMessages(app);
  });
  afterAll(() => app.close());

  const say = (person: Person, text: string) => app.deliver(textUpdate(person, text));
  const screen = (person: Person) => shown(lastScreen(app, person.id));
  /** The newest thing shown to `person` that mentions `words` (a list may be followed by a nudge). */
  const screenWith = (person: Person, words: string) =>
    shown(
      screens(app, person.id)
        .reverse()
        .find((c) => shown(c).includes(words)),
    );
  async function tap(person: Person, prefix: string) {
    const button = buttonFor(app, person.id, prefix);
    expect(button, `a ${prefix} button for ${person.first_name}`).toBeDefined();
    const update = callbackUpdate(person, button!.callback_data!, messages.messageWith(person.id, prefix));
    await app.deliver(update);
    return update;
  }
  const replyKeyboard = (person: Person) =>
    (
      lastScreen(app, person.id)?.params.reply_markup as {
        keyboard?: Array<Array<string | { text: string }>>;
      }
    )?.keyboard
      ?.flat()
      .map((b) => (typeof b === 'string' ? b : b.text)) ?? [];

  let venueId: number;

  it('registers a venue in German and asks a bad answer again in German', async () => {
    await say(olga, '/register');
    expect(screen(olga)).toBe(inGerman(() => registerTexts.askName));
    await say(olga, 'A');
    expect(screen(olga)).toBe(inGerman(() => registerTexts.badName));
    await say(olga, 'Olgas Backstube');
    expect(screen(olga)).toBe(inGerman(() => registerTexts.askAddress));
    await say(olga, 'Hauptstraße 5, Berlin');
    expect(screen(olga)).toBe(inGerman(() => registerTexts.askLocation));
    // The keyboard's Skip is German, and typing what it says moves on.
    const skip = inGerman(() => registerTexts.skip);
    expect(replyKeyboard(olga)).toContain(skip);
    await say(olga, skip);
    expect(screen(olga)).toBe(inGerman(() => registerTexts.askPhone));
    await say(olga, 'ruf mich an');
    expect(screen(olga)).toBe(inGerman(() => registerTexts.badPhone));
    await say(olga, '+49 30 1234567');
    await say(olga, 'Brot und Kuchen vom Vortag');
    expect(screen(olga)).toBe(inGerman(() => registerTexts.askPhoto));
    // A keyboard label in another of the bot's languages still counts (a /language switch mid-way).
    await say(
      olga,
      inLanguage('en', () => registerTexts.skip),
    );
    expect(screen(olga)).toBe(inGerman(() => registerTexts.done('Olgas Backstube')));
  });

  it('shows the English-speaking admin the new venue in English', () => {
    const card = shown(lastScreen(app, ada.id));
    expect(card).toContain(inLanguage('en', () => cardHeadings.registered));
    expect(card).toContain('Olgas Backstube');
    expect(card).not.toContain(inLanguage('de', () => cardHeadings.registered));
    venueId = Number(buttonFor(app, ada.id, 'venue:verify')!.callback_data!.split(':')[2]);
    expect(venueId).toBeGreaterThan(0);
  });

  it('tells the owner of the admin’s decision in German and gives her the venue menu in German', async () => {
    await tap(ada, `venue:verify:${venueId}`);
    expect(screen(olga)).toBe(inGerman(() => ownerNotices.verified('Olgas Backstube')));
    const menu = app.telegram.commandsFor(olga.id, 'de') as Array<{ command: string; description: string }>;
    expect(menu).toEqual(inGerman(() => commandsFor('venue').map((c) => ({ ...c }))));
    // The admin's own confirmation stays English.
    expect(screen(ada)).toMatch(/verified/i);
  });

  it.each(['Fertig', ' fertig ', 'Listo', 'Готово', 'DONE'])(
    'moves on from the items when she types %j, the “Fertig” the prompt names (in any of our languages)',
    async (word) => {
      await say(olga, '/newoffer');
      await say(olga, 'Brottüte');
      expect(screen(olga)).toBe(inGerman(() => newOfferTexts.askItems));
      await say(olga, 'Brot; 10,00; 3,50; 4');
      await say(olga, word);
      // The pickup time is asked next: no item named “Fertig” begun.
      expect(screen(olga)).toBe(inGerman(() => newOfferTexts.askWindow));
      await say(olga, '/cancel');
    },
  );

  it('shows a German customer prices with a decimal comma and tomorrow as “morgen”', async () => {
    const { ownerId } = await verifiedVenue(app.deps.db, { name: 'Bäckerei Sonne' });
    const tomorrow = new Date(Date.now() + 86_400_000);
    tomorrow.setUTCHours(18, 0, 0, 0);
    const offer = await createOffer(app.deps.db, {
      ownerId,
      title: 'Brotbeutel',
      pickupStart: tomorrow,
      pickupEnd: new Date(tomorrow.getTime() + 2 * 3_600_000),
      items: [{ name: 'Brot', originalPrice: 1250, price: 400, quantity: 5 }],
    });
    const now = new Date();
    await transitionOffer(app.deps.db, {
      idempotencyKey: newKey(),
      offerId: offer.id,
      ownerId,
      action: 'publish',
      now,
    });
    await say(anna, '/offers');
    const list = screenWith(anna, 'Brotbeutel');
    expect(list).toContain('Brotbeutel');
    expect(list).toMatch(/4,00\s€/u);
    expect(list).toMatch(/12,50\s€/u);
    expect(list).toContain('morgen 18:00–20:00');
    expect(list).not.toMatch(/€4\.00|tomorrow/);
  });

  it('says a wizard’s /cancel and its reminder in German (they are read when said, not at import)', async () => {
    await say(anna, '/register');
    await say(anna, '/offers');
    expect(screen(anna)).toBe(inGerman(() => registerTexts.stillRegistering));
    await say(anna, '/cancel');
    expect(screen(anna)).toBe(inGerman(() => registerTexts.cancelled));
  });

  it('switches from German to Spanish with /language, and answers in Spanish from then on', async () => {
    await say(anna, '/language');
    expect(screen(anna)).toBe(inGerman(() => languageChoiceTexts.ask));
    const labels = buttonsOf(lastScreen(app, anna.id)).map((b) => b.text);
    expect(labels).toEqual(['English', '✅ Deutsch', 'Español', 'Русский']);

    await tap(anna, 'language:set:es');
    expect(screen(anna)).toBe(inGerman(() => languageChoiceTexts.chosen, 'es'));
    // The menu keyboard under the field comes with it, in Spanish, its placeholder too.
    expect(replyKeyboard(anna)).toEqual(
      inGerman(
        () =>
          (['deals', 'myReservations', 'following', 'settings', 'nearMe', 'hide'] as const).map(
            (item) => menuLabels[item],
          ),
        'es',
      ),
    );
    expect(lastScreen(app, anna.id)?.params.reply_markup).toMatchObject({
      input_field_placeholder: inGerman(() => menuTexts.placeholder, 'es'),
    });
    const [row] = await app.deps.db.select().from(users).where(eq(users.id, anna.id));
    expect(row!.language).toBe('es');
    // Her "/" menu is Spanish now, whatever her app's language.
    const menu = app.telegram.commandsFor(anna.id, 'de') as Array<{ description: string }>;
    expect(menu.map((c) => c.description)).toEqual(
      inGerman(() => commandsFor('customer').map((c) => c.description), 'es'),
    );

    await say(anna, '/help');
    expect(screen(anna)).toContain(
      `/language — ${inGerman(() => languageChoiceTexts.commandDescription, 'es')}`,
    );
  });

  it('stores the same choice however often it is tapped, and refuses a language it doesn’t speak in hers', async () => {
    await say(anna, '/language');
    expect(buttonsOf(lastScreen(app, anna.id)).map((b) => b.text)).toContain('✅ Español');
    await tap(anna, 'language:set:es');
    await tap(anna, 'language:set:es');
    // Forged data goes through the error boundary, which Telegraf calls outside the chain: still Spanish.
    const forged = callbackUpdate(anna, 'language:set:fr', messages.messageWith(anna.id, 'language:set'));
    await app.deliver(forged);
    expect(answerTo(app, (forged as { callback_query: { id: string } }).callback_query.id)?.params.text).toBe(
      inGerman(() => errorText({ code: 'button.stale' }), 'es'),
    );
    const rows = await app.deps.db.select().from(users).where(eq(users.id, anna.id));
    expect(rows.map((r) => r.language)).toEqual(['es']);
  });

  it('still speaks Spanish to her after her session expired, before anything else is read', async () => {
    await app.runtime.sessions.delete(String(anna.id));
    await say(anna, '/offers');
    expect(screenWith(anna, 'Brotbeutel')).toContain('mañana 18:00–20:00');
    // And the mirror is back in the new session.
    expect((await app.runtime.sessions.get(String(anna.id)))?.language).toBe('es');
  });
});
