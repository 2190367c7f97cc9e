import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotApiEmulator } from '../dev/sandbox/bot-api-emulator.js';
import { TEST_TOKEN } from './support/app.js';
import { runScript } from './support/run-script.js';

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
    expect(telegram.callsTo('setMyDescription')).toHaveLength(1);
    expect(telegram.callsTo('setMyShortDescription')).toHaveLength(1);
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
