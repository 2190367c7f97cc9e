import type { StripeRefunds } from '../config.js';

/**
 * Refunds through Stripe's API (issue 18). Telegram takes the payment with the provider token; giving money back
 * is Stripe's `POST /v1/refunds` on the charge Telegram names (`provider_payment_charge_id`). The SDK (~20 MB of
 * resources) is imported on the first refund, not on a cold start: most invocations never refund anything.
 * `stripeApi` (host, port, protocol) comes from STRIPE_API_URL, which config refuses in production: tests and the
 * sandbox point it at a local fake.
 */
interface RefundRequest {
  /** Stripe's charge id (`ch_…`), Telegram's provider_payment_charge_id. */
  charge: string;
  amount: number;
  /** Stable per refund, so a retry after a lost answer never refunds twice. */
  idempotencyKey: string;
  metadata: Record<string, string>;
}

export interface RefundGateway {
  refund(request: RefundRequest): Promise<{ id: string; status: string }>;
}

/**
 * What Stripe's answer means for us: `refused` is definite (a 4xx about the request: already refunded, no such
 * charge), so retrying can't help; `key` is Stripe refusing our key (401: revoked or wrong; 403: a restricted key
 * without the right to refund): retried, since the refund is still owed, but only an operator can fix it;
 * `transient` may pass by itself (no answer, 5xx, 429, an idempotency conflict while the first request is still
 * running). `code` is Stripe's error code or the error's class, never its message (which may quote the request).
 */
export class RefundError extends Error {
  constructor(
    readonly kind: 'refused' | 'key' | 'transient',
    readonly code: string,
    readonly status?: number,
  ) {
    super(`stripe refund ${kind}: ${code}${status ? ` (${status})` : ''}`);
    this.name = 'RefundError';
  }
}

const DEFINITE = new Set([400, 402, 404]);
const KEY_REFUSED = new Set([401, 403]);

function classify(error: unknown): RefundError {
  const e = error as { statusCode?: number; code?: string; type?: string; name?: string };
  const code = e.code ?? e.type ?? e.name ?? 'unknown';
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  if (status !== undefined && KEY_REFUSED.has(status)) return new RefundError('key', code, status);
  // StripeIdempotencyError (400): the same key with other parameters, or still in flight: not a verdict.
  const definite = status !== undefined && DEFINITE.has(status) && e.type !== 'StripeIdempotencyError';
  return new RefundError(definite ? 'refused' : 'transient', code, status);
}

type StripeClient = InstanceType<typeof import('stripe').default>;
const clients = new WeakMap<StripeRefunds, Promise<StripeClient>>();

function clientFor(payments: StripeRefunds): Promise<StripeClient> {
  let client = clients.get(payments);
  if (!client) {
    client = import('stripe').then(
      ({ default: Stripe }) =>
        new Stripe(payments.stripeSecretKey, {
          // Our job retries with backoff and the same key; the SDK's own retries would only stretch one run.
          maxNetworkRetries: 0,
          timeout: 5_000,
          ...(payments.stripeApi ?? {}),
        }),
    );
    client.catch(() => clients.delete(payments));
    clients.set(payments, client);
  }
  return client;
}

export function stripeRefunds(payments: StripeRefunds): RefundGateway {
  return {
    async refund(request) {
      const stripe = await clientFor(payments);
      try {
        const refund = await stripe.refunds.create(
          { charge: request.charge, amount: request.amount, metadata: request.metadata },
          { idempotencyKey: request.idempotencyKey },
        );
        return { id: refund.id, status: String(refund.status) };
      } catch (error) {
        throw classify(error);
      }
    },
  };
}
