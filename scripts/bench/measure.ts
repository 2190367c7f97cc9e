import { Telegram } from 'telegraf';
import type { BotApiEmulator } from '../../dev/sandbox/bot-api-emulator.js';
import type { BenchApp } from './app.js';
import { countOf, type IoEvent, type IoKind, ioWaitMs, type Probe } from './probe.js';
import type { Scenario } from './scenarios.js';

interface Sample {
  ms: number;
  events: IoEvent[];
  telegramCalls: number;
  /** Jobs the app scheduled (QStash messages in production). */
  scheduled: number;
}

export interface ScenarioResult {
  name: string;
  app: Sample[];
  floor: Sample[];
  bare: Sample[];
  /** The highest RSS sampled after each update of the scenario (the whole benchmark process). */
  rssPeakMb: number;
  problem?: string;
}

export interface Rig {
  app: BenchApp;
  bare: { handle(rawBody: string): Promise<void> };
  floor: { handle(rawBody: string): Promise<void> };
  probe: Probe;
  emulator: BotApiEmulator;
}

/** Every Telegram call of the app or the bare bot, timed at the client (each update has its own Telegram). */
export function recordTelegramCalls(probe: Probe): void {
  const original = Telegram.prototype.callApi;
  Telegram.prototype.callApi = function (this: Telegram, ...args: Parameters<Telegram['callApi']>) {
    return probe.time('telegram', () => original.apply(this, args));
  } as Telegram['callApi'];
}

async function timed(rig: Rig, run: () => Promise<unknown>): Promise<Sample> {
  const callsBefore = rig.emulator.calls.length;
  const scheduledBefore = rig.app.scheduled();
  rig.probe.begin();
  const started = performance.now();
  await run();
  const ms = performance.now() - started;
  return {
    ms,
    events: rig.probe.end(),
    telegramCalls: rig.emulator.calls.length - callsBefore,
    scheduled: rig.app.scheduled() - scheduledBefore,
  };
}

/**
 * Runs a scenario one update at a time: each update goes through the app's webhook handler, then the same
 * body to the floor bot and to the bare bot, alternating so all see the same machine. The first `warmup`
 * rounds are not kept. The scenario's `verify` is left to the caller (the load phase adds runs).
 */
export async function runScenario(
  rig: Rig,
  scenario: Scenario,
  { warmup, iterations }: { warmup: number; iterations: number },
): Promise<ScenarioResult> {
  const result: ScenarioResult = { name: scenario.name, app: [], floor: [], bare: [], rssPeakMb: 0 };
  rig.emulator.reset();
  for (let i = 0; i < warmup + iterations; i++) {
    const rawBody = JSON.stringify(await scenario.prepare(i));
    let status = 0;
    let body: Record<string, unknown> = {};
    const app = await timed(rig, async () => {
      ({ status, body } = await rig.app.deliver(rawBody));
    });
    if (status !== 200 || body.ok !== true || body.duplicate || body.limited) {
      throw new Error(`${scenario.name}: the webhook answered ${status} ${JSON.stringify(body)}`);
    }
    const floor = await timed(rig, () => rig.floor.handle(rawBody));
    const bare = await timed(rig, () => rig.bare.handle(rawBody));
    result.rssPeakMb = Math.max(result.rssPeakMb, process.memoryUsage.rss() / 2 ** 20);
    if (i >= warmup) {
      result.app.push(app);
      result.floor.push(floor);
      result.bare.push(bare);
    }
  }
  return result;
}

/** Latencies and wall time of one bot taking a list of updates, `concurrency` in flight. */
export interface LoadSample {
  latencies: number[];
  seconds: number;
}

/** Sends every body to `handle`, `concurrency` at a time; a handler that fails or refuses throws. */
export async function runConcurrently(
  bodies: string[],
  concurrency: number,
  handle: (rawBody: string) => Promise<void>,
): Promise<LoadSample> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const at = performance.now();
      await handle(body);
      latencies.push(performance.now() - at);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

interface LoadStats {
  p50: number;
  p95: number;
  /** Updates a second over the whole run. */
  rps: number;
}

export interface LoadSummary {
  name: string;
  updates: number;
  concurrency: number;
  app: LoadStats;
  floor: LoadStats;
  bare: LoadStats;
  problem?: string;
}

const loadStats = ({ latencies, seconds }: LoadSample): LoadStats => ({
  p50: percentile(latencies, 50),
  p95: percentile(latencies, 95),
  rps: latencies.length / seconds,
});

/**
 * The load phase of a scenario: `updates` new updates of it (prepared outside the clock, from index
 * `from` on), then the same bodies to the floor bot, the app's webhook handler and the bare bot, each
 * `concurrency` in flight.
 */
export async function runLoad(
  rig: Rig,
  scenario: Scenario,
  { from, updates, concurrency }: { from: number; updates: number; concurrency: number },
): Promise<LoadSummary> {
  const bodies: string[] = [];
  for (let i = from; i < from + updates; i++) bodies.push(JSON.stringify(await scenario.prepare(i)));
  rig.emulator.reset();
  // The reference bots may see a body twice (they keep no state that matters): a first pass at the same
  // concurrency grows the shared pg pool and warms their code, so the timed pass measures the steady state.
  const warm = bodies.slice(0, Math.min(bodies.length, 20 * concurrency));
  await runConcurrently(warm, concurrency, rig.floor.handle);
  await runConcurrently(warm, concurrency, rig.bare.handle);
  const floor = await runConcurrently(bodies, concurrency, rig.floor.handle);
  const app = await runConcurrently(bodies, concurrency, async (rawBody) => {
    const { status, body } = await rig.app.deliver(rawBody);
    if (status !== 200 || body.ok !== true || body.duplicate || body.limited) {
      throw new Error(`${scenario.name} under load: the webhook answered ${status} ${JSON.stringify(body)}`);
    }
  });
  const bare = await runConcurrently(bodies, concurrency, rig.bare.handle);
  return {
    name: scenario.name,
    updates,
    concurrency,
    app: loadStats(app),
    floor: loadStats(floor),
    bare: loadStats(bare),
  };
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
};

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

export interface Summary {
  name: string;
  p50: number;
  p95: number;
  bareP50: number;
  bareP95: number;
  floorP50: number;
  /** App p50 over bare p50. */
  ratio: number;
  /** App p50 over floor p50. */
  floorRatio: number;
  /** p50 of the time not spent waiting on Redis, SQL or Telegram. */
  cpuP50: number;
  bareCpuP50: number;
  /** p50 of the summed duration of each kind of I/O (concurrent requests each count). */
  waitP50: Record<IoKind, number>;
  sql: { total: number; beforeReply: number };
  redis: { total: number; beforeReply: number };
  /** Redis commands per update (what Upstash bills), over all its requests. */
  redisCommands: number;
  /** Jobs scheduled per update (QStash messages). */
  scheduled: number;
  telegram: number;
  bareTelegram: number;
  rssPeakMb: number;
  problem?: string;
}

const spent = (events: IoEvent[], kind: IoKind) =>
  events.filter((e) => e.kind === kind).reduce((sum, e) => sum + (e.end - e.start), 0);

export function summarize(result: ScenarioResult): Summary {
  const p50 = percentile(
    result.app.map((s) => s.ms),
    50,
  );
  const bareP50 = percentile(
    result.bare.map((s) => s.ms),
    50,
  );
  const counts = (kind: 'sql' | 'redis') => {
    const each = result.app.map((s) => countOf(s.events, kind));
    return { total: mean(each.map((c) => c.total)), beforeReply: mean(each.map((c) => c.beforeReply)) };
  };
  return {
    name: result.name,
    p50,
    p95: percentile(
      result.app.map((s) => s.ms),
      95,
    ),
    bareP50,
    bareP95: percentile(
      result.bare.map((s) => s.ms),
      95,
    ),
    floorP50: percentile(
      result.floor.map((s) => s.ms),
      50,
    ),
    ratio: p50 / bareP50,
    floorRatio:
      p50 /
      percentile(
        result.floor.map((s) => s.ms),
        50,
      ),
    cpuP50: percentile(
      result.app.map((s) => s.ms - ioWaitMs(s.events)),
      50,
    ),
    bareCpuP50: percentile(
      result.bare.map((s) => s.ms - ioWaitMs(s.events)),
      50,
    ),
    waitP50: {
      redis: percentile(
        result.app.map((s) => spent(s.events, 'redis')),
        50,
      ),
      sql: percentile(
        result.app.map((s) => spent(s.events, 'sql')),
        50,
      ),
      telegram: percentile(
        result.app.map((s) => spent(s.events, 'telegram')),
        50,
      ),
    },
    sql: counts('sql'),
    redis: counts('redis'),
    redisCommands: mean(
      result.app.map((s) =>
        s.events.filter((e) => e.kind === 'redis').reduce((sum, e) => sum + (e.commands ?? 0), 0),
      ),
    ),
    scheduled: mean(result.app.map((s) => s.scheduled)),
    telegram: mean(result.app.map((s) => s.telegramCalls)),
    bareTelegram: mean(result.bare.map((s) => s.telegramCalls)),
    rssPeakMb: result.rssPeakMb,
    problem: result.problem,
  };
}
