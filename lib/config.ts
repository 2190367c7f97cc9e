import { z } from 'zod';

/**
 * The only reader of `process.env`. Every other module receives a parsed `Config`.
 * A bad environment fails at start with one message naming every bad variable.
 */

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const intWithDefault = (fallback: number, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number().int().min(min).max(max).default(fallback),
  );

/** z.url() alone accepts any scheme (`localhost:8081` parses as scheme "localhost"). */
const httpUrl = () => z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

const isValidTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const envSchema = z.object({
  NODE_ENV: optional(z.enum(['development', 'production', 'test'])),
  VERCEL: optional(z.string()),
  VERCEL_ENV: optional(z.string()),
  VERCEL_PROJECT_PRODUCTION_URL: optional(z.string()),
  VERCEL_URL: optional(z.string()),

  BOT_TOKEN: optional(
    z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'must look like 123456:ABC… from @BotFather'),
  ),
  BOT_USERNAME: optional(z.string().regex(/^[A-Za-z0-9_]{3,64}$/)),
  TELEGRAM_API_ROOT: optional(httpUrl()).transform((v) =>
    (v ?? 'https://api.telegram.org').replace(/\/+$/, ''),
  ),
  TELEGRAM_WEBHOOK_SECRET: optional(
    z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1–256 characters of A-Z, a-z, 0-9, _ and -'),
  ),
  ADMIN_TELEGRAM_IDS: optional(
    z.string().regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'must be comma-separated numeric ids'),
  ).transform((v) => (v ? v.split(',').map((id) => Number(id.trim())) : [])),

  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')),
  PGLITE_DIR: optional(z.string()),
  UPSTASH_REDIS_REST_URL: optional(httpUrl()),
  UPSTASH_REDIS_REST_TOKEN: optional(z.string()),
  REDIS_URL: optional(z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL')),

  QSTASH_TOKEN: optional(z.string()),
  QSTASH_URL: optional(httpUrl()),
  QSTASH_CURRENT_SIGNING_KEY: optional(z.string()),
  QSTASH_NEXT_SIGNING_KEY: optional(z.string()),

  PUBLIC_URL: optional(httpUrl()),
  CRON_SECRET: optional(z.string().min(16, 'must be at least 16 characters')),
  TIMEZONE: optional(
    z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Berlin'),
  ).transform((v) => v ?? 'UTC'),
  CURRENCY: optional(z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')).transform(
    (v) => v ?? 'EUR',
  ),
  RATE_LIMIT_MAX_REQUESTS: intWithDefault(30, 1, 10_000),
  RATE_LIMIT_WINDOW_SECONDS: intWithDefault(60, 1, 86_400),
  LOG_LEVEL: optional(z.enum(['debug', 'info', 'warn', 'error', 'silent'])).transform((v) => v ?? 'info'),
  PORT: intWithDefault(3000, 0, 65_535),
  BOT_MODE: optional(z.enum(['polling', 'webhook'])),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  production: boolean;
  botToken?: string;
  botUsername?: string;
  telegramApiRoot: string;
  webhookSecret?: string;
  adminIds: number[];
  database: { kind: 'neon' | 'pg'; url: string } | { kind: 'pglite'; dir?: string };
  redis:
    | { kind: 'upstash'; url: string; token: string }
    | { kind: 'redis'; url: string }
    | { kind: 'memory' };
  qstash?: { token: string; url?: string; currentSigningKey: string; nextSigningKey: string };
  publicUrl?: string;
  cronSecret?: string;
  timezone: string;
  currency: string;
  rateLimit: { maxRequests: number; windowSeconds: number };
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  port: number;
  botMode?: 'polling' | 'webhook';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Configuration problem${problems.length > 1 ? 's' : ''}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/** Neon hosts get the Neon serverless driver; any other Postgres host gets `pg`. */
export const isNeonUrl = (url: string) => {
  try {
    return /(^|\.)neon\.(tech|build)$/.test(new URL(url).hostname);
  } catch {
    return false;
  }
};

/** Pairs that only work together, and what production cannot run without; judged on presence alone. */
function presenceProblems(has: (name: keyof Env) => boolean, production: boolean): string[] {
  const problems: string[] = [];
  if (has('UPSTASH_REDIS_REST_URL') !== has('UPSTASH_REDIS_REST_TOKEN')) {
    problems.push('UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN must be set together');
  }
  const qstash = (['QSTASH_TOKEN', 'QSTASH_CURRENT_SIGNING_KEY', 'QSTASH_NEXT_SIGNING_KEY'] as const).map(
    has,
  );
  if (qstash.some(Boolean) && !qstash.every(Boolean)) {
    problems.push(
      'QSTASH_TOKEN, QSTASH_CURRENT_SIGNING_KEY and QSTASH_NEXT_SIGNING_KEY must be set together',
    );
  }
  if (production) {
    const missing: string[] = [];
    if (!has('BOT_TOKEN')) missing.push('BOT_TOKEN');
    if (!has('TELEGRAM_WEBHOOK_SECRET')) missing.push('TELEGRAM_WEBHOOK_SECRET');
    if (!has('DATABASE_URL')) missing.push('DATABASE_URL');
    if (!has('UPSTASH_REDIS_REST_URL') && !has('REDIS_URL'))
      missing.push('UPSTASH_REDIS_REST_URL (or REDIS_URL)');
    if (!has('UPSTASH_REDIS_REST_TOKEN') && !has('REDIS_URL'))
      missing.push('UPSTASH_REDIS_REST_TOKEN (or REDIS_URL)');
    if (!has('QSTASH_TOKEN')) missing.push('QSTASH_TOKEN');
    if (!has('QSTASH_CURRENT_SIGNING_KEY')) missing.push('QSTASH_CURRENT_SIGNING_KEY');
    if (!has('QSTASH_NEXT_SIGNING_KEY')) missing.push('QSTASH_NEXT_SIGNING_KEY');
    if (!has('PUBLIC_URL') && !has('VERCEL_PROJECT_PRODUCTION_URL') && !has('VERCEL_URL'))
      missing.push('PUBLIC_URL');
    if (missing.length > 0) {
      problems.push(
        `production refuses the embedded stand-ins; set ${missing.join(', ')} (see .env.example and README "Deploy")`,
      );
    }
  }
  return problems;
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(source);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`);
  // Presence is judged on the raw values, so one message names the malformed and the missing variables.
  const has = (name: keyof Env) => (source[name]?.trim() ?? '') !== '';
  problems.push(...presenceProblems(has, source.NODE_ENV === 'production' || has('VERCEL')));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);

  const env = parsed.data;
  const production = env.NODE_ENV === 'production' || Boolean(env.VERCEL);
  const vercelHost = env.VERCEL_PROJECT_PRODUCTION_URL ?? env.VERCEL_URL;
  const publicUrl = (env.PUBLIC_URL ?? (vercelHost ? `https://${vercelHost}` : undefined))?.replace(
    /\/+$/,
    '',
  );

  return {
    production,
    botToken: env.BOT_TOKEN,
    botUsername: env.BOT_USERNAME,
    telegramApiRoot: env.TELEGRAM_API_ROOT,
    webhookSecret: env.TELEGRAM_WEBHOOK_SECRET,
    adminIds: env.ADMIN_TELEGRAM_IDS,
    database: env.DATABASE_URL
      ? { kind: isNeonUrl(env.DATABASE_URL) ? 'neon' : 'pg', url: env.DATABASE_URL }
      : { kind: 'pglite', dir: env.PGLITE_DIR ?? '.data/pglite' },
    redis:
      env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN
        ? { kind: 'upstash', url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN }
        : env.REDIS_URL
          ? { kind: 'redis', url: env.REDIS_URL }
          : { kind: 'memory' },
    qstash:
      env.QSTASH_TOKEN && env.QSTASH_CURRENT_SIGNING_KEY && env.QSTASH_NEXT_SIGNING_KEY
        ? {
            token: env.QSTASH_TOKEN,
            url: env.QSTASH_URL,
            currentSigningKey: env.QSTASH_CURRENT_SIGNING_KEY,
            nextSigningKey: env.QSTASH_NEXT_SIGNING_KEY,
          }
        : undefined,
    publicUrl,
    cronSecret: env.CRON_SECRET,
    timezone: env.TIMEZONE,
    currency: env.CURRENCY,
    rateLimit: { maxRequests: env.RATE_LIMIT_MAX_REQUESTS, windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS },
    logLevel: env.LOG_LEVEL,
    port: env.PORT,
    botMode: env.BOT_MODE,
  };
}

/** The bot needs a token to run; this is the message that says how to get one. */
export function requireBotToken(config: Config): string {
  if (!config.botToken) {
    throw new ConfigError([
      'BOT_TOKEN: missing. Talk to @BotFather in Telegram, send /newbot, and put the token it gives you in .env (see .env.example).',
    ]);
  }
  return config.botToken;
}
