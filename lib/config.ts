import * as z from 'zod/mini';
import { LANGUAGES, type Language } from './bot/texts/language.js';

/**
 * The only reader of `process.env`. Every other module receives a parsed `Config`.
 * A bad environment fails at start with one message naming every bad variable.
 * zod/mini, not zod: the schema is the same, and a bundle keeps only the checks it uses (14 KB instead of
 * zod's 450 KB, ~20 ms of a cold start), once nothing else on the start path imports classic zod.
 */

/** An empty or blank variable counts as unset. */
const blankAsUnset = z.transform((v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v));

const optional = <T extends z.core.SomeType>(schema: T) => z.pipe(blankAsUnset, z.optional(schema));

/** An optional variable with a fallback: the parsed value, or `fallback` when unset. */
const withFallback = <T extends z.core.SomeType>(schema: T, fallback: z.output<T>) =>
  z.pipe(
    optional(schema),
    z.transform((v: z.output<T> | undefined) => v ?? fallback),
  );

const intWithDefault = (fallback: number, min: number, max: number) =>
  z.pipe(
    blankAsUnset,
    z._default(z.coerce.number().check(z.int(), z.minimum(min), z.maximum(max)), fallback),
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

/**
 * The placeholders `.env.example` ships with (and earlier versions shipped with). Production refuses them by
 * exact match: a copied template must never become a deployed secret.
 */
export const PLACEHOLDER_SECRETS: readonly string[] = [
  'replace-with-a-long-random-string',
  'REPLACE_ME-run-openssl-rand-hex-32',
];

/** Production secrets are at least this long (`openssl rand -hex 32` gives 64). */
const PRODUCTION_SECRET_MIN = 32;

/** A bearer or header secret; production asks for length and refuses the template's placeholders. */
const secret = (production: boolean, base: z.ZodMiniString<string>, localMin: number) =>
  production
    ? base.check(
        z.minLength(
          PRODUCTION_SECRET_MIN,
          `must be at least ${PRODUCTION_SECRET_MIN} characters in production (openssl rand -hex 32)`,
        ),
        z.refine(
          (v: string) => !PLACEHOLDER_SECRETS.includes(v.trim()),
          'is the placeholder from .env.example; set a random value (openssl rand -hex 32)',
        ),
      )
    : localMin > 0
      ? base.check(z.minLength(localMin, `must be at least ${localMin} characters`))
      : base;

const flag = () =>
  z.pipe(
    optional(z.enum(['1', '0', 'true', 'false'], { error: 'must be 1 or 0' })),
    z.transform((v: '1' | '0' | 'true' | 'false' | undefined) => v === '1' || v === 'true'),
  );

/** A string matching `pattern`, or `message`. */
const matching = (pattern: RegExp, message?: string) => z.string().check(z.regex(pattern, message));

/** The environment's shape; a few rules are stricter in production. */
const envSchema = (production: boolean) =>
  z.object({
    NODE_ENV: optional(z.enum(['development', 'production', 'test'])),
    VERCEL: optional(z.string()),
    VERCEL_ENV: optional(z.string()),
    VERCEL_PROJECT_PRODUCTION_URL: optional(z.string()),
    VERCEL_URL: optional(z.string()),

    BOT_TOKEN: optional(matching(/^\d+:[A-Za-z0-9_-]{20,}$/, 'must look like 123456:ABC… from @BotFather')),
    BOT_USERNAME: optional(matching(/^[A-Za-z0-9_]{3,64}$/)),
    // Issue 14: the public channel every published offer is posted to (the bot must be an admin there).
    CHANNEL_ID: optional(
      matching(/^(@[A-Za-z][A-Za-z0-9_]{4,31}|-100\d{5,15})$/, 'must be @channelname or -100…'),
    ),
    TELEGRAM_API_ROOT: z.pipe(
      withFallback(httpUrl(), 'https://api.telegram.org'),
      z.transform((v: string) => v.replace(/\/+$/, '')),
    ),
    TELEGRAM_WEBHOOK_SECRET: optional(
      secret(
        production,
        matching(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1–256 characters of A-Z, a-z, 0-9, _ and -'),
        0,
      ),
    ),
    ADMIN_TELEGRAM_IDS: z.pipe(
      optional(matching(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'must be comma-separated numeric ids')),
      z.transform((v: string | undefined) => (v ? v.split(',').map((id) => Number(id.trim())) : [])),
    ),

    DATABASE_URL: optional(matching(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')),
    PGLITE_DIR: optional(z.string()),
    UPSTASH_REDIS_REST_URL: optional(httpUrl()),
    UPSTASH_REDIS_REST_TOKEN: optional(z.string()),
    // What Vercel's Upstash integration sets; the UPSTASH_* spelling wins when both are present.
    KV_REST_API_URL: optional(httpUrl()),
    KV_REST_API_TOKEN: optional(z.string()),
    REDIS_URL: optional(matching(/^rediss?:\/\//, 'must be a redis:// URL')),

    QSTASH_TOKEN: optional(z.string()),
    QSTASH_URL: optional(httpUrl()),
    QSTASH_CURRENT_SIGNING_KEY: optional(z.string()),
    QSTASH_NEXT_SIGNING_KEY: optional(z.string()),

    PUBLIC_URL: optional(httpUrl()),
    CRON_SECRET: optional(secret(production, z.string(), 16)),
    TIMEZONE: withFallback(
      z.string().check(z.refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Berlin')),
      'UTC',
    ),
    CURRENCY: withFallback(matching(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'), 'EUR'),
    // Issue 18: online payment (docs/payments.md). The provider token from @BotFather → Payments → Stripe, and the
    // Stripe secret key that refunds need; STRIPE_API_URL points the Stripe client elsewhere (tests, the sandbox).
    PAYMENT_PROVIDER_TOKEN: optional(
      matching(/^\d+:(TEST|LIVE):[A-Za-z0-9_-]+$/, 'must look like 123456:TEST:… from @BotFather → Payments'),
    ),
    STRIPE_SECRET_KEY: optional(
      matching(/^[sr]k_(test|live)_[A-Za-z0-9]+$/, 'must be a Stripe secret key (sk_test_… or sk_live_…)'),
    ),
    STRIPE_API_URL: optional(httpUrl()),
    // Issue 17: the channel's language, and anyone's whose Telegram language the bot doesn't speak.
    DEFAULT_LANGUAGE: withFallback(
      z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(', ')}` }),
      'en' as Language,
    ),
    RATE_LIMIT_MAX_REQUESTS: intWithDefault(30, 1, 10_000),
    RATE_LIMIT_WINDOW_SECONDS: intWithDefault(60, 1, 86_400),
    LOG_LEVEL: withFallback(z.enum(['debug', 'info', 'warn', 'error', 'silent']), 'info'),
    PORT: intWithDefault(3000, 0, 65_535),
    BOT_MODE: optional(z.enum(['polling', 'webhook'])),
    // `npm run dev` polls even when the token's webhook points at a public URL (which polling deletes).
    BOT_FORCE_POLLING: flag(),
  });

type Env = z.infer<ReturnType<typeof envSchema>>;

/** Every variable this module reads. */
const knownVariables = new Set(Object.keys(envSchema(false).shape));

export interface Config {
  production: boolean;
  botToken?: string;
  botUsername?: string;
  /** Issue 14: where published offers are posted (@name or -100… id); unset, nothing is posted. */
  channelId?: string;
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
  /**
   * Issue 18: online payment through Telegram with Stripe; unset, every venue takes cash at the counter and no
   * invoice is sent. Set only with `refunds` (the token needs the key).
   */
  payments?: { providerToken: string } & StripeRefunds;
  /**
   * Issue 18: refunds through Stripe, whenever STRIPE_SECRET_KEY is set, with or without the provider token:
   * removing the token switches online payment off, and the refunds it still owes must go out
   * (docs/payments.md). `stripeApi` is only ever set outside production (tests and the sandbox).
   */
  refunds?: StripeRefunds;
  /**
   * Issue 17: the language of the public channel and of updates without a person, and the fallback for
   * people whose Telegram language the bot doesn't speak (lib/bot/texts/language.ts).
   */
  defaultLanguage: Language;
  rateLimit: { maxRequests: number; windowSeconds: number };
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  port: number;
  botMode?: 'polling' | 'webhook';
  /** Dev server only: poll even when the token's webhook points at a public URL. */
  forcePolling: boolean;
}

/** What refunds need: the Stripe key, and where Stripe is (tests and the sandbox only). */
export interface StripeRefunds {
  stripeSecretKey: string;
  stripeApi?: { host: string; port: number; protocol: 'http' | 'https' };
}

/**
 * Everything wrong with the environment, in one error. `problems` are sentences for the operator;
 * `variables` are just the names involved (safe for /api/health). Neither ever contains a value.
 */
export class ConfigError extends Error {
  readonly variables: string[];

  constructor(
    readonly problems: string[],
    variables?: string[],
  ) {
    super(
      `Configuration problem${problems.length > 1 ? 's' : ''}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.variables = [...new Set(variables ?? namedVariables(problems))];
  }
}

/** The known variable names a text mentions, in order of appearance. */
function namedVariables(texts: string[]): string[] {
  return texts
    .flatMap((text) => text.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g) ?? [])
    .filter((name) => knownVariables.has(name));
}

/** Neon hosts get the Neon serverless driver; any other Postgres host gets `pg`. */
const isNeonUrl = (url: string) => {
  try {
    return /(^|\.)neon\.(tech|build)$/.test(new URL(url).hostname);
  } catch {
    return false;
  }
};

interface Problem {
  text: string;
  variables: string[];
}

/** Pairs that only work together, and what production cannot run without; judged on presence alone. */
function presenceProblems(has: (name: keyof Env) => boolean, production: boolean): Problem[] {
  const problems: Problem[] = [];
  const upstashUrl = has('UPSTASH_REDIS_REST_URL') || has('KV_REST_API_URL');
  const upstashToken = has('UPSTASH_REDIS_REST_TOKEN') || has('KV_REST_API_TOKEN');
  if (upstashUrl !== upstashToken) {
    problems.push({
      text: 'UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN (or KV_REST_API_URL and KV_REST_API_TOKEN) must be set together',
      variables: [upstashUrl ? 'UPSTASH_REDIS_REST_TOKEN' : 'UPSTASH_REDIS_REST_URL'],
    });
  }
  const qstashNames = ['QSTASH_TOKEN', 'QSTASH_CURRENT_SIGNING_KEY', 'QSTASH_NEXT_SIGNING_KEY'] as const;
  if (qstashNames.some(has) && !qstashNames.every(has)) {
    problems.push({
      text: 'QSTASH_TOKEN, QSTASH_CURRENT_SIGNING_KEY and QSTASH_NEXT_SIGNING_KEY must be set together',
      variables: qstashNames.filter((name) => !has(name)),
    });
  }
  // Issue 18: an online payment must be refundable, so the provider token needs the Stripe key beside it.
  if (has('PAYMENT_PROVIDER_TOKEN') && !has('STRIPE_SECRET_KEY')) {
    problems.push({
      text: 'PAYMENT_PROVIDER_TOKEN needs STRIPE_SECRET_KEY too: refunds go through Stripe (docs/payments.md)',
      variables: ['STRIPE_SECRET_KEY'],
    });
  }
  if (production && has('STRIPE_API_URL')) {
    problems.push({
      text: 'STRIPE_API_URL is for tests and the sandbox only; production talks to Stripe itself',
      variables: ['STRIPE_API_URL'],
    });
  }
  if (production) {
    // [name, how the message asks for it]
    const missing: Array<[string, string]> = [];
    const need = (ok: boolean, name: string, ask = name) => {
      if (!ok) missing.push([name, ask]);
    };
    need(has('BOT_TOKEN'), 'BOT_TOKEN');
    need(has('TELEGRAM_WEBHOOK_SECRET'), 'TELEGRAM_WEBHOOK_SECRET');
    need(has('DATABASE_URL'), 'DATABASE_URL');
    need(
      upstashUrl || has('REDIS_URL'),
      'UPSTASH_REDIS_REST_URL',
      'UPSTASH_REDIS_REST_URL (or KV_REST_API_URL, or REDIS_URL)',
    );
    need(
      upstashToken || has('REDIS_URL'),
      'UPSTASH_REDIS_REST_TOKEN',
      'UPSTASH_REDIS_REST_TOKEN (or KV_REST_API_TOKEN, or REDIS_URL)',
    );
    for (const name of qstashNames) need(has(name), name);
    need(has('PUBLIC_URL') || has('VERCEL_PROJECT_PRODUCTION_URL') || has('VERCEL_URL'), 'PUBLIC_URL');
    need(has('CRON_SECRET'), 'CRON_SECRET');
    if (missing.length > 0) {
      problems.push({
        text: `production refuses the embedded stand-ins; set ${missing.map(([, ask]) => ask).join(', ')} (see .env.example and README "Deploy")`,
        variables: missing.map(([name]) => name),
      });
    }
  }
  return problems;
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // Presence is judged on the raw values, so one message names the malformed and the missing variables.
  const has = (name: keyof Env) => (source[name]?.trim() ?? '') !== '';
  const production = source.NODE_ENV === 'production' || has('VERCEL');
  const parsed = envSchema(production).safeParse(source);
  // Messages are ours (zod's defaults for these types don't quote the input): names and rules, never values.
  const problems: Problem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        return { text: `${name}: ${issue.message}`, variables: issue.path.length > 0 ? [name] : [] };
      });
  problems.push(...presenceProblems(has, production), ...paymentModeProblems(source));
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError(
      problems.map((p) => p.text),
      problems.flatMap((p) => p.variables),
    );
  }

  const env = parsed.data;
  const upstashUrl = env.UPSTASH_REDIS_REST_URL ?? env.KV_REST_API_URL;
  const upstashToken = env.UPSTASH_REDIS_REST_TOKEN ?? env.KV_REST_API_TOKEN;
  const vercelHost = env.VERCEL_PROJECT_PRODUCTION_URL ?? env.VERCEL_URL;
  const publicUrl = (env.PUBLIC_URL ?? (vercelHost ? `https://${vercelHost}` : undefined))?.replace(
    /\/+$/,
    '',
  );

  return {
    production,
    botToken: env.BOT_TOKEN,
    botUsername: env.BOT_USERNAME,
    channelId: env.CHANNEL_ID,
    telegramApiRoot: env.TELEGRAM_API_ROOT,
    webhookSecret: env.TELEGRAM_WEBHOOK_SECRET,
    adminIds: env.ADMIN_TELEGRAM_IDS,
    database: env.DATABASE_URL
      ? { kind: isNeonUrl(env.DATABASE_URL) ? 'neon' : 'pg', url: env.DATABASE_URL }
      : { kind: 'pglite', dir: env.PGLITE_DIR ?? '.data/pglite' },
    redis:
      upstashUrl && upstashToken
        ? { kind: 'upstash', url: upstashUrl, token: upstashToken }
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
    ...paymentsOf(env),
    defaultLanguage: env.DEFAULT_LANGUAGE,
    rateLimit: { maxRequests: env.RATE_LIMIT_MAX_REQUESTS, windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS },
    logLevel: env.LOG_LEVEL,
    port: env.PORT,
    botMode: env.BOT_MODE,
    forcePolling: env.BOT_FORCE_POLLING,
  };
}

/**
 * Issue 18: a TEST provider token charges Stripe's test mode, so its refunds need a test key (and LIVE a live
 * one): a mismatch would take real money that can't be given back, or the other way round.
 */
function paymentModeProblems(source: Record<string, string | undefined>): Problem[] {
  const token = /^\d+:(TEST|LIVE):/.exec(source.PAYMENT_PROVIDER_TOKEN?.trim() ?? '')?.[1];
  const key = /^[sr]k_(test|live)_/.exec(source.STRIPE_SECRET_KEY?.trim() ?? '')?.[1];
  const problems: Problem[] = [];
  if (token && key && token.toLowerCase() !== key) {
    problems.push({
      text: `PAYMENT_PROVIDER_TOKEN is a ${token} token but STRIPE_SECRET_KEY is a ${key} key: use the same Stripe mode for both`,
      variables: ['PAYMENT_PROVIDER_TOKEN', 'STRIPE_SECRET_KEY'],
    });
  }
  // Prices are kept in hundredths whatever the currency, and an invoice's amount is in the currency's own minor
  // unit: for JPY (none) or BHD (thousandths) the card would be charged 100× or a tenth of the price.
  const currency = source.CURRENCY?.trim() || 'EUR';
  if (source.PAYMENT_PROVIDER_TOKEN?.trim() && NOT_IN_CENTS.has(currency)) {
    problems.push({
      text: `online payment needs a currency with cents (two decimals, as Stripe and Telegram count them); ${currency} has none or three: leave PAYMENT_PROVIDER_TOKEN unset`,
      variables: ['PAYMENT_PROVIDER_TOKEN', 'CURRENCY'],
    });
  }
  return problems;
}

/**
 * Currencies whose amounts Stripe (the provider) and Telegram don't count in hundredths: Stripe's zero-decimal
 * currencies and the three-decimal ones (https://docs.stripe.com/currencies#special-cases). A fixed list, not
 * Intl's digits: ICU says 0 for HUF, IDR, COP or PKR, which Stripe and Telegram charge in cents.
 */
const NOT_IN_CENTS = new Set([
  ...['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV'],
  ...['XAF', 'XOF', 'XPF'],
  ...['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'],
]);

/**
 * Issue 18: refunds whenever the Stripe key is set; online payment when the provider token is set too (the
 * token without the key is refused above).
 */
function paymentsOf(env: Env): Pick<Config, 'payments' | 'refunds'> {
  if (!env.STRIPE_SECRET_KEY) return {};
  const api = env.STRIPE_API_URL ? new URL(env.STRIPE_API_URL) : undefined;
  const protocol = api?.protocol === 'http:' ? 'http' : 'https';
  const refunds: StripeRefunds = {
    stripeSecretKey: env.STRIPE_SECRET_KEY,
    ...(api
      ? {
          stripeApi: {
            host: api.hostname,
            port: Number(api.port || (protocol === 'http' ? 80 : 443)),
            protocol,
          },
        }
      : {}),
  };
  return {
    refunds,
    ...(env.PAYMENT_PROVIDER_TOKEN
      ? { payments: { providerToken: env.PAYMENT_PROVIDER_TOKEN, ...refunds } }
      : {}),
  };
}

/** The bot needs a token to run; this is the message that says how to get one. */
export function requireBotToken(config: Config): string {
  if (!config.botToken) {
    throw new ConfigError(
      [
        'BOT_TOKEN: missing. Talk to @BotFather in Telegram, send /newbot, and put the token it gives you in .env (see .env.example).',
      ],
      ['BOT_TOKEN'],
    );
  }
  return config.botToken;
}
