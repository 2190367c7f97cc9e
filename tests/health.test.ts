import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import health from '../api/health.js';
import { ConfigError } from '../lib/config.js';
import type { Deps } from '../lib/deps.js';
import { checkHealth, errorCode, runtimeHealth } from '../lib/http/health.js';
import { createDatabase, type Database } from '../lib/infra/db.js';
import { createLogger } from '../lib/log.js';

/** Just what the health check reads. */
function fakeDeps(parts: {
  database: Pick<Database, 'db' | 'kind'>;
  ping: () => Promise<unknown>;
  redisKind?: string;
  refunds?: Deps['config']['refunds'];
}): Deps {
  return {
    db: parts.database.db,
    database: parts.database,
    redis: { ping: parts.ping },
    redisConnection: { kind: parts.redisKind ?? 'upstash' },
    config: { refunds: parts.refunds },
    clock: { now: () => new Date() },
  } as unknown as Deps;
}

const failingDb = (error: unknown) =>
  ({ kind: 'neon', db: { execute: () => Promise.reject(error) } }) as unknown as Database;
const healthyDb = {
  kind: 'pg',
  db: { execute: async () => ({ rows: [{ present: 0 }] }) },
} as unknown as Database;

/** What a driver quotes in its messages: none of it may reach the response. */
const SENSITIVE = ['db-secret-host', 'alice_admin', '10.1.2.3', 'hunter2', 'Failed query', 'WRONGPASS'];
const expectNothingSensitive = (body: unknown) => {
  const text = JSON.stringify(body);
  for (const word of SENSITIVE) expect(text).not.toContain(word);
};

const silent = createLogger('silent');

describe('/api/health when a store fails', () => {
  it('reports a Postgres error by its SQLSTATE, found down the cause chain, not its message', async () => {
    const pgError = Object.assign(
      new Error('password authentication failed for user "alice_admin" on db-secret-host'),
      { code: '28P01' },
    );
    const wrapped = new Error('Failed query: select 1\nparams: hunter2', { cause: pgError });
    const ping = async () => 'PONG';
    const report = await checkHealth(fakeDeps({ database: failingDb(wrapped), ping }));
    expect(report.status).toBe(503);
    expect(report.body).toMatchObject({
      ok: false,
      database: { ok: false, driver: 'neon', error: '28P01' },
      redis: { ok: true, driver: 'upstash' },
    });
    expectNothingSensitive(report.body);
  });

  it('reports a network failure by its code (fetch failed → ECONNREFUSED)', async () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:443'), { code: 'ECONNREFUSED' });
    const ping = () => Promise.reject(new TypeError('fetch failed', { cause }));
    const report = await checkHealth(fakeDeps({ database: healthyDb, ping }));
    expect(report.status).toBe(503);
    expect(report.body).toMatchObject({
      ok: false,
      database: { ok: true, driver: 'pg' },
      redis: { ok: false, driver: 'upstash', error: 'ECONNREFUSED' },
    });
    expectNothingSensitive(report.body);
  });

  it('reports an error without a code by its name only', async () => {
    class UpstashError extends Error {
      override name = 'UpstashError';
    }
    const ping = () => Promise.reject(new UpstashError('WRONGPASS invalid token for db-secret-host'));
    const report = await checkHealth(fakeDeps({ database: healthyDb, ping }));
    expect(report.body).toMatchObject({ redis: { ok: false, error: 'UpstashError' } });
    expectNothingSensitive(report.body);
  });

  it('reports a store that does not answer as timeout', async () => {
    const ping = () => new Promise(() => {});
    const report = await checkHealth(fakeDeps({ database: healthyDb, ping }), { timeoutMs: 50 });
    expect(report.status).toBe(503);
    expect(report.body).toMatchObject({ redis: { ok: false, error: 'timeout' } });
  });

  it('reports a real node-postgres connection failure as ECONNREFUSED, without user or host', async () => {
    // Port 1 on loopback refuses at once; the URL's user and password must not surface.
    const database = await createDatabase({
      kind: 'pg',
      url: 'postgres://alice_admin:hunter2@127.0.0.1:1/app',
    });
    try {
      const report = await checkHealth(fakeDeps({ database, ping: async () => 'PONG' }));
      expect(report.status).toBe(503);
      expect(report.body).toMatchObject({ database: { ok: false, driver: 'pg', error: 'ECONNREFUSED' } });
      expectNothingSensitive(report.body);
      expect(JSON.stringify(report.body)).not.toContain('127.0.0.1');
    } finally {
      await database.close();
    }
  });

  it('never passes on something that is not an identifier', () => {
    expect(errorCode(Object.assign(new Error('x'), { code: 'connect to db-secret-host failed' }))).toBe(
      'Error',
    );
    expect(errorCode('a string thrown')).toBe('unknown');
    expect(
      errorCode(
        Object.assign(new AggregateError([Object.assign(new Error(), { code: 'EHOSTUNREACH' })]), {}),
      ),
    ).toBe('EHOSTUNREACH');
  });
});

describe('/api/health and refunds owed (issue 18)', () => {
  /** Every statement answers the same row: no migration table, and the refunds counts. */
  const owing = {
    kind: 'pg',
    db: { execute: async () => ({ rows: [{ present: 0, waiting: '2', overdue: '1' }] }) },
  } as unknown as Database;
  const ping = async () => 'PONG';

  it('fails naming STRIPE_SECRET_KEY when refunds are owed and the key is unset: counts only', async () => {
    const report = await checkHealth(fakeDeps({ database: owing, ping }));
    expect(report).toEqual({
      status: 503,
      body: expect.objectContaining({
        ok: false,
        refunds: { ok: false, overdue: 1, missing: 'STRIPE_SECRET_KEY' },
      }),
    });
  });

  it('passes with the key, counting refunds over an hour old', async () => {
    const report = await checkHealth(
      fakeDeps({ database: owing, ping, refunds: { stripeSecretKey: 'sk_test_x' } }),
    );
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ ok: true, refunds: { ok: true, overdue: 1 } });
    expect(JSON.stringify(report.body)).not.toContain('sk_test_x');
  });

  it('leaves the part out when the database does not answer (the database part says why)', async () => {
    const report = await checkHealth(fakeDeps({ database: failingDb(new Error('down')), ping }));
    expect(report.body).not.toHaveProperty('refunds');
  });
});

describe('/api/health when the configuration is wrong', () => {
  it('answers 503 with the names of the wrong variables', async () => {
    const runtime = Promise.reject(
      new ConfigError(
        ['TELEGRAM_WEBHOOK_SECRET: must be at least 32 characters'],
        ['TELEGRAM_WEBHOOK_SECRET'],
      ),
    );
    const report = await runtimeHealth(runtime, { log: silent });
    expect(report).toEqual({
      status: 503,
      body: { ok: false, version: expect.any(String), config: { problems: ['TELEGRAM_WEBHOOK_SECRET'] } },
    });
  });

  it('lets any other start failure propagate', async () => {
    await expect(runtimeHealth(Promise.reject(new Error('boom')), { log: silent })).rejects.toThrow('boom');
  });
});

describe('api/health.ts on a production environment with guessable secrets', () => {
  const weakSecret = 'weak-webhook-secret-value';
  const placeholder = 'REPLACE_ME-run-openssl-rand-hex-32';
  const production: Record<string, string> = {
    NODE_ENV: 'production',
    VERCEL: '',
    BOT_TOKEN: '123456:ABCdefGhIJKlmNoPQRsTUVwxyZ012345',
    TELEGRAM_WEBHOOK_SECRET: weakSecret,
    DATABASE_URL: 'postgres://alice_admin:hunter2@db-secret-host.example/app',
    UPSTASH_REDIS_REST_URL: '',
    UPSTASH_REDIS_REST_TOKEN: '',
    KV_REST_API_URL: 'https://db-secret-host.upstash.io',
    KV_REST_API_TOKEN: 'kv-token-value',
    REDIS_URL: '',
    QSTASH_TOKEN: 'qstash-token',
    QSTASH_CURRENT_SIGNING_KEY: 'sig_current',
    QSTASH_NEXT_SIGNING_KEY: 'sig_next',
    PUBLIC_URL: 'https://bot.example.com',
    CRON_SECRET: placeholder,
  };
  const logged: string[] = [];

  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('answers 503 naming the variables, never their values, in the response or the log', async () => {
    for (const [name, value] of Object.entries(production)) vi.stubEnv(name, value);
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      logged.push(String(chunk));
      return true;
    });
    const response = await health.fetch(new Request('http://localhost/api/health'));
    vi.mocked(process.stdout.write).mockRestore();
    expect(response.status).toBe(503);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body).toEqual({
      ok: false,
      version: expect.any(String),
      config: { problems: ['TELEGRAM_WEBHOOK_SECRET', 'CRON_SECRET'] },
    });
    const everything = JSON.stringify(body) + logged.join('');
    expect(logged.join('')).toContain('config_invalid');
    for (const value of [weakSecret, placeholder, 'hunter2', 'db-secret-host', 'kv-token-value'])
      expect(everything).not.toContain(value);
  });
});
