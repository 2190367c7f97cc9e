import { type HealthReport, runtimeHealth } from '../http/health.js';
import type { Runtime } from '../runtime.js';
import { raiseAlert } from './alerts.js';

/** The names of what failed (and their error codes): identifiers only, as the public report has them. */
function failingParts(report: HealthReport): string[] {
  const body = report.body;
  if ('config' in body) return ['configuration'];
  return [
    ...(body.database.ok ? [] : [`database (${body.database.error ?? 'unknown'})`]),
    ...(body.redis.ok ? [] : [`redis (${body.redis.error ?? 'unknown'})`]),
    ...(body.refunds?.ok === false ? [`refunds (${body.refunds.missing ?? 'unknown'} unset)`] : []),
  ];
}

/**
 * `/api/health` as uptime checks call it: the report, and when it fails, an alert to every admin (at most
 * once per 15 minutes; lib/ops/alerts.ts). A configuration the runtime refused can't reach Telegram, so that
 * failure is only in the report and the logs.
 */
export async function healthWithAlert(runtime: Promise<Runtime>): Promise<HealthReport> {
  const report = await runtimeHealth(runtime);
  if (report.status === 200) return report;
  const started = await runtime.catch(() => undefined);
  if (started) {
    await raiseAlert(started.deps, started.bot.telegram, { kind: 'health', failing: failingParts(report) });
  }
  return report;
}
