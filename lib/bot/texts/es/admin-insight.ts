import type { AuditLine, AuditSubject } from '../../../marketplace/audit-trail.js';
import type { StatsPeriod } from '../../../marketplace/stats.js';
import { escapeHtml } from '../../html.js';
import type * as en from '../en/admin-insight.js';
import { money as formatMoney, number } from '../format.js';
import { plural } from '../plural.js';

/** Lo que leen los admins en /stats y /audit. HTML. */

const e = escapeHtml;
const n = (value: number) => number(value);

const periodWords: Record<StatsPeriod, string> = {
  today: 'hoy',
  '7d': 'últimos 7 días',
  '30d': 'últimos 30 días',
};

/** El sujeto de /audit con su artículo: «del local #12». */
const subjectWords: Record<AuditSubject, string> = {
  venue: 'del local',
  offer: 'de la oferta',
  reservation: 'de la reserva',
  user: 'del usuario',
};

export const insightTexts: typeof en.insightTexts = {
  statsUsage: 'Uso: <code>/stats [today|7d|30d]</code>, p. ej. <code>/stats 7d</code>. Sin periodo: hoy.',
  auditUsage:
    'Uso: <code>/audit &lt;venue|offer|reservation|user&gt; &lt;id&gt;</code>, p. ej. <code>/audit offer 42</code>.',
  periodButton: { today: 'Hoy', '7d': '7 días', '30d': '30 días' } satisfies Record<StatsPeriod, string>,
  noAudit: (subject, id) => `No hay nada registrado ${subjectWords[subject]} #${id}.`,
};

export const statsText: typeof en.statsText = (s, period, currency) => {
  const u = s.units;
  const rate = s.pickupRate === null ? '—' : `${Math.round(s.pickupRate * 100)} %`;
  const kg =
    s.saved.weighedUnits > 0
      ? ` · ${n(Math.round(s.saved.kg * 10) / 10)} kg (de ${plural(s.saved.weighedUnits, { one: '# unidad pesada', other: '# unidades pesadas' })})`
      : '';
  const top = s.topVenues.map(
    (v, i) =>
      `${i + 1}. ${e(v.name)} — ${n(v.unitsPickedUp)} recogidas de ${n(v.unitsReserved)} reservadas · ${formatMoney(v.takings, currency)}`,
  );
  return (
    `📊 <b>Marketplace, ${periodWords[period]}</b>\n\n` +
    `🍱 Ofertas publicadas: <b>${n(s.offersPublished)}</b>\n` +
    `📦 Unidades reservadas: <b>${n(u.reserved)}</b>\n` +
    `   ✅ recogidas ${n(u.pickedUp)} · ❌ canceladas ${n(u.cancelled)} · ⌛ no recogidas ${n(u.noShow)} · 🟢 aún abiertas ${n(u.open)}\n` +
    `🎯 Tasa de recogida: <b>${rate}</b> (de las que ya terminaron su horario)\n` +
    `💶 Cobrado al recoger: <b>${formatMoney(s.cash, currency)}</b>\n` +
    (s.paidOnline > 0 ? `💳 Pagado en línea: <b>${formatMoney(s.paidOnline, currency)}</b>\n` : '') +
    `🌱 Comida salvada: <b>${plural(u.pickedUp, { one: '# unidad', other: `${n(u.pickedUp)} unidades` })}</b>${kg}\n` +
    `👥 Activos: ${plural(s.activeCustomers, { one: '# cliente', other: `${n(s.activeCustomers)} clientes` })} · ${plural(s.activeVenues, { one: '# local', other: `${n(s.activeVenues)} locales` })}\n\n` +
    `🏆 <b>Locales destacados</b>\n${top.length > 0 ? top.join('\n') : 'Ninguno todavía en este periodo.'}\n\n` +
    '<i>Las reservas cuentan en el periodo en que se hicieron.</i>'
  );
};

type Data = Record<string, unknown>;
const reason = (d: Data) => (typeof d.reason === 'string' && d.reason ? `: «${e(d.reason)}»` : '');
const statusWord = (value: unknown) => String(value ?? '').replace('_', ' ');

/** Cada acción en palabras, tras el nombre de quien la hizo («Ada lo verificó»). */
const actionWords: Record<string, (d: Data, line: AuditLine) => string> = {
  'venue.registered': () => 'registró el local',
  'venue.verify': () => 'lo verificó',
  'venue.reject': (d) => `lo rechazó${reason(d)}`,
  'venue.changes': (d) => `pidió cambios${reason(d)}`,
  'venue.resubmit': () => 'volvió a enviar los datos',
  'venue.suspend': (d) =>
    `lo suspendió${reason(d)} (${plural(Number(d.offers_withdrawn ?? 0), { one: '# oferta activa retirada', other: '# ofertas activas retiradas' })})`,
  'venue.reinstate': () => 'lo reactivó',
  'venue.time_zone': (d) =>
    `cambió su zona horaria a ${e(String(d.to))}${d.from ? ` (antes ${e(String(d.from))})` : ''}`,
  'offer.created': () => 'la creó como borrador',
  'offer.publish': () => 'la publicó',
  'offer.pause': () => 'la pausó',
  'offer.resume': () => 'la reanudó',
  'offer.sold_out': (_d, line) =>
    line.actor ? 'la marcó como agotada' : 'se reservó la última unidad: agotada',
  'offer.withdraw': () => 'la retiró',
  'offer.edit': () => 'editó un producto',
  'offer.expire': () => 'terminó el horario de recogida: vencida',
  'offer.takedown': (d) => (d.venue_suspended ? 'la retiró al suspender el local' : `la retiró${reason(d)}`),
  'reservation.reserve': (d, line) => `reservó ${Number(d.quantity ?? 0)} (reserva #${line.entityId})`,
  'reservation.cancel': (_d, line) => `canceló la reserva #${line.entityId}`,
  'reservation.pickup': (_d, line) => `confirmó la recogida de la reserva #${line.entityId}`,
  'reservation.settle': (d, line) =>
    `la reserva #${line.entityId} terminó: ${d.to === 'no_show' ? 'no recogida' : 'cancelada con la oferta'}`,
  'user.bar': (d) => `le bloqueó las reservas${reason(d)}`,
  'user.unbar': () => 'le dejó volver a reservar',
};

function actorName(line: AuditLine, adminIds: readonly number[]): string {
  if (!line.actor) return '⚙️ sistema';
  const name = line.actor.username ? `@${line.actor.username}` : line.actor.firstName || `#${line.actor.id}`;
  return `${e(name)}${adminIds.includes(line.actor.id) ? ' (admin)' : ''}`;
}

const when = (at: Date, zone: string) =>
  new Intl.DateTimeFormat('es-ES', {
    timeZone: zone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);

export const auditText: typeof en.auditText = (subject, id, lines, options) => {
  const rows = lines.map((line) => {
    const words =
      actionWords[line.action]?.(line.data, line) ?? e(`${line.action} ${statusWord(line.data.to)}`.trim());
    return `${when(line.at, options.timezone)} · <b>${actorName(line, options.adminIds)}</b> ${words}`;
  });
  return `📜 <b>Historial ${subjectWords[subject]} #${id}</b> (${plural(lines.length, { one: 'la última entrada', other: 'las últimas #' })}, de la más antigua a la más reciente)\n\n${rows.join('\n')}`;
};
