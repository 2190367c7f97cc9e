/**
 * One JSON line per event. Callers pass ids and counts, never message texts, phone numbers or tokens;
 * `redact` is the last line of defence for fields that should never appear.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** Matched against each part of a key (`webhook_secret`, `phoneNumber`, `x-api-token` → its words). */
const personalWords = new Set(
  'token secret password passwd authorization cookie phone text caption address email contact params location latitude longitude'.split(
    ' ',
  ),
);
const personalKeys = new Set(['first_name', 'last_name', 'username', 'api_key', 'apikey']);
const MAX_DEPTH = 6;
const MAX_CAUSES = 5;
const MAX_FRAMES = 12;

const wordsOf = (key: string) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
/** Keys are a small, fixed vocabulary (field names in code), so each is judged once per process. */
const judgedKeys = new Map<string, boolean>();
const isPersonalKey = (key: string) => {
  let personal = judgedKeys.get(key);
  if (personal === undefined) {
    const words = wordsOf(key);
    personal = personalKeys.has(words.join('_')) || words.some((word) => personalWords.has(word));
    if (judgedKeys.size < 1_000) judgedKeys.set(key, personal);
  }
  return personal;
};
const isErrorKey = (key: string) => wordsOf(key).includes('error');

/**
 * What is left of a message from an error we don't know. Drivers and clients append the data they were
 * given (Drizzle: "params: …", Upstash: ", command was: […]" with the session JSON), usually after the
 * first line; what remains may still quote a value, so phone-like digit runs and e-mail addresses are
 * masked and the length is capped. Database errors never get here: their messages are dropped whole.
 */
export function safeMessage(message: string): string {
  return (message.split('\n')[0] ?? '')
    .replace(/\s*(?:\bparams:|,?\s*command was:)[\s\S]*$/i, '')
    .replace(/\+?\d[\d\s()\-/]{5,}\d/g, (run) => (run.replace(/\D/g, '').length >= 7 ? '[number]' : run))
    .replace(/[^\s@"'<>]+@[^\s@"'<>]+\.[a-z]{2,}/gi, '[email]')
    .slice(0, 200);
}

type ErrorLike = Error & Record<string, unknown>;
const isError = (value: unknown): value is ErrorLike => value instanceof Error;
/** Postgres errors (pg, PGlite, Neon) carry `severity`; Drizzle wraps them with the SQL and its params. */
const isDatabaseError = (e: ErrorLike) =>
  typeof e.severity === 'string' || (typeof e.query === 'string' && 'params' in e);

function chainHasDatabaseError(error: unknown): boolean {
  for (let e = error, depth = 0; isError(e) && depth < MAX_CAUSES; e = e.cause, depth++) {
    if (isDatabaseError(e)) return true;
  }
  return false;
}

/** Only the frames: V8's first line repeats the message, which is exactly what must not be logged. */
const framesOf = (stack: unknown) =>
  typeof stack === 'string'
    ? stack
        .split('\n')
        .filter((line) => /^\s+at \S/.test(line))
        .slice(0, MAX_FRAMES)
        .map((line) => line.trim())
        .join('\n')
    : undefined;

const databaseFields = ['severity', 'code', 'schema', 'table', 'column', 'dataType', 'constraint'] as const;

/**
 * Name, code, Postgres's structural fields, the SQL text (placeholders, never params), frames and the
 * cause chain. Never `detail`, `where` or `params` (they quote rows), and no message when the chain holds
 * a database error (a constraint or RAISE message can quote the row, too).
 */
function describeError(error: ErrorLike, depth: number, database: boolean): LogFields {
  const ctorName = error.constructor?.name;
  const out: LogFields = {
    name: error.name === 'Error' && ctorName && ctorName !== 'Error' ? ctorName : error.name,
  };
  if (typeof error.code === 'string' || typeof error.code === 'number') out.code = error.code;
  if (isDatabaseError(error)) {
    for (const field of databaseFields) if (typeof error[field] === 'string') out[field] = error[field];
    if (typeof error.query === 'string') out.query = error.query.replace(/\s+/g, ' ').trim().slice(0, 2000);
  }
  const on = error.on as { method?: unknown } | undefined;
  if (typeof on?.method === 'string') out.method = on.method;
  if (!database) out.message = safeMessage(String(error.message));
  const frames = framesOf(error.stack);
  if (frames) out.stack = frames;
  if (error.cause !== undefined) out.cause = describeCause(error.cause, depth + 1, database);
  if (error instanceof AggregateError && Array.isArray(error.errors)) {
    out.errors = error.errors.slice(0, 3).map((inner) => describeCause(inner, depth + 1, database));
  }
  return out;
}

function describeCause(cause: unknown, depth: number, database: boolean): unknown {
  if (depth >= MAX_CAUSES) return '[deeper causes omitted]';
  if (isError(cause)) return describeError(cause, depth, database);
  if (typeof cause === 'string') return database ? '[message omitted]' : safeMessage(cause);
  return redactValue(cause, depth);
}

function redactValue(value: unknown, depth: number): unknown {
  if (isError(value)) return describeError(value, 0, chainHasDatabaseError(value));
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  return redact(value as LogFields, depth + 1);
}

function redact(fields: LogFields, depth = 0): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (isPersonalKey(key)) out[key] = '[redacted]';
    // `error: String(error)` flattens a driver's message into a string; it gets the same treatment.
    else if (typeof value === 'string' && isErrorKey(key)) out[key] = safeMessage(value);
    else out[key] = redactValue(value, depth);
  }
  return out;
}

/**
 * Methods on a prototype, so a child logger (one or two per update: the webhook's and the bot's, each with
 * the update id) is one small object, not six closures.
 */
class JsonLogger implements Logger {
  constructor(
    private readonly level: LogLevel,
    private readonly base: LogFields,
    private readonly write: (line: string) => void,
  ) {}

  private emit(at: Exclude<LogLevel, 'silent'>, event: string, fields: LogFields = {}) {
    if (order[at] < order[this.level]) return;
    // Every error line also counts toward the `errors` metric, so one log query charts the error rate.
    const metric = at === 'error' ? { metric: 'errors' } : {};
    this.write(
      JSON.stringify({
        time: new Date().toISOString(),
        level: at,
        event,
        ...metric,
        ...redact({ ...this.base, ...fields }),
      }),
    );
  }

  debug(event: string, fields?: LogFields) {
    this.emit('debug', event, fields);
  }
  info(event: string, fields?: LogFields) {
    this.emit('info', event, fields);
  }
  warn(event: string, fields?: LogFields) {
    this.emit('warn', event, fields);
  }
  error(event: string, fields?: LogFields) {
    this.emit('error', event, fields);
  }
  child(fields: LogFields): Logger {
    return new JsonLogger(this.level, { ...this.base, ...fields }, this.write);
  }
}

export function createLogger(
  level: LogLevel,
  base: LogFields = {},
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  return new JsonLogger(level, base, write);
}
