import type { AuditLine, AuditSubject } from '../../../marketplace/audit-trail.js';
import type { MarketplaceStats, StatsPeriod } from '../../../marketplace/stats.js';
import { escapeHtml } from '../../html.js';
import { money as formatMoney } from '../format.js';

/** What admins read in /stats and /audit. HTML. */

const e = escapeHtml;
const n = (value: number) => value.toLocaleString('en-GB');

const periodWords: Record<StatsPeriod, string> = {
  today: 'today',
  '7d': 'the last 7 days',
  '30d': 'the last 30 days',
};

export const insightTexts = {
  statsUsage:
    'Usage: <code>/stats [today|7d|30d]</code>, e.g. <code>/stats 7d</code>. Without a period: today.',
  auditUsage:
    'Usage: <code>/audit &lt;venue|offer|reservation|user&gt; &lt;id&gt;</code>, e.g. <code>/audit offer 42</code>.',
  periodButton: { today: 'Today', '7d': '7 days', '30d': '30 days' } satisfies Record<StatsPeriod, string>,
  noAudit: (subject: AuditSubject, id: number) => `Nothing recorded for ${subject} #${id}.`,
};

export function statsText(s: MarketplaceStats, period: StatsPeriod, currency: string): string {
  const u = s.units;
  const rate = s.pickupRate === null ? '—' : `${Math.round(s.pickupRate * 100)}%`;
  const kg =
    s.saved.weighedUnits > 0
      ? ` · ${n(Math.round(s.saved.kg * 10) / 10)} kg (of ${n(s.saved.weighedUnits)} weighed units)`
      : '';
  const top = s.topVenues.map(
    (v, i) =>
      `${i + 1}. ${e(v.name)} — ${n(v.unitsPickedUp)} collected of ${n(v.unitsReserved)} reserved · ${formatMoney(v.takings, currency)}`,
  );
  return (
    `📊 <b>Marketplace, ${periodWords[period]}</b>\n\n` +
    `🍱 Offers published: <b>${n(s.offersPublished)}</b>\n` +
    `📦 Units reserved: <b>${n(u.reserved)}</b>\n` +
    `   ✅ ${n(u.pickedUp)} picked up · ❌ ${n(u.cancelled)} cancelled · ⌛ ${n(u.noShow)} not picked up · 🟢 ${n(u.open)} still open\n` +
    `🎯 Pickup rate: <b>${rate}</b> (of those whose window ended)\n` +
    `💶 Cash at pickup: <b>${formatMoney(s.cash, currency)}</b>\n` +
    (s.paidOnline > 0 ? `💳 Paid online: <b>${formatMoney(s.paidOnline, currency)}</b>\n` : '') +
    `🌱 Food saved: <b>${n(u.pickedUp)} units</b>${kg}\n` +
    `👥 Active: ${n(s.activeCustomers)} customers · ${n(s.activeVenues)} venues\n\n` +
    `🏆 <b>Top venues</b>\n${top.length > 0 ? top.join('\n') : 'None yet in this period.'}\n\n` +
    '<i>Reservations count in the period they were made in.</i>'
  );
}

type Data = Record<string, unknown>;
const reason = (d: Data) => (typeof d.reason === 'string' && d.reason ? `: “${e(d.reason)}”` : '');
const statusWord = (value: unknown) => String(value ?? '').replace('_', ' ');

/** Each action in words, after the actor's name ("Ada verified it"). */
const actionWords: Record<string, (d: Data, line: AuditLine) => string> = {
  'venue.registered': () => 'registered the venue',
  'venue.verify': () => 'verified it',
  'venue.reject': (d) => `rejected it${reason(d)}`,
  'venue.changes': (d) => `asked for changes${reason(d)}`,
  'venue.resubmit': () => 'resubmitted the details',
  'venue.suspend': (d) =>
    `suspended it${reason(d)} (${Number(d.offers_withdrawn ?? 0)} live offers withdrawn)`,
  'venue.reinstate': () => 'reinstated it',
  'venue.time_zone': (d) =>
    `set its time zone to ${e(String(d.to))}${d.from ? ` (was ${e(String(d.from))})` : ''}`,
  'offer.created': () => 'created it as a draft',
  'offer.publish': () => 'published it',
  'offer.pause': () => 'paused it',
  'offer.resume': () => 'resumed it',
  'offer.sold_out': (_d, line) =>
    line.actor ? 'marked it sold out' : 'the last unit was reserved: sold out',
  'offer.withdraw': () => 'withdrew it',
  'offer.edit': () => 'edited an item',
  'offer.expire': () => 'the pickup window ended: expired',
  'offer.takedown': (d) =>
    d.venue_suspended ? 'took it down with the venue’s suspension' : `took it down${reason(d)}`,
  'reservation.reserve': (d, line) => `reserved ${Number(d.quantity ?? 0)} (reservation #${line.entityId})`,
  'reservation.cancel': (_d, line) => `cancelled reservation #${line.entityId}`,
  'reservation.pickup': (_d, line) => `confirmed the pickup of reservation #${line.entityId}`,
  'reservation.settle': (d, line) =>
    `reservation #${line.entityId} ended: ${d.to === 'no_show' ? 'not picked up' : 'cancelled with the offer'}`,
  'user.bar': (d) => `blocked from reserving${reason(d)}`,
  'user.unbar': () => 'allowed to reserve again',
};

function actorName(line: AuditLine, adminIds: readonly number[]): string {
  if (!line.actor) return '⚙️ system';
  const name = line.actor.username ? `@${line.actor.username}` : line.actor.firstName || `#${line.actor.id}`;
  return `${e(name)}${adminIds.includes(line.actor.id) ? ' (admin)' : ''}`;
}

const when = (at: Date, zone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);

export function auditText(
  subject: AuditSubject,
  id: number,
  lines: AuditLine[],
  options: { timezone: string; adminIds: readonly number[] },
): string {
  const rows = lines.map((line) => {
    const words =
      actionWords[line.action]?.(line.data, line) ?? e(`${line.action} ${statusWord(line.data.to)}`.trim());
    return `${when(line.at, options.timezone)} · <b>${actorName(line, options.adminIds)}</b> ${words}`;
  });
  return `📜 <b>Audit trail of ${subject} #${id}</b> (last ${lines.length}, oldest first)\n\n${rows.join('\n')}`;
}
