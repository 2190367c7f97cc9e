import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Db } from '../lib/infra/db.js';
import { createDatabase } from '../lib/infra/db.js';
import { findOffersByText, searchWords } from '../lib/marketplace/find-offers-by-text.js';

/**
 * How the free-text search (lib/marketplace/find-offers-by-text.ts) runs on a filled database, for
 * docs/ranking.md: a throwaway database gets `offers` offers of 200 venues (a share of them live, the rest
 * ended), then the search's own statement is EXPLAIN ANALYZEd and timed. Real Postgres only:
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx scripts/explain-search.ts [offers] [live share]
 */
const url = process.env.BENCH_DATABASE_URL;
if (!url)
  throw new Error('Set BENCH_DATABASE_URL to a Postgres server (a throwaway database is created there).');
const total = Number(process.argv[2] ?? 5000);
const liveShare = Number(process.argv[3] ?? 0.2);

const WORDS = [
  'bread',
  'sourdough',
  'pastry',
  'croissant',
  'sushi',
  'salad',
  'soup',
  'pizza',
  'bagel',
  'curry',
];
const ITEMS = ['Bread bag', 'Pastry box', 'Maki set', 'Salad bowl', 'Soup of the day', 'Pizza slices'];

const name = `explain_search_${Date.now().toString(36)}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create database ${name}`);
const target = new URL(url);
target.pathname = `/${name}`;
const database = await createDatabase({ kind: 'pg', url: target.toString() });
const client = new pg.Client({ connectionString: target.toString() });
try {
  await database.migrate();
  await client.connect();
  await seed(client);
  await client.query('analyze');
  const now = new Date();
  for (const query of ['bread', 'sourdough bread', 'sushi near']) {
    const input = { words: searchWords(query), config: 'english' as const, now, page: 0 };
    const plan = await explain(client, statementOf(input));
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await findOffersByText(database.db, input);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const found = await findOffersByText(database.db, input);
    console.log(`\n## "${query}": ${found.total} matches`);
    console.log(
      `median ${times[10]!.toFixed(1)} ms, p95 ${times[18]!.toFixed(1)} ms (20 runs, incl. the round trip)`,
    );
    console.log(plan);
  }
} finally {
  await client.end().catch(() => {});
  await database.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

/** 200 verified venues, `total` offers spread over them, two items each; `liveShare` of them live now. */
async function seed(db: pg.Client) {
  await db.query(
    `insert into users (id, first_name) select 900000 + g, 'Owner' from generate_series(1, 200) g`,
  );
  await db.query(
    `insert into venues (owner_id, name, address, latitude, longitude, phone, status)
      select 900000 + g, 'Venue ' || g || ' ' || ($1::text[])[1 + g % 10], g || ' Main Street',
        52.4 + (g % 20) * 0.01, 13.3 + (g / 20) * 0.01, '+49 30 000000', 'verified'
      from generate_series(1, 200) g`,
    [WORDS],
  );
  await db.query(
    `
    insert into offers (venue_id, title, description, pickup_start, pickup_end, status, units_available)
      select (select min(id) from venues) + g % 200,
        initcap(($1::text[])[1 + g % 10]) || ' bag ' || g, 'Fresh ' || ($1::text[])[1 + (g * 7) % 10] || ' from today',
        now() - interval '1 hour',
        case when g <= $2 then now() + interval '3 hours' else now() - interval '30 minutes' end,
        case when g <= $2 then 'active'::offer_status else 'expired'::offer_status end,
        8
      from generate_series(1, $3::int) g;
    `,
    [WORDS, Math.round(total * liveShare), total],
  );
  await db.query(
    `
    insert into offer_items (offer_id, name, original_price, price, quantity_total, quantity_available, position)
      select o.id, ($1::text[])[1 + (o.id + k) % 6], 1000, 300 + (o.id % 5) * 100, 4, 4, k
      from offers o cross join generate_series(0, 1) k;
    `,
    [ITEMS],
  );
}

/** The statement findOffersByText sends, caught by a database that only records it. */
function statementOf(input: Parameters<typeof findOffersByText>[1]) {
  let caught: unknown;
  const recorder = {
    execute: async (query: unknown) => {
      caught = query;
      return { rows: [] };
    },
  } as unknown as Db;
  void findOffersByText(recorder, input);
  return new PgDialect().sqlToQuery(caught as Parameters<PgDialect['sqlToQuery']>[0]);
}

async function explain(db: pg.Client, statement: { sql: string; params: unknown[] }) {
  const result = await db.query(`explain (analyze, buffers, costs off) ${statement.sql}`, statement.params);
  return result.rows.map((row) => `    ${row['QUERY PLAN']}`).join('\n');
}
