import { BENCH_SECRET } from './constants.js';
import { percentile } from './measure.js';
import { machine, markdownTable } from './report.js';
import type { Marketplace } from './seed.js';
import type { UpdateFactory } from './updates.js';

/** How much load: a fixed number of requests, a fixed number at a time, for at most `seconds`. */
export interface LoadPlan {
  requests: number;
  concurrency: number;
  seconds: number;
}

/** The i-th update of the mix: half /offers, a quarter /start, a quarter offer details, 500 people. */
function updateOf(ids: UpdateFactory, market: Marketplace, i: number) {
  const person = ids.person(40_000 + (i % 500));
  const kind = i % 4;
  if (kind === 0) return ids.text(person, '/start');
  if (kind === 3) return ids.callback(person, `offer:view:${market.offers[i % market.offers.length]!.id}`, 1);
  return ids.text(person, '/offers');
}

export interface LoadResult {
  sent: number;
  ok: number;
  statuses: Record<string, number>;
  seconds: number;
  latencies: number[];
  stoppedEarly: boolean;
}

/** Sends the plan's webhook POSTs to the server at `url` (loopback only) and tallies the answers. */
export async function fire(
  url: string,
  ids: UpdateFactory,
  market: Marketplace,
  { requests, concurrency, seconds }: LoadPlan,
): Promise<LoadResult> {
  const endpoint = `${url}/api/telegram`;
  if (new URL(endpoint).hostname !== '127.0.0.1')
    throw new Error(`refusing to load ${endpoint}: loopback only`);
  const bodies = Array.from({ length: requests }, (_, i) => JSON.stringify(updateOf(ids, market, i)));
  const result: LoadResult = { sent: 0, ok: 0, statuses: {}, seconds: 0, latencies: [], stoppedEarly: false };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  // The time limit is hard: whatever is still in flight then is cut off (and counted apart, not as an error).
  const limit = new AbortController();
  const timer = setTimeout(() => limit.abort(), seconds * 1000);
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      if (performance.now() > deadline) {
        result.stoppedEarly = true;
        return;
      }
      const body = bodies[next++]!;
      const at = performance.now();
      let status: string;
      try {
        const response = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': BENCH_SECRET },
          body,
          signal: limit.signal,
        });
        await response.arrayBuffer();
        status = String(response.status);
      } catch (error) {
        if (limit.signal.aborted) {
          result.stoppedEarly = true;
          return;
        }
        status = `network error (${(error as Error).message})`;
      }
      result.sent++;
      result.latencies.push(performance.now() - at);
      result.statuses[status] = (result.statuses[status] ?? 0) + 1;
      if (status === '200') result.ok++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  clearTimeout(timer);
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

/** The load section of docs/BENCHMARKS.md, between its markers. */
export function loadSection(
  result: LoadResult,
  plan: LoadPlan,
  stores: string,
  telegramCalls: number,
): string {
  const { requests, concurrency, seconds } = plan;
  const errors = result.sent - result.ok;
  const table = markdownTable(
    [
      'requests',
      'concurrency',
      'duration s',
      'updates/s',
      'error rate',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'statuses',
      'Telegram calls',
    ],
    [
      [
        `${result.sent} of ${requests}${result.stoppedEarly ? ' (the rest cut off at the time limit)' : ''}`,
        String(concurrency),
        result.seconds.toFixed(1),
        (result.ok / result.seconds).toFixed(0),
        `${((errors / Math.max(1, result.sent)) * 100).toFixed(2)} %`,
        percentile(result.latencies, 50).toFixed(1),
        percentile(result.latencies, 95).toFixed(1),
        percentile(result.latencies, 99).toFixed(1),
        Object.entries(result.statuses)
          .map(([status, n]) => `${status}: ${n}`)
          .join(', '),
        String(telegramCalls),
      ],
    ],
  );
  return `<!-- load:start -->
## Load

Written by \`npm run load\` (scripts/load.ts) on ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}. A fixed number of
webhook POSTs, a fixed number at a time, went over loopback to \`npm run dev\`'s server in webhook mode (one
process on 127.0.0.1, ${stores}, the Bot API emulator as Telegram) for at most ${seconds} s: half \`/offers\`, a
quarter \`/start\`, a quarter offer details, from 500 people. Each update is claimed, rate-limited, handled
with its session, its SQL and its Telegram calls. An error is any answer but 200 (503 = a store outage) or
none. Machine: ${machine()}.

${table}
<!-- load:end -->`;
}
