import { Redis as IORedis, ReplyError } from 'ioredis';
import { OutageError } from '../errors.js';
import type { CommandBackend, RedisCommand } from './redis.js';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Redis's own answers to a command (WRONGTYPE, NOSCRIPT, EXECABORT …) are ReplyErrors and go back to the
 * client as the command's error. Anything else ioredis reports ("Connection is closed.",
 * MaxRetriesPerRequestError, a socket error) means the server wasn't reached: OutageError('redis').
 */
const unreachable = (error: unknown) => !(error instanceof ReplyError);

/** A plain Redis server (`REDIS_URL`) behind the Upstash protocol: one pipeline per request. */
export async function createServerBackend(url: string): Promise<CommandBackend> {
  const client = new IORedis(url, {
    lazyConnect: true,
    connectTimeout: 3_000,
    // Fail fast instead of queueing forever: the webhook answers 503 and Telegram retries later.
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
  });
  client.on('error', () => {}); // surfaced per command; avoid an unhandled 'error' event
  await client.connect();
  return {
    async run(commands: RedisCommand[], atomic: boolean) {
      const batch = atomic ? client.multi() : client.pipeline();
      // Upper case: ioredis reshapes some replies by lower-case name (HGETALL into an object); the
      // Upstash client expects the raw reply Redis sent, as Upstash returns it.
      for (const [name, ...args] of commands) batch.call(String(name).toUpperCase(), ...args.map(String));
      const replies = await batch.exec().catch((error: unknown) => {
        throw unreachable(error) ? new OutageError('redis', error) : error;
      });
      const lost = (replies ?? []).find(([error]) => error && unreachable(error));
      if (lost) throw new OutageError('redis', lost[0]);
      return (replies ?? []).map(([error, result]) => (error ? { error: errorText(error) } : { result }));
    },
    close: async () => {
      client.disconnect();
    },
  };
}
