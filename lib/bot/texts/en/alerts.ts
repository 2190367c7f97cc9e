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
  stuck_refunds: ({ refunds, keyMissing }) =>
    keyMissing
      ? `🚨 <b>Refunds can't go out</b>: ${refunds} refund${refunds === 1 ? ' is' : 's are'} owed to customers and STRIPE_SECRET_KEY is not set. Set it again (online payment stays off without PAYMENT_PROVIDER_TOKEN); the refund job and the sweep then send them.`
      : `⚠️ <b>Refunds are held up</b>: ${refunds} refund${refunds === 1 ? '' : 's'} requested over an hour ago still not taken by Stripe. Check the logs (refund_retry) and STRIPE_SECRET_KEY; see "A refund is held up" in the runbook.`,
  health: ({ failing }) =>
    `🚨 <b>The health check fails</b>: ${escapeHtml(failing.join(', '))}. See /api/health and the function logs.`,
};

export const alertText = (alert: Alert): string =>
  `${(lines[alert.kind] as (a: Alert) => string)(alert)}\n\n<i>You get at most one message of this kind every 15 minutes.</i>`;
