import { type Telegram, TelegramError } from 'telegraf';
import { noticeMessage } from '../bot/notice-messages.js';
import { inLanguage, languageFromTelegram } from '../bot/texts/language.js';
import { localeOf } from '../bot/texts/locale.js';
import type { Deps } from '../deps.js';
import {
  type ClaimedNotice,
  claimNotices,
  type DeliveryResult,
  type DueNotice,
  NOTICE_MAX_ATTEMPTS,
  nextAttemptAfter,
  nextPendingNoticeAt,
  recordDeliveries,
} from '../marketplace/notices.js';
import { countStuckNotices } from '../marketplace/ops-checks.js';
import type { ReservationFacts } from '../marketplace/reservation-facts.js';
import { markUserBlocked } from '../marketplace/users.js';
import { raiseAlert } from '../ops/alerts.js';

/** A notice still undelivered this long after it was written is an ops alert (docs/admin.md). */
const STUCK_AFTER_MS = 60 * 60_000;

/**
 * Sends outbox notices and records what happened, one statement for the lot. It never throws: it runs after
 * a commit, where nothing may undo or hide the change. 403 (the person blocked the bot) marks them and gives
 * the notice up; 429 waits `retry_after`; other failures back off and are retried by the `deliver-notices`
 * job and the sweep. `shown` names notices already delivered another way (the pickup code edited into the
 * confirmation card) so they are recorded as sent without a second message.
 */
async function deliverNotices(
  deps: Deps,
  telegram: Telegram,
  notices: DueNotice[],
  { shown = [] as number[] } = {},
): Promise<{ sent: number; pending: number }> {
  const now = deps.clock.now();
  const l = localeOf(deps);
  const results: DeliveryResult[] = [];
  for (const notice of notices) {
    if (shown.includes(notice.id)) {
      results.push({ id: notice.id, outcome: 'sent' });
      continue;
    }
    // Issue 17: in the recipient's language (loaded with the notice), not the sender's or the job's.
    const language = languageFromTelegram(notice.language, deps.config.defaultLanguage);
    const { text, extra } = inLanguage(language, () => noticeMessage(notice, l));
    results.push(await sendOne(deps, telegram, notice, text, extra, now));
  }
  try {
    await recordDeliveries(deps.db, results, now);
  } catch (error) {
    // The claim lapses and a retry sends again: at least once beats never.
    deps.log.warn('notices_unrecorded', { count: results.length, error });
  }
  const pending = results.filter((r) => r.outcome === 'retry');
  if (pending.length > 0) await scheduleRetry(deps, pending);
  const sent = results.filter((r) => r.outcome === 'sent').length;
  if (notices.length > 0) deps.log.info('notices_delivered', { sent, pending: pending.length });
  return { sent, pending: pending.length };
}

async function sendOne(
  deps: Deps,
  telegram: Telegram,
  notice: DueNotice,
  text: string,
  extra: object,
  now: Date,
): Promise<DeliveryResult> {
  try {
    await telegram.sendMessage(notice.recipientId, text, extra);
    return { id: notice.id, outcome: 'sent' };
  } catch (error) {
    const code = error instanceof TelegramError ? error.code : undefined;
    if (code === 403) {
      await markUserBlocked(deps.db, notice.recipientId).catch(() => {});
      deps.log.info('notify_blocked', { user_id: notice.recipientId, notice_id: notice.id });
      return { id: notice.id, outcome: 'blocked' };
    }
    const reason = error instanceof TelegramError ? `${code} ${error.description}` : errorName(error);
    deps.log.warn('notify_failed', { user_id: notice.recipientId, notice_id: notice.id, code, reason });
    // A 400 (chat not found, bad markup) won't get better by waiting; everything else may.
    if (code === 400 || notice.attempts + 1 >= NOTICE_MAX_ATTEMPTS) {
      return { id: notice.id, outcome: 'failed', error: reason };
    }
    const retryAfter = error instanceof TelegramError ? error.parameters?.retry_after : undefined;
    return {
      id: notice.id,
      outcome: 'retry',
      error: reason,
      at: nextAttemptAfter(now, notice.attempts, retryAfter),
    };
  }
}

const errorName = (error: unknown) =>
  error instanceof Error ? `${error.name}${'code' in error ? ` ${String(error.code)}` : ''}` : 'unknown';

async function scheduleRetry(deps: Deps, pending: Array<Extract<DeliveryResult, { outcome: 'retry' }>>) {
  const at = new Date(Math.min(...pending.map((p) => p.at.getTime())));
  try {
    await deps.scheduler.schedule({
      name: 'deliver-notices',
      payload: {},
      notBefore: at,
      // One retry run per minute is plenty, however many notices failed in it.
      deduplicationId: `deliver-notices-${Math.floor(at.getTime() / 60_000)}`,
    });
  } catch (error) {
    deps.log.warn('schedule_failed', { job: 'deliver-notices', error });
  }
}

/** Right after a write: its notices, with the facts the write returned (no second query). */
export function deliverWritten(
  deps: Deps,
  telegram: Telegram,
  notices: ClaimedNotice[],
  facts: ReservationFacts,
  options?: { shown?: number[] },
) {
  return deliverNotices(
    deps,
    telegram,
    notices.map((n) => ({ ...n, attempts: 0, facts })),
    options,
  );
}

/** After a write that touched many reservations (a withdrawal, an expiry): its notices, by id. */
export async function deliverById(deps: Deps, telegram: Telegram, ids: number[]) {
  if (ids.length === 0) return { sent: 0, pending: 0 };
  try {
    // Already claimed by the write; re-claiming keeps them ours while we send.
    const due = await claimNotices(deps.db, { now: deps.clock.now(), ids });
    return await deliverNotices(deps, telegram, due);
  } catch (error) {
    deps.log.warn('notices_deferred', { count: ids.length, error });
    await scheduleRetryAt(deps, new Date(deps.clock.now().getTime() + 60_000));
    return { sent: 0, pending: ids.length };
  }
}

async function scheduleRetryAt(deps: Deps, at: Date) {
  await scheduleRetry(deps, [{ id: 0, outcome: 'retry', error: '', at }]);
}

/**
 * The `deliver-notices` job and part of the sweep: everything due, in batches, until none is left or the
 * time budget is spent (the next run takes the rest).
 */
export async function runDeliverNotices(deps: Deps, telegram: Telegram, { budgetMs = 6_000 } = {}) {
  const started = Date.now();
  let sent = 0;
  let pending = 0;
  for (;;) {
    const due = await claimNotices(deps.db, { now: deps.clock.now(), limit: 50 });
    if (due.length === 0) break;
    const batch = await deliverNotices(deps, telegram, due);
    sent += batch.sent;
    pending += batch.pending;
    if (Date.now() - started > budgetMs) {
      await scheduleRetryAt(deps, deps.clock.now());
      break;
    }
  }
  const [next, stuck] = await Promise.all([
    nextPendingNoticeAt(deps.db),
    countStuckNotices(deps.db, { now: deps.clock.now(), olderThanMs: STUCK_AFTER_MS }),
  ]);
  if (stuck > 0) await raiseAlert(deps, telegram, { kind: 'stuck_notices', notices: stuck });
  return { sent, pending, nextAt: next?.toISOString() ?? null };
}
