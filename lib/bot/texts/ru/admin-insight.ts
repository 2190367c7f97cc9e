import type { AuditLine, AuditSubject } from '../../../marketplace/audit-trail.js';
import type { MarketplaceStats, StatsPeriod } from '../../../marketplace/stats.js';
import { escapeHtml } from '../../html.js';
import type * as en from '../en/admin-insight.js';
import { money as formatMoney } from '../format.js';

/** What admins read in /stats and /audit. HTML. */

const e = escapeHtml;
const n = (value: number) => value.toLocaleString('ru-RU');

const periodWords: Record<StatsPeriod, string> = {
  today: 'сегодня',
  '7d': 'последние 7 дней',
  '30d': 'последние 30 дней',
};

/** "История заведения #12": the subject in the genitive. */
const subjectWords: Record<AuditSubject, string> = {
  venue: 'заведения',
  offer: 'предложения',
  reservation: 'брони',
  user: 'пользователя',
};

export const insightTexts: typeof en.insightTexts = {
  statsUsage:
    'Формат: <code>/stats [today|7d|30d]</code>, например <code>/stats 7d</code>. Без периода — за сегодня.',
  auditUsage:
    'Формат: <code>/audit &lt;venue|offer|reservation|user&gt; &lt;id&gt;</code>, например <code>/audit offer 42</code>.',
  periodButton: { today: 'Сегодня', '7d': '7 дней', '30d': '30 дней' } satisfies Record<StatsPeriod, string>,
  noAudit: (subject: AuditSubject, id: number) => `Для ${subjectWords[subject]} #${id} ничего не записано.`,
};

export const statsText: typeof en.statsText = (
  s: MarketplaceStats,
  period: StatsPeriod,
  currency: string,
): string => {
  const u = s.units;
  const rate = s.pickupRate === null ? '—' : `${Math.round(s.pickupRate * 100)}%`;
  const kg =
    s.saved.weighedUnits > 0
      ? ` · ${n(Math.round(s.saved.kg * 10) / 10)} кг (по ${n(s.saved.weighedUnits)} шт. с указанным весом)`
      : '';
  const top = s.topVenues.map(
    (v, i) =>
      `${i + 1}. ${e(v.name)} — выдано ${n(v.unitsPickedUp)} из ${n(v.unitsReserved)} забронированных шт. · ${formatMoney(v.takings, currency)}`,
  );
  return (
    `📊 <b>Маркетплейс: ${periodWords[period]}</b>\n\n` +
    `🍱 Опубликовано предложений: <b>${n(s.offersPublished)}</b>\n` +
    `📦 Забронировано: <b>${n(u.reserved)} шт.</b>\n` +
    `   ✅ выдано: ${n(u.pickedUp)} · ❌ отменено: ${n(u.cancelled)} · ⌛ не забрали: ${n(u.noShow)} · 🟢 ещё активны: ${n(u.open)}\n` +
    `🎯 Доля выдач: <b>${rate}</b> (среди броней, у которых закончилось время выдачи)\n` +
    `💶 Оплачено на месте: <b>${formatMoney(s.cash, currency)}</b>\n` +
    (s.paidOnline > 0 ? `💳 Оплачено онлайн: <b>${formatMoney(s.paidOnline, currency)}</b>\n` : '') +
    `🌱 Спасено еды: <b>${n(u.pickedUp)} шт.</b>${kg}\n` +
    `👥 Активны: клиенты — ${n(s.activeCustomers)} · заведения — ${n(s.activeVenues)}\n\n` +
    `🏆 <b>Лучшие заведения</b>\n${top.length > 0 ? top.join('\n') : 'За этот период пока никого.'}\n\n` +
    '<i>Брони учитываются в том периоде, когда их сделали.</i>'
  );
};

type Data = Record<string, unknown>;
const reason = (d: Data) => (typeof d.reason === 'string' && d.reason ? `: «${e(d.reason)}»` : '');
const statusWord = (value: unknown) => String(value ?? '').replace('_', ' ');

/** Each action as a noun phrase after the actor's name ("Ada: подтверждение"), so no verb has to agree with a gender. */
const actionWords: Record<string, (d: Data, line: AuditLine) => string> = {
  'venue.registered': () => 'регистрация заведения',
  'venue.verify': () => 'подтверждение',
  'venue.reject': (d) => `отклонение${reason(d)}`,
  'venue.changes': (d) => `запрос правок${reason(d)}`,
  'venue.resubmit': () => 'повторная отправка данных',
  'venue.suspend': (d) =>
    `приостановка${reason(d)} (снято предложений в продаже: ${Number(d.offers_withdrawn ?? 0)})`,
  'venue.reinstate': () => 'восстановление',
  'venue.time_zone': (d) =>
    `смена часового пояса на ${e(String(d.to))}${d.from ? ` (был ${e(String(d.from))})` : ''}`,
  'offer.created': () => 'создание черновика',
  'offer.publish': () => 'публикация',
  'offer.pause': () => 'пауза',
  'offer.resume': () => 'возобновление',
  'offer.sold_out': (_d, line) =>
    line.actor ? 'отметка «распродано»' : 'забронирована последняя штука: распродано',
  'offer.withdraw': () => 'снятие с продажи',
  'offer.edit': () => 'изменение позиции',
  'offer.expire': () => 'время выдачи закончилось: истекло',
  'offer.takedown': (d) =>
    d.venue_suspended ? 'снятие вместе с приостановкой заведения' : `снятие${reason(d)}`,
  'reservation.reserve': (d, line) => `бронь на ${Number(d.quantity ?? 0)} шт. (бронь #${line.entityId})`,
  'reservation.cancel': (_d, line) => `отмена брони #${line.entityId}`,
  'reservation.pickup': (_d, line) => `подтверждение выдачи по брони #${line.entityId}`,
  'reservation.settle': (d, line) =>
    `бронь #${line.entityId} закрыта: ${d.to === 'no_show' ? 'не забрали' : 'отменена вместе с предложением'}`,
  'user.bar': (d) => `запрет бронирования${reason(d)}`,
  'user.unbar': () => 'бронирование снова разрешено',
};

function actorName(line: AuditLine, adminIds: readonly number[]): string {
  if (!line.actor) return '⚙️ система';
  const name = line.actor.username ? `@${line.actor.username}` : line.actor.firstName || `#${line.actor.id}`;
  return `${e(name)}${adminIds.includes(line.actor.id) ? ' (админ)' : ''}`;
}

const when = (at: Date, zone: string) =>
  new Intl.DateTimeFormat('ru-RU', {
    timeZone: zone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);

export const auditText: typeof en.auditText = (
  subject: AuditSubject,
  id: number,
  lines: AuditLine[],
  options: { timezone: string; adminIds: readonly number[] },
): string => {
  const rows = lines.map((line) => {
    const words =
      actionWords[line.action]?.(line.data, line) ?? e(`${line.action} ${statusWord(line.data.to)}`.trim());
    return `${when(line.at, options.timezone)} · <b>${actorName(line, options.adminIds)}</b>: ${words}`;
  });
  return `📜 <b>История ${subjectWords[subject]} #${id}</b> (записей: ${lines.length}, сначала старые)\n\n${rows.join('\n')}`;
};
