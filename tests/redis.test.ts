import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from '@upstash/redis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryBackend } from '../dev/embedded/redis-memory-backend.js';
import { createMemoryRedis } from '../dev/embedded/stores.js';
import { acquireLock, type Lock, tryLock } from '../lib/infra/lock.js';
import { createRateLimiter, firstNoticeInWindow } from '../lib/infra/ratelimit.js';
import {
  type CommandBackend,
  createRedis,
  type RedisCommand,
  type RedisConnection,
  redisOverBackend,
} from '../lib/infra/redis.js';
import { createServerBackend } from '../lib/infra/redis-server-backend.js';
import { startUpstashRest } from '../scripts/bench/upstash-rest.js';
import { realRedisUrl } from './support/stores.js';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The numbered database tests/support/stores.ts gives this worker, so files on other workers never collide. */
function workerRedisUrl(base: string): string {
  const url = new URL(base);
  const worker = Number(process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? 1);
  url.pathname = `/${1 + (worker % 15)}`;
  return url.toString();
}

interface BackendCase {
  label: string;
  kind: 'memory' | 'redis' | 'upstash';
  /** A client built by `createRedis`, as the app builds it, on an empty store. */
  open(): Promise<RedisConnection>;
  /** A bare backend on the same kind of store, to watch what the client sends. */
  openBackend(): Promise<CommandBackend>;
  /** More clients on the same data (separate connections), or none when the store lives in one client. */
  openPeer?: () => Promise<RedisConnection>;
}

const cases: BackendCase[] = [
  {
    label: 'in-process (memory)',
    kind: 'memory',
    open: createMemoryRedis,
    openBackend: createMemoryBackend,
  },
];
if (realRedisUrl) {
  const url = workerRedisUrl(realRedisUrl);
  cases.push({
    label: `real Redis (${url})`,
    kind: 'redis',
    async open() {
      const connection = await createRedis({ kind: 'redis', url });
      await connection.redis.flushdb();
      return connection;
    },
    openBackend: () => createServerBackend(url),
    openPeer: () => createRedis({ kind: 'redis', url }),
  });
  // Production's client: @upstash/redis over HTTP (base64 replies, HTTP errors) with our batching in front,
  // against Upstash's REST protocol served on loopback over the same Redis (scripts/bench/upstash-rest.ts).
  const token = 'test-upstash-token';
  let rest: Awaited<ReturnType<typeof startUpstashRest>> | undefined;
  const upstash = async () => {
    rest ??= await startUpstashRest(url, token);
    return createRedis({ kind: 'upstash', url: rest.url, token });
  };
  afterAll(async () => {
    await rest?.close();
  });
  cases.push({
    label: 'Upstash REST (loopback, over the real Redis)',
    kind: 'upstash',
    async open() {
      const connection = await upstash();
      await connection.redis.flushdb();
      return connection;
    },
    openBackend: () => createServerBackend(url),
    openPeer: upstash,
  });
}

/** Records every request a Requester sends to the backend, and every reply. */
function recording(inner: CommandBackend) {
  const requests: Array<{ commands: RedisCommand[]; atomic: boolean }> = [];
  const replies: Array<{ result?: unknown; error?: string }> = [];
  const backend: CommandBackend = {
    async run(commands, atomic) {
      requests.push({ commands, atomic });
      const out = await inner.run(commands, atomic);
      replies.push(...out);
      return out;
    },
    close: () => inner.close(),
  };
  return { backend, requests, replies };
}

const SHEBANG_SCRIPT = `#!lua flags=allow-key-locking
return redis.call('INCRBY', KEYS[1], ARGV[1])`;

describe(`redis adapter (${cases.map((c) => c.kind).join(' + ')})`, () => {
  describe.each(cases)('$label', (backendCase) => {
    let connection: RedisConnection;
    let redis: Redis;
    let watched: ReturnType<typeof recording>;
    let counted: Redis;
    let key: (name: string) => string;

    beforeAll(async () => {
      connection = await backendCase.open();
      redis = connection.redis;
      watched = recording(await backendCase.openBackend());
      counted = redisOverBackend(watched.backend); // what createRedis builds for REDIS_URL
    });
    afterAll(async () => {
      // The server's numbered database belongs to this worker: leave it empty for the next file.
      if (backendCase.kind !== 'memory') await connection?.redis.flushdb();
      await connection?.close();
      await watched?.backend.close();
    });
    beforeEach(() => {
      const prefix = randomUUID().slice(0, 8);
      key = (name) => `t:${prefix}:${name}`;
      watched.requests.length = 0;
      watched.replies.length = 0;
    });

    it('reports the kind it was created with', () => {
      expect(connection.kind).toBe(backendCase.kind);
    });

    describe('strings and expiry', () => {
      it('sets and gets values, deserialising numbers and JSON', async () => {
        expect(await redis.set(key('s'), 'hello')).toBe('OK');
        expect(await redis.get(key('s'))).toBe('hello');
        await redis.set(key('n'), 42);
        expect(await redis.get<number>(key('n'))).toBe(42);
        await redis.set(key('j'), { a: [1, 2] });
        expect(await redis.get(key('j'))).toEqual({ a: [1, 2] });
        expect(await redis.get(key('missing'))).toBeNull();
      });

      it('sets with NX only when the key is absent', async () => {
        expect(await redis.set(key('nx'), 'first', { nx: true })).toBe('OK');
        expect(await redis.set(key('nx'), 'second', { nx: true })).toBeNull();
        expect(await redis.get(key('nx'))).toBe('first');
      });

      it('gives a PX key its TTL and forgets it after it', async () => {
        expect(await redis.set(key('px'), 'v', { nx: true, px: 80 })).toBe('OK');
        const pttl = await redis.pttl(key('px'));
        expect(pttl).toBeGreaterThan(0);
        expect(pttl).toBeLessThanOrEqual(80);
        await sleep(160);
        expect(await redis.get(key('px'))).toBeNull();
        expect(await redis.set(key('px'), 'again', { nx: true, px: 1_000 })).toBe('OK');
      });

      it('gives an EX key its TTL in seconds and none to a plain key', async () => {
        await redis.set(key('ex'), 'v', { ex: 30 });
        const ttl = await redis.ttl(key('ex'));
        expect(ttl).toBeGreaterThan(25);
        expect(ttl).toBeLessThanOrEqual(30);
        await redis.set(key('plain'), 'v');
        expect(await redis.ttl(key('plain'))).toBe(-1);
        expect(await redis.ttl(key('none'))).toBe(-2);
      });

      it('counts with INCR and deletes keys', async () => {
        expect(await redis.incr(key('c'))).toBe(1);
        expect(await redis.incrby(key('c'), 4)).toBe(5);
        expect(await redis.del(key('c'), key('none'))).toBe(1);
        expect(await redis.exists(key('c'))).toBe(0);
      });

      it('reads and writes hashes', async () => {
        await redis.hset(key('h'), { name: 'Bakery', units: 3 });
        expect(await redis.hget(key('h'), 'name')).toBe('Bakery');
        expect(await redis.hgetall(key('h'))).toEqual({ name: 'Bakery', units: 3 });
      });
    });

    describe('pipelines and transactions', () => {
      it('runs a pipeline in order and returns each reply', async () => {
        const pipeline = redis.pipeline();
        pipeline.set(key('p'), 1);
        pipeline.incr(key('p'));
        pipeline.get(key('p'));
        expect(await pipeline.exec()).toEqual(['OK', 2, 2]);
      });

      it('runs a multi-exec block and reports a failing command without dropping the others', async () => {
        const results = await redis
          .multi()
          .set(key('m'), 'text')
          .incr(key('m'))
          .set(key('m2'), 'after')
          .exec({ keepErrors: true });
        expect(results[0]).toEqual({ result: 'OK', error: undefined });
        expect(results[1]!.error).toMatch(/not an integer/i);
        expect(results[2]).toEqual({ result: 'OK', error: undefined });
        expect(await redis.get(key('m2'))).toBe('after');
      });

      it('sends a pipeline as one plain request and a multi as one atomic request', async () => {
        await counted.pipeline().set(key('a'), 1).get(key('a')).exec();
        await counted.multi().set(key('b'), 1).get(key('b')).exec();
        expect(watched.requests.map((r) => [r.commands.length, r.atomic])).toEqual([
          [2, false],
          [2, true],
        ]);
      });

      it('throws from a pipeline whose command fails unless errors are kept', async () => {
        await redis.set(key('str'), 'text');
        await expect(redis.pipeline().incr(key('str')).exec()).rejects.toThrow(/not an integer/i);
      });
    });

    describe('auto-pipelining', () => {
      it('sends the writes issued in one tick as one request', async () => {
        const results = await Promise.all([
          counted.set(key('1'), 'a'),
          counted.set(key('2'), 'b', { nx: true, px: 5_000 }),
          counted.incr(key('3')),
          counted.eval('return 7', [], []),
        ]);
        expect(results).toEqual(['OK', 'OK', 1, 7]);
        expect(watched.requests).toHaveLength(1);
        expect(watched.requests[0]!.commands).toHaveLength(4);
      });

      it('sends the reads issued in one tick as one request', async () => {
        await counted.set(key('r'), 'x');
        watched.requests.length = 0;
        const results = await Promise.all([
          counted.get(key('r')),
          counted.get(key('none')),
          counted.exists(key('r')),
        ]);
        expect(results).toEqual(['x', null, 1]);
        expect(watched.requests).toHaveLength(1);
      });

      it('sends reads and writes issued together as one request, in the order issued', async () => {
        const results = await Promise.all([
          counted.set(key('w'), 1),
          counted.get(key('w')),
          counted.incr(key('w2')),
        ]);
        expect(results).toEqual(['OK', 1, 1]);
        expect(watched.requests.map((r) => r.commands.map((c) => String(c[0]).toUpperCase()))).toEqual([
          ['SET', 'GET', 'INCR'],
        ]);
      });

      it('batches until the next turn of the event loop, across awaits of settled promises', async () => {
        const first = counted.set(key('x'), 1);
        await Promise.resolve();
        await Promise.resolve();
        await Promise.resolve();
        const second = counted.incr(key('y'));
        expect(await Promise.all([first, second])).toEqual(['OK', 1]);
        expect(watched.requests).toHaveLength(1);
        await counted.set(key('z'), 2, { px: 1_000 });
        expect(watched.requests).toHaveLength(2);
      });

      it("fails only the command that failed, with Redis's message", async () => {
        await counted.set(key('s'), 'text');
        const [ok, failed] = await Promise.allSettled([counted.get(key('s')), counted.incr(key('s'))]);
        expect(ok).toEqual({ status: 'fulfilled', value: 'text' });
        expect(failed.status).toBe('rejected');
        expect(String((failed as PromiseRejectedResult).reason)).toMatch(/not an integer/i);
      });
    });

    describe('scripts', () => {
      it('evaluates Lua with keys and arguments', async () => {
        const result = await redis.eval(
          `redis.call('SET', KEYS[1], ARGV[1]); return {redis.call('GET', KEYS[1]), #KEYS, #ARGV}`,
          [key('lua')],
          ['v1'],
        );
        expect(result).toEqual(['v1', 1, 1]);
      });

      it('returns the sha of the text sent from SCRIPT LOAD and runs it by that sha', async () => {
        const script = `return ARGV[1] .. '!'`;
        const sha = await redis.scriptLoad(script);
        expect(sha).toBe(sha1(script));
        expect(await redis.evalsha(sha, [], ['hi'])).toBe('hi!');
        expect(await redis.scriptExists(sha)).toEqual([1]);
      });

      it('answers NOSCRIPT for an unknown sha', async () => {
        await expect(redis.evalsha(sha1(`return '${randomUUID()}'`), [], [])).rejects.toThrow(/NOSCRIPT/);
      });

      it('runs a script with the Upstash-only allow-key-locking shebang', async () => {
        expect(await redis.eval(SHEBANG_SCRIPT, [key('k')], [3])).toBe(3);
        expect(await redis.eval(SHEBANG_SCRIPT, [key('k')], [4])).toBe(7);
      });

      it('loads a shebang script and returns the sha of the text sent, not of what the server keeps', async () => {
        const sha = await redis.scriptLoad(SHEBANG_SCRIPT);
        expect(sha).toBe(sha1(SHEBANG_SCRIPT));
        expect(await redis.evalsha(sha, [key('loaded')], [2])).toBe(2);
      });

      it("hits the cache with EVALSHA of the original text's hash after the first EVAL, with no NOSCRIPT", async () => {
        const script = `${SHEBANG_SCRIPT}\n-- ${randomUUID()}`;
        expect(await counted.eval(script, [key('e')], [1])).toBe(1);
        watched.requests.length = 0;
        watched.replies.length = 0;
        expect(await counted.evalsha(sha1(script), [key('e')], [1])).toBe(2);
        expect(watched.requests).toHaveLength(1);
        expect(watched.replies.filter((r) => r.error)).toEqual([]);
      });

      it.runIf(backendCase.kind === 'redis')(
        'needs the shebang stripped: the bare server rejects it',
        async () => {
          const [reply] = await watched.backend.run([['EVAL', SHEBANG_SCRIPT, '1', key('raw'), '1']], false);
          expect(reply!.error).toMatch(/allow-key-locking/);
        },
      );
    });

    describe('rate limit (@upstash/ratelimit)', () => {
      it('allows the configured number of requests, then blocks within the window', async () => {
        const limiter = createRateLimiter(redis, { prefix: key('rl'), maxRequests: 3, windowSeconds: 60 });
        const verdicts = [];
        for (let i = 0; i < 5; i++) verdicts.push(await limiter.check('user:1'));
        expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false, false]);
        expect(verdicts[3]!.resetAt).toBeGreaterThan(Date.now());
        expect(verdicts[3]!.resetAt).toBeLessThanOrEqual(Date.now() + 60_000);
        expect((await limiter.check('user:2')).allowed).toBe(true);
      });

      it('runs its scripts by EVALSHA once loaded: one NOSCRIPT on first use, none after', async () => {
        const limiter = createRateLimiter(counted, {
          prefix: key('rl2'),
          maxRequests: 10,
          windowSeconds: 60,
        });
        await limiter.check('user:1');
        // This client has not sent the script yet: EVALSHA misses once, EVAL loads it.
        expect(watched.replies.filter((r) => r.error?.includes('NOSCRIPT'))).toHaveLength(1);
        watched.replies.length = 0;
        watched.requests.length = 0;
        expect((await limiter.check('user:1')).allowed).toBe(true);
        expect((await limiter.check('user:2')).allowed).toBe(true);
        expect(watched.replies.filter((r) => r.error)).toEqual([]);
        const names = watched.requests.flatMap((r) => r.commands.map((c) => String(c[0]).toUpperCase()));
        expect(names).toEqual(['EVALSHA', 'EVALSHA']);
      });

      it('gives the first notice in a window once', async () => {
        const resetAt = Date.now() + 60_000;
        expect(await firstNoticeInWindow(redis, key('user:1'), resetAt)).toBe(true);
        expect(await firstNoticeInWindow(redis, key('user:1'), resetAt)).toBe(false);
        expect(await firstNoticeInWindow(redis, key('user:1'), resetAt)).toBe(false);
        expect(await firstNoticeInWindow(redis, key('user:2'), resetAt)).toBe(true);
        const ttl = await redis.pttl(`notice:${key('user:1')}`);
        expect(ttl).toBeGreaterThan(55_000);
      });
    });

    describe('lock', () => {
      it('grants a lock to one holder at a time', async () => {
        const first = await tryLock(redis, key('lock'), 5_000);
        expect(first).not.toBeNull();
        expect(await tryLock(redis, key('lock'), 5_000)).toBeNull();
        expect(await redis.get(key('lock'))).toBe(first!.token);
        expect(await first!.release()).toBe(true);
        expect(await redis.exists(key('lock'))).toBe(0);
      });

      it('expires a lock after its PX', async () => {
        expect(await tryLock(redis, key('lock'), 60)).not.toBeNull();
        expect(await tryLock(redis, key('lock'), 60)).toBeNull();
        await sleep(150);
        expect(await tryLock(redis, key('lock'), 60)).not.toBeNull();
      });

      it("releases only its own token: an expired holder does not free the next holder's lock", async () => {
        const stale = await tryLock(redis, key('lock'), 50);
        await sleep(120);
        const current = await tryLock(redis, key('lock'), 5_000);
        expect(current).not.toBeNull();
        expect(await stale!.release()).toBe(false);
        expect(await redis.get(key('lock'))).toBe(current!.token);
        expect(await tryLock(redis, key('lock'), 5_000)).toBeNull();
        expect(await current!.release()).toBe(true);
        expect(await current!.release()).toBe(false);
      });

      it('waits for a held lock and gets it once released', async () => {
        const held = await tryLock(redis, key('lock'), 5_000);
        const started = Date.now();
        setTimeout(() => void held!.release(), 80);
        const waited = await acquireLock(redis, key('lock'), { attempts: 100, delayMs: 10 });
        expect(waited).not.toBeNull();
        expect(Date.now() - started).toBeGreaterThanOrEqual(70);
        expect(await redis.get(key('lock'))).toBe(waited!.token);
        await waited!.release();
      });

      it('gives up after its attempts while the lock stays held', async () => {
        await tryLock(redis, key('lock'), 5_000);
        expect(await acquireLock(redis, key('lock'), { attempts: 3, delayMs: 5 })).toBeNull();
      });

      it('lets concurrent acquirers hold the lock one at a time, and every one of them gets it', async () => {
        const peers = backendCase.openPeer
          ? await Promise.all([1, 2, 3].map(() => backendCase.openPeer!()))
          : [];
        const clients = [redis, ...peers.map((p) => p.redis)];
        let inside = 0;
        let mostInside = 0;
        let done = 0;
        const contender = async (i: number) => {
          const lock: Lock | null = await acquireLock(clients[i % clients.length]!, key('hot'), {
            ttlMs: 5_000,
            attempts: 1_000,
            delayMs: 3,
          });
          if (!lock) throw new Error(`contender ${i} never got the lock`);
          inside++;
          mostInside = Math.max(mostInside, inside);
          await sleep(3);
          inside--;
          done++;
          expect(await lock.release()).toBe(true);
        };
        try {
          await Promise.all(Array.from({ length: 16 }, (_, i) => contender(i)));
        } finally {
          await Promise.all(peers.map((p) => p.close()));
        }
        expect(done).toBe(16);
        expect(mostInside).toBe(1);
      });
    });
  });
});
