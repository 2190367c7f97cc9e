import { sql } from 'drizzle-orm';
import type { Update } from 'telegraf/types';
import type { BotApiEmulator } from '../../dev/sandbox/bot-api-emulator.js';
import type { SessionData } from '../../lib/bot/context.js';
import type { Db } from '../../lib/infra/db.js';
import { rowsOf } from '../../lib/infra/db.js';
import type { BenchApp } from './app.js';
import type { Marketplace } from './seed.js';
import type { Person, UpdateFactory } from './updates.js';

/** One kind of update the benchmark times, the same update going to the app and to the bare bot. */
export interface Scenario {
  name: string;
  /** Builds the i-th update, doing outside the clock whatever state it needs (a message to edit, a session). */
  prepare(i: number): Promise<Update>;
  /** After the run: a problem if the app did not really do the work (then the numbers would lie). */
  verify?(runs: number): Promise<string | undefined>;
  /** False when the scenario can't run many at once (one person's wizard): it is timed one at a time only. */
  load?: false;
}

export interface ScenarioContext {
  app: BenchApp;
  emulator: BotApiEmulator;
  db: Db;
  ids: UpdateFactory;
  market: Marketplace;
}

/** Person numbers: each scenario has its own customers, so one scenario's state never shapes another's. */
const POOL = 40;
const pool = (ids: UpdateFactory, base: number, i: number) => ids.person(base + (i % POOL));

/** A message of the person's chat that the bot may edit (the emulator refuses edits of unknown messages). */
const messageFor = (emulator: BotApiEmulator, person: Person) =>
  emulator.userMessage(person, { text: '…' }).message_id;

/** The first column `n` of a one-row query, as a number (0 when there is no row). */
async function scalar(db: Db, query: ReturnType<typeof sql>): Promise<number> {
  return Number(rowsOf<{ n: number | string }>(await db.execute(query))[0]?.n ?? 0);
}

export function createScenarios({ app, emulator, db, ids, market }: ScenarioContext): Scenario[] {
  const browsed = market.offers[0]!; // venue 0 has a map pin: details send the card and the pin
  const reserved: Person[] = [];
  const owner: Person = { id: market.owners[0]!, first_name: 'Owner' };
  let wizardAt: SessionData | undefined;

  return [
    {
      name: '/start',
      prepare: async (i) => ids.text(pool(ids, 0, i), '/start'),
    },
    {
      // Warm-up passes every customer once, so the one-off "share your location" nudge is behind them.
      name: 'browse (/offers)',
      prepare: async (i) => ids.text(pool(ids, 1_000, i), '/offers'),
    },
    {
      name: 'offer details (offer:view)',
      prepare: async (i) => {
        const person = pool(ids, 2_000, i);
        return ids.callback(person, `offer:view:${browsed.id}`, messageFor(emulator, person));
      },
    },
    {
      // A new customer each time: reservations are capped per customer (3 open, 5 a minute). Like a real one,
      // they chose the item on the offer's card first (outside the clock), so they come with a session: a
      // person's first update in three days records the visit (their language) first, one statement more.
      name: 'reservation (buy:confirm)',
      prepare: async (i) => {
        const person = ids.person(10_000 + i);
        reserved.push(person);
        const itemId = browsed.itemIds[i % browsed.itemIds.length];
        await app.deliver(
          JSON.stringify(
            ids.callback(person, `buy:item:${browsed.id}:${itemId}`, messageFor(emulator, person)),
          ),
        );
        const data = `buy:confirm:${browsed.id}:${itemId}:1`;
        return ids.callback(person, data, messageFor(emulator, person));
      },
      verify: async (runs) => {
        const made = await scalar(db, sql`select count(*) as n from reservations where status = 'reserved'`);
        return made === runs ? undefined : `expected ${runs} reservations, found ${made}`;
      },
    },
    {
      name: 'cancellation (reservation:cancel)',
      prepare: async (i) => {
        const person = reserved[i];
        if (!person) throw new Error('the cancellation scenario needs as many runs as the reservation one');
        const reservationId = await scalar(
          db,
          sql`select id as n from reservations where customer_id = ${person.id} and status = 'reserved'`,
        );
        return ids.callback(person, `reservation:cancel:${reservationId}`, messageFor(emulator, person));
      },
      verify: async (runs) => {
        const left = await scalar(db, sql`select count(*) as n from reservations where status = 'reserved'`);
        const cancelled = await scalar(
          db,
          sql`select count(*) as n from reservations where status = 'cancelled'`,
        );
        return left === 0 && cancelled === runs
          ? undefined
          : `${left} still reserved, ${cancelled} cancelled`;
      },
    },
    {
      // The /newoffer wizard's title step, from the same session each time (restored outside the clock).
      // One person's wizard: overlapping updates would share its session, so it is not run under load.
      name: 'wizard step (/newoffer title)',
      load: false,
      prepare: async () => {
        const key = String(owner.id);
        if (!wizardAt) {
          await app.deliver(JSON.stringify(ids.text(owner, '/newoffer')));
          wizardAt = await app.runtime.sessions.get(key);
          if (!wizardAt?.__scenes?.current) throw new Error('/newoffer did not start the wizard');
        }
        // A copy: the store skips writing back an object it read unchanged, which would not restore it.
        await app.runtime.sessions.set(key, structuredClone(wizardAt));
        return ids.text(owner, 'Evening rescue bag');
      },
    },
  ];
}
