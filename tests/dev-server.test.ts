import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import journal from '../db/migrations/meta/_journal.json' with { type: 'json' };
import { BotApiEmulator } from '../dev/sandbox/bot-api-emulator.js';
import { TEST_TOKEN } from './support/app.js';
import { type DevProcess, runDev, startDev } from './support/spawn-dev.js';
import { people, textUpdate } from './support/updates.js';

const SECRET = 'dev-server-secret';

describe('npm run dev in webhook mode on the embedded stand-ins', () => {
  const telegram = new BotApiEmulator(123456);
  let dev: DevProcess;

  beforeAll(async () => {
    const apiRoot = await telegram.start();
    dev = await startDev({
      BOT_TOKEN: TEST_TOKEN,
      BOT_MODE: 'webhook',
      TELEGRAM_API_ROOT: apiRoot,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      RATE_LIMIT_MAX_REQUESTS: '3',
      LOG_LEVEL: 'warn',
    });
  });
  afterAll(async () => {
    await dev?.stop();
    await telegram.stop();
  });

  const post = (body: string, secret?: string) =>
    fetch(`${dev.url}/api/telegram`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
      },
      body,
    });

  it('answers /start once, and a redelivery not at all', async () => {
    const update = JSON.stringify(textUpdate(people.alice, '/start'));
    expect((await post(update, SECRET)).status).toBe(200);
    expect(telegram.callsTo('sendMessage')).toHaveLength(1);
    expect((await post(update, SECRET)).status).toBe(200);
    expect(telegram.callsTo('sendMessage')).toHaveLength(1);
  });

  it('refuses a wrong or missing secret with 401 and calls no Bot API method', async () => {
    telegram.reset();
    const update = JSON.stringify(textUpdate(people.bob, '/start'));
    expect((await post(update, 'wrong')).status).toBe(401);
    expect((await post(update)).status).toBe(401);
    expect(telegram.calls).toHaveLength(0);
  });

  it('answers malformed JSON with 400', async () => {
    expect((await post('{not json', SECRET)).status).toBe(400);
  });

  it('tells a user over the rate limit to slow down at most once per window', async () => {
    telegram.reset();
    const user = { id: 777, first_name: 'Quick' };
    for (let i = 0; i < 8; i++)
      expect((await post(JSON.stringify(textUpdate(user, '/help')), SECRET)).status).toBe(200);
    const texts = telegram.sentTo(user.id).map((c) => String(c.params.text));
    expect(texts.filter((t) => t.includes('a bit fast'))).toHaveLength(1);
    expect(texts).toHaveLength(4);
  });

  it('reports both stores up on /api/health', async () => {
    const response = await fetch(`${dev.url}/api/health`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      ok: true,
      database: { ok: true, driver: 'pglite' },
      redis: { ok: true, driver: 'memory' },
    });
    // The newest committed migration, applied on start.
    expect(body.database.migration).toBe(journal.entries.at(-1)!.tag);
  });
});

describe('npm run dev without a token', () => {
  it('starts the sandbox: the chat page, and the real bot answering through the emulator', async () => {
    const run = runDev({});
    try {
      const deadline = Date.now() + 60_000;
      let url: string | undefined;
      while (!url && Date.now() < deadline && run.child.exitCode === null) {
        url = run.output().match(/open (http:\/\/[\d.:]+)\//)?.[1];
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(url, run.output()).toBeDefined();
      expect(run.output()).toContain('@BotFather');
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('sandbox');
      await fetch(`${url}/sandbox/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ persona: 1001, text: '/start' }),
      });
      const state = await (await fetch(`${url}/sandbox/state?persona=1001`)).json();
      const texts = state.messages.map((m: { text?: string }) => m.text ?? '');
      expect(texts.some((t: string) => t.includes('Hi Alice'))).toBe(true);
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
    }
  });
});

describe('npm run dev in polling mode', () => {
  it('long-polls the Bot API and answers the updates it gets', async () => {
    const telegram = new BotApiEmulator(123456);
    const apiRoot = await telegram.start();
    const dev = await startDev({ BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: apiRoot, LOG_LEVEL: 'warn' });
    try {
      telegram.queueUpdate(textUpdate(people.alice, '/start'));
      const deadline = Date.now() + 10_000;
      while (telegram.callsTo('sendMessage').length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // The webhook is read first (a public one would be refused: tests/dev-polling-guard.test.ts), then deleted.
      const methods = telegram.calls.map((c) => c.method);
      expect(methods.slice(0, 2)).toEqual(['getWebhookInfo', 'deleteWebhook']);
      expect(telegram.callsTo('deleteWebhook')).toHaveLength(1);
      expect(telegram.callsTo('sendMessage')).toHaveLength(1);
      expect(telegram.callsTo('sendMessage')[0]!.params.chat_id).toBe(people.alice.id);
    } finally {
      await dev.stop();
      await telegram.stop();
    }
  });
});
