import { readFileSync, writeFileSync } from 'node:fs';
import { costSection } from './cost.js';
import type { LoadSummary, Summary } from './measure.js';
import type { MemoryRow } from './memory.js';
import {
  allocationLine,
  type ColdRuns,
  coldTable,
  loadTable,
  machine,
  memoryTable,
  scenarioTable,
} from './report.js';

/** The functions' memory (vercel.json `functions.memory`, 1024 MB): what function time is billed at. */
const FUNCTION_MEMORY_GB = 1;

/** docs/BENCHMARKS.md: written whole by the bench; its load section is written by `npm run load` alone. */
const reportPath = new URL('../../docs/BENCHMARKS.md', import.meta.url);
const loadSection = /<!-- load:start -->[\s\S]*<!-- load:end -->/;

function currentReport(): string | undefined {
  try {
    return readFileSync(reportPath, 'utf8');
  } catch {
    return undefined;
  }
}

/** Replaces the load section (or adds it at the end), keeping everything else. */
export function writeLoadSection(section: string): void {
  const report = currentReport() ?? '# Benchmarks\n\nRun `npm run bench` for the rest.\n';
  writeFileSync(
    reportPath,
    loadSection.test(report) ? report.replace(loadSection, section) : `${report.trimEnd()}\n\n${section}\n`,
  );
}

/** Writes the bench's report, keeping the load section of the previous one. */
export function writeReport(input: Omit<ReportInput, 'loadSection'>): void {
  const previous = currentReport()?.match(loadSection)?.[0];
  writeFileSync(reportPath, renderReport({ ...input, loadSection: previous }));
}

export interface ReportInput {
  date: Date;
  /** os.loadavg()[0] at the start, formatted. */
  loadAverage: string;
  command: string;
  stores: string;
  iterations: number;
  warmup: number;
  summaries: Summary[];
  loads: LoadSummary[];
  cold: ColdRuns;
  /** Size of the bundled webhook function (0 when not built). */
  bundleBytes: number;
  memory: MemoryRow[];
  budgets: { table: string; notes: string[] };
  loadSection?: string;
  seconds: number;
}

function renderReport(input: ReportInput): string {
  return `# Benchmarks

Written by \`npm run bench\` (scripts/bench.ts); rerun it rather than editing the numbers. \`npm run load\`
(scripts/load.ts) fills in the load section at the end.

- **Date**: ${input.date.toISOString().replace(/\.\d+Z$/, 'Z')}
- **Machine**: ${machine()}; load average ${input.loadAverage} when the run started (2 cores: other
  work on the machine shows up in every figure, most in the cold starts)
- **Command**: \`${input.command}\` (${input.seconds.toFixed(0)} s)
- **Stores**: ${input.stores}
- **Telegram**: the Bot API emulator (dev/sandbox/bot-api-emulator.ts) on 127.0.0.1, in the benchmark's process

## Per update, warm

The real webhook handler (\`handleTelegramWebhook\`: secret check, body validation, claim, rate limit, bot)
with a runtime built as the tests build it, ${input.iterations} updates per scenario after ${input.warmup} warm-up
updates, one at a time. Each update then goes to two reference bots (scripts/bench/floor-bot.ts, bare-bot.ts),
both Telegraf configured as the app's (same \`apiRoot\`, \`webhookReply: false\`, botInfo preset):

- **floor**: the physical floor of this job, the least I/O the real work needs and nothing of ours: one Redis
  pipeline (claim the update with \`SET … NX EX\`, read the session with \`GET\`, straight on the ioredis
  connection), one SQL query for the live offers (raw text on the same pg pool), one reply naming them;
- **bare**: one handler replying a fixed text, no I/O but the reply.

${scenarioTable(input.summaries)}

- _p50/p95_: handler time, from the raw body to the webhook's answer (every Telegram call included).
- _CPU_: handler time minus the time spent waiting on Redis, SQL or Telegram (the union of those waits).
- _wait_: summed time per kind of I/O (concurrent requests each count).
- _SQL stmts_: statements at the driver (pg \`Pool.query\` / PGlite \`query\`), each one round trip.
- _Redis requests_: requests the Upstash client sent (one \`/pipeline\` = one request = one round trip),
  counted on the adapter's backend. _Before reply_: issued before the first Telegram call.
- _RSS peak_: of the whole benchmark process (emulator and bookkeeping included); the memory section below
  measures the app alone.

## Under load

The same scenarios, ${input.loads[0]?.updates ?? 0} new updates each (prepared outside the clock), sent
${input.loads[0]?.concurrency ?? 0} at a time, in-process, first to the floor bot, then to the app's webhook
handler, then to the bare bot. _p50_: per update, from the raw body to the answer. _Updates/s_: all of them
over the run's wall time. The Bot API emulator answers in the same process for all three. The wizard step is
one person's conversation and is not run concurrently.

${loadTable(input.loads)}

## Cold start

A fresh \`node\` process imports the webhook function and handles one \`/start\` of a new person; timed from
spawn to the reply reaching the emulator, with QStash configured and Redis reached as in production (the
Upstash REST client, served on loopback over this machine's Redis by scripts/bench/upstash-rest.ts; SQL
goes through \`pg\`, as Neon's driver needs Neon). _As deployed_: the bundle
\`npm run vercel-build\` writes (scripts/build-functions.ts), stores from the environment as on Vercel.
_File by file_: \`api/telegram.ts\` compiled by \`tsc\`, as @vercel/node shipped the functions before (never
through a TypeScript loader). The bare bot imports Telegraf only.

${coldTable(input.cold)}

## Memory over ${input.memory[0]?.result.updates.toLocaleString('en') ?? '10,000'} updates

Each in a process of its own (the emulator stays in the parent), 4 updates at a time: /start and /offers in
turn from 1,000 people. _File by file_: the tsc build in the bench's harness (its stores and app, as the warm
tables run it). _As deployed_: the webhook bundle \`npm run vercel-build\` writes, given each body as a web
\`Request\`, configured by its environment and reaching Redis through the Upstash REST client, as on Vercel.
_RSS before_: loaded (and, file by file, connected and seeded), before the first update. _Peak RSS_: the
process's maximum resident set (\`getrusage\`).

${memoryTable(input.memory)}

${allocationLine(input.memory)} _Allocated_: V8's sampling heap profiler over 1,000 more updates after the
run (objects already freed included), so the profiler is not in the RSS figures.

${costSection(input.summaries, FUNCTION_MEMORY_GB)}

## Budgets (ARCHITECTURE §7)

${input.budgets.table}

${input.budgets.notes.join('\n\n')}

${input.loadSection ?? '<!-- load:start -->\n## Load\n\nNot measured yet: run `npm run load`.\n<!-- load:end -->'}
`;
}
