import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedisConnection } from '../lib/infra/redis.js';
import { RedisSessionStore } from '../lib/infra/session-store.js';
import { createTestRedis, storeLabel } from './support/stores.js';

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
