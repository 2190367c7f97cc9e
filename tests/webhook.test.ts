import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handleTelegramWebhook } from '../lib/http/telegram-webhook.js';
import { createTestApp, type TestApp } from './support/app.js';
import { storeLabel } from './support/stores.js';
import { groupCommand, messageUpdate, people, textUpdate } from './support/updates.js';

describe(`telegram webhook (${storeLabel})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '5', RATE_LIMIT_WINDOW_SECONDS: '60' });
  });
  afterAll(() => app.close());
  beforeEach(() => app.telegram.reset());

  it('answers /start with exactly one message', async () => {
    const response = await app.deliver(textUpdate(people.alice, '/start'));
    expect(response.status).toBe(200);
    const sent = app.telegram.callsTo('sendMessage');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.params.chat_id).toBe(people.alice.id);
    expect(String(sent[0]!.params.text)).toContain('Alice');
  });

  it('ignores a redelivered update', async () => {
    const update = textUpdate(people.bob, '/start');
    expect((await app.deliver(update)).status).toBe(200);
    const again = await app.deliver(update);
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    expect(app.telegram.callsTo('sendMessage')).toHaveLength(1);
  });

  it.each([
    ['a wrong secret', 'not-the-secret'],
    ['a missing secret', undefined],
    ['a secret of another length', 'x'],
  ])('refuses %s with 401 and calls nothing', async (_label, secret) => {
    const response = await handleTelegramWebhook(app.runtime, {
      method: 'POST',
      secretHeader: secret,
      rawBody: JSON.stringify(textUpdate(people.alice, '/start')),
    });
    expect(response.status).toBe(401);
    expect(app.telegram.calls).toHaveLength(0);
  });

  it.each([
    ['malformed JSON', '{"update_id": 1,'],
    ['an object without update_id', '{"message": {}}'],
    ['a non-numeric update_id', '{"update_id": "7"}'],
    ['an array', '[1,2]'],
  ])('answers 400 to %s', async (_label, rawBody) => {
    const response = await handleTelegramWebhook(app.runtime, {
      method: 'POST',
      secretHeader: 'test-webhook-secret',
      rawBody,
    });
    expect(response.status).toBe(400);
    expect(app.telegram.calls).toHaveLength(0);
  });

  it('answers 405 to a GET', async () => {
    const response = await handleTelegramWebhook(app.runtime, {
      method: 'GET',
      secretHeader: 'test-webhook-secret',
      rawBody: '',
    });
    expect(response.status).toBe(405);
  });

  it('tells a user over the rate limit to slow down once per window, then ignores them', async () => {
    const spammer = { id: 4242, first_name: 'Speedy' };
    for (let i = 0; i < 9; i++) await app.deliver(textUpdate(spammer, '/help'));
    const replies = app.telegram.sentTo(spammer.id).map((c) => String(c.params.text));
    expect(replies.filter((t) => t.includes('What I can do'))).toHaveLength(5);
    expect(replies.filter((t) => t.includes('a bit fast'))).toHaveLength(1);
    expect(replies).toHaveLength(6);
  });

  it('says “slow down” in the language chosen with /language, though the Telegram app speaks English', async () => {
    const hasty = { id: 4243, first_name: 'Hanna' };
    await app.deliver(textUpdate(hasty, '/language'));
    await app.deliver({
      update_id: 990_001,
      callback_query: {
        id: 'lang-de',
        from: { ...hasty, is_bot: false },
        chat_instance: 'ci',
        data: 'language:set:de',
        message: { message_id: 1, date: 0, chat: { id: hasty.id, type: 'private' }, text: '…' },
      },
    } as never);
    for (let i = 0; i < 9; i++) await app.deliver(textUpdate(hasty, '/help'));
    const replies = app.telegram.sentTo(hasty.id).map((c) => String(c.params.text));
    expect(replies.filter((t) => t.includes('etwas schnell unterwegs'))).toHaveLength(1);
  });

  it('asks group chats to talk in private', async () => {
    await app.deliver(groupCommand(people.alice, '/offers'));
    const sent = app.telegram.callsTo('sendMessage');
    expect(sent).toHaveLength(1);
    expect(String(sent[0]!.params.text)).toContain('private chat');
  });

  it('explains unknown commands and unsupported messages', async () => {
    await app.deliver(textUpdate(people.alice, '/frobnicate'));
    await app.deliver(messageUpdate(people.alice, { sticker: { file_id: 's', width: 1, height: 1 } }));
    const texts = app.telegram.callsTo('sendMessage').map((c) => String(c.params.text));
    expect(texts[0]).toContain("don't know that command");
    // Issue 17: plain text is a search now, so the line for a sticker says what to type instead.
    expect(texts[1]).toContain('Nice sticker');
  });
});
