import { Redis as IORedis } from 'ioredis';
import type { CommandBackend, RedisCommand } from './redis.js';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

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
      const replies = (await batch.exec()) ?? [];
      return replies.map(([error, result]) => (error ? { error: errorText(error) } : { result }));
    },
    close: async () => {
      client.disconnect();
    },
  };
}
