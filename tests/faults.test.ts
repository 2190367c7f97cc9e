import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offers, users } from '../db/schema.js';
import { notifyUser } from '../lib/bot/notify.js';
import { createDeps } from '../lib/deps.js';
import { handleTelegramWebhook } from '../lib/http/telegram-webhook.js';
import { runSweep } from '../lib/jobs/expire-offer.js';
import { createLogger } from '../lib/log.js';
import { placeReservation } from '../lib/marketplace/place-reservation.js';
import { createRuntime } from '../lib/runtime.js';
import { createTestApp, manualClock, TEST_SECRET, type TestApp } from './support/app.js';
import { switchableDatabase, switchableRedis } from './support/faulty-stores.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { createTestDatabase, createTestRedis, storeLabel } from './support/stores.js';
import { people, textUpdate } from './support/updates.js';

describe(`fault injection (${storeLabel})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' }, { qstash: true });
  });
  afterAll(() => app.close());

  it('answers 503 while the database is down, releases the claim, and handles the retry once', async () => {
    const database = switchableDatabase(await createTestDatabase());
    const redis = await createTestRedis();
    const deps = await createDeps(app.deps.config, {
      database,
      redisConnection: redis,
      log: createLogger('silent'),
    });
    const runtime = createRuntime(deps);
    const update = textUpdate({ id: 8801, first_name: 'Retry' }, '/start');
    const deliver = () =>
      handleTelegramWebhook(runtime, {
        method: 'POST',
        secretHeader: TEST_SECRET,
        rawBody: JSON.stringify(update),
      });
    try {
      database.down = true;
      expect((await deliver()).status).toBe(503);
      expect(await redis.redis.get(`update:${update.update_id}`)).toBeNull();
      database.down = false;
      expect((await deliver()).status).toBe(200);
      expect(app.telegram.sentTo(8801)).toHaveLength(1);
      expect((await deliver()).body.duplicate).toBe(true);
      expect(app.telegram.sentTo(8801)).toHaveLength(1);
    } finally {
      await deps.close();
    }
  });

  it('asks the user to try again when Redis is down, answers 200, and stays quick', async () => {
    const redis = await switchableRedis();
    const deps = await createDeps(app.deps.config, {
      database: app.deps.database,
      redisConnection: redis,
      log: createLogger('silent'),
    });
    const runtime = createRuntime(deps);
    redis.down = true;
    const started = Date.now();
    const response = await handleTelegramWebhook(runtime, {
      method: 'POST',
      secretHeader: TEST_SECRET,
      rawBody: JSON.stringify(textUpdate({ id: 8802, first_name: 'Quiet' }, '/start')),
    });
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(String(app.telegram.sentTo(8802).at(-1)?.params.text)).toContain('try again');
    await deps.scheduler.close();
  });

  it('keeps reservations correct without Redis: the SQL statement still guards the stock', async () => {
    const redis = await switchableRedis();
    redis.down = true;
    const { ownerId } = await verifiedVenue(app.deps.db);
    const offer = await liveOffer(app.deps.db, ownerId, {
      items: [{ name: 'Last one', originalPrice: 500, price: 200, quantity: 1 }],
    });
    const attempt = (customer: number) =>
      placeReservation(redis.redis, app.deps.db, {
        idempotencyKey: newKey(),
        customer: { id: customer, firstName: 'C' },
        offerId: offer.id,
        itemId: offer.items[0]!.id,
        quantity: 1,
        currency: 'EUR',
        now: new Date(),
      });
    const results = await Promise.allSettled([attempt(8803), attempt(8804), attempt(8805)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [row] = await app.deps.db.select().from(offers).where(eq(offers.id, offer.id));
    expect(row).toMatchObject({ status: 'sold_out', unitsAvailable: 0 });
  });

  it('marks a user who blocked the bot (403) and does not retry', async () => {
    await app.deliver(textUpdate({ id: 8806, first_name: 'Gone' }, '/start'));
    app.telegram.inject('sendMessage', { code: 403, description: 'Forbidden: bot was blocked by the user' });
    const before = app.telegram.callsTo('sendMessage').length;
    expect(await notifyUser(app.deps, app.runtime.bot.telegram, 8806, () => 'hello')).toBe(false);
    expect(app.telegram.callsTo('sendMessage')).toHaveLength(before + 1);
    const [row] = await app.deps.db.select().from(users).where(eq(users.id, 8806));
    expect(row!.blockedAt).not.toBeNull();
  });

  it.each([
    ['429 with retry_after', { code: 429, description: 'Too Many Requests: retry after 30', retryAfter: 30 }],
    ['500', { code: 500, description: 'Internal Server Error' }],
  ])('gives up on a notification that gets %s without waiting or undoing anything', async (_label, error) => {
    app.telegram.inject('sendMessage', error);
    const started = Date.now();
    expect(await notifyUser(app.deps, app.runtime.bot.telegram, people.bob.id, () => 'hello')).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(app.logs.some((l) => l.event === 'notify_failed' && l.code === error.code)).toBe(true);
  });

  it('keeps a published offer live when QStash fails after the commit; the sweep expires it later', async () => {
    const clock = manualClock();
    const local = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' }, { qstash: true, clock });
    try {
      const { ownerId } = await verifiedVenue(local.deps.db);
      const offer = await liveOffer(local.deps.db, ownerId, { hours: 1 });
      await local.deps.db.update(offers).set({ status: 'draft' }).where(eq(offers.id, offer.id));
      local.qstash!.failNext = 5;
      await local.deliver(textUpdate({ id: ownerId, first_name: 'Owner' }, `/publish ${offer.id}`));
      const [published] = await local.deps.db.select().from(offers).where(eq(offers.id, offer.id));
      expect(published!.status).toBe('active');
      expect(local.logs.some((l) => l.event === 'schedule_failed')).toBe(true);
      expect(local.qstash!.messages).toHaveLength(0);

      clock.advance(2 * 3_600_000);
      const swept = await runSweep(local.deps, local.runtime.bot.telegram);
      expect(swept.expired).toBe(1);
      const [after] = await local.deps.db.select().from(offers).where(eq(offers.id, offer.id));
      expect(after!.status).toBe('expired');
    } finally {
      await local.close();
    }
  });
});
