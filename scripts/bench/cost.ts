import type { Summary } from './measure.js';
import { fmt, markdownTable } from './report.js';

/**
 * Cost per 1,000 updates of a realistic mix, from the per-update counts the warm run measured (one update at
 * a time, so every command, statement, call and job is attributed to the update that caused it).
 */

/** An assumed day of a city's marketplace: mostly customers looking, some reserving, venues editing. */
const MIX: Array<{ scenario: string; share: number }> = [
  { scenario: 'browse', share: 0.35 },
  { scenario: 'offer details', share: 0.25 },
  { scenario: '/start', share: 0.15 },
  { scenario: 'reservation', share: 0.1 },
  { scenario: 'cancellation', share: 0.03 },
  { scenario: 'wizard step', share: 0.12 },
];

/** Round-trip times assumed for production in one region (fra1): Upstash REST, Neon HTTP, the Bot API. */
const PRODUCTION_RTT_MS = { redis: 2, sql: 4, telegram: 60 };

/** Free tiers as published when this was written; check the providers' pricing pages before relying on them. */
const FREE = {
  upstashCommandsPerMonth: 500_000,
  qstashMessagesPerDay: 1_000,
  vercelGbHoursPerMonth: 100,
};

const per1000 = (summaries: Summary[], value: (s: Summary) => number) =>
  MIX.reduce((sum, { scenario, share }) => {
    const summary = summaries.find((s) => s.name.startsWith(scenario));
    return sum + (summary ? share * value(summary) * 1000 : 0);
  }, 0);

/** Wall time of an update in production: its CPU plus its sequential round trips at the assumed RTTs. */
const productionMs = (s: Summary) =>
  s.cpuP50 +
  s.redis.total * PRODUCTION_RTT_MS.redis +
  s.sql.total * PRODUCTION_RTT_MS.sql +
  s.telegram * PRODUCTION_RTT_MS.telegram;

export function costSection(summaries: Summary[], functionMemoryGb: number): string {
  const rows: string[][] = [];
  const commands = per1000(summaries, (s) => s.redisCommands);
  const requests = per1000(summaries, (s) => s.redis.total);
  const statements = per1000(summaries, (s) => s.sql.total);
  const jobs = per1000(summaries, (s) => s.scheduled);
  const calls = per1000(summaries, (s) => s.telegram);
  const localSeconds = per1000(summaries, (s) => s.p50 / 1000);
  const prodSeconds = per1000(summaries, (s) => productionMs(s) / 1000);
  const gbSeconds = prodSeconds * functionMemoryGb;
  const perMonth = (limit: number, per: number) =>
    per > 0 ? `${Math.floor((limit / per) * 1000).toLocaleString('en')} updates` : 'unbounded';
  rows.push(
    [
      'Upstash Redis commands',
      fmt(commands, 0),
      `(in ${fmt(requests, 0)} requests)`,
      `${FREE.upstashCommandsPerMonth.toLocaleString('en')} commands/month`,
      `${perMonth(FREE.upstashCommandsPerMonth, commands)}/month`,
    ],
    [
      'Neon SQL statements',
      fmt(statements, 0),
      'one HTTP request each',
      'compute hours, not statements',
      'bounded by compute time (scale to zero when idle)',
    ],
    [
      'QStash messages',
      fmt(jobs, 1),
      'an expiry per published offer, a retry per failed notice',
      `${FREE.qstashMessagesPerDay.toLocaleString('en')} messages/day`,
      `${jobs > 0 ? `${perMonth(FREE.qstashMessagesPerDay, jobs)}/day` : 'none used by this mix'}`,
    ],
    ['Telegram Bot API calls', fmt(calls, 0), 'free; ~30 messages/s per bot', '—', '—'],
    [
      'function time (1 GB)',
      `${fmt(prodSeconds, 1)} s`,
      `${fmt(localSeconds, 1)} s measured on loopback`,
      `${FREE.vercelGbHoursPerMonth} GB-hours/month`,
      `${perMonth(FREE.vercelGbHoursPerMonth * 3600, gbSeconds)}/month`,
    ],
  );
  const upstashUpdates = Math.floor((FREE.upstashCommandsPerMonth / commands) * 1000);
  const vercelUpdates = Math.floor(((FREE.vercelGbHoursPerMonth * 3600) / gbSeconds) * 1000);
  const mix = MIX.map(({ scenario, share }) => `${scenario} ${Math.round(share * 100)} %`).join(', ');
  const perScenario = markdownTable(
    [
      'per update',
      'Redis commands',
      'Redis requests',
      'SQL statements',
      'Telegram calls',
      'QStash',
      'ms (prod. est.)',
    ],
    summaries.map((s) => [
      s.name,
      fmt(s.redisCommands, 1),
      fmt(s.redis.total, 1),
      fmt(s.sql.total, 1),
      fmt(s.telegram, 1),
      fmt(s.scheduled, 1),
      productionMs(s).toFixed(0),
    ]),
  );
  return `## Cost per 1,000 updates

A mix of ${mix} (an assumption: customers mostly look, venues run wizards), priced from the counts of the
warm run above (one update at a time, so each command, statement, call and job belongs to the update that
caused it). Upstash bills **commands** (a pipeline of three is three), Neon bills compute time, QStash bills
messages, Vercel bills function time. Wall time per update in production is estimated as the measured CPU
plus each sequential round trip at ${PRODUCTION_RTT_MS.redis} ms (Upstash), ${PRODUCTION_RTT_MS.sql} ms (Neon) and ${PRODUCTION_RTT_MS.telegram} ms (Bot API), at the
function's ${functionMemoryGb} GB. Free tiers as published when this was written (Upstash Redis 500K commands a
month, QStash 1,000 messages a day, Vercel Hobby 100 GB-hours of function time a month; under Fluid compute
Hobby counts 360 GB-hours of provisioned memory and 4 hours of active CPU instead, and the CPU per update
above is under a millisecond); check the providers' pages before relying on them.

${markdownTable(['per 1,000 updates', 'used', 'note', 'free tier', 'free tier lasts for'], rows)}

${perScenario}

Reading it: Upstash's free tier runs out first, at ~${upstashUpdates.toLocaleString('en')} updates a month
(~${Math.floor(upstashUpdates / 30).toLocaleString('en')} a day); function time, mostly waiting on Telegram, allows
~${vercelUpdates.toLocaleString('en')} a month.`;
}
