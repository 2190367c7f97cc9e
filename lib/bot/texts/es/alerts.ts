import type { Alert } from '../../../ops/alerts.js';
import { escapeHtml } from '../../html.js';
import type * as en from '../en/alerts.js';
import { plural } from '../plural.js';

/** Lo que leen los admins cuando algo va mal (lo envía lib/ops/alerts.ts, como mucho una vez por tipo cada 15 min). */
const lines: { [K in Alert['kind']]: (alert: Extract<Alert, { kind: K }>) => string } = {
  errors: ({ count }) =>
    `⚠️ <b>Se están acumulando errores</b>: ${count} en el último minuto. Mira en los logs (nivel "error") qué está fallando.`,
  lost_callbacks: ({ offers }) =>
    `⚠️ <b>Se han perdido llamadas de vencimiento</b>: el barrido tuvo que cerrar ${plural(offers, { one: '# oferta', other: '# ofertas' })} cuyo horario de recogida ya había terminado. Revisa QStash (entregas fallidas, la DLQ) y PUBLIC_URL.`,
  stuck_notices: ({ notices }) =>
    `⚠️ <b>Los mensajes no llegan</b>: ${plural(notices, { one: '# aviso sigue', other: '# avisos siguen' })} sin entregarse después de una hora. Revisa las respuestas de Telegram en los logs (notify_failed) y el job deliver-notices.`,
  stuck_refunds: ({ refunds, keyMissing }) =>
    keyMissing
      ? `🚨 <b>Los reembolsos no pueden salir</b>: se ${plural(refunds, { one: 'debe # reembolso', other: 'deben # reembolsos' })} a clientes y STRIPE_SECRET_KEY no está configurada. Vuelve a ponerla (sin PAYMENT_PROVIDER_TOKEN el pago online sigue apagado); el job refund y el barrido los enviarán.`
      : `⚠️ <b>Reembolsos atascados</b>: ${plural(refunds, { one: '# reembolso pedido', other: '# reembolsos pedidos' })} hace más de una hora y Stripe aún no los ha aceptado. Revisa los logs (refund_retry) y STRIPE_SECRET_KEY; mira "A refund is held up" en el runbook.`,
  health: ({ failing }) =>
    `🚨 <b>Falla el chequeo de salud</b>: ${escapeHtml(failing.join(', '))}. Mira /api/health y los logs de la función.`,
};

export const alertText: typeof en.alertText = (alert) =>
  `${(lines[alert.kind] as (a: Alert) => string)(alert)}\n\n<i>Recibes como mucho un mensaje de este tipo cada 15 minutos.</i>`;
