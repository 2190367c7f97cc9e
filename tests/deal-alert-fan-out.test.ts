import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealAlerts } from '../db/schema.js';
import { type DevServer, startDevServer } from '../dev/dev-server.js';
import { createOffer } from '../lib/marketplace/offers.js';
import { setRuntime } from '../lib/runtime.js';
import { createTestApp, manualClock, PUBLIC_URL, QSTASH_KEYS, type TestApp } from './support/app.js';
import type { PublishedMessage } from './support/fake-qstash.js';
import { defaultItems, verifiedVenue } from './support/fixtures.js';
import { qstashSignature } from './support/qstash-sign.js';
import { storeLabel } from './support/stores.js';
import { textUpdate } from './support/updates.js';

const FOLLOWERS = 2_000;
const FIRST_FOLLOWER = 700_001;
/** Telegram's limit is about 30 messages a second; bulk sends keep to 25. */
const TELEGRAM_LIMIT_PER_SECOND = 30;

/**
 * A venue with 2,000 followers publishes. The webhook only schedules; every alert goes out through the signed
 * `fan-out-deal-alerts` job route, batch by batch, as QStash would deliver the jobs, on a clock moved by hand.
 */
describe(`alert fan-out to 2,000 followers (${storeLabel})`, () => {
  const clock = manualClock(new Date('2030-06-03T08:00:00Z'));
  let app: TestApp;
  let server: DevServer;
  const sends: Array<{ chatId: number; at: number }> = [];
  let jobRuns = 0;
  let pausedAt = 0;

  beforeAll(async () => {
    app = await createTestApp(
      { TIMEZONE: 'Europe/Berlin', RATE_LIMIT_MAX_REQUESTS: '1000' },
      { qstash: true, clock },
    );
    setRuntime(app.runtime);
    server = await startDevServer(0);
    const venue = await verifiedVenue(app.deps.db, { name: 'Busy Bakery' });
    await app.deps.db.execute(sql`
      insert into users (id, first_name)
      select g, 'Follower ' || g from generate_series(${FIRST_FOLLOWER}::bigint, ${FIRST_FOLLOWER + FOLLOWERS - 1}::bigint) g
    `);
    await app.deps.db.execute(sql`
      insert into follows (customer_id, venue_id)
      select g, ${venue.id} from generate_series(${FIRST_FOLLOWER}::bigint, ${FIRST_FOLLOWER + FOLLOWERS - 1}::bigint) g
    `);
    app.telegram.onCall((call, result) => {
      const delivered = (result as { message_id?: number } | null)?.message_id !== undefined;
      const follower = Number(call.params.chat_id) >= FIRST_FOLLOWER;
      if (delivered && follower && (call.method === 'sendMessage' || call.method === 'sendPhoto')) {
        sends.push({ chatId: Number(call.params.chat_id), at: clock.now().getTime() });
      }
    });

    const offer = await createOffer(app.deps.db, {
      ownerId: venue.ownerId,
      title: 'Ten trays of croissants',
      pickupStart: new Date(clock.now().getTime() + 3_600_000),
      pickupEnd: new Date(clock.now().getTime() + 5 * 3_600_000),
      items: defaultItems,
    });
    await app.deliver(textUpdate({ id: venue.ownerId, first_name: 'Owner' }, `/publish ${offer.id}`));
    expect(sends).toEqual([]);

    // QStash: each published job once, when due; a 429 from Telegram part-way through.
    const done = new Set<string>();
    const due = () =>
      app
        .qstash!.messages.filter(
          (m) => m.destination.endsWith('/fan-out-deal-alerts') && !done.has(m.messageId),
        )
        .sort((a, b) => (a.notBefore ?? 0) - (b.notBefore ?? 0))[0];
    for (let next = due(); next; next = due()) {
      done.add(next.messageId);
      const at = (next.notBefore ?? 0) * 1000;
      if (at > clock.now().getTime()) clock.set(new Date(at));
      if (jobRuns === 20) {
        app.telegram.inject('sendMessage', {
          code: 429,
          description: 'Too Many Requests: retry after 3',
          retryAfter: 3,
        });
        pausedAt = clock.now().getTime();
      }
      expect((await deliver(next)).status).toBe(200);
      jobRuns++;
    }
  }, 180_000);
  afterAll(async () => {
    await server.close();
    await app.close();
  });

  const deliver = (message: PublishedMessage) =>
    fetch(`${server.url}/api/jobs/fan-out-deal-alerts`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'upstash-signature': qstashSignature(
          message.body,
          `${PUBLIC_URL}/api/jobs/fan-out-deal-alerts`,
          QSTASH_KEYS.current,
        ),
      },
      body: message.body,
    });

  it('alerts every follower', () => {
    expect(new Set(sends.map((s) => s.chatId)).size).toBe(FOLLOWERS);
  });

  it('sends no follower a second message', () => {
    expect(sends).toHaveLength(FOLLOWERS);
  });

  it('keeps every second under Telegram’s limit', () => {
    const perSecond = new Map<number, number>();
    for (const s of sends)
      perSecond.set(Math.floor(s.at / 1000), (perSecond.get(Math.floor(s.at / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThan(TELEGRAM_LIMIT_PER_SECOND);
  });

  it('sends in batches of many short job runs', () => {
    expect(jobRuns).toBeGreaterThanOrEqual(FOLLOWERS / 25);
  });

  it('sends nothing while Telegram’s retry_after runs after a 429, then retries the refused one', () => {
    const attempts = app.telegram
      .callsTo('sendMessage')
      .filter((c) => Number(c.params.chat_id) >= FIRST_FOLLOWER);
    expect(attempts).toHaveLength(FOLLOWERS + 1);
    const during = sends.filter((s) => s.at > pausedAt && s.at < pausedAt + 3_000);
    expect(during).toEqual([]);
  });

  it('records every alert as sent', async () => {
    const rows = await app.deps.db.select({ status: dealAlerts.status }).from(dealAlerts);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(FOLLOWERS);
  });
});
