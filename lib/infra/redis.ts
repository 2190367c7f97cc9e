import { createHash } from 'node:crypto';
import { Redis, type Requester, type UpstashRequest, type UpstashResponse } from '@upstash/redis';
import type { Config } from '../config.js';

/**
 * The app speaks only `@upstash/redis`. In production that is Upstash over HTTP; for a plain Redis server
 * (`REDIS_URL`) and for the in-process default, a custom Requester serves the same protocol
 * (single commands, `/pipeline`, `/multi-exec`) over a real connection or an in-process Redis with Lua.
 */
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

type Reply = { result?: unknown; error?: string };

/** Commands per request at most; the rest leave in the next one. */
const MAX_BATCH = 100;

/**
 * Auto-pipelining, at the Requester: every single command the client issues before the event loop's next
 * turn (`setImmediate`: the claim, the rate-limit script and the session read of an update, and those of
 * other updates in flight) leaves as one `/pipeline` request, one round trip. The client's own
 * `autoPipeline()` does the same but builds a `Pipeline` per batch (some 400 closures, ~20 KB), goes
 * through a Proxy on every command and sends reads and writes as two requests; this costs an array.
 * A command's error fails that command only, as its own request would (the message without the
 * "command was: …" that quotes arguments). Requests with a path (explicit pipelines, transactions), headers
 * or a stream pass through unchanged.
 */
function batchingRequester(
  inner: Requester,
  sendPipeline: (commands: unknown[]) => Promise<Reply[]>,
): Requester {
  let queue: Array<{ command: unknown; resolve(reply: Reply): void; reject(error: unknown): void }> = [];
  const flush = () => {
    const batch = queue;
    queue = [];
    for (let at = 0; at < batch.length; at += MAX_BATCH) {
      const part = batch.slice(at, at + MAX_BATCH);
      sendPipeline(part.map((entry) => entry.command)).then(
        (replies) => {
          part.forEach((entry, i) => {
            entry.resolve(replies[i] ?? { error: 'no reply in the pipeline response' });
          });
        },
        (error: unknown) => {
          for (const entry of part) entry.reject(error);
        },
      );
    }
  };
  return {
    request<TResult>(req: UpstashRequest): Promise<UpstashResponse<TResult>> {
      if (req.path?.length || req.headers || req.isStreaming || req.signal) return inner.request(req);
      return new Promise<Reply>((resolve, reject) => {
        if (queue.length === 0) setImmediate(flush);
        queue.push({ command: req.body, resolve, reject });
      }) as Promise<UpstashResponse<TResult>>;
    },
  };
}

/** A client over any CommandBackend (a server, the in-process Redis, or a test double). */
export function redisOverBackend(backend: CommandBackend): Redis {
  const requester = requesterFor(backend);
  return new Redis(
    batchingRequester(
      requester,
      (commands) =>
        requester.request<unknown>({ path: ['pipeline'], body: commands }) as unknown as Promise<Reply[]>,
    ),
  );
}

export interface RedisConnection {
  redis: Redis;
  kind: Config['redis']['kind'];
  close(): Promise<void>;
}

/** A Redis server named by URL; the in-process kind is dev-only (dev/embedded). */
export type ServerRedis = Exclude<Config['redis'], { kind: 'memory' }>;

export async function createRedis(options: ServerRedis): Promise<RedisConnection> {
  if (options.kind === 'upstash') {
    // The REST client's own transport (HTTP keep-alive, base64 replies, retries of network errors), with
    // our batching in front of it instead of its autoPipeline().
    const http = (
      new Redis({
        url: options.url,
        token: options.token,
        enableTelemetry: false,
        enableAutoPipelining: false,
      }) as unknown as { client: Requester }
    ).client;
    const redis = new Redis(
      batchingRequester(
        http,
        (commands) =>
          http.request<unknown>({ path: ['pipeline'], body: commands }) as unknown as Promise<Reply[]>,
      ),
    );
    return { redis, kind: 'upstash', close: async () => {} };
  }
  const backend = await (await import('./redis-server-backend.js')).createServerBackend(options.url);
  return { redis: redisOverBackend(backend), kind: options.kind, close: () => backend.close() };
}
