import type { Alert } from '../../../ops/alerts.js';
import { escapeHtml } from '../../html.js';

/** What admins read when something is wrong (lib/ops/alerts.ts sends it, at most once per kind per 15 min). */
const lines: { [K in Alert['kind']]: (alert: Extract<Alert, { kind: K }>) => string } = {
  errors: ({ count }) =>
    `⚠️ <b>Errors are piling up</b>: ${count} in the last minute. Check the logs (level "error") for what fails.`,
  lost_callbacks: ({ offers }) =>
    `⚠️ <b>Expiry callbacks went missing</b>: the sweep had to expire ${offers} offer${offers === 1 ? '' : 's'} whose pickup window was over. Check QStash (failed deliveries, the DLQ) and PUBLIC_URL.`,
  stuck_notices: ({ notices }) =>
    `⚠️ <b>Messages are not getting through</b>: ${notices} notice${notices === 1 ? '' : 's'} still undelivered after an hour. Check Telegram's answers in the logs (notify_failed) and the deliver-notices job.`,
  health: ({ failing }) =>
    `🚨 <b>The health check fails</b>: ${escapeHtml(failing.join(', '))}. See /api/health and the function logs.`,
};

export const alertText = (alert: Alert): string =>
  `${(lines[alert.kind] as (a: Alert) => string)(alert)}\n\n<i>You get at most one message of this kind every 15 minutes.</i>`;
