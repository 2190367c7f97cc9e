import type { Alert } from '../../../ops/alerts.js';
import { escapeHtml } from '../../html.js';
import type * as en from '../en/alerts.js';
import { plural } from '../plural.js';

/** What admins read when something is wrong (lib/ops/alerts.ts sends it, at most once per kind per 15 min). */
const lines: { [K in Alert['kind']]: (alert: Extract<Alert, { kind: K }>) => string } = {
  errors: ({ count }) =>
    `⚠️ <b>Fehler häufen sich</b>: ${count} in der letzten Minute. In den Logs (Level „error“) steht, was fehlschlägt.`,
  lost_callbacks: ({ offers }) =>
    `⚠️ <b>Ablauf-Callbacks fehlen</b>: Der Sweep musste ${plural(offers, { one: '# Angebot', other: '# Angebote' })} ablaufen lassen, deren Abholzeit vorbei war. Prüf QStash (fehlgeschlagene Zustellungen, die DLQ) und PUBLIC_URL.`,
  stuck_notices: ({ notices }) =>
    `⚠️ <b>Nachrichten kommen nicht an</b>: ${plural(notices, { one: '# Benachrichtigung ist', other: '# Benachrichtigungen sind' })} nach einer Stunde noch nicht zugestellt. Prüf die Antworten von Telegram in den Logs (notify_failed) und den Job deliver-notices.`,
  stuck_refunds: ({ refunds, keyMissing }) =>
    keyMissing
      ? `🚨 <b>Erstattungen können nicht raus</b>: ${plural(refunds, { one: '# Erstattung ist', other: '# Erstattungen sind' })} Kunden geschuldet, und STRIPE_SECRET_KEY ist nicht gesetzt. Setz ihn wieder (ohne PAYMENT_PROVIDER_TOKEN bleibt die Onlinezahlung aus); der Job refund und der Sweep senden sie dann.`
      : `⚠️ <b>Erstattungen hängen</b>: ${plural(refunds, { one: '# Erstattung wurde', other: '# Erstattungen wurden' })} vor über einer Stunde angefordert und von Stripe noch nicht angenommen. Prüf die Logs (refund_retry) und STRIPE_SECRET_KEY; siehe „A refund is held up“ im Runbook.`,
  health: ({ failing }) =>
    `🚨 <b>Der Health-Check schlägt fehl</b>: ${escapeHtml(failing.join(', '))}. Siehe /api/health und die Logs der Functions.`,
};

export const alertText: typeof en.alertText = (alert) =>
  `${(lines[alert.kind] as (a: Alert) => string)(alert)}\n\n<i>Du bekommst höchstens eine Nachricht dieser Art alle 15 Minuten.</i>`;
