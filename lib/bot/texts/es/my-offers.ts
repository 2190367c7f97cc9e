import type { OfferFilter, OfferWithItems } from '../../../marketplace/offers.js';
import { escapeHtml as e } from '../../html.js';
import { truncate } from '../../truncate.js';
import type * as en from '../en/my-offers.js';
import { pickupWindow as describePickupWindow } from '../format.js';
import { plural } from '../plural.js';

/** /myoffers en un solo mensaje, los botones de la ficha de una oferta y lo que preguntan antes de actuar. HTML. */

const filterWords: Record<OfferFilter, string> = {
  live: '🟢 Activas',
  drafts: '📝 Borradores',
  past: '⌛ Pasadas',
};

const statusWords: Record<OfferWithItems['status'], string> = {
  draft: '📝 borrador',
  active: '🟢 activa',
  paused: '⏸ pausada',
  sold_out: '🔴 agotada',
  expired: '⌛ vencida',
  withdrawn: '✖️ retirada',
};

const emptyFilter: Record<OfferFilter, string> = {
  live: 'Ahora mismo no hay nada activo.',
  drafts: 'No hay borradores.',
  past: 'Aún no hay ofertas pasadas.',
};

export const myOffersTexts: typeof en.myOffersTexts = {
  page(listing, filter, l) {
    const paging = listing.pages > 1 ? ` · página ${listing.page + 1}/${listing.pages}` : '';
    const head = `<b>Tus ofertas</b> · ${filterWords[filter]} (${listing.total})${paging}`;
    if (listing.offers.length === 0)
      return `${head}\n\n${emptyFilter[filter]} Publica una con ➕ Nueva oferta.`;
    const lines = listing.offers.map((o, i) => {
      const left = o.items.reduce((sum, item) => sum + item.quantityAvailable, 0);
      const total = o.items.reduce((sum, item) => sum + item.quantityTotal, 0);
      const n = listing.page * listing.pageSize + i + 1;
      return `${n}. <b>${e(o.title)}</b> #${o.id} · ${statusWords[o.status]}\n   ${describePickupWindow(o.pickupStart, o.pickupEnd, l.now, l.timezone)} · quedan ${left}/${total}`;
    });
    return `${head}\n\n${lines.join('\n')}\n\nToca una oferta para gestionarla.`;
  },
  tab: (filter, count, current) => `${current ? '• ' : ''}${filterWords[filter]} (${count})`,
  offerButton: (n, o) => truncate(`${n}. ${o.title}`, 40),
  confirmWithdraw: (title, holders) =>
    `¿Retirar <b>${e(title)}</b> definitivamente?\n\n` +
    (holders > 0
      ? `⚠️ ${plural(holders, {
          one: 'Un cliente tiene una reserva: le avisaremos y su reserva se cancelará.',
          other: '# clientes tienen reservas: les avisaremos y sus reservas se cancelarán.',
        })}`
      : 'Nadie tiene una reserva.') +
    '\nLos clientes ya no la verán. No se puede deshacer.',
  confirmSoldOut: (title, unitsLeft, holders) =>
    `¿Marcar <b>${e(title)}</b> como agotada?\n\n` +
    `${
      unitsLeft > 0
        ? plural(unitsLeft, {
            one: 'La unidad que queda a la venta deja de estarlo.',
            other: 'Las # unidades que quedan a la venta dejan de estarlo.',
          })
        : 'De todos modos, ya no queda nada a la venta.'
    } ` +
    (holders > 0
      ? plural(holders, {
          one: 'Un cliente tiene una reserva y la conserva.',
          other: '# clientes tienen reservas y las conservan.',
        })
      : 'Nadie tiene una reserva.') +
    '\nPuedes reponerla más tarde con ✏️ Editar.',
  withdrawn: (told) =>
    told > 0
      ? `✖️ Retirada. ${plural(told, {
          one: 'Hemos avisado al cliente que tenía una reserva.',
          other: 'Hemos avisado a los # clientes que tenían reservas.',
        })}`
      : '✖️ Retirada. Nadie tenía reservas.',
  repeated: (id, l, o) =>
    `🔁 El borrador #${id} está listo: los mismos productos, recogida ${describePickupWindow(o.pickupStart, o.pickupEnd, l.now, l.timezone)}. Cambia lo que quieras con ✏️ Editar y luego 🚀 Publicar.`,
  notOwner:
    'Solo el dueño de un local gestiona sus ofertas. El personal ve quién viene con /reservations. Para vender tu propia comida, registra un local con /register.',
};

export const manageButtons: typeof en.manageButtons = {
  yesWithdraw: '✖️ Sí, retirar',
  keepIt: '◀ No, mantenerla',
  yesSoldOut: '🔴 Sí, agotada',
  keepSelling: '◀ No, seguir vendiendo',
  reservations: '🧾 Reservas',
  repeat: '🔁 Repetir',
  drop: '📅 Programar',
  back: '◀ Mis ofertas',
  newOffer: '➕ Nueva oferta',
  venue: '🏪 Local',
  prev: '◀',
  next: '▶',
};
