import { eq } from 'drizzle-orm';
import type { Update } from 'telegraf/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../db/schema.js';
import { handleTelegramWebhook } from '../lib/http/telegram-webhook.js';
import { createTestApp, TEST_SECRET, type TestApp } from './support/app.js';
import { storeLabel } from './support/stores.js';
import { groupCommand, messageUpdate, people, textUpdate } from './support/updates.js';

let id = 900_000;
const user = { id: 7700, first_name: 'Shape', is_bot: false };
const privateChat = { id: user.id, type: 'private', first_name: 'Shape' };
const group = { id: -100777, type: 'supergroup', title: 'Neighbours' };
const channel = { id: -100888, type: 'channel', title: 'News' };
const date = Math.floor(Date.now() / 1000);
const raw = (update: Record<string, unknown>) => ({ update_id: id++, ...update }) as unknown as Update;

/** Every kind of update Telegram may send: 200, no crash, and the reply a person would expect (or none). */
const shapes: Array<[string, () => Update, 'reply' | 'none']> = [
  [
    'an edited message',
    () =>
      raw({
        edited_message: {
          message_id: 1,
          date,
          edit_date: date,
          chat: privateChat,
          from: user,
          text: '/start',
        },
      }),
    'none',
  ],
  [
    'a channel post',
    () => raw({ channel_post: { message_id: 1, date, chat: channel, text: '/offers' } }),
    'none',
  ],
  [
    'an edited channel post',
    () => raw({ edited_channel_post: { message_id: 1, date, chat: channel, text: 'x' } }),
    'none',
  ],
  [
    'a sticker',
    () =>
      messageUpdate(user, {
        sticker: {
          file_id: 's',
          file_unique_id: 's',
          width: 1,
          height: 1,
          is_animated: false,
          is_video: false,
          type: 'regular',
        },
      }),
    'reply',
  ],
  [
    'a voice message',
    () => messageUpdate(user, { voice: { file_id: 'v', file_unique_id: 'v', duration: 3 } }),
    'reply',
  ],
  [
    'a document',
    () => messageUpdate(user, { document: { file_id: 'd', file_unique_id: 'd', file_name: 'menu.pdf' } }),
    'reply',
  ],
  [
    'a photo outside any wizard',
    () => messageUpdate(user, { photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }] }),
    'reply',
  ],
  [
    'a forwarded message',
    () =>
      textUpdate(user, 'look at this', {
        forward_origin: { type: 'hidden_user', sender_user_name: 'X', date },
      }),
    'reply',
  ],
  ['a 4096-character text', () => textUpdate(user, 'a'.repeat(4096)), 'reply'],
  [
    'an inline query',
    () => raw({ inline_query: { id: 'iq', from: user, query: 'bread', offset: '' } }),
    'none',
  ],
  [
    'a chosen inline result',
    () => raw({ chosen_inline_result: { result_id: 'r', from: user, query: 'q' } }),
    'none',
  ],
  ['a plain message in a group', () => messageUpdate(user, { text: 'hello all' }, group), 'none'],
  [
    'a poll',
    () =>
      raw({
        poll: {
          id: 'p',
          question: 'q',
          options: [],
          total_voter_count: 0,
          is_closed: false,
          is_anonymous: true,
          type: 'regular',
          allows_multiple_answers: false,
        },
      }),
    'none',
  ],
  [
    'an unknown update type',
    () => raw({ message_reaction_count: { chat: privateChat, message_id: 1, date, reactions: [] } }),
    'none',
  ],
  [
    'a callback query without data (a game)',
    () =>
      raw({
        callback_query: {
          id: 'g1',
          from: user,
          chat_instance: 'c',
          game_short_name: 'g',
          message: { message_id: 1, date, chat: privateChat },
        },
      }),
    'reply',
  ],
  [
    'a member joining a group',
    () =>
      raw({
        my_chat_member: {
          chat: group,
          from: user,
          date,
          old_chat_member: { status: 'left', user },
          new_chat_member: { status: 'member', user },
        },
      }),
    'none',
  ],
];

describe(`every update shape (${storeLabel})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '10000' });
  });
  afterAll(() => app.close());

  it.each(shapes)('answers %s with 200 and the right amount of talk', async (_label, make, expected) => {
    app.telegram.reset();
    const response = await app.deliver(make());
    expect(response.status).toBe(200);
    const talk = app.telegram.calls.filter((c) => ['sendMessage', 'answerCallbackQuery'].includes(c.method));
    if (expected === 'none') expect(talk).toHaveLength(0);
    else expect(talk).toHaveLength(1);
    expect(app.logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('answers a command in a group with one pointer to the private chat', async () => {
    app.telegram.reset();
    await app.deliver(groupCommand(people.alice, '/offers'));
    expect(app.telegram.callsTo('sendMessage').map((c) => c.params.chat_id)).toEqual([-100123]);
  });

  it('marks a user who blocks the bot, and clears the mark when they come back', async () => {
    await app.deliver(textUpdate(user, '/start'));
    await app.deliver(
      raw({
        my_chat_member: {
          chat: privateChat,
          from: user,
          date,
          old_chat_member: { status: 'member', user: { id: 1, is_bot: true, first_name: 'Bot' } },
          new_chat_member: {
            status: 'kicked',
            user: { id: 1, is_bot: true, first_name: 'Bot' },
            until_date: 0,
          },
        },
      }),
    );
    const [blocked] = await app.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(blocked!.blockedAt).not.toBeNull();
    await app.deliver(textUpdate(user, '/start'));
    const [back] = await app.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(back!.blockedAt).toBeNull();
  });

  it('handles an update with a 100 KB body as any other: the bot answers it', async () => {
    const update = textUpdate({ ...user, id: 7701 }, '/start');
    const rawBody = JSON.stringify({ ...update, padding: 'p'.repeat(100_000) });
    const response = await handleTelegramWebhook(app.runtime, {
      method: 'POST',
      secretHeader: TEST_SECRET,
      rawBody,
    });
    expect(response.status).toBe(200);
    expect(app.telegram.sentTo(7701).filter((c) => c.method === 'sendMessage')).toHaveLength(1);
  });
});
