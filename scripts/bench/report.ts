import { cpus, totalmem } from 'node:os';
import type { ColdMode, ColdStartRun } from './cold-start.js';
import type { LoadSummary, Summary } from './measure.js';
import type { MemoryRow } from './memory.js';

export const fmt = (value: number, digits = 1) =>
  Number.isInteger(value) ? String(value) : value.toFixed(digits);
const ms = (value: number) => value.toFixed(2);

export function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}, ${process.platform}/${process.arch}`;
}

/** The per-scenario table, as Markdown (it reads fine in a terminal too). */
export function scenarioTable(summaries: Summary[]): string {
  const head = [
    'scenario',
    'p50 ms',
    'p95 ms',
    'floor p50',
    '× floor (p50)',
    'bare p50',
    '× bare (p50)',
    'CPU p50 (app / bare)',
    'wait p50: Redis / SQL / Telegram',
    'SQL stmts (before reply / total)',
    'Redis requests (before reply / total)',
    'Telegram calls',
    'RSS peak MB',
  ];
  const rows = summaries.map((s) => [
    s.problem ? `${s.name} (problem: ${s.problem})` : s.name,
    ms(s.p50),
    ms(s.p95),
    ms(s.floorP50),
    `${s.floorRatio.toFixed(2)}×`,
    ms(s.bareP50),
    `${s.ratio.toFixed(2)}×`,
    `${ms(s.cpuP50)} / ${ms(s.bareCpuP50)}`,
    `${ms(s.waitP50.redis)} / ${ms(s.waitP50.sql)} / ${ms(s.waitP50.telegram)}`,
    `${fmt(s.sql.beforeReply)} / ${fmt(s.sql.total)}`,
    `${fmt(s.redis.beforeReply)} / ${fmt(s.redis.total)}`,
    fmt(s.telegram),
    s.rssPeakMb.toFixed(0),
  ]);
  return markdownTable(head, rows);
}

/** Under load: every bot's p50 and throughput, and the app's as ratios against the floor. */
export function loadTable(loads: LoadSummary[]): string {
  const rows = loads.map((l) => [
    l.problem ? `${l.name} (problem: ${l.problem})` : l.name,
    `${ms(l.floor.p50)} / ${ms(l.bare.p50)} / ${ms(l.app.p50)}`,
    ms(l.app.p95),
    `**${(l.app.p50 / l.floor.p50).toFixed(2)}×**`,
    `${l.floor.rps.toFixed(0)} / ${l.bare.rps.toFixed(0)} / ${l.app.rps.toFixed(0)}`,
    `**${(l.app.rps / l.floor.rps).toFixed(2)}×**`,
    `${(l.bare.p50 / l.floor.p50).toFixed(2)}×, ${(l.bare.rps / l.floor.rps).toFixed(2)}×`,
  ]);
  return markdownTable(
    [
      `scenario (${loads[0]?.updates ?? 0} updates, ${loads[0]?.concurrency ?? 0} in flight)`,
      'p50 ms: floor / bare / app',
      'app p95 ms',
      'app ÷ floor (p50)',
      'updates/s: floor / bare / app',
      'app ÷ floor (throughput)',
      'bare ÷ floor (p50, throughput)',
    ],
    rows,
  );
}

/** A Markdown table with padded columns (as Biome formats it, and readable in a terminal). */
export function markdownTable(head: string[], rows: string[][]): string {
  const width = (text: string) => [...text].length;
  const widths = head.map((h, i) => Math.max(3, width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const pad = (text: string, i: number) => text + ' '.repeat(widths[i]! - width(text));
  const line = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`;
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

export type ColdRuns = Record<ColdMode, ColdStartRun[]>;

/** Medians of the cold starts, and where the app's time goes. */
export function coldTable(cold: ColdRuns): string {
  const spawnToReply = (runs: ColdStartRun[]) => median(runs.map((r) => r.ms));
  const bare = spawnToReply(cold.bare);
  const row = (label: string, runs: ColdStartRun[]) => [
    label,
    spawnToReply(runs).toFixed(0),
    `${Math.min(...runs.map((r) => r.ms)).toFixed(0)}–${Math.max(...runs.map((r) => r.ms)).toFixed(0)}`,
    `${(spawnToReply(runs) / bare).toFixed(2)}×`,
    median(runs.map((r) => r.marks.booted)).toFixed(0),
    median(runs.map((r) => r.marks.imported - r.marks.booted)).toFixed(0),
    median(runs.map((r) => r.ms - r.marks.imported)).toFixed(0),
  ];
  const rows = [row('app, file by file (tsc, as @vercel/node shipped it)', cold.app)];
  if (cold.bundle.length > 0) rows.push(row('app as deployed (npm run vercel-build: bundled)', cold.bundle));
  rows.push(row('bare Telegraf bot', cold.bare));
  return markdownTable(
    [
      `cold start (${cold.app.length} runs)`,
      'spawn → reply ms (median)',
      'range',
      '÷ bare',
      'Node boot ms',
      'import ms',
      'first update ms (≈)',
    ],
    rows,
  );
}

/** Who allocates the app's bytes per update (first memory row). */
export function allocationLine(rows: MemoryRow[]): string {
  const app = rows[0]?.result;
  if (!app) return '';
  const top = app.allocationTop.map((t) => `${t.owner} ${t.kbPerUpdate.toFixed(0)} KB`).join(', ');
  return `Allocated per update by the app (${app.allocatedKbPerUpdate.toFixed(0)} KB), by where: ${top}.`;
}

export function memoryTable(rows: MemoryRow[]): string {
  return markdownTable(
    [
      '10,000 updates, 4 at a time',
      'updates/s',
      'RSS before MB',
      'peak RSS MB',
      'V8 heap at end MB',
      'allocated per update KB',
      'failed',
    ],
    rows.map(({ label, result }) => [
      label,
      (result.updates / result.seconds).toFixed(0),
      result.rssBeforeMb.toFixed(0),
      result.maxRssMb.toFixed(0),
      `${result.heapUsedEndMb.toFixed(0)} used / ${result.heapTotalEndMb.toFixed(0)} total`,
      result.allocatedKbPerUpdate.toFixed(0),
      String(result.failed + result.errorsLogged),
    ]),
  );
}
