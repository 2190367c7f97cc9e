import { readFileSync, writeFileSync } from 'node:fs';
import type { Summary } from './measure.js';
import type { MemoryRow } from './memory.js';
import { type ColdRuns, coldTable, machine, memoryTable, scenarioTable } from './report.js';

/** docs/BENCHMARKS.md: written whole by the bench; its load section is written by `npm run load` alone. */
export const reportPath = new URL('../../docs/BENCHMARKS.md', import.meta.url);
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
  command: string;
  stores: string;
  iterations: number;
  warmup: number;
  summaries: Summary[];
  cold: ColdRuns;
  memory: MemoryRow[];
  budgets: { table: string; notes: string[] };
  loadSection?: string;
  seconds: number;
}

export function renderReport(input: ReportInput): string {
  return `# Benchmarks

Written by \`npm run bench\` (scripts/bench.ts); rerun it rather than editing the numbers. \`npm run load\`
(scripts/load.ts) fills in the load section at the end.

- **Date**: ${input.date.toISOString().replace(/\.\d+Z$/, 'Z')}
- **Machine**: ${machine()}
- **Command**: \`${input.command}\` (${input.seconds.toFixed(0)} s)
- **Stores**: ${input.stores}
- **Telegram**: the Bot API emulator (dev/sandbox/bot-api-emulator.ts) on 127.0.0.1, in the benchmark's process

## Per update, warm

The real webhook handler (\`handleTelegramWebhook\`: secret check, body validation, claim, rate limit, bot)
with a runtime built as the tests build it, ${input.iterations} updates per scenario after ${input.warmup} warm-up
updates, one at a time. Each update then goes to a bare Telegraf bot (same \`apiRoot\`, \`webhookReply: false\`,
botInfo preset, one handler replying a fixed text): the floor.

${scenarioTable(input.summaries)}

- _p50/p95_: handler time, from the raw body to the webhook's answer (every Telegram call included).
- _CPU_: handler time minus the time spent waiting on Redis, SQL or Telegram (the union of those waits).
- _wait_: summed time per kind of I/O (concurrent requests each count).
- _SQL stmts_: statements at the driver (pg \`Pool.query\` / PGlite \`query\`), each one round trip.
- _Redis requests_: requests the Upstash client sent (one \`/pipeline\` = one request = one round trip),
  counted on the adapter's backend. _Before reply_: issued before the first Telegram call.
- _RSS peak_: of the whole benchmark process (emulator and bookkeeping included); the memory section below
  measures the app alone.

## Cold start

A fresh \`node\` process imports the handler (compiled with \`tsc\`, as a deployment runs JavaScript, not through
a TypeScript loader) and handles one \`/start\` of a new person; timed from spawn to the reply reaching the
emulator. The app goes through \`api/telegram.ts\` (config, deps with its own connections, runtime, webhook
policy, bot); the bare bot imports Telegraf only.

${coldTable(input.cold)}

## Memory over ${input.memory[0]?.result.updates.toLocaleString('en') ?? '10,000'} updates

Each in a process of its own (the emulator stays in the parent), 4 updates at a time: /start and /offers in
turn from 1,000 people. _RSS before_: loaded, connected and seeded, before the first update. _Peak RSS_: the
process's maximum resident set (\`getrusage\`).

${memoryTable(input.memory)}

## Budgets (ARCHITECTURE §7)

${input.budgets.table}

${input.budgets.notes.join('\n\n')}

${input.loadSection ?? '<!-- load:start -->\n## Load\n\nNot measured yet: run `npm run load`.\n<!-- load:end -->'}
`;
}
