import type { OfferStatus } from '../../../marketplace/offers.js';
import { escapeHtml } from '../../html.js';
import { truncate } from '../../truncate.js';
import type * as en from '../en/admin-console.js';
import { pickupWindow as describePickupWindow, money as formatMoney } from '../format.js';
import { plural } from '../plural.js';
import { venueStatusWord } from './admin.js';

/** Lo que leen los admins al buscar locales, consultar uno y actuar sobre locales, ofertas y clientes. HTML. */

const e = escapeHtml;

/** «N clientes con reservas han sido avisados», o con un solo cliente. */
const holdersTold = (holders: number, what = '') =>
  plural(holders, {
    one: `se ha avisado al cliente que tenía una reserva${what}`,
    other: `se ha avisado a los # clientes que tenían reservas${what}`,
  });

export const usage: typeof en.usage = {
  suspend:
    'Uso: <code>/suspend &lt;id del local&gt; &lt;motivo&gt;</code>, p. ej. <code>/suspend 12 Quejas repetidas por no entregar</code>.',
  unsuspend: 'Uso: <code>/unsuspend &lt;id del local&gt;</code>, p. ej. <code>/unsuspend 12</code>.',
  takedown:
    'Uso: <code>/takedown &lt;id de la oferta&gt; &lt;motivo&gt;</code>, p. ej. <code>/takedown 42 No es comida</code>.',
  block:
    'Uso: <code>/block &lt;id de usuario&gt; &lt;motivo&gt;</code>, p. ej. <code>/block 1001 Mensajes ofensivos</code>. El id aparece en los mensajes de reserva del local y en /audit.',
  unblock: 'Uso: <code>/unblock &lt;id de usuario&gt;</code>, p. ej. <code>/unblock 1001</code>.',
  venue:
    'Uso: <code>/venue &lt;id del local&gt;</code>, p. ej. <code>/venue 12</code>. Busca los ids con /venues.',
  venues:
    'Uso: <code>/venues [pending|changes|verified|rejected|suspended] [nombre o dirección]</code>, p. ej. <code>/venues verified panadería</code>.',
  reasonLength: 'El motivo debe tener entre 3 y 300 caracteres.',
};

export const moderationTexts: typeof en.moderationTexts = {
  suspended: (name, id, offers, holders) =>
    `⛔ <b>${e(name)}</b> (#${id}) está suspendido. ${
      offers === 0
        ? 'No tenía ofertas activas.'
        : `${plural(offers, { one: 'Se ha retirado # oferta activa', other: 'Se han retirado # ofertas activas' })}; ${holdersTold(holders)}.`
    } Se ha explicado el motivo al dueño y ha perdido el menú del local.`,
  alreadySuspended: (name, id) => `<b>${e(name)}</b> (#${id}) ya está suspendido.`,
  reinstated: (name, id) =>
    `✅ <b>${e(name)}</b> (#${id}) vuelve a estar verificado. Se ha avisado al dueño y ha recuperado el menú del local. Las ofertas retiradas siguen retiradas.`,
  alreadyReinstated: (name, id) => `<b>${e(name)}</b> (#${id}) no está suspendido.`,
  takenDown: (title, id, venue, holders) =>
    `✖️ La oferta <b>${e(title)}</b> (#${id}) de <b>${e(venue)}</b> se ha retirado. Se ha explicado el motivo al local; ${holdersTold(holders, ' de que se ha retirado')}.`,
  barred: (name, id, changed) =>
    changed
      ? `🚷 ${e(name || 'El cliente')} (<code>${id}</code>) ya no puede reservar. Se le ha avisado una vez; las reservas que ya tiene siguen siendo suyas para recoger. /unblock ${id} lo deshace.`
      : `${e(name || 'El cliente')} (<code>${id}</code>) ya tenía bloqueadas las reservas.`,
  unbarred: (name, id, changed) =>
    changed
      ? `✅ ${e(name || 'El cliente')} (<code>${id}</code>) puede volver a reservar, y se le ha avisado.`
      : `${e(name || 'El cliente')} (<code>${id}</code>) no estaba bloqueado.`,
  suspendButton: '⛔ Suspender',
  unsuspendButton: '✅ Reactivar',
  auditButton: '📜 Historial',
  takedownButton: (id, title) => `✖️ Retirar #${id} ${truncate(title, 24)}`,
};

const filterWords: Record<string, string> = {
  all: 'Todos los locales',
  pending: 'Pendientes de revisión',
  changes: 'Esperando cambios',
  verified: 'Locales verificados',
  rejected: 'Locales rechazados',
  suspended: 'Locales suspendidos',
};

export const venueListTexts: typeof en.venueListTexts = {
  header: (filter, text, total, page, pages) =>
    `<b>${filterWords[filter]}</b>${text ? ` que coinciden con «${e(text)}»` : ''}: ${total}` +
    `${pages > 1 ? ` (página ${page + 1}/${pages})` : ''}\nToca uno para abrir su ficha.`,
  none: (filter, text) =>
    `No se han encontrado locales${filter === 'all' ? '' : ` entre «${filterWords[filter]?.toLowerCase()}»`}${text ? ` que coincidan con «${e(text)}»` : ''}. Prueba /venues a secas para verlos todos.`,
  button: ({ venue }) =>
    `#${venue.id} ${truncate(venue.name, 40)} · ${venueStatusWord(venue.status).split(' ')[0]}`,
};

const offerWords: Record<OfferStatus, string> = {
  draft: 'borrador',
  active: 'activa',
  paused: 'pausada',
  sold_out: 'agotada',
  expired: 'vencida',
  withdrawn: 'retirada',
};

/** Los recuentos por estado, con el número delante: «1 activa», «3 activas». */
const offerCounts: Record<OfferStatus, { one: string; other: string }> = {
  draft: { one: '# borrador', other: '# borradores' },
  active: { one: '# activa', other: '# activas' },
  paused: { one: '# pausada', other: '# pausadas' },
  sold_out: { one: '# agotada', other: '# agotadas' },
  expired: { one: '# vencida', other: '# vencidas' },
  withdrawn: { one: '# retirada', other: '# retiradas' },
};

/** Bajo la ficha del local en /venue: ofertas, reservas, dinero. */
export const dossierText: typeof en.dossierText = (d, locale) => {
  const counts = (Object.entries(d.offersByStatus) as Array<[OfferStatus, number]>)
    .map(([status, n]) => plural(n, offerCounts[status]))
    .join(' · ');
  const live = d.liveOffers.map(
    (o) =>
      `• #${o.id} <b>${e(o.title)}</b> — ${offerWords[o.status]}, ${plural(o.unitsAvailable, { one: 'queda #', other: 'quedan #' })}, ` +
      describePickupWindow(o.pickupStart, o.pickupEnd, locale.now, locale.timezone),
  );
  const r = d.reservations;
  return (
    `<b>Ofertas</b>: ${counts || 'ninguna aún'}${live.length > 0 ? `\n${live.join('\n')}` : ''}\n\n` +
    `<b>Reservas</b>: abiertas ${r.reserved} · recogidas ${r.pickedUp} · canceladas ${r.cancelled} · no recogidas ${r.noShow}\n` +
    `${plural(r.unitsPickedUp, { one: '# unidad recogida', other: '# unidades recogidas' })}, ${formatMoney(r.cash, locale.currency)} pagados al recoger${r.paidOnline > 0 ? `, ${formatMoney(r.paidOnline, locale.currency)} pagados en línea` : ''}`
  );
};
