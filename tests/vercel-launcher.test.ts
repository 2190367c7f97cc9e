import { randomBytes, randomInt } from 'node:crypto';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offers } from '../db/schema.js';
import { BotApiEmulator } from '../dev/sandbox/bot-api-emulator.js';
import { offerPhotoUrl } from '../lib/http/offer-photo.js';
import { FUNCTION_MAX_DURATION_S } from '../lib/limits.js';
import { PUBLIC_URL, TEST_TOKEN } from './support/app.js';
import { FakeQStash } from './support/fake-qstash.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { qstashSignature } from './support/qstash-sign.js';
import {
  createTestDatabase,
  leaseTestRedisUrl,
  realPostgresUrl,
  realRedisUrl,
  type TestDatabase,
} from './support/stores.js';
import { people, textUpdate } from './support/updates.js';
import {
  type BuiltFunction,
  builtFunctions,
  filesOf,
  type LaunchedFunction,
  launchFunction,
  repoRoot,
} from './support/vercel-launcher.js';

/**
 * Every `api/*` function served by `@vercel/node`'s own launcher (request helpers on, as in production) and
 * driven over real HTTP: once from source (tsx), and once from `vercel build` output when VERCEL_BUILD_OUTPUT
 * names a `.vercel/output` directory (`npm run check:vercel` sets it). The functions run as production runs
 * them (VERCEL=1, every production variable set), so they need real servers: a throwaway migrated database
 * on TEST_DATABASE_URL and a Redis database leased on TEST_REDIS_URL for this file (tests/support/stores.ts).
 */
const buildOutput = process.env.VERCEL_BUILD_OUTPUT || undefined;
const real = Boolean(realPostgresUrl && realRedisUrl);
/** The functions these cases drive; any other `api/*` entry is only started and asked a bare GET. */
const FUNCTIONS = [
  'api/telegram',
  'api/health',
  'api/cron/sweep',
  'api/jobs/expire-offer',
  'api/offer-photo',
] as const;
type FunctionName = string;
const JOB_URL = `${PUBLIC_URL}/api/jobs/expire-offer`;

/** How a target starts one function with the given environment. */
type Launch = (name: FunctionName, env: Record<string, string>) => Promise<LaunchedFunction>;

/** Every `.ts` file under `api/` in the repository, as a route (`api/jobs/expire-offer`). */
function sourceEntries(): string[] {
  return filesOf(join(repoRoot, 'api'))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => `api/${file.replace(/\.ts$/, '')}`)
    .sort();
}

function launcherCases(launch: Launch, entries: string[]) {
  const telegram = new BotApiEmulator(Number(TEST_TOKEN.split(':')[0]));
  const qstash = new FakeQStash();
  const secrets = {
    webhook: randomBytes(24).toString('hex'),
    cron: randomBytes(24).toString('hex'),
    currentKey: `sig_${randomBytes(16).toString('hex')}`,
    nextKey: `sig_${randomBytes(16).toString('hex')}`,
  };
  // Random ids, so a replayed update of another run can never be mistaken for one of these.
  const userIds: number[] = [];
  const updateIds: number[] = [];
  const person = (first_name: string) => {
    const id = randomInt(700_000_000, 800_000_000);
    userIds.push(id);
    return { id, first_name };
  };
  const update = (who: { id: number; first_name: string }, text: string) => {
    const update_id = randomInt(1_000_000_000, 2_000_000_000);
    updateIds.push(update_id);
    return { ...textUpdate(who, text), update_id };
  };
  let database: TestDatabase;
  let redisLease: Awaited<ReturnType<typeof leaseTestRedisUrl>> | undefined;
  const functions: Record<FunctionName, LaunchedFunction> = {};

  beforeAll(async () => {
    const [apiRoot, qstashUrl, db] = await Promise.all([
      telegram.start(),
      qstash.start(),
      createTestDatabase(),
    ]);
    database = db;
    redisLease = await leaseTestRedisUrl(realRedisUrl!);
    const env = {
      NODE_ENV: 'production',
      VERCEL: '1',
      VERCEL_ENV: 'production',
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      TELEGRAM_WEBHOOK_SECRET: secrets.webhook,
      ADMIN_TELEGRAM_IDS: String(people.admin.id),
      DATABASE_URL: database.url!,
      REDIS_URL: redisLease.url,
      QSTASH_TOKEN: 'qstash-launcher-token',
      QSTASH_URL: qstashUrl,
      QSTASH_CURRENT_SIGNING_KEY: secrets.currentKey,
      QSTASH_NEXT_SIGNING_KEY: secrets.nextKey,
      PUBLIC_URL,
      CRON_SECRET: secrets.cron,
      LOG_LEVEL: 'info',
    };
    const names = [...new Set([...FUNCTIONS, ...entries])];
    const launched = await Promise.allSettled(names.map((name) => launch(name, env)));
    launched.forEach((result, i) => {
      if (result.status === 'fulfilled') functions[names[i]!] = result.value;
    });
    const failed = launched.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }, 120_000);

  afterAll(async () => {
    await Promise.all(Object.values(functions).map((fn) => fn.stop()));
    await redisLease?.release(); // the next file to lease this database flushes it
    await database?.close();
    await telegram.stop();
    await qstash.stop();
  }, 60_000);

  /** A request to one function; an unexpected status fails with the function's own output. */
  async function call(name: FunctionName, init: RequestInit & { path?: string } = {}) {
    const fn = functions[name];
    if (!fn) throw new Error(`${name}: not launched`);
    const tail = () => `\n--- function output ---\n${fn.output().slice(-4000)}`;
    const response = await fetch(`${fn.url}${init.path ?? `/${name}`}`, init).catch((error) => {
      throw new Error(`${name}: no HTTP answer (${error.cause ?? error})${tail()}`);
    });
    const text = await response.text();
    return {
      status: response.status,
      json: () => JSON.parse(text) as Record<string, unknown>,
      expectStatus(status: number) {
        expect(response.status, `${name} answered ${response.status} ${text}${tail()}`).toBe(status);
      },
    };
  }

  /** `secret: null` sends no secret header. */
  const postUpdate = (body: unknown, secret: string | null = secrets.webhook) =>
    call('api/telegram', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
      },
      body: JSON.stringify(body),
    });

  const postJob = (rawBody: string, signature: string) =>
    call('api/jobs/expire-offer', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'upstash-signature': signature },
      body: rawBody,
    });

  /** A published offer whose pickup window ended a minute ago. */
  async function overdueOffer() {
    const { ownerId } = await verifiedVenue(database.db, { ownerId: randomInt(800_000_000, 900_000_000) });
    const past = new Date(Date.now() - 2 * 3_600_000);
    return (await liveOffer(database.db, ownerId, { now: past, hours: 2 - 1 / 60 })).id;
  }

  const statusOf = async (id: number) =>
    (await database.db.select({ status: offers.status }).from(offers).where(eq(offers.id, id)))[0]!.status;

  it('starts every api/* function, each answering a bare GET with JSON and no 5xx', async () => {
    expect(entries).toEqual(expect.arrayContaining([...FUNCTIONS]));
    for (const name of entries) {
      const response = await call(name);
      expect(response.status, name).toBeLessThan(500);
      expect(response.json, name).not.toThrow();
    }
  });

  it('answers a Telegram update with 200 after the bot replied through the Bot API; a redelivery is a no-op', async () => {
    const alice = person('Alice');
    const start = update(alice, '/start');
    (await postUpdate(start)).expectStatus(200);
    const replies = telegram.sentTo(alice.id);
    expect(replies.map((c) => c.method)).toContain('sendMessage');

    (await postUpdate(start)).expectStatus(200);
    expect(telegram.sentTo(alice.id)).toHaveLength(replies.length);
  });

  it('refuses a wrong or missing webhook secret with 401 and calls no Bot API method', async () => {
    const bob = person('Bob');
    (await postUpdate(update(bob, '/start'), 'not-the-secret')).expectStatus(401);
    (await postUpdate(update(bob, '/start'), null)).expectStatus(401);
    expect(telegram.sentTo(bob.id)).toHaveLength(0);
  });

  it('refuses a QStash callback with a tampered body (401) and expires the offer on a signed one (200)', async () => {
    const offerId = await overdueOffer();
    const body = JSON.stringify({ offerId });
    const signature = qstashSignature(body, JOB_URL, secrets.currentKey);

    (await postJob(body.replace('}', ', "x": 1}'), signature)).expectStatus(401);
    expect(await statusOf(offerId)).toBe('active');

    const signed = await postJob(body, signature);
    signed.expectStatus(200);
    expect(signed.json()).toMatchObject({ ok: true, expired: 1 });
    expect(await statusOf(offerId)).toBe('expired');
  });

  it('runs the cron sweep only with the bearer secret (401 without, 200 with)', async () => {
    const offerId = await overdueOffer();
    (await call('api/cron/sweep')).expectStatus(401);
    (await call('api/cron/sweep', { headers: { authorization: 'Bearer not-the-secret' } })).expectStatus(401);
    expect(await statusOf(offerId)).toBe('active');

    const swept = await call('api/cron/sweep', { headers: { authorization: `Bearer ${secrets.cron}` } });
    swept.expectStatus(200);
    expect(swept.json()).toMatchObject({ ok: true });
    expect(await statusOf(offerId)).toBe('expired');
  });

  it('serves an offer’s photo as bytes at the URL the bot signed for an invoice, and 404 unsigned', async () => {
    const bytes = randomBytes(50_000); // any bytes: what passes through must arrive whole, binary and all
    const photoFileId = telegram.addFile(bytes);
    const { ownerId } = await verifiedVenue(database.db, { ownerId: randomInt(800_000_000, 900_000_000) });
    const { id } = await liveOffer(database.db, ownerId);
    await database.db.update(offers).set({ photoFileId }).where(eq(offers.id, id));
    const signed = new URL(offerPhotoUrl(PUBLIC_URL, TEST_TOKEN, { id, photoFileId })!);
    const fn = functions['api/offer-photo']!;

    const response = await fetch(`${fn.url}${signed.pathname}${signed.search}`);
    expect(response.status, fn.output().slice(-2000)).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);

    (await call('api/offer-photo', { path: `${signed.pathname}?offer=${id}` })).expectStatus(404);
  });

  it('reports both stores healthy and the newest migration applied', async () => {
    const health = await call('api/health');
    health.expectStatus(200);
    expect(health.json()).toMatchObject({
      ok: true,
      database: { ok: true, driver: 'pg', migration: expect.any(String) },
      redis: { ok: true, driver: 'redis' },
    });
  });
}

const needsServers = 'needs TEST_DATABASE_URL and TEST_REDIS_URL';

describe.skipIf(!real)(
  `api/* under @vercel/node's launcher, from source with tsx (production env; ${needsServers})`,
  () => {
    launcherCases(
      (name, env) => launchFunction({ entry: `${name}.ts`, cwd: repoRoot, tsx: true, env }),
      sourceEntries(),
    );
  },
);

describe.skipIf(!real || !buildOutput)(
  `api/* under @vercel/node's launcher, from \`vercel build\` output in VERCEL_BUILD_OUTPUT (plain node; ${needsServers})`,
  () => {
    const built = buildOutput ? builtFunctions(buildOutput) : new Map<string, BuiltFunction>();
    // The functions are built by scripts/build-functions.ts with lib/limits.ts's maxDuration.
    const maxDuration = FUNCTION_MAX_DURATION_S;

    it('builds one function per api/* entry, launched as production launches it', () => {
      expect([...built.keys()]).toEqual(expect.arrayContaining([...FUNCTIONS]));
      // Every built function comes from an api/* entry (nothing else under api/ becomes a function).
      expect(sourceEntries()).toEqual(expect.arrayContaining([...built.keys()]));
      for (const [name, fn] of built) {
        expect(fn.config, name).toMatchObject({
          handler: `${name}.js`,
          launcherType: 'Nodejs',
          shouldAddHelpers: true,
          maxDuration,
        });
        expect(fn.config.runtime, name).toMatch(/^nodejs\d+\.x$/);
        expect(fn.config.runtime, name).not.toBe('nodejs20.x');
      }
    });

    it('ships no dev-only code: no PGlite, ioredis-mock, fengari, dev/ or tests/', () => {
      const forbidden = [
        /(^|\/)node_modules\/@electric-sql\/pglite\//,
        /(^|\/)node_modules\/ioredis-mock\//,
        /(^|\/)node_modules\/fengari[^/]*\//,
        /^dev\//,
        /^tests\//,
      ];
      for (const [name, fn] of built) {
        const shipped = filesOf(fn.dir).filter((file) => forbidden.some((pattern) => pattern.test(file)));
        expect(shipped, name).toEqual([]);
      }
    });

    launcherCases((name, env) => {
      const fn = built.get(name);
      if (!fn) throw new Error(`${name}: no ${name}.func in ${buildOutput}/functions`);
      return launchFunction({ entry: fn.config.handler, cwd: fn.dir, tsx: false, env });
    }, [...built.keys()].sort());
  },
);
