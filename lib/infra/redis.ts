import { createHash } from 'node:crypto';
import { Redis, type Requester, type UpstashRequest, type UpstashResponse } from '@upstash/redis';
import type { Config } from '../config.js';

/**
 * The app speaks only `@upstash/redis`. In production that is Upstash over HTTP; for a plain Redis server
 * (`REDIS_URL`) and for the in-process default, a custom Requester serves the same protocol
 * (single commands, `/pipeline`, `/multi-exec`) over a real connection or an in-process Redis with Lua.
 */
export type RedisClient = Redis;
export type RedisCommand = Array<string | number>;

/** What a Requester needs from a Redis: run commands in order, optionally as one atomic block. */
export interface CommandBackend {
  run(commands: RedisCommand[], atomic: boolean): Promise<Array<{ result?: unknown; error?: string }>>;
  close(): Promise<void>;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/**
 * Upstash accepts a `#!lua flags=allow-key-locking` shebang that stock Redis 7 rejects
 * (@upstash/ratelimit's scripts start with it). We strip it, and remember which hash the client computed
 * for the original text so its EVALSHA keeps hitting the script cache instead of failing with NOSCRIPT.
 */
class ScriptTranslator {
  private readonly shaOfOriginal = new Map<string, { stripped: string; sha: string }>();

  translate(command: RedisCommand): RedisCommand {
    const name = String(command[0]).toUpperCase();
    if (name === 'EVAL' || name === 'EVAL_RO') {
      const script = this.remember(String(command[1]));
      return [command[0]!, script, ...command.slice(2)];
    }
    if (name === 'EVALSHA' || name === 'EVALSHA_RO') {
      const known = this.shaOfOriginal.get(String(command[1]));
      return known ? [command[0]!, known.sha, ...command.slice(2)] : command;
    }
    if (name === 'SCRIPT' && String(command[1]).toUpperCase() === 'LOAD') {
      return [command[0]!, command[1]!, this.remember(String(command[2]))];
    }
    return command;
  }

  /** The hash the caller expects back from SCRIPT LOAD: the one of the text it sent. */
  originalShaFor(command: RedisCommand): string | undefined {
    const isLoad =
      String(command[0]).toUpperCase() === 'SCRIPT' && String(command[1]).toUpperCase() === 'LOAD';
    return isLoad ? sha1(String(command[2])) : undefined;
  }

  private remember(script: string): string {
    const stripped = script.startsWith('#!') ? script.slice(script.indexOf('\n') + 1) : script;
    this.shaOfOriginal.set(sha1(script), { stripped, sha: sha1(stripped) });
    return stripped;
  }
}

export function requesterFor(backend: CommandBackend): Requester {
  const scripts = new ScriptTranslator();
  const prepare = (command: RedisCommand) => scripts.translate(command.map((part) => String(part)));
  const fixLoadResult = (command: RedisCommand, reply: { result?: unknown; error?: string }) => {
    const original = scripts.originalShaFor(command);
    return original && !reply.error ? { result: original } : reply;
  };
  return {
    async request<TResult>(req: UpstashRequest): Promise<UpstashResponse<TResult>> {
      const path = req.path?.[0];
      if (path === 'pipeline' || path === 'multi-exec') {
        const commands = req.body as RedisCommand[];
        const replies = await backend.run(commands.map(prepare), path === 'multi-exec');
        // The client reads a pipeline's response as the array of per-command replies.
        return replies.map((reply, i) => fixLoadResult(commands[i]!, reply)) as UpstashResponse<TResult>;
      }
      const command = req.body as RedisCommand;
      const [reply] = await backend.run([prepare(command)], false);
      return fixLoadResult(command, reply ?? {}) as UpstashResponse<TResult>;
    },
  };
}

/** Auto-pipelining batches the commands issued in one tick into one round trip, as Upstash's HTTP client does. */
class PipelinedRedis extends Redis {
  static over(requester: Requester): Redis {
    return new PipelinedRedis(requester).autoPipeline();
  }
}

/** A client over any CommandBackend (a server, the in-process Redis, or a test double). */
export const redisOverBackend = (backend: CommandBackend): Redis =>
  PipelinedRedis.over(requesterFor(backend));

export interface RedisConnection {
  redis: Redis;
  kind: Config['redis']['kind'];
  close(): Promise<void>;
}

/** A Redis server named by URL; the in-process kind is dev-only (dev/embedded). */
export type ServerRedis = Exclude<Config['redis'], { kind: 'memory' }>;

export async function createRedis(options: ServerRedis): Promise<RedisConnection> {
  if (options.kind === 'upstash') {
    const redis = new Redis({ url: options.url, token: options.token, enableTelemetry: false });
    return { redis, kind: 'upstash', close: async () => {} };
  }
  const backend = await (await import('./redis-server-backend.js')).createServerBackend(options.url);
  return { redis: redisOverBackend(backend), kind: options.kind, close: () => backend.close() };
}
