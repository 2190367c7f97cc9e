import type { Telegram } from 'telegraf';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { dueDrops, runDrop } from '../marketplace/drops.js';
import { offerPublished } from './offer-events.js';

export const publishDropPayload = z.object({
  dropId: z.number().int().positive(),
  /** The publication this job was scheduled for (the drop's `next_run_at` then), as an ISO instant. */
  runAt: z.iso.datetime(),
});

/**
 * Asks the scheduler to publish a drop at `runAt`. Runs after a commit (the drop was created, or the previous
 * run advanced it); if scheduling fails the drop is still due, and the sweep publishes it, so it is logged.
 */
export async function scheduleDrop(deps: Deps, drop: { id: number; runAt: Date }): Promise<void> {
  try {
    await deps.scheduler.schedule({
      name: 'publish-drop',
      payload: { dropId: drop.id, runAt: drop.runAt.toISOString() },
      notBefore: drop.runAt,
      // One job per drop and run: scheduling the same run again never publishes twice.
      deduplicationId: `publish-drop-${drop.id}-${drop.runAt.getTime()}`,
    });
  } catch (error) {
    deps.log.error('schedule_failed', { job: 'publish-drop', drop_id: drop.id, error: String(error) });
  }
}

/**
 * The scheduled publication of a recurring drop: publish today's copy (and schedule its expiry), then schedule
 * the next run. Idempotent: a redelivered or stale job finds the drop moved on (or stopped) and does nothing.
 */
export async function runPublishDrop(
  deps: Deps,
  _telegram: Telegram,
  payload: z.infer<typeof publishDropPayload>,
) {
  const run = await runDrop(deps.db, {
    dropId: payload.dropId,
    runAt: new Date(payload.runAt),
    now: deps.clock.now(),
    // The venue's own zone wins (issue 17); this is for a venue without one.
    zone: deps.config.timezone,
  });
  // Its expiry, and (issue 14) the followers' alerts and the channel post, as for any publish.
  if (run.published)
    await offerPublished(deps, { id: run.published.offerId, pickupEnd: run.published.pickupEnd });
  if (run.nextRunAt) await scheduleDrop(deps, { id: payload.dropId, runAt: run.nextRunAt });
  deps.log.info('drop_run', {
    drop_id: payload.dropId,
    offer_id: run.published?.offerId ?? null,
    next_run_at: run.nextRunAt?.toISOString() ?? null,
  });
  return { published: run.published?.offerId ?? null, nextRunAt: run.nextRunAt?.toISOString() ?? null };
}

/** For the sweep: every drop whose job was lost runs now (a run whose window is over only moves on). */
export async function runDueDrops(deps: Deps, telegram: Telegram): Promise<number> {
  const due = await dueDrops(deps.db, deps.clock.now());
  for (const drop of due) {
    await runPublishDrop(deps, telegram, { dropId: drop.id, runAt: drop.nextRunAt.toISOString() });
  }
  return due.length;
}
