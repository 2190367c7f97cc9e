import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, PLACEHOLDER_SECRETS, requireBotToken } from '../lib/config.js';

type Env = Record<string, string | undefined>;

/** Everything production needs, all well-formed. */
const completeProduction: Env = {
  NODE_ENV: 'production',
  BOT_TOKEN: '123456:ABCdefGhIJKlmNoPQRsTUVwxyZ012345',
  TELEGRAM_WEBHOOK_SECRET: 'webhook_secret-0123456789abcdef0123456789',
  DATABASE_URL: 'postgres://u:p@ep-test-123.us-east-2.aws.neon.tech/neondb',
  UPSTASH_REDIS_REST_URL: 'https://eu1-example.upstash.io',
  UPSTASH_REDIS_REST_TOKEN: 'upstash-token',
  QSTASH_TOKEN: 'qstash-token',
  QSTASH_CURRENT_SIGNING_KEY: 'sig_current',
  QSTASH_NEXT_SIGNING_KEY: 'sig_next',
  PUBLIC_URL: 'https://bot.example.com',
  CRON_SECRET: 'cron_secret-0123456789abcdef0123456789abc',
};

const required = [
  'BOT_TOKEN',
  'TELEGRAM_WEBHOOK_SECRET',
  'DATABASE_URL',
  'UPSTASH_REDIS_REST_URL',
  'UPSTASH_REDIS_REST_TOKEN',
  'QSTASH_TOKEN',
  'QSTASH_CURRENT_SIGNING_KEY',
  'QSTASH_NEXT_SIGNING_KEY',
  'PUBLIC_URL',
  'CRON_SECRET',
];

function configError(env: Env): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted the environment');
}

/** The variables the production problem asks for ("… set A, B (or C) (see …)"), without the hints. */
function missingInProduction(error: ConfigError): string[] {
  const line = error.problems.find((p) => p.startsWith('production refuses'));
  if (!line) return [];
  const list = /set (.*) \(see /.exec(line)?.[1] ?? '';
  // Split on the commas between entries, not on those inside an entry's "(or …)".
  return list
    .split(/, (?![^(]*\))/)
    .map((name) => name.replace(/ \(or KV_REST_API_(URL|TOKEN), or REDIS_URL\)$/, ''));
}

/** The required variables a message mentions, by whole word. */
const requiredNamedIn = (text: string) => required.filter((name) => new RegExp(`\\b${name}\\b`).test(text));

/** A variable that only works with partners: the message may explain the broken group. */
const groupOf = (name: string) =>
  /^(UPSTASH|QSTASH)_/.test(name) ? required.filter((n) => n.split('_')[0] === name.split('_')[0]) : [name];

describe('config', () => {
  describe('production', () => {
    it('accepts a complete environment', () => {
      const config = loadConfig(completeProduction);
      expect(config.production).toBe(true);
      expect(config.database.kind).toBe('neon');
      expect(config.redis.kind).toBe('upstash');
      expect(config.qstash?.token).toBe('qstash-token');
    });

    it.each([
      ['NODE_ENV=production', { NODE_ENV: 'production' }],
      ['VERCEL=1', { VERCEL: '1' }],
    ])('with nothing set (%s) names every required variable', (_label, env) => {
      const error = configError(env);
      expect(missingInProduction(error)).toEqual(required);
      expect(error.message).toContain('production refuses the embedded stand-ins');
    });

    it.each(required)('names exactly %s when only it is missing', (name) => {
      const error = configError({ ...completeProduction, [name]: undefined });
      expect(missingInProduction(error)).toEqual([name]);
      // Besides that, the message may explain a broken Upstash pair or QStash trio, and names nothing else.
      expect(requiredNamedIn(error.message)).toEqual(groupOf(name));
    });

    it('treats an empty value as missing', () => {
      expect(missingInProduction(configError({ ...completeProduction, DATABASE_URL: '  ' }))).toEqual([
        'DATABASE_URL',
      ]);
    });

    it('accepts REDIS_URL in place of the Upstash pair', () => {
      const config = loadConfig({
        ...completeProduction,
        UPSTASH_REDIS_REST_URL: undefined,
        UPSTASH_REDIS_REST_TOKEN: undefined,
        REDIS_URL: 'rediss://default:pw@redis.example.com:6380',
      });
      expect(config.redis).toEqual({ kind: 'redis', url: 'rediss://default:pw@redis.example.com:6380' });
    });

    it.each([
      ['VERCEL_PROJECT_PRODUCTION_URL', 'bot.example.app', 'https://bot.example.app'],
      ['VERCEL_URL', 'bot-abc123.vercel.app', 'https://bot-abc123.vercel.app'],
    ])('derives PUBLIC_URL from %s on Vercel', (name, value, expected) => {
      const config = loadConfig({
        ...completeProduction,
        NODE_ENV: undefined,
        VERCEL: '1',
        PUBLIC_URL: undefined,
        [name]: value,
      });
      expect(config.production).toBe(true);
      expect(config.publicUrl).toBe(expected);
    });

    it('names malformed and missing variables in one message', () => {
      const error = configError({ ...completeProduction, BOT_TOKEN: 'nope', DATABASE_URL: undefined });
      expect(error.message).toMatch(/BOT_TOKEN: must look like/);
      expect(missingInProduction(error)).toEqual(['DATABASE_URL']);
    });
  });

  describe('malformed values', () => {
    it.each([
      ['BOT_TOKEN', 'not-a-token', /@BotFather/],
      ['BOT_TOKEN', '123456:short', /@BotFather/],
      ['TELEGRAM_WEBHOOK_SECRET', 'has spaces and !', /A-Z, a-z, 0-9, _ and -/],
      ['TELEGRAM_WEBHOOK_SECRET', 'x'.repeat(257), /1–256 characters/],
      ['ADMIN_TELEGRAM_IDS', '12,abc', /comma-separated numeric ids/],
      ['ADMIN_TELEGRAM_IDS', '12;13', /comma-separated numeric ids/],
      ['TIMEZONE', 'Mars/Olympus_Mons', /IANA time zone/],
      ['CURRENCY', 'euro', /ISO 4217/],
      ['CURRENCY', 'EU', /ISO 4217/],
      ['DATABASE_URL', 'mysql://u:p@db/app', /postgres:\/\//],
      ['REDIS_URL', 'http://127.0.0.1:6379', /redis:\/\//],
      ['UPSTASH_REDIS_REST_URL', 'not a url', /./],
      ['PUBLIC_URL', 'bot.example.com', /./],
      ['TELEGRAM_API_ROOT', 'localhost:8081', /./],
      ['CRON_SECRET', 'short', /at least 16/],
      ['RATE_LIMIT_MAX_REQUESTS', 'many', /./],
      ['RATE_LIMIT_MAX_REQUESTS', '0', /./],
      ['RATE_LIMIT_WINDOW_SECONDS', '1.5', /./],
      ['PORT', '70000', /./],
      ['LOG_LEVEL', 'verbose', /./],
      ['NODE_ENV', 'prod', /./],
    ])('names %s when it is %j', (name, value, hint) => {
      const error = configError({ [name]: value });
      const problem = error.problems.find((p) => p.startsWith(`${name}:`));
      expect(problem, error.message).toBeDefined();
      expect(problem).toMatch(hint);
    });

    it('does not echo a malformed token or secret into the message', () => {
      const token = '99999:leaked-secret-value';
      const secret = 'leaked secret value!';
      const error = configError({ BOT_TOKEN: token, TELEGRAM_WEBHOOK_SECRET: secret });
      expect(error.problems).toHaveLength(2);
      expect(error.message).not.toContain('leaked');
    });

    it.each([
      ['only the URL', { UPSTASH_REDIS_REST_URL: 'https://eu1-example.upstash.io' }],
      ['only the token', { UPSTASH_REDIS_REST_TOKEN: 'token' }],
      ['only the KV_ URL', { KV_REST_API_URL: 'https://eu1-example.upstash.io' }],
      ['only the KV_ token', { KV_REST_API_TOKEN: 'token' }],
    ])('names both halves of the Upstash pair when %s is set', (_label, env) => {
      const error = configError(env);
      expect(error.message).toContain(
        'UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN (or KV_REST_API_URL and KV_REST_API_TOKEN) must be set together',
      );
    });

    it('names the QStash variables when only some are set', () => {
      const error = configError({ QSTASH_TOKEN: 'qstash-token' });
      expect(error.message).toContain(
        'QSTASH_TOKEN, QSTASH_CURRENT_SIGNING_KEY and QSTASH_NEXT_SIGNING_KEY must be set together',
      );
    });

    it('names every malformed variable at once', () => {
      const error = configError({ BOT_TOKEN: 'x', CURRENCY: 'eur', TIMEZONE: 'Nowhere/Land', PORT: '-1' });
      expect(error.problems.map((p) => p.split(':')[0]).sort()).toEqual([
        'BOT_TOKEN',
        'CURRENCY',
        'PORT',
        'TIMEZONE',
      ]);
    });
  });

  describe('production secrets', () => {
    const secrets = ['TELEGRAM_WEBHOOK_SECRET', 'CRON_SECRET'] as const;

    /** The problems about one variable. */
    const about = (error: ConfigError, name: string) =>
      error.problems.filter((p) => p.startsWith(`${name}:`));

    it.each(secrets)('refuses a %s shorter than 32 characters', (name) => {
      const weak = 'Weak_secret-31-characters-long_';
      expect(weak).toHaveLength(31);
      const error = configError({ ...completeProduction, [name]: weak });
      expect(about(error, name)).toEqual([expect.stringMatching(/at least 32 characters in production/)]);
      expect(error.variables).toEqual([name]);
      expect(error.message).not.toContain(weak);
      expect(error.message).not.toContain('Weak_secret');
    });

    it.each(secrets.flatMap((name) => PLACEHOLDER_SECRETS.map((placeholder) => [name, placeholder])))(
      'refuses %s set to the placeholder %j',
      (name, placeholder) => {
        expect(placeholder.length).toBeGreaterThanOrEqual(32);
        const error = configError({ ...completeProduction, [name]: placeholder });
        expect(about(error, name)).toEqual([expect.stringMatching(/placeholder from \.env\.example/)]);
        expect(error.message).not.toContain(placeholder);
      },
    );

    it('refuses every secret .env.example ships with', () => {
      const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
      const values = Object.fromEntries(
        [...example.matchAll(/^([A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!.trim()]),
      );
      for (const name of secrets) {
        expect(values[name], `${name} in .env.example`).toBeTruthy();
        expect(PLACEHOLDER_SECRETS).toContain(values[name]);
        expect(() => loadConfig({ ...completeProduction, [name]: values[name] })).toThrow(/placeholder/);
      }
    });

    it('requires CRON_SECRET in production', () => {
      const error = configError({ ...completeProduction, CRON_SECRET: undefined });
      expect(missingInProduction(error)).toEqual(['CRON_SECRET']);
      expect(error.variables).toEqual(['CRON_SECRET']);
    });

    it('names every weak and missing variable in one error, and no value', () => {
      const env = {
        ...completeProduction,
        TELEGRAM_WEBHOOK_SECRET: 'short-webhook-value',
        CRON_SECRET: undefined,
        BOT_TOKEN: '99999:not-a-valid-token-value!',
      };
      const error = configError(env);
      expect(error.variables.sort()).toEqual(['BOT_TOKEN', 'CRON_SECRET', 'TELEGRAM_WEBHOOK_SECRET']);
      for (const value of [env.TELEGRAM_WEBHOOK_SECRET, env.BOT_TOKEN, 'short-webhook', 'not-a-valid'])
        expect(error.message).not.toContain(value);
    });

    it('keeps the looser local rules outside production', () => {
      const config = loadConfig({
        TELEGRAM_WEBHOOK_SECRET: 'short',
        CRON_SECRET: 'sixteen-chars-ok',
      });
      expect(config.webhookSecret).toBe('short');
      expect(config.cronSecret).toBe('sixteen-chars-ok');
      expect(loadConfig({ CRON_SECRET: PLACEHOLDER_SECRETS[0] }).cronSecret).toBe(PLACEHOLDER_SECRETS[0]);
      expect(loadConfig({}).cronSecret).toBeUndefined();
    });

    it('applies the production rules on Vercel too', () => {
      const error = configError({
        ...completeProduction,
        NODE_ENV: undefined,
        VERCEL: '1',
        CRON_SECRET: 'x'.repeat(20),
      });
      expect(error.variables).toEqual(['CRON_SECRET']);
    });
  });

  describe("Upstash through Vercel's KV_* variables", () => {
    const kv = {
      UPSTASH_REDIS_REST_URL: undefined,
      UPSTASH_REDIS_REST_TOKEN: undefined,
      KV_REST_API_URL: 'https://kv-example.upstash.io',
      KV_REST_API_TOKEN: 'kv-token',
    };

    it('accepts KV_REST_API_URL and KV_REST_API_TOKEN in production', () => {
      expect(loadConfig({ ...completeProduction, ...kv }).redis).toEqual({
        kind: 'upstash',
        url: 'https://kv-example.upstash.io',
        token: 'kv-token',
      });
    });

    it('prefers the UPSTASH_* spelling when both are set', () => {
      const config = loadConfig({
        ...completeProduction,
        ...kv,
        UPSTASH_REDIS_REST_URL: 'https://eu1-example.upstash.io',
        UPSTASH_REDIS_REST_TOKEN: 'upstash-token',
      });
      expect(config.redis).toEqual({
        kind: 'upstash',
        url: 'https://eu1-example.upstash.io',
        token: 'upstash-token',
      });
    });

    it('accepts them locally', () => {
      expect(
        loadConfig({ KV_REST_API_URL: kv.KV_REST_API_URL, KV_REST_API_TOKEN: 'kv-token' }).redis.kind,
      ).toBe('upstash');
    });

    it.each([
      ['KV_REST_API_URL', 'UPSTASH_REDIS_REST_URL'],
      ['KV_REST_API_TOKEN', 'UPSTASH_REDIS_REST_TOKEN'],
    ])('asks for the Upstash variables when %s is missing in production', (alias, name) => {
      const error = configError({ ...completeProduction, ...kv, [alias]: undefined });
      expect(missingInProduction(error)).toEqual([name]);
      expect(error.message).toContain(`${name} (or ${alias}, or REDIS_URL)`);
      expect(error.message).toContain('must be set together');
    });

    it('names a malformed KV_REST_API_URL without its value', () => {
      const error = configError({ KV_REST_API_URL: 'kv.internal.example', KV_REST_API_TOKEN: 't' });
      expect(error.variables).toEqual(['KV_REST_API_URL']);
      expect(error.message).not.toContain('kv.internal.example');
    });
  });

  describe('ConfigError.variables', () => {
    it('lists the names involved, once each, and no value', () => {
      const error = configError({ NODE_ENV: 'production', CURRENCY: 'euro', QSTASH_TOKEN: 'qstash-value' });
      expect(error.variables).toContain('CURRENCY');
      expect(error.variables).toContain('BOT_TOKEN');
      expect(error.variables).toContain('QSTASH_CURRENT_SIGNING_KEY');
      expect(new Set(error.variables).size).toBe(error.variables.length);
      expect(error.variables.every((v) => /^[A-Z][A-Z0-9_]+$/.test(v))).toBe(true);
    });

    it('finds the names in a hand-written problem', () => {
      expect(
        new ConfigError(['DATABASE_URL: not set (the embedded database is only for tests)']).variables,
      ).toEqual(['DATABASE_URL']);
    });
  });

  describe('defaults', () => {
    it('fills every default for an empty local environment', () => {
      const config = loadConfig({});
      expect(config).toMatchObject({
        production: false,
        telegramApiRoot: 'https://api.telegram.org',
        adminIds: [],
        database: { kind: 'pglite', dir: '.data/pglite' },
        redis: { kind: 'memory' },
        timezone: 'UTC',
        currency: 'EUR',
        rateLimit: { maxRequests: 30, windowSeconds: 60 },
        logLevel: 'info',
        port: 3000,
      });
      expect(config.botToken).toBeUndefined();
      expect(config.qstash).toBeUndefined();
      expect(config.publicUrl).toBeUndefined();
    });

    it('treats empty strings as unset', () => {
      const config = loadConfig({
        TIMEZONE: '',
        CURRENCY: ' ',
        PORT: '',
        RATE_LIMIT_MAX_REQUESTS: '',
        BOT_TOKEN: '',
      });
      expect(config.timezone).toBe('UTC');
      expect(config.currency).toBe('EUR');
      expect(config.port).toBe(3000);
      expect(config.rateLimit.maxRequests).toBe(30);
      expect(config.botToken).toBeUndefined();
    });

    it('parses the values it is given', () => {
      const config = loadConfig({
        TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/',
        ADMIN_TELEGRAM_IDS: ' 11, 22 ,33',
        TIMEZONE: 'Europe/Berlin',
        CURRENCY: 'CHF',
        RATE_LIMIT_MAX_REQUESTS: '5',
        RATE_LIMIT_WINDOW_SECONDS: '10',
        PORT: '8080',
        PUBLIC_URL: 'https://bot.example.com/',
      });
      expect(config.telegramApiRoot).toBe('http://127.0.0.1:8081');
      expect(config.adminIds).toEqual([11, 22, 33]);
      expect(config.timezone).toBe('Europe/Berlin');
      expect(config.currency).toBe('CHF');
      expect(config.rateLimit).toEqual({ maxRequests: 5, windowSeconds: 10 });
      expect(config.port).toBe(8080);
      expect(config.publicUrl).toBe('https://bot.example.com');
    });
  });

  describe('requireBotToken', () => {
    it('tells how to get a token from @BotFather when none is set', () => {
      expect(() => requireBotToken(loadConfig({}))).toThrow(ConfigError);
      expect(() => requireBotToken(loadConfig({}))).toThrow(/BOT_TOKEN: missing\. Talk to @BotFather/);
    });

    it('returns the token when set', () => {
      expect(requireBotToken(loadConfig({ BOT_TOKEN: completeProduction.BOT_TOKEN! }))).toBe(
        completeProduction.BOT_TOKEN,
      );
    });
  });

  describe('online payment and refunds (issue 18)', () => {
    const token = '284685063:TEST:fake-provider-token-for-tests';
    const key = 'sk_test_fakeSecretKeyForTests000000000000';

    it('turns refunds on with STRIPE_SECRET_KEY alone: online payment switched off, refunds still sent', () => {
      const config = loadConfig({ STRIPE_SECRET_KEY: key, STRIPE_API_URL: 'http://127.0.0.1:12111' });
      expect(config.payments).toBeUndefined();
      expect(config.refunds).toEqual({
        stripeSecretKey: key,
        stripeApi: { host: '127.0.0.1', port: 12111, protocol: 'http' },
      });
    });

    it('turns both on with the token and the key, sharing the key', () => {
      const config = loadConfig({ PAYMENT_PROVIDER_TOKEN: token, STRIPE_SECRET_KEY: key });
      expect(config.payments).toEqual({ providerToken: token, stripeSecretKey: key });
      expect(config.refunds).toEqual({ stripeSecretKey: key });
    });

    it('leaves both off with neither, and still refuses the token without the key', () => {
      const config = loadConfig({});
      expect(config.payments).toBeUndefined();
      expect(config.refunds).toBeUndefined();
      expect(() => loadConfig({ PAYMENT_PROVIDER_TOKEN: token })).toThrow(
        /PAYMENT_PROVIDER_TOKEN needs STRIPE_SECRET_KEY/,
      );
    });
  });
});
