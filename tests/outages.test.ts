import { createServer, type Server, type Socket } from 'node:net';
import { NeonDbError } from '@neondatabase/serverless';
import { errors as upstash } from '@upstash/redis';
import { sql } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AppError,
  isOutage,
  OutageError,
  SessionUnavailableError,
  TelegramUnreachableError,
} from '../lib/errors.js';
import { createDatabase } from '../lib/infra/db.js';
import { createServerBackend } from '../lib/infra/redis-server-backend.js';
import { connectionRefused, replyLost } from './support/faulty-stores.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const pgError = (code: string) => Object.assign(new pg.DatabaseError('server said no', 0, 'error'), { code });
const neonNetworkFailure = () => {
  const error = new NeonDbError('Error connecting to database: TypeError: fetch failed');
  error.sourceError = new TypeError('fetch failed', { cause: withCode('ECONNREFUSED') });
  return error;
};

/** A TCP server that takes connections and can drop them all: a store that goes away mid-conversation. */
async function droppingServer(answer?: (data: Buffer, socket: Socket) => void) {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    if (answer) socket.on('data', (data) => answer(data, socket));
    else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('isOutage', () => {
  it.each([
    ['a refused connection (node-postgres, ioredis)', connectionRefused(5432)],
    ['a lost reply (undici: fetch failed, caused by ECONNRESET)', replyLost()],
    [
      'a connect timeout of fetch',
      new TypeError('fetch failed', { cause: withCode('UND_ERR_CONNECT_TIMEOUT') }),
    ],
    ['a network failure of Neon’s HTTP driver (the cause is its sourceError)', neonNetworkFailure()],
    ['a server shutting down (SQLSTATE 57P01)', pgError('57P01')],
    ['too many connections (SQLSTATE 53300)', pgError('53300')],
    [
      'a connect to several addresses that all refused (AggregateError)',
      new AggregateError([withCode('ECONNREFUSED')]),
    ],
    [
      'an outage under Drizzle’s query error',
      new DrizzleQueryError('select 1', [], new OutageError('database', null)),
    ],
    [
      'ioredis giving up on a command',
      Object.assign(new Error('Reached the max retries'), { name: 'MaxRetriesPerRequestError' }),
    ],
    ['a session that could not be read', new SessionUnavailableError(connectionRefused(6379))],
  ])('recognises %s', (_label, error) => {
    expect(isOutage(error)).toBe(true);
  });

  it.each([
    ['a refusal', new AppError({ code: 'offer.not_found' })],
    ['a statement the server refused (unique violation)', pgError('23505')],
    [
      'a Redis error reply through Upstash',
      new upstash.UpstashError('Command failed: WRONGTYPE Operation against a key'),
    ],
    [
      'Telegram unreachable, whatever the network said',
      new TelegramUnreachableError('sendMessage', replyLost()),
    ],
    // The words alone decide nothing: these are outages only once an adapter has said so.
    ['a message that says "fetch failed", with no code', new Error('fetch failed')],
    ['a message that says "Connection is closed.", with no class', new Error('Connection is closed.')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ])('does not take %s for an outage', (_label, error) => {
    expect(isOutage(error)).toBe(false);
  });
});

describe('store adapters', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('marks a Postgres server that drops the connection (no code, only words) as a database outage', async () => {
    const server = await droppingServer();
    cleanups.push(server.stop);
    const database = await createDatabase({ kind: 'pg', url: `postgres://app@127.0.0.1:${server.port}/app` });
    cleanups.push(database.close);
    const error = await database.db.execute(sql`select 1`).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isOutage(error)).toBe(true);
    expect((error as Error).cause).toBeInstanceOf(OutageError);
  });

  it('marks a Redis server that goes away as a Redis outage, while Redis’s own error replies stay replies', async () => {
    // Just enough of RESP for ioredis: INFO (its ready check) gets an empty answer, anything else an error reply.
    const server = await droppingServer((data, socket) => {
      const lines = data.toString().split('\r\n');
      lines.forEach((line, i) => {
        if (!line.startsWith('*')) return;
        socket.write(lines[i + 2]?.toUpperCase() === 'INFO' ? '$0\r\n\r\n' : '-WRONGTYPE not here\r\n');
      });
    });
    let stopped = false;
    cleanups.push(async () => stopped || server.stop());
    const backend = await createServerBackend(`redis://127.0.0.1:${server.port}`);
    cleanups.push(backend.close);
    expect(await backend.run([['GET', 'x']], false)).toEqual([{ error: 'WRONGTYPE not here' }]);
    await server.stop();
    stopped = true;
    const error = await backend.run([['GET', 'x']], false).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OutageError);
    expect(error).toMatchObject({ service: 'redis' });
  });
});
