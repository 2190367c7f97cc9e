import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PublishedMessage {
  messageId: string;
  destination: string;
  body: string;
  notBefore?: number;
  deduplicationId?: string;
}

/**
 * QStash at its HTTP boundary: `@upstash/qstash`'s Client (baseUrl = this server) publishes here; the test
 * inspects what was scheduled and delivers it itself, signed like QStash would (see job-signature tests).
 * Deduplication ids are honoured as QStash does: a second publish with the same id is accepted and dropped.
 */
export class FakeQStash {
  readonly messages: PublishedMessage[] = [];
  failNext = 0;
  private server?: Server;
  url = '';

  async start(): Promise<string> {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const match = req.url?.match(/^\/v2\/publish\/(.+)$/);
      if (req.method !== 'POST' || !match) {
        res.writeHead(404).end(JSON.stringify({ error: 'not found' }));
        return;
      }
      if (this.failNext > 0) {
        this.failNext--;
        res
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: 'internal error' }));
        return;
      }
      const deduplicationId = req.headers['upstash-deduplication-id'] as string | undefined;
      const existing = deduplicationId && this.messages.find((m) => m.deduplicationId === deduplicationId);
      const message: PublishedMessage = existing || {
        messageId: `msg_${this.messages.length + 1}`,
        destination: decodeURIComponent(match[1]!),
        body: Buffer.concat(chunks).toString('utf8'),
        notBefore: req.headers['upstash-not-before'] ? Number(req.headers['upstash-not-before']) : undefined,
        deduplicationId,
      };
      if (!existing) this.messages.push(message);
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ messageId: message.messageId, ...(existing ? { deduplicated: true } : {}) }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
