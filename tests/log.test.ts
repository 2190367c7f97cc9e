import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { createLogger, safeMessage } from '../lib/log.js';

const PHONE = '+49 30 1234567';
const ADDRESS = 'Bakery Lane 1, Berlin';

/** What pg, PGlite and Neon throw: a message and a detail that quote the row, structural fields beside. */
function postgresError() {
  return Object.assign(new Error(`cannot register ${PHONE} at ${ADDRESS}`), {
    name: 'error',
    severity: 'ERROR',
    code: '23514',
    detail: `Failing row contains (7, 2001, Olga, ${ADDRESS}, ${PHONE}).`,
    where: `PL/pgSQL function check_venue() line 1 at RAISE ${PHONE}`,
    table: 'venues',
    constraint: 'venues_phone_check',
    routine: 'exec_stmt_raise',
    params: [ADDRESS, PHONE],
  });
}
const insertSql = 'insert into venues (owner_id, address, phone) values ($1, $2, $3)';
const failedInsert = () => new DrizzleQueryError(insertSql, [2001, ADDRESS, PHONE], postgresError());

describe('logger', () => {
  const capture = (level: Parameters<typeof createLogger>[0] = 'debug') => {
    const lines: Array<Record<string, unknown>> = [];
    return { lines, log: createLogger(level, { app: 'test' }, (line) => lines.push(JSON.parse(line))) };
  };
  const errorOf = (line: Record<string, unknown> | undefined) => line?.error as Record<string, unknown>;

  it('writes one JSON line per event with its fields and the base fields', () => {
    const { lines, log } = capture();
    log.child({ update_id: 42 }).info('update_handled', { ms: 12 });
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', event: 'update_handled', app: 'test', update_id: 42, ms: 12 }),
    ]);
  });

  it('never writes tokens, secrets, phone numbers or message texts', () => {
    const { lines, log } = capture();
    log.info('x', {
      token: '123:abc',
      webhook_secret: 's',
      phone: '+4930',
      text: 'hi',
      caption: 'c',
      authorization: 'Bearer z',
    });
    const line = JSON.stringify(lines[0]);
    for (const leaked of ['123:abc', '"s"', '+4930', '"hi"', 'Bearer z']) expect(line).not.toContain(leaked);
  });

  it('redacts personal keys at any depth, in objects and arrays', () => {
    const { lines, log } = capture();
    log.info('x', {
      draft: { name: 'Olga’s', address: ADDRESS, owner: { phoneNumber: PHONE, first_name: 'Olga' } },
      items: [{ caption: 'secret cake' }, { 'x-bot-api-token': '123:abc' }],
    });
    const line = JSON.stringify(lines[0]);
    for (const leaked of [ADDRESS, PHONE, '"Olga"', 'secret cake', '123:abc'])
      expect(line).not.toContain(leaked);
    expect(lines[0]).toMatchObject({ draft: { name: 'Olga’s', address: '[redacted]' } });
  });

  it('keeps keys that only contain a personal word inside another (context, textile_id)', () => {
    const { lines, log } = capture();
    log.info('x', { context: 'wizard', textile_id: 3 });
    expect(lines[0]).toMatchObject({ context: 'wizard', textile_id: 3 });
  });

  it('logs a failed Drizzle query by name, SQL text, Postgres code, table and constraint', () => {
    const { lines, log } = capture();
    log.error('handler_failed', { error: failedInsert() });
    expect(errorOf(lines[0])).toMatchObject({
      name: 'DrizzleQueryError',
      query: insertSql,
      cause: {
        name: 'error',
        severity: 'ERROR',
        code: '23514',
        table: 'venues',
        constraint: 'venues_phone_check',
      },
    });
  });

  it('never writes the message, detail, context or params of a database error', () => {
    const { lines, log } = capture();
    log.error('handler_failed', { error: failedInsert() });
    const line = JSON.stringify(lines[0]);
    expect(line).not.toContain('1234567');
    expect(line).not.toContain('Bakery Lane');
    expect(line).not.toMatch(/"(message|detail|where|params|routine)"/);
  });

  it('drops the message of a wrapper whose cause chain holds a database error', () => {
    const { lines, log } = capture();
    log.error('x', { error: new Error(`registration of ${PHONE} failed`, { cause: failedInsert() }) });
    expect(errorOf(lines[0])).not.toHaveProperty('message');
    expect(JSON.stringify(lines[0])).not.toContain('1234567');
  });

  it('keeps only the stack frames, not the line that repeats the message', () => {
    const { lines, log } = capture();
    log.error('x', { error: failedInsert() });
    const stack = String(errorOf(lines[0]).stack);
    expect(stack).toMatch(/^at /);
    expect(stack.split('\n').every((frame) => frame.startsWith('at '))).toBe(true);
  });

  it('keeps the name, code and safe message of an unknown error and of its causes', () => {
    const { lines, log } = capture();
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    log.error('x', { error: new TypeError('fetch failed', { cause }) });
    expect(errorOf(lines[0])).toMatchObject({
      name: 'TypeError',
      message: 'fetch failed',
      cause: { name: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' },
    });
  });

  it('follows a cause chain only to a bounded depth, even a circular one', () => {
    const { lines, log } = capture();
    const error = new Error('loop') as Error & { cause?: unknown };
    error.cause = error;
    log.error('x', { error });
    expect(JSON.stringify(lines[0])).toContain('deeper causes omitted');
  });

  it('writes a bigint as a string and a circular object up to a bounded depth', () => {
    const { lines, log } = capture();
    const loop: Record<string, unknown> = { id: 1n };
    loop.self = loop;
    log.info('x', { loop });
    expect(lines[0]).toMatchObject({ loop: { id: '1' } });
    expect(JSON.stringify(lines[0])).toContain('too deep');
  });

  it('cleans an error flattened into a string under an error key', () => {
    const { lines, log } = capture();
    log.error('x', { error: String(failedInsert()) });
    expect(lines[0]?.error).toBe(`Error: Failed query: ${insertSql}`);
  });

  it.each([
    [
      'a Drizzle message',
      `Failed query: ${insertSql}\nparams: 2001,${ADDRESS},${PHONE}`,
      `Failed query: ${insertSql}`,
    ],
    [
      'an Upstash message',
      `ERR wrong type, command was: ["set","session:1","{\\"address\\":\\"${ADDRESS}\\"}"]`,
      'ERR wrong type',
    ],
    ['a phone number', `no chat for ${PHONE}`, 'no chat for [number]'],
    ['an e-mail address', 'bounced: olga@bakery.example', 'bounced: [email]'],
    ['a second line', 'first\nsecond with data', 'first'],
    ['an address and port', 'connect ECONNREFUSED 10.0.0.12:6379', 'connect ECONNREFUSED 10.0.0.12:6379'],
  ])('a safe message of %s is %j', (_label, message, safe) => {
    expect(safeMessage(message)).toBe(safe);
  });

  it('counts every error line toward the errors metric', () => {
    const { lines, log } = capture();
    log.error('update_failed');
    log.warn('something');
    expect(lines.map((l) => l.metric)).toEqual(['errors', undefined]);
  });

  it('drops lines below the level', () => {
    const { lines, log } = capture('warn');
    log.info('quiet');
    log.debug('quieter');
    log.warn('loud');
    expect(lines.map((l) => l.event)).toEqual(['loud']);
  });
});
