import type { Config } from '../config.js';
import type { Logger } from '../log.js';

/** A job delivered later to `/api/jobs/<name>` (QStash) or to an in-process handler (local runs). */
interface ScheduledJob {
  name:
    | 'expire-offer'
    | 'deliver-notices'
    | 'publish-drop'
    // Issue 14: new-deal alerts in batches, pickup reminders, the channel post.
    | 'fan-out-deal-alerts'
    | 'pickup-reminder'
    | 'channel-post'
    // Issue 18: a hold for an online payment ends; refunds go to Stripe.
    | 'expire-payment'
    | 'refund';
  payload: Record<string, unknown>;
  notBefore: Date;
  /** Same id, same job: QStash drops the duplicate, the local scheduler replaces the timer. */
  deduplicationId: string;
}

export interface Scheduler {
  schedule(job: ScheduledJob): Promise<void>;
  close(): Promise<void>;
}

export type JobRunner = (name: ScheduledJob['name'], payload: Record<string, unknown>) => Promise<void>;

/**
 * QStash: `publishJSON` with `notBefore` (seconds) and a deduplication id; callbacks are signed. The client
 * (with jose, ~33 ms to import) is loaded on the first job, not on every cold start: most updates schedule
 * nothing.
 */
export async function createQStashScheduler(
  qstash: NonNullable<Config['qstash']>,
  publicUrl: string,
): Promise<Scheduler> {
  let client: Promise<import('@upstash/qstash').Client> | undefined;
  const connect = () => {
    client ??= import('@upstash/qstash').then(
      ({ Client }) => new Client({ token: qstash.token, baseUrl: qstash.url }),
    );
    client.catch(() => {
      client = undefined;
    });
    return client;
  };
  return {
    async schedule(job) {
      await (await connect()).publishJSON({
        url: `${publicUrl}/api/jobs/${job.name}`,
        body: job.payload,
        notBefore: Math.ceil(job.notBefore.getTime() / 1000),
        deduplicationId: job.deduplicationId,
        retries: 3,
      });
    },
    close: async () => {},
  };
}

/**
 * Local runs: a timer calls the same job function in-process. Timers do not survive a restart;
 * the sweep (`/api/cron/sweep`, also run on start by the dev server) catches what they miss.
 */
export function createLocalScheduler(log: Logger, runner: () => JobRunner | undefined): Scheduler {
  const timers = new Map<string, NodeJS.Timeout>();
  // setTimeout overflows past ~24.8 days; offers never live that long, but clamp anyway.
  const maxDelay = 2 ** 31 - 1;
  return {
    async schedule(job) {
      clearTimeout(timers.get(job.deduplicationId));
      const delay = Math.min(Math.max(0, job.notBefore.getTime() - Date.now()), maxDelay);
      const timer = setTimeout(() => {
        timers.delete(job.deduplicationId);
        const run = runner();
        if (!run) return;
        run(job.name, job.payload).catch((error) =>
          log.error('job_failed', { job: job.name, job_id: job.deduplicationId, error }),
        );
      }, delay);
      timer.unref();
      timers.set(job.deduplicationId, timer);
    },
    async close() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
