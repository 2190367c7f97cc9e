import type { Alert } from '../../../ops/alerts.js';
import { escapeHtml } from '../../html.js';
import type * as en from '../en/alerts.js';
import { plural } from '../plural.js';

/** What admins read when something is wrong (lib/ops/alerts.ts sends it, at most once per kind per 15 min). */
const lines: { [K in Alert['kind']]: (alert: Extract<Alert, { kind: K }>) => string } = {
  errors: ({ count }) =>
    `⚠️ <b>Копятся ошибки</b>: ${count} за последнюю минуту. Посмотрите в логах (level "error"), что падает.`,
  lost_callbacks: ({ offers }) =>
    `⚠️ <b>Потерялись колбэки истечения</b>: плановой проверке пришлось завершить ${plural(offers, { one: '# предложение', few: '# предложения', many: '# предложений', other: '# предложения' })} с закончившимся временем выдачи. Проверьте QStash (неудачные доставки, DLQ) и PUBLIC_URL.`,
  stuck_notices: ({ notices }) =>
    `⚠️ <b>Сообщения не доходят</b>: ${plural(notices, { one: '# уведомление не доставлено', few: '# уведомления не доставлены', many: '# уведомлений не доставлено', other: '# уведомления не доставлено' })} за час. Проверьте ответы Telegram в логах (notify_failed) и задачу deliver-notices.`,
  stuck_refunds: ({ refunds, keyMissing }) =>
    keyMissing
      ? `🚨 <b>Возвраты не могут уйти</b>: клиентам ${plural(refunds, { one: 'положен # возврат', few: 'положены # возврата', many: 'положены # возвратов', other: 'положены # возврата' })}, а STRIPE_SECRET_KEY не задан. Задайте его снова (без PAYMENT_PROVIDER_TOKEN онлайн-оплата останется выключенной); задача refund и плановая проверка отправят их.`
      : `⚠️ <b>Возвраты застряли</b>: ${plural(refunds, { one: '# возврат запрошен', few: '# возврата запрошены', many: '# возвратов запрошены', other: '# возврата запрошены' })} больше часа назад, а Stripe их до сих пор не принял. Проверьте логи (refund_retry) и STRIPE_SECRET_KEY; см. «A refund is held up» в runbook.`,
  health: ({ failing }) =>
    `🚨 <b>Не проходит проверка здоровья</b>: ${escapeHtml(failing.join(', '))}. Смотрите /api/health и логи функций.`,
};

export const alertText: typeof en.alertText = (alert: Alert): string =>
  `${(lines[alert.kind] as (a: Alert) => string)(alert)}\n\n<i>Такие сообщения приходят не чаще раза в 15 минут.</i>`;
