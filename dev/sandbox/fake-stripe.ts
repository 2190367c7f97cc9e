import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the one Stripe endpoint the bot calls, `POST /v1/refunds` (issue 18), so tests and the
 * sandbox run the real `stripe` SDK against it (STRIPE_API_URL → its host, port and protocol). It honours
 * `Idempotency-Key` as Stripe does (the same key gets the first answer again, however often it is sent),
 * refunds a charge once (a second refund under another key is refused `charge_already_refunded`), and can be
 * told to fail the next calls with a 500 or to refuse them with a 400. Development and tests only.
 */
export interface FakeRefund {
  id: string;
  charge: string;
  amount: number;
  idempotencyKey: string | undefined;
  metadata: Record<string, string>;
  /** The secret key the request was made with (tests check that it is the configured one). */
  apiKey: string;
}

type Answer = { status: number; body: Record<string, unknown> };

export class FakeStripe {
  /** Refunds made, once each (replays of a key are not counted again). */
  readonly refunds: FakeRefund[] = [];
  /** Every request, replays and failures included. */
  readonly requests: Array<{ path: string; idempotencyKey: string | undefined }> = [];
  private readonly byKey = new Map<string, Answer>();
  private readonly failures: Array<{ answer: Answer; times: number }> = [];
  private server?: Server;
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.serve(req, res).catch((error) => send(res, { status: 500, body: apiError(String(error)) }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  /** The next `times` refund requests get a 500 (Stripe didn't answer usefully: the job retries). */
  failNext(times: number): void {
    this.failures.push({ answer: { status: 500, body: apiError('An unknown error occurred') }, times });
  }

  /** Faults clear: every request is answered normally again. */
  clearFailures(): void {
    this.failures.length = 0;
  }

  /** The next refund request is refused for good, e.g. `charge_already_refunded` (400). */
  refuseNext(code: string, times = 1): void {
    this.failures.push({ answer: { status: 400, body: invalidRequest(code) }, times });
  }

  private async serve(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://stripe').pathname;
    const key = header(req, 'idempotency-key');
    this.requests.push({ path, idempotencyKey: key });
    if (req.method !== 'POST' || path !== '/v1/refunds') {
      return send(res, { status: 404, body: invalidRequest('resource_missing') });
    }
    const apiKey = (header(req, 'authorization') ?? '').replace(/^Bearer\s+/i, '');
    if (!/^[sr]k_(test|live)_/.test(apiKey))
      return send(res, { status: 401, body: invalidRequest('api_key_invalid') });
    const replay = key ? this.byKey.get(key) : undefined;
    if (replay) return send(res, replay);
    const failure = this.failures.find((f) => f.times > 0);
    if (failure) {
      failure.times--;
      // Stripe keeps a 4xx under its key, not a 500 (the request never ran).
      if (key && failure.answer.status < 500) this.byKey.set(key, failure.answer);
      return send(res, failure.answer);
    }
    const form = new URLSearchParams(await bodyOf(req));
    const charge = form.get('charge') ?? '';
    const amount = Number(form.get('amount'));
    const metadata: Record<string, string> = {};
    for (const [name, value] of form) {
      const field = /^metadata\[(.+)\]$/.exec(name)?.[1];
      if (field) metadata[field] = value;
    }
    const answer: Answer = this.refunds.some((r) => r.charge === charge)
      ? { status: 400, body: invalidRequest('charge_already_refunded') }
      : !charge.startsWith('ch_')
        ? { status: 404, body: invalidRequest('resource_missing') }
        : this.refund({ charge, amount, idempotencyKey: key, metadata, apiKey });
    if (key) this.byKey.set(key, answer);
    return send(res, answer);
  }

  private refund(input: Omit<FakeRefund, 'id'>): Answer {
    const refund = { id: `re_fake_${randomBytes(6).toString('hex')}`, ...input };
    this.refunds.push(refund);
    return {
      status: 200,
      body: {
        id: refund.id,
        object: 'refund',
        amount: input.amount,
        charge: input.charge,
        currency: 'eur',
        metadata: input.metadata,
        status: 'succeeded',
      },
    };
  }
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const apiError = (message: string) => ({ error: { type: 'api_error', message } });
const invalidRequest = (code: string) => ({
  error: { type: 'invalid_request_error', code, message: `Refused: ${code}` },
});

function send(res: ServerResponse, answer: Answer) {
  res.statusCode = answer.status;
  res.setHeader('content-type', 'application/json');
  res.setHeader('request-id', `req_fake_${randomBytes(4).toString('hex')}`);
  res.end(JSON.stringify(answer.body));
}
