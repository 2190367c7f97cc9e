import { createHash, timingSafeEqual } from 'node:crypto';
import type { Update } from 'telegraf/types';
import { texts } from '../bot/texts/common.js';
import { inLanguage, languageFromTelegram } from '../bot/texts/language.js';
import { sessionKeyOf, updateParties } from '../bot/update-parties.js';
import { isOutage, OutcomeUnknownError } from '../errors.js';
import { firstNoticeInWindow } from '../infra/ratelimit.js';
import { CLAIM_WHILE_PROCESSING_S } from '../limits.js';
import { noteError } from '../ops/alerts.js';
import type { Runtime } from '../runtime.js';

export interface WebhookRequest {
  method: string;
  secretHeader: string | undefined;
  rawBody: string;
}

export interface WebhookResponse {
  status: number;
  body: Record<string, unknown>;
}

const CLAIM_WHEN_DONE_S = 60 * 60 * 24;

/** A Telegram update as far as the policy needs it: an object with a non-negative integer `update_id`. */
function asUpdate(body: unknown): Update | undefined {
  const id = (body as { update_id?: unknown } | null)?.update_id;
  return typeof body === 'object' && !Array.isArray(body) && Number.isSafeInteger(id) && (id as number) >= 0
    ? (body as Update)
    : undefined;
}

const digest = (value: string) => createHash('sha256').update(value).digest();
/** The configured secret's digest, computed once (the secret is fixed for the process's life). */
let expectedDigest: { secret: string; digest: Buffer } | undefined;

function secretMatches(expected: string | undefined, given: string | undefined): boolean {
  if (!expected || given === undefined) return false;
  // Hashing first gives equal lengths, so neither the content nor the length leaks through timing.
  if (expectedDigest?.secret !== expected) expectedDigest = { secret: expected, digest: digest(expected) };
  return timingSafeEqual(expectedDigest.digest, digest(given));
}

/**
 * The webhook policy (docs/ARCHITECTURE §5): verify, validate, claim the update id once, rate-limit,
 * handle; bugs answer 200 (no retry storm), database outages release the claim and answer 503, and so does any
 * failure on a successful payment (money was taken: Telegram redelivers until it is recorded).
 */
export async function handleTelegramWebhook(
  runtime: Runtime,
  request: WebhookRequest,
): Promise<WebhookResponse> {
  const { deps } = runtime;
  if (request.method !== 'POST') return { status: 405, body: { error: 'method not allowed' } };
  if (!secretMatches(deps.config.webhookSecret, request.secretHeader)) {
    deps.log.warn('webhook_unauthorized');
    return { status: 401, body: { error: 'unauthorized' } };
  }
  let update: Update | undefined;
  try {
    update = asUpdate(JSON.parse(request.rawBody));
  } catch {
    update = undefined;
  }
  if (!update) {
    deps.log.warn('webhook_bad_request');
    return { status: 400, body: { error: 'expected a Telegram update' } };
  }
  return processUpdate(runtime, update);
}

/** Claim, rate-limit and handle one verified update; shared by the webhook and local long polling. */
export async function processUpdate(runtime: Runtime, update: Update): Promise<WebhookResponse> {
  const { deps, bot, sessions, limiter } = runtime;
  const log = deps.log.child({ update_id: update.update_id });
  const parties = updateParties(update);
  const sessionKey = sessionKeyOf(parties);
  const claimKey = `update:${update.update_id}`;

  // Issued in one tick, so the auto-pipeline sends claim, rate limit and session read in one round trip.
  // `SET … NX GET` returns the holder's value: 'processing' (still running, or crashed) or 'done'.
  const claimed = deps.redis
    .set(claimKey, 'processing', { nx: true, ex: CLAIM_WHILE_PROCESSING_S, get: true })
    .then((previous): 'mine' | 'done' | 'running' =>
      previous === null ? 'mine' : previous === 'done' ? 'done' : 'running',
    )
    .catch((error): 'mine' => {
      // Without Redis we cannot deduplicate; the idempotency records in Postgres still make writes safe.
      log.warn('claim_unavailable', { error });
      return 'mine';
    });
  // Issue 18: payment updates are never rate limited (update-parties.ts says why).
  const verdict =
    parties.userId !== undefined && !parties.payment ? limiter.check(String(parties.userId)) : undefined;
  if (sessionKey) sessions.prime(sessionKey);

  const claim = await claimed;
  if (claim !== 'mine') {
    if (sessionKey) sessions.forget(sessionKey);
    log.info('update_duplicate', { state: claim });
    // Still running elsewhere (or crashed there): ask Telegram to come back rather than drop the update.
    if (claim === 'running') return { status: 503, body: { error: 'in progress', retry: true } };
    return { status: 200, body: { ok: true, duplicate: true } };
  }

  const limit = await verdict;
  if (limit && !limit.allowed && parties.userId !== undefined) {
    // The primed session read is already on its way (same round trip as the claim): its mirror of the person's
    // /language choice says what "slow down" is said in. Nothing is written back.
    const session = sessionKey ? await sessions.get(sessionKey).catch(() => undefined) : undefined;
    log.info('update_rate_limited', { user_id: parties.userId });
    if (
      parties.chatType === 'private' &&
      (await firstNoticeInWindow(deps.redis, `rl:${parties.userId}`, limit.resetAt))
    ) {
      const language =
        session?.language ?? languageFromTelegram(parties.languageCode, deps.config.defaultLanguage);
      await bot.telegram
        .sendMessage(
          parties.userId,
          inLanguage(language, () => texts.slowDown),
        )
        .catch(() => {});
    }
    await markDone(runtime, claimKey);
    return { status: 200, body: { ok: true, limited: true } };
  }

  const started = performance.now();
  try {
    await bot.handleUpdate(update);
  } catch (error) {
    if (sessionKey) sessions.forget(sessionKey);
    if (isOutage(error) || error instanceof OutcomeUnknownError) {
      const event = error instanceof OutcomeUnknownError ? 'update_timeout' : 'update_outage';
      log.error(event, { error, ms: Math.round(performance.now() - started) });
      await Promise.all([deps.redis.del(claimKey).catch(() => {}), noteError(deps, bot.telegram)]);
      return { status: 503, body: { error: 'temporarily unavailable' } };
    }
    if (parties.payment === 'charged') {
      // Telegram has taken the customer's money: a bug here must not lose the payment. Its handling is
      // idempotent (the charge id is unique), so Telegram's redelivery is safe, and a fix deployed meanwhile
      // confirms it. The error alerts like any other.
      log.error('payment_update_failed', { error });
      await Promise.all([deps.redis.del(claimKey).catch(() => {}), noteError(deps, bot.telegram)]);
      return { status: 503, body: { error: 'temporarily unavailable' } };
    }
    log.error('update_failed', { error });
    await noteError(deps, bot.telegram);
  }
  await markDone(runtime, claimKey);
  log.info('update_handled', { ms: Math.round(performance.now() - started) });
  return { status: 200, body: { ok: true } };
}

async function markDone({ deps }: Runtime, claimKey: string) {
  await deps.redis.set(claimKey, 'done', { ex: CLAIM_WHEN_DONE_S }).catch(() => {});
}
