import { createHash, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type { Config } from '../config.js';
import { isOutage } from '../errors.js';
import { type JobName, jobs } from '../jobs/registry.js';
import type { Logger } from '../log.js';
import { countingErrors } from '../ops/alerts.js';
import { getRuntime } from '../runtime.js';
import { header, postBody, route } from './web.js';

/**
 * Signed job callbacks (QStash) and cron calls, verified before anything runs, so each route is a few lines:
 *
 *   const result = await handleJob(request, { keys, log, schema, run: (payload) => runExpireOffer(…) });
 *
 * Statuses follow what QStash does with them: 2xx = done; any other status is retried (3 times here), so a
 * malformed payload is answered 400 (retrying can't fix it; it lands in the DLQ), an outage 503 (a retry
 * later may succeed), a bad signature 401.
 */
interface JobRequest {
  method: string;
  signature: string | undefined;
  rawBody: string;
  /**
   * The public URL QStash signed (`${PUBLIC_URL}/api/jobs/<name>`), never one rebuilt from the Host header:
   * the JWT's `sub` must equal the URL the job was published to.
   */
  url: string;
}

export interface JobResponse {
  status: number;
  body: Record<string, unknown>;
}

async function verifyQStashRequest(
  request: Pick<JobRequest, 'signature' | 'rawBody' | 'url'>,
  keys: NonNullable<Config['qstash']>,
): Promise<boolean> {
  if (!request.signature) return false;
  try {
    const { Receiver } = await import('@upstash/qstash');
    const receiver = new Receiver({
      currentSigningKey: keys.currentSigningKey,
      nextSigningKey: keys.nextSigningKey,
    });
    return await receiver.verify({ signature: request.signature, body: request.rawBody, url: request.url });
  } catch {
    return false;
  }
}

async function handleJob<T>(
  request: JobRequest,
  options: {
    keys: Config['qstash'];
    log: Logger;
    schema: z.ZodType<T>;
    run: (payload: T) => Promise<Record<string, unknown>>;
  },
): Promise<JobResponse> {
  if (request.method !== 'POST') return { status: 405, body: { error: 'method not allowed' } };
  if (!options.keys || !(await verifyQStashRequest(request, options.keys))) {
    options.log.warn('job_unauthorized', { url: request.url, signed: Boolean(request.signature) });
    return { status: 401, body: { error: 'invalid signature' } };
  }
  let payload: T;
  try {
    payload = options.schema.parse(JSON.parse(request.rawBody));
  } catch {
    options.log.warn('job_bad_payload', { url: request.url });
    return { status: 400, body: { error: 'invalid payload' } };
  }
  return runJob(() => options.run(payload), options.log, request.url);
}

/** Runs verified work and maps failures: outages 503 (retry), bugs 500 (logged). */
export async function runJob(
  work: () => Promise<Record<string, unknown>>,
  log: Logger,
  name: string,
): Promise<JobResponse> {
  try {
    return { status: 200, body: { ok: true, ...(await work()) } };
  } catch (error) {
    if (isOutage(error)) {
      log.error('job_outage', { job: name, error: String(error) });
      return { status: 503, body: { error: 'temporarily unavailable' } };
    }
    log.error('job_failed', { job: name, error });
    return { status: 500, body: { error: 'job failed' } };
  }
}

/** `Authorization: Bearer <CRON_SECRET>`, compared in constant time; no secret configured → always refused. */
export function checkCronAuth(authorization: string | undefined, cronSecret: string | undefined): boolean {
  if (!cronSecret || !authorization) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(authorization), digest(`Bearer ${cronSecret}`));
}

/** The whole `api/jobs/<name>` function: verify the QStash signature on the raw body, parse, run. */
export function jobRoute(name: JobName) {
  return route(async (request) => {
    const { deps, bot } = await getRuntime();
    const job = jobs[name];
    return handleJob(
      {
        method: request.method,
        signature: header(request, 'upstash-signature'),
        rawBody: await postBody(request),
        url: `${deps.config.publicUrl}/api/jobs/${name}`,
      },
      {
        keys: deps.config.qstash,
        log: deps.log,
        schema: job.schema as z.ZodType<unknown>,
        // A failure also counts toward the admins' "errors are piling up" alert (lib/ops/alerts.ts).
        run: (payload) =>
          countingErrors<Record<string, unknown>>(deps, bot.telegram, () =>
            job.run(deps, bot.telegram, payload as never),
          ),
      },
    );
  });
}
