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
const secretKeys = /token|secret|password|phone|authorization|text|caption/i;

function redact(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (secretKeys.test(key)) out[key] = '[redacted]';
    else if (value instanceof Error)
      out[key] = { name: value.name, message: value.message, stack: value.stack };
    else out[key] = value;
  }
  return out;
}

export function createLogger(
  level: LogLevel,
  base: LogFields = {},
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  const emit = (at: Exclude<LogLevel, 'silent'>, event: string, fields: LogFields = {}) => {
    if (order[at] < order[level]) return;
    // Every error line also counts toward the `errors` metric, so one log query charts the error rate.
    const metric = at === 'error' ? { metric: 'errors' } : {};
    write(
      JSON.stringify({
        time: new Date().toISOString(),
        level: at,
        event,
        ...metric,
        ...redact({ ...base, ...fields }),
      }),
    );
  };
  return {
    debug: (event, fields) => emit('debug', event, fields),
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
    child: (fields) => createLogger(level, { ...base, ...fields }, write),
  };
}
