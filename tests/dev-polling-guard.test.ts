import { Telegram } from 'telegraf';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isLocalUrl, PollingRefused, preparePolling } from '../dev/long-poll.js';
import { BotApiEmulator } from '../dev/sandbox/bot-api-emulator.js';
import { TEST_TOKEN } from './support/app.js';
import { runDev, startDev } from './support/spawn-dev.js';
import { people, textUpdate } from './support/updates.js';

/** What a production deployment left on the token: `npm run setup` sets exactly this. */
const PRODUCTION_WEBHOOK = 'https://food.example.org/api/telegram';

async function until(condition: () => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('which webhook URLs count as this machine', () => {
  it.each([
    'http://localhost:3000/api/telegram',
    'https://localhost/api/telegram',
    'http://127.0.0.1:8081/api/telegram',
    'http://127.45.6.7/api/telegram',
    'http://[::1]:3000/api/telegram',
  ])('%s is local', (url) => {
    expect(isLocalUrl(url)).toBe(true);
  });

  it.each([
    PRODUCTION_WEBHOOK,
    'https://bot-abc123.vercel.app/api/telegram',
    'https://localhost.example.com/api/telegram',
    'https://127.0.0.1.nip.io/api/telegram',
    'http://10.0.0.5/api/telegram',
    'http://[::2]/api/telegram',
    'not a url',
  ])('%s is public', (url) => {
    expect(isLocalUrl(url)).toBe(false);
  });
});

describe('preparePolling', () => {
  const emulator = new BotApiEmulator(123456);
  let telegram: Telegram;
  const warnings: string[] = [];
  const warn = (line: string) => warnings.push(line);
  beforeAll(async () => {
    telegram = new Telegram(TEST_TOKEN, { apiRoot: await emulator.start() });
  });
  beforeEach(() => {
    emulator.reset();
    warnings.length = 0;
  });
  afterAll(() => emulator.stop());

  it('deletes no webhook it finds on a public URL, and says why and how to force it', async () => {
    emulator.presetWebhook(`${PRODUCTION_WEBHOOK}?k=v`);
    const refusal = await preparePolling(telegram, { warn }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PollingRefused);
    const message = (refusal as Error).message;
    expect(message).toContain(PRODUCTION_WEBHOOK);
    expect(message).not.toContain('k=v');
    expect(message).toContain('npm run dev -- --force-polling');
    expect(message).toContain('BOT_FORCE_POLLING=1');
    expect(message).toContain('@BotFather');
    expect(emulator.calls.map((c) => c.method)).toEqual(['getWebhookInfo']);
    expect(emulator.webhookUrl).toBe(`${PRODUCTION_WEBHOOK}?k=v`);
  });

  it('deletes a public webhook when forced, and warns how to restore it', async () => {
    emulator.presetWebhook(PRODUCTION_WEBHOOK);
    await preparePolling(telegram, { force: true, warn });
    expect(emulator.calls.map((c) => c.method)).toEqual(['getWebhookInfo', 'deleteWebhook']);
    expect(emulator.webhookUrl).toBeUndefined();
    expect(warnings.join('\n')).toContain(PRODUCTION_WEBHOOK);
    expect(warnings.join('\n')).toContain('npm run setup');
  });

  it.each([undefined, 'http://127.0.0.1:3000/api/telegram'])(
    'proceeds without force when the webhook is %s',
    async (url) => {
      emulator.presetWebhook(url);
      await preparePolling(telegram, { warn });
      expect(emulator.calls.map((c) => c.method)).toEqual(['getWebhookInfo', 'deleteWebhook']);
      expect(warnings).toEqual([]);
    },
  );
});

describe('npm run dev in polling mode with a token whose webhook serves a deployment', () => {
  it('exits non-zero naming the webhook, and deletes nothing', async () => {
    const emulator = new BotApiEmulator(123456);
    const apiRoot = await emulator.start();
    emulator.presetWebhook(PRODUCTION_WEBHOOK);
    emulator.queueUpdate(textUpdate(people.alice, '/start'));
    const run = runDev({ BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: apiRoot, LOG_LEVEL: 'warn' });
    try {
      const code = await Promise.race([
        run.exited,
        new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 30_000)),
      ]);
      const output = run.output();
      expect(code, output).not.toBe(0);
      expect(code, output).not.toBe('still running');
      expect(output).toContain(PRODUCTION_WEBHOOK);
      expect(output).toContain('--force-polling');
      expect(output).toContain('BOT_FORCE_POLLING=1');
      expect(output).toContain('@BotFather');
      expect(output).not.toContain(TEST_TOKEN.split(':')[1]);
      expect(emulator.callsTo('deleteWebhook')).toHaveLength(0);
      expect(emulator.calls.map((c) => c.method)).toEqual(['getWebhookInfo']);
      expect(emulator.webhookUrl).toBe(PRODUCTION_WEBHOOK);
    } finally {
      run.child.kill('SIGKILL');
      await run.exited;
      await emulator.stop();
    }
  });

  it.each([
    ['npm run dev -- --force-polling', {}, ['--force-polling']],
    ['BOT_FORCE_POLLING=1', { BOT_FORCE_POLLING: '1' }, []],
  ])('with %s it deletes the webhook, polls and answers', async (_label, env, args) => {
    const emulator = new BotApiEmulator(123456);
    const apiRoot = await emulator.start();
    emulator.presetWebhook(PRODUCTION_WEBHOOK);
    const dev = await startDev(
      { BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: apiRoot, LOG_LEVEL: 'warn', ...env },
      { args },
    );
    try {
      emulator.queueUpdate(textUpdate(people.alice, '/start'));
      await until(() => emulator.callsTo('sendMessage').length > 0);
      const methods = emulator.calls.map((c) => c.method);
      expect(methods.slice(0, 2)).toEqual(['getWebhookInfo', 'deleteWebhook']);
      expect(emulator.callsTo('deleteWebhook')).toHaveLength(1);
      expect(emulator.webhookUrl).toBeUndefined();
      expect(emulator.callsTo('sendMessage')[0]!.params.chat_id).toBe(people.alice.id);
      expect(dev.output()).toContain(`deleting the webhook ${PRODUCTION_WEBHOOK}`);
    } finally {
      await dev.stop();
      await emulator.stop();
    }
  });
});
