import { Telegram } from 'telegraf';
import type { BotApiEmulator } from '../../dev/sandbox/bot-api-emulator.js';
import type { BenchApp } from './app.js';
import { countOf, type IoEvent, type IoKind, ioWaitMs, type Probe } from './probe.js';
import type { Scenario } from './scenarios.js';

export interface Sample {
  ms: number;
  events: IoEvent[];
  telegramCalls: number;
}

export interface ScenarioResult {
  name: string;
  app: Sample[];
  bare: Sample[];
  /** The highest RSS sampled after each update of the scenario (the whole benchmark process). */
  rssPeakMb: number;
  problem?: string;
}

export interface Rig {
  app: BenchApp;
  bare: { handle(rawBody: string): Promise<void> };
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
  rig.probe.begin();
  const started = performance.now();
  await run();
  const ms = performance.now() - started;
  return { ms, events: rig.probe.end(), telegramCalls: rig.emulator.calls.length - callsBefore };
}

/**
 * Runs a scenario: each update goes through the app's webhook handler, then the same body to the bare bot,
 * alternating so both see the same machine. The first `warmup` rounds are not kept.
 */
export async function runScenario(
  rig: Rig,
  scenario: Scenario,
  { warmup, iterations }: { warmup: number; iterations: number },
): Promise<ScenarioResult> {
  const result: ScenarioResult = { name: scenario.name, app: [], bare: [], rssPeakMb: 0 };
  const errorsBefore = rig.app.errors.length;
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
    const bare = await timed(rig, () => rig.bare.handle(rawBody));
    result.rssPeakMb = Math.max(result.rssPeakMb, process.memoryUsage.rss() / 2 ** 20);
    if (i >= warmup) {
      result.app.push(app);
      result.bare.push(bare);
    }
  }
  const errors = rig.app.errors.slice(errorsBefore);
  result.problem =
    (await scenario.verify?.(warmup + iterations)) ??
    (errors.length > 0 ? `${errors.length} errors logged, e.g. ${errors[0]}` : undefined);
  return result;
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
  /** App p50 over bare p50. */
  ratio: number;
  /** p50 of the time not spent waiting on Redis, SQL or Telegram. */
  cpuP50: number;
  bareCpuP50: number;
  /** p50 of the summed duration of each kind of I/O (concurrent requests each count). */
  waitP50: Record<IoKind, number>;
  sql: { total: number; beforeReply: number };
  redis: { total: number; beforeReply: number };
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
    ratio: p50 / bareP50,
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
    telegram: mean(result.app.map((s) => s.telegramCalls)),
    bareTelegram: mean(result.bare.map((s) => s.telegramCalls)),
    rssPeakMb: result.rssPeakMb,
    problem: result.problem,
  };
}
