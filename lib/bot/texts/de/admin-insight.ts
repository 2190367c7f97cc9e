import type { AuditLine, AuditSubject } from '../../../marketplace/audit-trail.js';
import type { StatsPeriod } from '../../../marketplace/stats.js';
import { escapeHtml } from '../../html.js';
import type * as en from '../en/admin-insight.js';
import { money as formatMoney } from '../format.js';
import { plural } from '../plural.js';

/** What admins read in /stats and /audit. HTML. */

const e = escapeHtml;
const n = (value: number) => value.toLocaleString('de-DE');

const periodWords: Record<StatsPeriod, string> = {
  today: 'heute',
  '7d': 'letzte 7 Tage',
  '30d': 'letzte 30 Tage',
};

const subjectWords: Record<AuditSubject, string> = {
  venue: 'Betrieb',
  offer: 'Angebot',
  reservation: 'Reservierung',
  user: 'Person',
};

export const insightTexts: typeof en.insightTexts = {
  statsUsage:
    'Verwendung: <code>/stats [today|7d|30d]</code>, z. B. <code>/stats 7d</code>. Ohne Zeitraum: heute.',
  auditUsage:
    'Verwendung: <code>/audit &lt;venue|offer|reservation|user&gt; &lt;id&gt;</code>, z. B. <code>/audit offer 42</code>.',
  periodButton: { today: 'Heute', '7d': '7 Tage', '30d': '30 Tage' } satisfies Record<StatsPeriod, string>,
  noAudit: (subject, id) => `Zu ${subjectWords[subject]} #${id} ist nichts verzeichnet.`,
};

export const statsText: typeof en.statsText = (s, period, currency) => {
  const u = s.units;
  const rate = s.pickupRate === null ? '—' : `${Math.round(s.pickupRate * 100)} %`;
  const kg =
    s.saved.weighedUnits > 0
      ? ` · ${n(Math.round(s.saved.kg * 10) / 10)} kg (von ${n(s.saved.weighedUnits)} gewogenen Stück)`
      : '';
  const top = s.topVenues.map(
    (v, i) =>
      `${i + 1}. ${e(v.name)} — ${n(v.unitsPickedUp)} von ${n(v.unitsReserved)} reservierten Stück abgeholt · ${formatMoney(v.takings, currency)}`,
  );
  return (
    `📊 <b>Marktplatz, ${periodWords[period]}</b>\n\n` +
    `🍱 Veröffentlichte Angebote: <b>${n(s.offersPublished)}</b>\n` +
    `📦 Reservierte Stück: <b>${n(u.reserved)}</b>\n` +
    `   ✅ ${n(u.pickedUp)} abgeholt · ❌ ${n(u.cancelled)} storniert · ⌛ ${n(u.noShow)} nicht abgeholt · 🟢 ${n(u.open)} noch offen\n` +
    `🎯 Abholquote: <b>${rate}</b> (von denen, deren Abholzeit vorbei ist)\n` +
    `💶 Bar bei Abholung: <b>${formatMoney(s.cash, currency)}</b>\n` +
    (s.paidOnline > 0 ? `💳 Online bezahlt: <b>${formatMoney(s.paidOnline, currency)}</b>\n` : '') +
    `🌱 Gerettetes Essen: <b>${n(u.pickedUp)} Stück</b>${kg}\n` +
    `👥 Aktiv: ${n(s.activeCustomers)} Kund:innen · ${n(s.activeVenues)} Betriebe\n\n` +
    `🏆 <b>Top-Betriebe</b>\n${top.length > 0 ? top.join('\n') : 'In diesem Zeitraum noch keine.'}\n\n` +
    '<i>Reservierungen zählen in dem Zeitraum, in dem sie gemacht wurden.</i>'
  );
};

type Data = Record<string, unknown>;
const reason = (d: Data) => (typeof d.reason === 'string' && d.reason ? `: „${e(d.reason)}“` : '');
const statusWord = (value: unknown) => String(value ?? '').replace('_', ' ');

/**
 * Each action in words, after the actor's name ("Ada hat ihn verifiziert"): "ihn" is the venue (der Betrieb),
 * "es" the offer (das Angebot). What the system did reads "⚙️ System — …".
 */
const actionWords: Record<string, (d: Data, line: AuditLine) => string> = {
  'venue.registered': () => 'hat den Betrieb registriert',
  'venue.verify': () => 'hat ihn verifiziert',
  'venue.reject': (d) => `hat ihn abgelehnt${reason(d)}`,
  'venue.changes': (d) => `hat Änderungen angefordert${reason(d)}`,
  'venue.resubmit': () => 'hat die Angaben erneut eingereicht',
  'venue.suspend': (d) =>
    `hat ihn gesperrt${reason(d)} (${plural(Number(d.offers_withdrawn ?? 0), { one: '# aktives Angebot', other: '# aktive Angebote' })} zurückgezogen)`,
  'venue.reinstate': () => 'hat ihn wieder freigeschaltet',
  'venue.time_zone': (d) =>
    `hat seine Zeitzone auf ${e(String(d.to))} gesetzt${d.from ? ` (vorher ${e(String(d.from))})` : ''}`,
  'offer.created': () => 'hat es als Entwurf erstellt',
  'offer.publish': () => 'hat es veröffentlicht',
  'offer.pause': () => 'hat es pausiert',
  'offer.resume': () => 'hat es fortgesetzt',
  'offer.sold_out': (_d, line) =>
    line.actor ? 'hat es als ausverkauft markiert' : '— das letzte Stück wurde reserviert: ausverkauft',
  'offer.withdraw': () => 'hat es zurückgezogen',
  'offer.edit': () => 'hat einen Artikel bearbeitet',
  'offer.expire': () => '— die Abholzeit ist vorbei: abgelaufen',
  'offer.takedown': (d) =>
    d.venue_suspended ? 'hat es mit der Sperrung des Betriebs entfernt' : `hat es entfernt${reason(d)}`,
  'reservation.reserve': (d, line) =>
    `hat ${Number(d.quantity ?? 0)} reserviert (Reservierung #${line.entityId})`,
  'reservation.cancel': (_d, line) => `hat Reservierung #${line.entityId} storniert`,
  'reservation.pickup': (_d, line) => `hat die Abholung von Reservierung #${line.entityId} bestätigt`,
  'reservation.settle': (d, line) =>
    `— Reservierung #${line.entityId} beendet: ${d.to === 'no_show' ? 'nicht abgeholt' : 'mit dem Angebot storniert'}`,
  'user.bar': (d) => `hat die Person vom Reservieren ausgeschlossen${reason(d)}`,
  'user.unbar': () => 'hat die Person wieder zum Reservieren zugelassen',
};

function actorName(line: AuditLine, adminIds: readonly number[]): string {
  if (!line.actor) return '⚙️ System';
  const name = line.actor.username ? `@${line.actor.username}` : line.actor.firstName || `#${line.actor.id}`;
  return `${e(name)}${adminIds.includes(line.actor.id) ? ' (Admin)' : ''}`;
}

const when = (at: Date, zone: string) =>
  new Intl.DateTimeFormat('de-DE', {
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
  const shown = plural(lines.length, { one: 'letzter Eintrag', other: 'letzte # Einträge' });
  return `📜 <b>Verlauf: ${subjectWords[subject]} #${id}</b> (${shown}, älteste zuerst)\n\n${rows.join('\n')}`;
};
