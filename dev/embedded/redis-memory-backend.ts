import { createHash } from 'node:crypto';
import type { CommandBackend, RedisCommand } from '../../lib/infra/redis.js';

type MockClient = Record<string, (...args: string[]) => Promise<unknown>>;

/** ioredis-mock matches option words (NX, PX, ...) case-sensitively; clients may send them in lower case. */
const optionsFrom: Record<string, number> = { set: 2, expire: 2, pexpire: 2, getex: 1 };
const optionWord = /^(nx|xx|gt|lt|ex|px|exat|pxat|keepttl|get|persist|match|count|type|ch|incr)$/i;

function normaliseOptions(name: string, args: string[]): string[] {
  const from = optionsFrom[name];
  if (from === undefined) return args;
  return args.map((arg, i) => (i >= from && optionWord.test(arg) ? arg.toUpperCase() : arg));
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
let backends = 0;

/**
 * An in-process Redis for local runs and tests when no server is configured. ioredis-mock keeps the data
 * and runs Lua (via fengari); this layer adds the script cache it lacks (EVALSHA, SCRIPT LOAD/EXISTS),
 * turns its JS-shaped replies back into Redis replies, and runs each request alone so that a
 * `/multi-exec` block or a script is atomic, as on a real server.
 */
export async function createMemoryBackend(): Promise<CommandBackend> {
  const { default: RedisMock } = await import('ioredis-mock');
  // ioredis-mock shares one keyspace among all clients of the same host:port/db; each backend gets its own,
  // so two apps in one process (a test file's second app, two sandboxes) never see each other's claims.
  const client = new RedisMock({ host: `memory-${++backends}` }) as unknown as MockClient;
  const scripts = new Map<string, string>();
  let queue: Promise<unknown> = Promise.resolve();

  const evalScript = (script: string, rest: string[]) => client.eval!(script, ...rest);

  async function runOne([rawName, ...rawArgs]: RedisCommand): Promise<unknown> {
    const name = String(rawName).toLowerCase();
    const args = normaliseOptions(name, rawArgs.map(String));
    switch (name) {
      case 'eval':
      case 'eval_ro': {
        const [script = '', ...rest] = args;
        scripts.set(sha1(script), script);
        return evalScript(script, rest);
      }
      case 'evalsha':
      case 'evalsha_ro': {
        const [sha = '', ...rest] = args;
        const script = scripts.get(sha.toLowerCase());
        if (!script) throw new Error('NOSCRIPT No matching script. Please use EVAL.');
        return evalScript(script, rest);
      }
      case 'script': {
        const [sub = '', ...rest] = args;
        if (sub.toLowerCase() === 'load') {
          const script = rest[0] ?? '';
          scripts.set(sha1(script), script);
          return sha1(script);
        }
        if (sub.toLowerCase() === 'exists')
          return rest.map((sha) => (scripts.has(sha.toLowerCase()) ? 1 : 0));
        if (sub.toLowerCase() === 'flush') {
          scripts.clear();
          return 'OK';
        }
        throw new Error(`ERR unknown subcommand '${sub}'`);
      }
      default: {
        const method = client[name];
        if (typeof method !== 'function') throw new Error(`ERR unknown command '${name}'`);
        const reply = await method.apply(client, args);
        // ioredis-mock returns HGETALL as an object; Redis (and Upstash) return a flat array.
        if (name === 'hgetall' && reply && typeof reply === 'object' && !Array.isArray(reply)) {
          return Object.entries(reply as Record<string, unknown>).flat();
        }
        // ioredis-mock answers INCR on a non-number with NaN; Redis refuses it.
        if (typeof reply === 'number' && Number.isNaN(reply)) {
          throw new Error('ERR value is not an integer or out of range');
        }
        return reply === undefined ? null : reply;
      }
    }
  }

  return {
    run(commands) {
      const work = queue.then(async () => {
        const replies: Array<{ result?: unknown; error?: string }> = [];
        for (const command of commands) {
          try {
            replies.push({ result: await runOne(command) });
          } catch (error) {
            // Like EXEC on a real server, a failing command does not stop the rest of a block.
            replies.push({ error: errorText(error) });
          }
        }
        return replies;
      });
      queue = work.catch(() => {});
      return work;
    },
    close: async () => {
      (client as unknown as { disconnect?: () => void }).disconnect?.();
    },
  };
}
