import { eq, inArray } from 'drizzle-orm';
import type { Update } from 'telegraf/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notices, offers, reservations, venues } from '../db/schema.js';
import type { InjectedError } from '../dev/sandbox/bot-api-emulator.js';
import { runDeliverNotices } from '../lib/jobs/deliver-notices.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { createTestApp, manualClock, type TestApp } from './support/app.js';
import { switchableDatabase, switchableRedis } from './support/faulty-stores.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { createTestDatabase, storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, people, textUpdate } from './support/updates.js';

/**
 * Every write a person triggers, crossed with every way the world can fail right after its commit. After
 * the faults clear (Telegram redelivers what got a 503, the retry job runs), each write must have had
 * exactly one effect in the database, and every notice it owes must have reached its recipient once.
 */

type Database = ReturnType<typeof switchableDatabase>;
type Redis = Awaited<ReturnType<typeof switchableRedis>>;

interface Scene {
  update: Update;
  /** Asserts the one effect, however often the update arrived. */
  effect(): Promise<void>;
  /** The reservations whose notices must all be delivered. */
  reservationIds: number[];
  /** Per recipient: a text every message of theirs for this write contains, and how many such messages. */
  told: Array<{ to: number; saying: string; times: number }>;
}

let nextPerson = 700_000;
const person = (): Person => ({ id: nextPerson++, first_name: `P${nextPerson}` });

describe(`exactly once around the commit (${storeLabel})`, () => {
  let app: TestApp;
  let database: Database;
  let redis: Redis;
  const clock = manualClock();

  /** Messages Telegram accepted (failed attempts are recorded by the emulator too, but reached nobody). */
  const delivered: Array<{ chatId: number; text: string; method: string }> = [];
  const deliveredTo = (chatId: number, saying: string, method = 'sendMessage') =>
    delivered.filter((d) => d.chatId === chatId && d.method === method && d.text.includes(saying));
  /** A confirmation card or order card as the bot would have sent it: the message a button sits on. */
  const card = async (chatId: number) =>
    (await app.runtime.bot.telegram.sendMessage(chatId, 'A card with buttons')).message_id;

  beforeAll(async () => {
    database = switchableDatabase(await createTestDatabase());
    redis = await switchableRedis();
    app = await createTestApp(
      { RATE_LIMIT_MAX_REQUESTS: '10000' },
      { qstash: true, clock, handlerTimeoutMs: 2_000, database, redisConnection: redis },
    );
    app.telegram.onCall((call) =>
      delivered.push({
        chatId: Number(call.params.chat_id),
        text: String(call.params.text ?? ''),
        method: call.method,
      }),
    );
  });
  afterAll(() => app.close());

  const db = () => app.deps.db;
  const reserveFor = async (customer: Person, offer: Awaited<ReturnType<typeof liveOffer>>) =>
    reserve(db(), {
      idempotencyKey: newKey(),
      customer: { id: customer.id, firstName: customer.first_name },
      offerId: offer.id,
      itemId: offer.items[0]!.id,
      quantity: 1,
      currency: 'EUR',
      now: clock.now(),
    });
  const statusOf = async (id: number) =>
    (await db().select().from(reservations).where(eq(reservations.id, id)))[0]?.status;

  const writes: Record<string, () => Promise<Scene>> = {
    async reserve() {
      const venue = await verifiedVenue(db());
      const offer = await liveOffer(db(), venue.ownerId, { now: clock.now() });
      const customer = person();
      const update = callbackUpdate(
        customer,
        `buy:confirm:${offer.id}:${offer.items[0]!.id}:2`,
        await card(customer.id),
      );
      const mine = () => db().select().from(reservations).where(eq(reservations.customerId, customer.id));
      const scene: Scene = {
        update,
        reservationIds: [],
        told: [],
        async effect() {
          const rows = await mine();
          expect(rows.map((r) => [r.status, r.quantity])).toEqual([['reserved', 2]]);
          const [o] = await db().select().from(offers).where(eq(offers.id, offer.id));
          expect(o!.unitsAvailable).toBe(5); // 7 units, 2 reserved, once
          scene.reservationIds.push(rows[0]!.id);
          const code = rows[0]!.pickupCode;
          scene.told.push({ to: venue.ownerId, saying: `Code <code>${code}</code>`, times: 1 });
          // The code reaches the customer: in place of the confirmation card, or as a message of its own.
          expect(app.telegram.sentTo(customer.id).some((c) => String(c.params.text).includes(code))).toBe(
            true,
          );
          const codeMessages = app.telegram
            .callsTo('sendMessage')
            .filter((c) => Number(c.params.chat_id) === customer.id && String(c.params.text).includes(code));
          expect(codeMessages.length).toBeLessThanOrEqual(1);
        },
      };
      return scene;
    },

    async cancel() {
      const venue = await verifiedVenue(db());
      const offer = await liveOffer(db(), venue.ownerId, { now: clock.now() });
      const customer = person();
      const r = await reserveFor(customer, offer);
      return {
        update: callbackUpdate(customer, `reservation:cancel:${r.reservationId}`, await card(customer.id)),
        async effect() {
          expect(await statusOf(r.reservationId)).toBe('cancelled');
          const [o] = await db().select().from(offers).where(eq(offers.id, offer.id));
          expect(o!.unitsAvailable).toBe(7); // restocked once, not twice
        },
        reservationIds: [r.reservationId],
        told: [
          {
            to: venue.ownerId,
            saying: `cancelled 1 × Bread bag (code <code>${r.pickupCode}</code>)`,
            times: 1,
          },
        ],
      };
    },

    async pickup() {
      const venue = await verifiedVenue(db());
      const offer = await liveOffer(db(), venue.ownerId, { now: clock.now() });
      const customer = person();
      const r = await reserveFor(customer, offer);
      return {
        update: textUpdate({ id: venue.ownerId, first_name: 'Owner' }, `/pickup ${r.pickupCode}`),
        async effect() {
          expect(await statusOf(r.reservationId)).toBe('picked_up');
        },
        reservationIds: [r.reservationId],
        told: [{ to: customer.id, saying: 'Enjoy your Bread bag', times: 1 }],
      };
    },

    async withdraw() {
      const venue = await verifiedVenue(db());
      const offer = await liveOffer(db(), venue.ownerId, { now: clock.now(), title: 'Withdrawn bag' });
      const holders = [person(), person()];
      const held = [await reserveFor(holders[0]!, offer), await reserveFor(holders[1]!, offer)];
      return {
        update: callbackUpdate(
          { id: venue.ownerId, first_name: 'Owner' },
          // The "yes" under the question Withdraw asks first.
          `offer:confirm:withdraw:${offer.id}`,
          await card(venue.ownerId),
        ),
        async effect() {
          const [o] = await db().select().from(offers).where(eq(offers.id, offer.id));
          expect(o!.status).toBe('withdrawn');
          for (const r of held) expect(await statusOf(r.reservationId)).toBe('cancelled');
        },
        reservationIds: held.map((r) => r.reservationId),
        told: holders.map((h) => ({ to: h.id, saying: 'withdrew <b>Withdrawn bag</b>', times: 1 })),
      };
    },

    // An admin's suspension: the venue's live offers are withdrawn and settled like an owner's withdrawal.
    async suspend() {
      const venue = await verifiedVenue(db());
      const offers_ = [
        await liveOffer(db(), venue.ownerId, { now: clock.now(), title: 'Suspended bag' }),
        await liveOffer(db(), venue.ownerId, { now: clock.now(), title: 'Suspended box' }),
      ];
      const holders = [person(), person()];
      const held = [await reserveFor(holders[0]!, offers_[0]!), await reserveFor(holders[1]!, offers_[1]!)];
      return {
        update: textUpdate(people.admin, `/suspend ${venue.id} Hygiene inspection`),
        async effect() {
          const [v] = await db().select().from(venues).where(eq(venues.id, venue.id));
          expect(v!.status).toBe('suspended');
          const ended = await db().select().from(offers).where(eq(offers.venueId, venue.id));
          expect(ended.map((o) => o.status)).toEqual(['withdrawn', 'withdrawn']);
          for (const r of held) expect(await statusOf(r.reservationId)).toBe('cancelled');
        },
        reservationIds: held.map((r) => r.reservationId),
        told: [
          { to: holders[0]!.id, saying: 'withdrew <b>Suspended bag</b>', times: 1 },
          { to: holders[1]!.id, saying: 'withdrew <b>Suspended box</b>', times: 1 },
        ],
      };
    },

    // An admin's takedown of one offer.
    async takedown() {
      const venue = await verifiedVenue(db());
      const offer = await liveOffer(db(), venue.ownerId, { now: clock.now(), title: 'Taken-down bag' });
      const holders = [person(), person()];
      const held = [await reserveFor(holders[0]!, offer), await reserveFor(holders[1]!, offer)];
      return {
        update: textUpdate(people.admin, `/takedown ${offer.id} Not food`),
        async effect() {
          const [o] = await db().select().from(offers).where(eq(offers.id, offer.id));
          expect(o!.status).toBe('withdrawn');
          for (const r of held) expect(await statusOf(r.reservationId)).toBe('cancelled');
        },
        reservationIds: held.map((r) => r.reservationId),
        told: holders.map((h) => ({ to: h.id, saying: 'withdrew <b>Taken-down bag</b>', times: 1 })),
      };
    },
  };

  const telegramFault =
    (method: string, error: InjectedError, times = 20) =>
    () =>
      app.telegram.inject(method, error, times);
  const tooOld = { code: 400, description: 'Bad Request: query is too old and response timeout expired' };
  const flood = { code: 429, description: 'Too Many Requests: retry after 7', retryAfter: 7 };
  const down = { code: 502, description: 'Bad Gateway' };
  const afterWrite = (run: () => Promise<void> | void) => () => {
    database.afterCommit = { matches: /insert into idempotency_keys/, run };
  };

  const faults: Record<string, () => void> = {
    'the database reply is lost after the commit': afterWrite(() => {
      throw Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNRESET' } });
    }),
    'Redis goes down right after the commit': afterWrite(() => {
      redis.down = true;
    }),
    'the handler times out after the commit': afterWrite(
      () => new Promise((resolve) => setTimeout(resolve, 2_500)),
    ),
    'Telegram answers 400 to the acknowledgement': telegramFault('answerCallbackQuery', tooOld),
    'Telegram answers 429 to the acknowledgement': telegramFault('answerCallbackQuery', flood),
    'Telegram answers 502 to the edit': telegramFault('editMessageText', down),
    'Telegram times out on the edit': telegramFault('editMessageText', { reset: true }),
    'Telegram answers 400 to the edit': telegramFault('editMessageText', {
      code: 400,
      description: "Bad Request: message can't be edited",
    }),
    'Telegram answers 429 to every message': telegramFault('sendMessage', flood),
    'Telegram answers 502 to every message': telegramFault('sendMessage', down),
    'Telegram times out on every message': telegramFault('sendMessage', { reset: true }),
  };

  for (const [write, setUp] of Object.entries(writes)) {
    describe(write, () => {
      for (const [fault, arm] of Object.entries(faults)) {
        it(`has one effect and tells everyone once when ${fault}`, async () => {
          const scene = await setUp();
          arm();
          const first = await app.deliver(scene.update);
          expect([200, 503]).toContain(first.status);

          // The faults clear: Telegram redelivers what it got no 200 for, then once more for good measure.
          await new Promise((resolve) => setTimeout(resolve, first.status === 503 ? 1_000 : 0));
          app.telegram.clearInjected();
          redis.down = false;
          database.afterCommit = undefined;
          let retry = await app.deliver(scene.update);
          if (retry.body.retry) {
            // "Still in progress": the claim of an invocation that lost Redis lapses after its TTL.
            await redis.redis.del(`update:${scene.update.update_id}`);
            retry = await app.deliver(scene.update);
          }
          expect(retry.status).toBe(200);
          expect((await app.deliver(scene.update)).status).toBe(200);
          // …and the notice retries run once they are due.
          clock.advance(2 * 60_000);
          await runDeliverNotices(app.deps, app.runtime.bot.telegram);

          await scene.effect();
          const owed = await db()
            .select()
            .from(notices)
            .where(inArray(notices.reservationId, scene.reservationIds));
          expect(owed.length).toBeGreaterThan(0);
          expect(owed.map((n) => n.status)).toEqual(owed.map(() => 'sent'));
          for (const { to, saying, times } of scene.told) {
            expect(deliveredTo(to, saying), `messages to ${to} saying “${saying}”`).toHaveLength(times);
          }
        });
      }
    });
  }
});
