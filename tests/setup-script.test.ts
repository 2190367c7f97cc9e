import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotApiEmulator } from '../dev/sandbox/bot-api-emulator.js';
import { botProfile } from '../lib/bot/texts/bot-profile.js';
import { commandsFor } from '../lib/bot/texts/common.js';
import { inLanguage, LANGUAGES, type Language } from '../lib/bot/texts/language.js';
import { chooseLanguage, type Role, recordVisit } from '../lib/marketplace/users.js';
import { runSetup as setUp } from '../lib/ops/setup.js';
import { createTestApp, TEST_TOKEN, type TestApp } from './support/app.js';
import { verifiedVenue } from './support/fixtures.js';
import { runScript } from './support/run-script.js';
import { people } from './support/updates.js';

/** `npm run setup` as an operator would run it, against the fake Bot API. */
const runSetup = (env: Record<string, string>, args: string[] = []) =>
  runScript('scripts/setup.ts', env, args);

describe('npm run setup', () => {
  const telegram = new BotApiEmulator(123456);
  let env: Record<string, string>;
  beforeAll(async () => {
    env = {
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: await telegram.start(),
      TELEGRAM_WEBHOOK_SECRET: 'setup-secret',
      PUBLIC_URL: 'https://food.example.org',
      ADMIN_TELEGRAM_IDS: '9001,9002',
    };
  });
  afterAll(() => telegram.stop());

  it('sets the webhook with the secret and only the handled update kinds', async () => {
    const { code, output } = await runSetup(env);
    expect(code, output).toBe(0);
    const [webhook] = telegram.callsTo('setWebhook');
    expect(webhook!.params).toMatchObject({
      url: 'https://food.example.org/api/telegram',
      secret_token: 'setup-secret',
      allowed_updates: [
        'message',
        'callback_query',
        'my_chat_member',
        'inline_query',
        'chosen_inline_result',
      ],
      max_connections: 40,
    });
    expect(output).toContain('"url": "https://food.example.org/api/telegram"');
    expect(output).not.toContain('setup-secret');
  });

  it('sets the customer menu in every private chat and the admin menu in each admin chat', () => {
    const menus = telegram.callsTo('setMyCommands');
    const byScope = new Map(
      menus.map((m) => [JSON.stringify(m.params.scope), m.params.commands as Array<{ command: string }>]),
    );
    expect(byScope.get('{"type":"all_private_chats"}')!.map((c) => c.command)).toContain('offers');
    expect(byScope.has('{"type":"default"}')).toBe(false);
    for (const admin of [9001, 9002]) {
      const commands = byScope.get(JSON.stringify({ type: 'chat', chat_id: admin }))!.map((c) => c.command);
      expect(commands).toEqual(expect.arrayContaining(['pending', 'verify', 'reject']));
    }
    // What people then see: admins their own menu, any other private chat the customers' one.
    const seen = (chatId: number) =>
      (telegram.commandsFor(chatId) as Array<{ command: string }>).map((c) => c.command);
    expect(seen(9001)).toContain('pending');
    expect(seen(4242)).toContain('offers');
    expect(seen(4242)).not.toContain('pending');
  });

  it('sets the customer menu and the descriptions in every language, and the default for any other', () => {
    const menu = (languageCode: string) =>
      telegram.commandsFor(4242, languageCode) as Array<{ command: string; description: string }>;
    const english = inLanguage('en', () => commandsFor('customer').map((c) => c.description));
    for (const language of LANGUAGES) {
      const words = inLanguage(language, () => ({ ...botProfile }));
      expect(menu(language).map((c) => c.description)).toEqual(
        inLanguage(language, () => commandsFor('customer').map((c) => c.description)),
      );
      expect(telegram.descriptionFor(language)).toEqual(words);
      if (language !== 'en') {
        // Really translated: a language that fell back to English would read the same as English.
        expect(menu(language).map((c) => c.description)).not.toEqual(english);
        expect(words.description).not.toBe(inLanguage('en', () => botProfile.description));
      }
    }
    // Telegram shows a French app the lists set without a language_code: the default language's (English).
    expect(menu('fr').map((c) => c.description)).toEqual(english);
    expect(telegram.descriptionFor('fr').description).toBe(inLanguage('en', () => botProfile.description));
    expect(menu('de').map((c) => c.command)).toContain('language');
    expect(telegram.callsTo('setMyDescription')).toHaveLength(LANGUAGES.length + 1);
    expect(telegram.callsTo('setMyShortDescription')).toHaveLength(LANGUAGES.length + 1);
  });

  it('speaks DEFAULT_LANGUAGE to apps in languages it doesn’t speak', async () => {
    telegram.reset();
    const { code, output } = await runSetup({ ...env, DEFAULT_LANGUAGE: 'de' });
    expect(code, output).toBe(0);
    const german = inLanguage('de', () => ({ ...botProfile }));
    expect(telegram.descriptionFor('fr')).toEqual(german);
    expect((telegram.commandsFor(4242, 'fr') as Array<{ command: string }>).map((c) => c.command)).toEqual(
      inLanguage('de', () => commandsFor('customer').map((c) => c.command)),
    );
    // An admin who never spoke to the bot gets the default language's menu in their chat.
    const adminMenu = telegram.commandsFor(9001, 'en') as Array<{ description: string }>;
    expect(adminMenu.map((c) => c.description)).toEqual(
      inLanguage('de', () => commandsFor('admin').map((c) => c.description)),
    );
  });

  it('clears a customer menu an earlier version left in the default scope (groups would show it)', async () => {
    telegram.reset();
    await fetch(`${env.TELEGRAM_API_ROOT}/bot${TEST_TOKEN}/setMyCommands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ commands: [{ command: 'offers', description: 'old menu' }] }),
    });
    const { code, output } = await runSetup(env);
    expect(code, output).toBe(0);
    expect(telegram.callsTo('deleteMyCommands').map((c) => c.params.scope)).toEqual([{ type: 'default' }]);
    expect(telegram.commandsFor(-100123)).toEqual([]);
  });

  it('keeps the updates waiting for the bot unless asked to drop them', async () => {
    telegram.reset();
    telegram.queueUpdate({ update_id: 1 });
    telegram.queueUpdate({ update_id: 2 });
    const kept = await runSetup(env);
    expect(kept.code, kept.output).toBe(0);
    expect(telegram.callsTo('setWebhook')[0]!.params).not.toHaveProperty('drop_pending_updates');
    expect(kept.output).toContain('"pendingUpdateCount": 2');
  });

  it('has Telegram drop the waiting updates with --drop-pending', async () => {
    telegram.reset();
    const { code, output } = await runSetup(env, ['--drop-pending']);
    expect(code, output).toBe(0);
    expect(telegram.callsTo('setWebhook')[0]!.params).toMatchObject({
      url: 'https://food.example.org/api/telegram',
      drop_pending_updates: true,
    });
    expect(output).toContain('"pendingUpdateCount": 0');
  });

  it('refuses an option it does not know, before calling Telegram', async () => {
    telegram.reset();
    const { code, output } = await runSetup(env, ['--drop-pending-updates']);
    expect(code).toBe(1);
    expect(output).toContain('Unknown option --drop-pending-updates');
    expect(telegram.calls).toHaveLength(0);
  });

  it('only reads the webhook state with --check', async () => {
    telegram.reset();
    const { code, output } = await runSetup(env, ['--check']);
    expect(code, output).toBe(0);
    expect(telegram.calls.map((c) => c.method)).toEqual(['getWebhookInfo']);
    expect(output).toContain('"pendingUpdateCount": 0');
  });

  it('refuses to run without a public URL', async () => {
    const { code, output } = await runSetup({ ...env, PUBLIC_URL: '' });
    expect(code).toBe(1);
    expect(output).toContain('PUBLIC_URL');
  });
});

/** With the database: every per-chat menu in its holder's language (issue 17). */
describe('setup of per-chat menus', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ PUBLIC_URL: 'https://food.example.org' });
  });
  afterAll(() => app.close());

  it('sets each owner’s, admin’s and chooser’s menu in their language, and none for other customers', async () => {
    const { db } = app.deps;
    const venue = await verifiedVenue(db);
    const admins = app.deps.config.adminIds;
    await recordVisit(db, { id: venue.ownerId, firstName: 'Olga', languageCode: 'ru' }, admins);
    await recordVisit(db, { id: people.admin.id, firstName: 'Ada', languageCode: 'de-AT' }, admins);
    await chooseLanguage(db, { userId: people.alice.id, firstName: 'Alice', language: 'es' });
    await recordVisit(db, { id: people.bob.id, firstName: 'Bob', languageCode: 'es' }, admins);

    const result = await setUp(app.deps.config, app.runtime.bot.telegram, db);
    expect(result).toMatchObject({ owners: 1, admins: 1, customers: 1 });
    const menu = (chatId: number) =>
      (app.telegram.commandsFor(chatId, 'en') as Array<{ command: string; description: string }>).map(
        (c) => c.description,
      );
    const described = (role: Role, language: Language) =>
      inLanguage(language, () => commandsFor(role).map((c) => c.description));
    expect(menu(venue.ownerId)).toEqual(described('venue', 'ru'));
    expect(menu(people.admin.id)).toEqual(described('admin', 'de'));
    expect(menu(people.alice.id)).toEqual(described('customer', 'es'));
    // Bob never chose: no menu of his own, so his app's language picks the customers' menu.
    const scopes = app.telegram.callsTo('setMyCommands').map((c) => c.params.scope as { chat_id?: number });
    expect(scopes.some((scope) => scope.chat_id === people.bob.id)).toBe(false);
    expect(described('venue', 'ru')).not.toEqual(described('venue', 'en'));
  });
});
