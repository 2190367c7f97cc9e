import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requesterFor } from '../../lib/infra/redis.js';
import { createServerBackend } from '../../lib/infra/redis-server-backend.js';

/**
 * Upstash's REST protocol on loopback, over a real Redis: `POST /` (one command), `POST /pipeline`,
 * `POST /multi-exec`, bearer token, base64 replies when the client asks (`Upstash-Encoding: base64`, which
 * @upstash/redis always does). It lets a cold start run the production Redis driver (the Upstash HTTP client,
 * no ioredis in the function) against this machine's Redis. Scripts go through the same translation as the
 * REDIS_URL adapter (Upstash's `#!lua` flags stripped).
 */
export async function startUpstashRest(redisUrl: string, token: string) {
  const backend = await createServerBackend(redisUrl);
  const requester = requesterFor(backend);
  const encode = (value: unknown): unknown =>
    typeof value === 'string'
      ? value === 'OK'
        ? value
        : Buffer.from(value).toString('base64')
      : Array.isArray(value)
        ? value.map(encode)
        : value;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"Unauthorized"}');
      return;
    }
    const base64 = req.headers['upstash-encoding'] === 'base64';
    const reply = (r: { result?: unknown; error?: string }) =>
      r.error ? { error: r.error } : { result: base64 ? encode(r.result) : r.result };
    const path = (req.url ?? '/').replace(/^\/+/, '').split('/').filter(Boolean);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    try {
      const answer = (await requester.request({ path, body })) as unknown;
      const out = Array.isArray(answer) ? answer.map(reply) : reply(answer as { result?: unknown });
      const failed = !Array.isArray(out) && 'error' in out;
      res.writeHead(failed ? 400 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(out));
    } catch (error) {
      res
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: String(error) }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await backend.close();
    },
  };
}
