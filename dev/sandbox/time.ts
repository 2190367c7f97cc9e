import type { Clock } from '../../lib/clock.js';
import type { JobRunner, Scheduler } from '../../lib/infra/scheduler.js';
import type { Logger } from '../../lib/log.js';

/**
 * The sandbox's time (issue 14): the real clock plus an offset that the page's ⏩ buttons move forward, and a
 * scheduler that runs jobs when that clock reaches them. Fast-forwarding three hours fires the reminders,
 * alerts held in quiet hours and expiries due in those three hours, in order, as QStash would have.
 */
export function sandboxClock(): Clock & { advance(ms: number): void; offsetMs(): number } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => {
      offset += Math.max(0, ms);
    },
    offsetMs: () => offset,
  };
}

type Job = Parameters<Scheduler['schedule']>[0];

export interface SandboxScheduler extends Scheduler {
  /** Runs every job due by the clock, oldest first, including any that those jobs schedule for now. */
  runDue(): Promise<number>;
  /**
   * Moves the clock forward by `ms`, stopping at each job on the way to run it at its own time (a reminder
   * 15 minutes before a window closes runs then, not after the window is over).
   */
  fastForward(ms: number): Promise<number>;
  pending(): Array<{ name: Job['name']; at: string }>;
}

export function sandboxScheduler(
  clock: ReturnType<typeof sandboxClock>,
  log: Logger,
  runner: () => JobRunner | undefined,
): SandboxScheduler {
  const jobs = new Map<string, Job>();
  let running: Promise<number> | undefined;

  async function runDue(): Promise<number> {
    let ran = 0;
    for (;;) {
      const due = [...jobs.entries()]
        .filter(([, job]) => job.notBefore.getTime() <= clock.now().getTime())
        .sort(([, a], [, b]) => a.notBefore.getTime() - b.notBefore.getTime())[0];
      const run = runner();
      if (!due || !run) return ran;
      const [id, job] = due;
      jobs.delete(id);
      await run(job.name, job.payload).catch((error) =>
        log.error('job_failed', { job: job.name, job_id: id, error: String(error) }),
      );
      ran++;
    }
  }
  // One pass at a time: a tick while a pass runs waits for it instead of running a job twice.
  const tick = () => {
    running ??= runDue().finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(() => void tick(), 500);
  timer.unref();

  async function fastForward(ms: number): Promise<number> {
    await running;
    // The offset the clock ends at: exactly `ms` ahead of where it was, however long the jobs take.
    const finalOffset = clock.offsetMs() + Math.max(0, ms);
    let ran = 0;
    for (;;) {
      const next = Math.min(...[...jobs.values()].map((job) => job.notBefore.getTime()));
      const lead = next - clock.now().getTime();
      if (!(clock.offsetMs() + lead <= finalOffset)) break;
      clock.advance(lead);
      ran += await tick();
    }
    clock.advance(finalOffset - clock.offsetMs());
    return ran + (await tick());
  }

  return {
    fastForward,
    async schedule(job) {
      // As QStash: a second job with the same deduplication id is dropped while the first waits.
      if (!jobs.has(job.deduplicationId)) jobs.set(job.deduplicationId, job);
    },
    runDue: tick,
    pending: () =>
      [...jobs.values()]
        .sort((a, b) => a.notBefore.getTime() - b.notBefore.getTime())
        .map((job) => ({ name: job.name, at: job.notBefore.toISOString() })),
    async close() {
      clearInterval(timer);
      jobs.clear();
    },
  };
}
