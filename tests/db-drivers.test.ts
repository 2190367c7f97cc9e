import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { neonConfig } from '@neondatabase/serverless';
import { eq, sql } from 'drizzle-orm';
import type { NeonHttpDatabase } from 'drizzle-orm/neon-http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import journal from '../db/migrations/meta/_journal.json' with { type: 'json' };
import * as schema from '../db/schema.js';
import { createPgliteDatabase } from '../dev/embedded/pglite.js';
import { loadConfig } from '../lib/config.js';
import { appliedMigration, createDatabase, type Database, type Db, rowsOf } from '../lib/infra/db.js';
import {
  type NeonSqlEndpoint,
  pgliteSqlBackend,
  pgSqlBackend,
  startNeonSqlEndpoint,
} from './support/neon-sql-endpoint.js';
import { realPostgresUrl } from './support/stores.js';

const latestTag = journal.entries.at(-1)!.tag;
const tables = ['audit_log', 'venues', 'offer_items', 'offers', 'reservations', 'users'];
const NEON_URL = 'postgres://u:p@ep-test-123.us-east-2.aws.neon.tech/neondb';

async function publicTables(db: Db): Promise<string[]> {
  const result = await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  return rowsOf<{ table_name: string }>(result).map((r) => r.table_name);
}

async function migrationCount(db: Db): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return Number(rowsOf<{ n: number | string }>(result)[0]!.n);
}

/** A database of its own on the real server, dropped (with force) by the returned function. */
async function throwawayDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `t_drivers_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** The driver choice as configuration makes it, for a URL that names a server. */
function serverDatabaseOf(env: Record<string, string>) {
  const options = loadConfig(env).database;
  if (options.kind === 'pglite') throw new Error('expected a server URL');
  return options;
}

/** One PGlite for the whole file (it takes seconds to start); the Neon case reuses it after a reset. */
let pglite: Database;
beforeAll(async () => {
  pglite = await createPgliteDatabase();
});
afterAll(async () => {
  await pglite?.close();
});

describe('database drivers', () => {
  describe('driver choice', () => {
    it.each([
      ['a *.neon.tech host', NEON_URL, 'neon'],
      [
        'a pooled Neon host',
        'postgresql://u:p@ep-x-pooler.eu-central-1.aws.neon.tech/db?sslmode=require',
        'neon',
      ],
      ['a local Postgres', 'postgres://postgres@127.0.0.1:5432/app', 'pg'],
      ['another provider', 'postgres://u:p@db.example.com/app', 'pg'],
      ['a host that only mentions neon.tech', 'postgres://u:p@neon.tech.example.com/app', 'pg'],
    ])('picks the driver for %s', (_label, url, kind) => {
      const config = loadConfig({ DATABASE_URL: url });
      expect(config.database).toEqual({ kind, url });
    });

    it('picks PGlite when DATABASE_URL is unset', () => {
      expect(loadConfig({}).database.kind).toBe('pglite');
    });

    it.each([
      [
        'REDIS_URL',
        { REDIS_URL: 'redis://127.0.0.1:6379/0' },
        { kind: 'redis', url: 'redis://127.0.0.1:6379/0' },
      ],
      [
        'the Upstash pair',
        { UPSTASH_REDIS_REST_URL: 'https://eu1-x.upstash.io', UPSTASH_REDIS_REST_TOKEN: 'tok' },
        { kind: 'upstash', url: 'https://eu1-x.upstash.io', token: 'tok' },
      ],
      [
        'the Upstash pair over REDIS_URL',
        {
          UPSTASH_REDIS_REST_URL: 'https://eu1-x.upstash.io',
          UPSTASH_REDIS_REST_TOKEN: 'tok',
          REDIS_URL: 'redis://127.0.0.1:6379',
        },
        { kind: 'upstash', url: 'https://eu1-x.upstash.io', token: 'tok' },
      ],
      ['nothing', {}, { kind: 'memory' }],
    ])('picks the Redis for %s', (_label, env, expected) => {
      expect(loadConfig(env).redis).toEqual(expected);
    });
  });

  describe('PGlite in memory', () => {
    it('applies the migrations and records the latest tag', async () => {
      expect(pglite.kind).toBe('pglite');
      expect(await appliedMigration(pglite.db)).toBeNull();
      await pglite.migrate();
      expect(await appliedMigration(pglite.db)).toBe(latestTag);
      expect(await publicTables(pglite.db)).toEqual(expect.arrayContaining(tables));
    });

    it('applies nothing twice', async () => {
      await pglite.migrate();
      expect(await migrationCount(pglite.db)).toBe(journal.entries.length);
    });
  });

  describe.skipIf(!realPostgresUrl)('pg on a real Postgres (TEST_DATABASE_URL)', () => {
    let database: Database;
    let drop: () => Promise<void> = async () => {};
    beforeAll(async () => {
      const throwaway = await throwawayDatabase(realPostgresUrl!);
      drop = throwaway.drop;
      database = await createDatabase(serverDatabaseOf({ DATABASE_URL: throwaway.url }));
    });
    afterAll(async () => {
      await database?.close();
      await drop();
    });

    it('applies the migrations and records the latest tag', async () => {
      expect(database.kind).toBe('pg');
      expect(await appliedMigration(database.db)).toBeNull();
      await database.migrate();
      expect(await appliedMigration(database.db)).toBe(latestTag);
      expect(await publicTables(database.db)).toEqual(expect.arrayContaining(tables));
      await database.migrate();
      expect(await migrationCount(database.db)).toBe(journal.entries.length);
    });
  });

  describe(`Neon HTTP driver over a local /sql endpoint (${realPostgresUrl ? 'postgres' : 'pglite'})`, () => {
    let endpoint: NeonSqlEndpoint;
    let database: Database;
    let drop: () => Promise<void> = async () => {};
    const previousFetchEndpoint = neonConfig.fetchEndpoint;

    beforeAll(async () => {
      if (realPostgresUrl) {
        const throwaway = await throwawayDatabase(realPostgresUrl);
        drop = throwaway.drop;
        endpoint = await startNeonSqlEndpoint(pgSqlBackend(throwaway.url));
      } else {
        // Reuse the file's PGlite, emptied, so the Neon path migrates from scratch.
        const client = (pglite.db as unknown as { $client: PGlite }).$client;
        await client.exec(
          'drop schema if exists drizzle cascade; drop schema public cascade; create schema public;',
        );
        endpoint = await startNeonSqlEndpoint(pgliteSqlBackend(client));
      }
      neonConfig.fetchEndpoint = endpoint.fetchEndpoint;
      database = await createDatabase(serverDatabaseOf({ DATABASE_URL: NEON_URL }));
    });
    afterAll(async () => {
      neonConfig.fetchEndpoint = previousFetchEndpoint;
      await database?.close();
      await endpoint?.close();
      await drop();
    });

    it('applies the migrations through the Neon protocol', async () => {
      expect(database.kind).toBe('neon');
      expect(await appliedMigration(database.db)).toBeNull();
      await database.migrate();
      expect(await appliedMigration(database.db)).toBe(latestTag);
      expect(await publicTables(database.db)).toEqual(expect.arrayContaining(tables));
      expect(await migrationCount(database.db)).toBe(journal.entries.length);
    });

    it('sends every statement to the Neon host it was configured with', () => {
      expect(new Set(endpoint.hosts)).toEqual(new Set(['ep-test-123.us-east-2.aws.neon.tech']));
      const first = endpoint.requests[0]!;
      expect(first.headers['neon-connection-string']).toContain(
        '@ep-test-123.us-east-2.aws.neon.tech/neondb',
      );
      expect(first.headers['neon-raw-text-output']).toBe('true');
    });

    it('round-trips rows through drizzle, parsing the raw text into timestamps, numbers and enums', async () => {
      const db = database.db;
      const pickupStart = new Date('2030-01-02T17:00:00.000Z');
      await db.insert(schema.users).values({ id: 5_000_000_001, firstName: 'Owner' });
      const [venue] = await db
        .insert(schema.venues)
        .values({
          ownerId: 5_000_000_001,
          name: 'Bakery',
          address: 'Main St 1',
          phone: '+100',
          status: 'verified',
        })
        .returning();
      const [offer] = await db
        .insert(schema.offers)
        .values({
          venueId: venue!.id,
          title: 'Bread bag',
          pickupStart,
          pickupEnd: new Date(pickupStart.getTime() + 3_600_000),
          status: 'active',
          unitsAvailable: 3,
        })
        .returning();
      await db.insert(schema.offerItems).values({
        offerId: offer!.id,
        name: 'Bag',
        originalPrice: 900,
        price: 300,
        quantityTotal: 3,
        quantityAvailable: 3,
      });

      const [read] = await db.select().from(schema.offers).where(eq(schema.offers.id, offer!.id));
      expect(read!.pickupStart).toBeInstanceOf(Date);
      expect(read!.pickupStart.toISOString()).toBe(pickupStart.toISOString());
      expect(read!.status).toBe('active');
      expect(read!.venueId).toBe(venue!.id);
      expect(typeof read!.venueId).toBe('number');
      const [owner] = await db.select().from(schema.users).where(eq(schema.users.id, 5_000_000_001));
      expect(owner!.id).toBe(5_000_000_001);
    });

    it('reserves atomically in one single-statement CTE, one HTTP request, and refuses to oversell', async () => {
      const db = database.db;
      const [item] = await db.select().from(schema.offerItems).where(eq(schema.offerItems.name, 'Bag'));
      const reserve = (quantity: number, code: string) =>
        db.execute(sql`
          with item as (
            update offer_items set quantity_available = quantity_available - ${quantity}
            where id = ${item!.id} and quantity_available >= ${quantity}
            returning id, offer_id, price
          ), offer as (
            update offers set units_available = units_available - ${quantity}
            where id = (select offer_id from item)
            returning id
          )
          insert into reservations (customer_id, offer_id, item_id, quantity, unit_price, currency, pickup_code)
          select ${5_000_000_001}, item.offer_id, item.id, ${quantity}, item.price, 'EUR', ${code}
          from item join offer on offer.id = item.offer_id
          returning id, quantity, unit_price
        `);

      const before = endpoint.requests.length;
      const first = rowsOf<{ quantity: number; unit_price: number }>(await reserve(2, 'AB12'));
      expect(endpoint.requests.length - before).toBe(1);
      expect(first).toHaveLength(1);
      expect(Number(first[0]!.quantity)).toBe(2);
      expect(Number(first[0]!.unit_price)).toBe(300);

      expect(rowsOf(await reserve(2, 'CD34'))).toHaveLength(0);

      const [after] = await db.select().from(schema.offerItems).where(eq(schema.offerItems.id, item!.id));
      const [offer] = await db.select().from(schema.offers).where(eq(schema.offers.id, item!.offerId));
      const reservations = await db
        .select()
        .from(schema.reservations)
        .where(eq(schema.reservations.itemId, item!.id));
      expect(after!.quantityAvailable).toBe(1);
      expect(offer!.unitsAvailable).toBe(1);
      expect(reservations.map((p) => p.pickupCode)).toEqual(['AB12']);
    });

    it('surfaces a Postgres error with its code and constraint', async () => {
      const error = await database.db
        .execute(sql`update offer_items set quantity_available = -1 where name = 'Bag'`)
        .then(
          () => null,
          (e: unknown) => e as { cause?: Record<string, unknown> } & Record<string, unknown>,
        );
      expect(error).not.toBeNull();
      const pgError = (error!.cause ?? error) as Record<string, unknown>;
      expect(pgError.code).toBe('23514');
      expect(pgError.constraint).toBe('offer_items_quantity_bounds');
    });

    it('runs a drizzle batch as one transaction that rolls back as a whole', async () => {
      const db = database.db as unknown as NeonHttpDatabase<typeof schema>;
      await expect(
        db.batch([
          db.insert(schema.users).values({ id: 5_000_000_002, firstName: 'Ghost' }),
          db.insert(schema.users).values({ id: 5_000_000_002, firstName: 'Duplicate' }),
        ]),
      ).rejects.toThrow();
      expect(endpoint.requests.at(-1)!.body.queries).toHaveLength(2);
      const ghosts = await db.select().from(schema.users).where(eq(schema.users.id, 5_000_000_002));
      expect(ghosts).toHaveLength(0);

      const [inserted, selected] = await db.batch([
        db.insert(schema.users).values({ id: 5_000_000_003, firstName: 'Batch' }).returning(),
        db.select().from(schema.users).where(eq(schema.users.id, 5_000_000_003)),
      ]);
      expect(inserted[0]!.firstName).toBe('Batch');
      expect(selected[0]!.firstName).toBe('Batch');
    });
  });
});
