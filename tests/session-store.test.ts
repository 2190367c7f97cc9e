import type { Update } from 'telegraf/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleTelegramWebhook } from '../lib/http/telegram-webhook.js';
import type { RedisConnection } from '../lib/infra/redis.js';
import { PRIMED_READ_MS, RedisSessionStore } from '../lib/infra/session-store.js';
import { createRuntime, type Runtime } from '../lib/runtime.js';
import { createTestApp, TEST_SECRET, type TestApp } from './support/app.js';
import { createTestRedis, storeLabel } from './support/stores.js';
import { type Person, textUpdate } from './support/updates.js';

describe(`redis session store (${storeLabel})`, () => {
  let connection: RedisConnection;
  beforeAll(async () => {
    connection = await createTestRedis();
  });
  afterAll(async () => {
    await connection.redis.flushdb();
    await connection.close();
  });

  it('serves a primed read to the next get, once', async () => {
    const store = new RedisSessionStore<{ step: number }>(connection.redis);
    await store.set('primed', { step: 1 });
    store.prime('primed');
    expect(await store.get('primed')).toEqual({ step: 1 });
    expect(await store.get('primed')).toEqual({ step: 1 });
  });

  it('never serves a primed read that a later write made stale', async () => {
    // A second update of the same person primes a read, but Telegraf serves it the session of the update
    // still in flight, so the read stays unused; that update then writes. The next update must see the write.
    const store = new RedisSessionStore<{ step: number }>(connection.redis);
    await store.set('raced', { step: 1 });
    store.prime('raced');
    await store.set('raced', { step: 2 });
    store.prime('raced');
    expect(await store.get('raced')).toEqual({ step: 2 });
  });

  it('replaces a primed read nobody consumed when the next update primes again', async () => {
    // The first update never reached the session middleware; meanwhile another instance wrote the session.
    const store = new RedisSessionStore<{ step: number }>(connection.redis);
    await store.set('unread', { step: 1 });
    store.prime('unread');
    await connection.redis.set('session:unread', { step: 2 });
    store.prime('unread');
    expect(await store.get('unread')).toEqual({ step: 2 });
  });

  it(`never serves a primed read older than ${PRIMED_READ_MS} ms`, async () => {
    let now = 0;
    const store = new RedisSessionStore<{ step: number }>(connection.redis, 60, () => now);
    await store.set('old', { step: 1 });
    store.prime('old');
    await connection.redis.set('session:old', { step: 2 });
    now += PRIMED_READ_MS + 1;
    expect(await store.get('old')).toEqual({ step: 2 });
  });

  it('slides the expiry when it reads a session', async () => {
    const store = new RedisSessionStore<{ step: number }>(connection.redis, 60);
    await store.set('ttl', { step: 1 });
    await connection.redis.expire('session:ttl', 5);
    await store.get('ttl');
    expect(await connection.redis.ttl('session:ttl')).toBeGreaterThan(50);
  });

  it('does not write back a session that comes back unchanged, and does write a changed one', async () => {
    const store = new RedisSessionStore<{ step: number }>(connection.redis);
    await store.set('same', { step: 1 });
    const session = (await store.get('same'))!;
    await connection.redis.set('session:same', { step: 9 }); // someone else's write, to see whether we overwrite
    await store.set('same', session);
    expect(await connection.redis.get('session:same')).toEqual({ step: 9 });
    session.step = 2;
    await store.set('same', session);
    expect(await connection.redis.get('session:same')).toEqual({ step: 2 });
  });
});

describe(`session after a membership update (${storeLabel})`, () => {
  let app: TestApp;
  /** A second function instance on the same Redis and database, as on Vercel under load. */
  let elsewhere: Runtime;
  const person: Person = { id: 88_001, first_name: 'Mo' };
  const lastReply = () => String(app.telegram.sentTo(person.id).at(-1)?.params.text ?? '');
  const deliverElsewhere = (update: Update) =>
    handleTelegramWebhook(elsewhere, {
      method: 'POST',
      secretHeader: TEST_SECRET,
      rawBody: JSON.stringify(update),
    });
  const unblocked = (): Update =>
    ({
      update_id: 990_001,
      my_chat_member: {
        chat: { id: person.id, type: 'private', first_name: person.first_name },
        from: { ...person, is_bot: false },
        date: Math.floor(Date.now() / 1000),
        old_chat_member: {
          status: 'kicked',
          user: { id: 123456, is_bot: true, first_name: 'Bot' },
          until_date: 0,
        },
        new_chat_member: { status: 'member', user: { id: 123456, is_bot: true, first_name: 'Bot' } },
      },
    }) as Update;

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' });
    elsewhere = createRuntime(app.deps);
  });
  afterAll(() => app.close());

  it('the next update reads the wizard step another instance saved, not the one before the membership update', async () => {
    await app.deliver(textUpdate(person, '/register'));
    expect(lastReply()).toContain('<b>name</b>');
    await app.deliver(unblocked());
    // The name step is answered on another instance: the session moves on to the address.
    await deliverElsewhere(textUpdate(person, 'Corner Café'));
    expect(lastReply()).toContain('<b>address</b>');
    await app.deliver(textUpdate(person, 'Main Street 5, Berlin'));
    expect(lastReply()).toContain('<b>location</b>');
  });
});
