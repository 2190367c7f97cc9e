import { type JobName, runJobByName } from '../../lib/jobs/registry.js';
import type { TestApp } from './app.js';
import type { PublishedMessage } from './fake-qstash.js';

/**
 * Runs what the app scheduled on the fake QStash as QStash would deliver it: each published message once, no
 * earlier than its `notBefore`, by the app's clock. With `advance`, time moves to the next job instead of
 * waiting for it (a manual clock). Jobs a job schedules are picked up in the same loop.
 */
export function jobDriver(app: TestApp, clock?: { set(at: Date): void }) {
  const qstash = app.qstash;
  if (!qstash) throw new Error('createTestApp(…, { qstash: true }) for a job driver');
  const done = new Set<string>();
  const nameOf = (m: PublishedMessage) => m.destination.split('/api/jobs/')[1] as JobName;
  const pending = (name?: JobName) =>
    qstash.messages
      .filter((m) => !done.has(m.messageId) && (name === undefined || nameOf(m) === name))
      .sort((a, b) => (a.notBefore ?? 0) - (b.notBefore ?? 0));
  const nowSeconds = () => app.deps.clock.now().getTime() / 1000;

  async function run(message: PublishedMessage) {
    done.add(message.messageId);
    return runJobByName(app.deps, app.runtime.bot.telegram, nameOf(message), JSON.parse(message.body));
  }

  return {
    pending,
    /** Runs every job due now, and whatever they schedule that is due now too. Returns how many ran. */
    async runDue(name?: JobName): Promise<number> {
      let ran = 0;
      for (;;) {
        const next = pending(name).find((m) => (m.notBefore ?? 0) <= nowSeconds());
        if (!next) return ran;
        await run(next);
        ran++;
      }
    },
    /**
     * Moves the clock to each pending job's time in turn and runs it, until none is left or `until` is
     * reached. Returns how many ran.
     */
    async runAll(options: { name?: JobName; until?: Date; max?: number } = {}): Promise<number> {
      if (!clock) throw new Error('runAll needs the manual clock');
      let ran = 0;
      for (;;) {
        const next = pending(options.name)[0];
        if (!next || ran >= (options.max ?? 10_000)) return ran;
        const at = (next.notBefore ?? 0) * 1000;
        if (options.until && at > options.until.getTime()) return ran;
        if (at > app.deps.clock.now().getTime()) clock.set(new Date(at));
        await run(next);
        ran++;
      }
    },
  };
}
